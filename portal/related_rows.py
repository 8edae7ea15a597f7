"""Related rows read with their parent in the parent's own query, on PostgreSQL: one round trip, not one per kind.

`prefetch_related` reads each kind of related row in a query of its own, after the parent's. Where the
round trips themselves are the cost (a submission minutes before a deadline: the application with its
activities, indicators, budget lines and documents, under a row lock), `rows(queryset)` annotates the
parent with a JSON array of the related rows (ARRAY(SELECT jsonb_build_object(...))), and `load(model,
array)` makes model instances of them, each value through its field's own conversion, so they are the
instances a prefetch would give. `attach(instance, name, objects)` puts them where `instance.<name>.all()`
finds them, as prefetch_related does. Decimals travel as text (JSON numbers would be floats) and dates
and times as ISO text; every field is converted by `Field.to_python`.

Looked at: django-auto-prefetch and Django's own Prefetch (both one query per relation); nothing packaged
reads several relations in the parent's query. PostgreSQL only: on SQLite (the embedded demo) the callers
keep prefetch_related.
"""

from django.contrib.postgres.expressions import ArraySubquery
from django.db import models
from django.db.models.functions import Cast, JSONObject

_AS_TEXT = (models.DecimalField, models.DateTimeField, models.DateField, models.TimeField, models.UUIDField)


def _columns(model) -> list[models.Field]:
    return [field for field in model._meta.concrete_fields if not getattr(field, "generated", False)]


def rows(queryset) -> ArraySubquery:
    """An annotation: the rows of `queryset` (filtered on OuterRef, ordered) as an array of JSON objects."""
    values = {}
    for field in _columns(queryset.model):
        values[field.attname] = Cast(field.attname, models.TextField()) if isinstance(field, _AS_TEXT) else \
            models.F(field.attname)
    return ArraySubquery(queryset.values(row=JSONObject(**values)))


def load(model, array, *, using: str = "default") -> list:
    """Instances of `model` from an array made by `rows()`."""
    fields = _columns(model)
    names = [field.attname for field in fields]
    found = []
    for row in array or []:
        values = [None if row.get(name) is None else field.to_python(row[name]) for field, name in zip(fields, names,
                                                                                                        strict=True)]
        found.append(model.from_db(using, names, values))
    return found


def attach(instance, name: str, objects: list) -> None:
    """`instance.<name>.all()` gives `objects` without a query, as after prefetch_related(name) of a reverse
    foreign key; each object's back reference is the instance, as a prefetch sets it."""
    relation = instance._meta.get_field(name)  # a ManyToOneRel: its cache name is the accessor's
    queryset = relation.related_model._base_manager.none()
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[relation.cache_name] = queryset
    for obj in objects:
        relation.field.set_cached_value(obj, instance)
