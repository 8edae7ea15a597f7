"""Related rows read with their parent in the parent's own query, on PostgreSQL: one round trip, not one per kind.

`prefetch_related` reads each kind of related row in a query of its own, after the parent's. Where the
round trips themselves are the cost (a submission minutes before a deadline: the application with its
activities, indicators, budget lines and documents, under a row lock), `rows(queryset)` annotates the
parent with a JSON array of the related rows (ARRAY(SELECT jsonb_build_object(...))), and `load(model,
array)` makes model instances of them, each value through its field's own conversion, so they are the
instances a prefetch would give. `attach(instance, name, objects)` puts them where `instance.<name>.all()`
finds them, as prefetch_related does. Decimals travel as text (JSON numbers would be floats) and dates
and times as ISO text; every field is converted by `Field.to_python`.

Such a query is cheap for the database and dear for Python: Django builds and compiles dozens of JSON
expressions every time (three quarters of the submission's CPU). `CompiledRead` compiles it once per process,
with a stand-in for its one parameter, and runs the SQL with the value; `columns(model, path)` reads a joined
parent as JSON too, so every column of the result loads with `load` and no compiler is needed to read it.

Looked at: django-auto-prefetch and Django's own Prefetch (both one query per relation); nothing packaged
reads several relations in the parent's query. PostgreSQL only: on SQLite (the embedded demo) the callers
keep prefetch_related.
"""

import json
from collections.abc import Callable

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connections, models
from django.db.models.functions import Cast, JSONObject
from django.db.transaction import TransactionManagementError

# jsonb_build_object takes at most 100 arguments: a wider row is read in parts of 50 keys.
_KEYS_PER_OBJECT = 50

_AS_TEXT = (models.DecimalField, models.DateTimeField, models.DateField, models.TimeField, models.UUIDField)


def _columns(model) -> list[models.Field]:
    return [field for field in model._meta.concrete_fields if not getattr(field, "generated", False)]


def _json_values(fields, path: str = "") -> dict:
    values = {}
    for field in fields:
        name = f"{path}__{field.attname}" if path else field.attname
        values[field.attname] = Cast(name, models.TextField()) if isinstance(field, _AS_TEXT) else models.F(name)
    return values


def rows(queryset) -> ArraySubquery:
    """An annotation: the rows of `queryset` (filtered on OuterRef, ordered) as an array of JSON objects."""
    return ArraySubquery(queryset.values(row=JSONObject(**_json_values(_columns(queryset.model)))))


def columns(model, path: str = "") -> list[JSONObject]:
    """The row of `model` reached by `path` from the query's model ("lot__call"; "" for the model itself) as
    JSON objects (one per 50 columns), for `values_list`; `load_one` makes the instance of them."""
    fields = list(model._meta.concrete_fields)
    return [
        JSONObject(**_json_values(fields[start:start + _KEYS_PER_OBJECT], path))
        for start in range(0, len(fields), _KEYS_PER_OBJECT)
    ]


def parts(model) -> int:
    """How many columns `columns(model)` takes in a row."""
    return -(-len(model._meta.concrete_fields) // _KEYS_PER_OBJECT)


def load_one(model, values: list[dict], *, using: str = "default"):
    """The instance of `model` from the JSON objects of `columns(model, ...)`; None for a missing row of a
    nullable relation (a LEFT JOIN: every column null)."""
    row = {key: value for part in values for key, value in part.items()}
    if row.get(model._meta.pk.attname) is None:
        return None
    fields = model._meta.concrete_fields
    names = [field.attname for field in fields]
    return model.from_db(using, names, [None if row.get(name) is None else field.to_python(row[name])
                                        for field, name in zip(fields, names, strict=True)])


class CompiledRead:
    """A one-row read whose SQL is compiled once per process and database, then run with the value of its one
    parameter. `build(value)` returns the queryset (a `values_list` of JSON columns, filtered on `value`, not
    ordered); `fetch(value)` gives its row, each JSON column parsed (an array column: a list of dicts), or None
    (`parse=False`: the row as the cursor gives it).
    `lock`: the model whose row is locked (FOR UPDATE OF its table only: Django's `select_for_update(of=)` knows
    no tables in a `values_list`); run it inside a transaction.

    On PostgreSQL the compiled query's constants (a few hundred: the JSON keys) are written into its text once, as
    the driver would quote them, and an integer value is written in too: a query that long, with that many
    parameters, is past psycopg's cache of parsed queries, and splitting and quoting it again on every run was a
    tenth of a submission's CPU."""

    STAND_IN = -7_305_419_863  # a value no row holds, found among the compiled parameters

    def __init__(self, build: Callable[[object], models.QuerySet], *, lock: type[models.Model] | None = None,
                 parse: bool = True):
        self._build = build
        self._lock = lock
        self._parse = parse  # False: the row as the cursor gives it (arrays of text, jsonb as text)
        self._compiled: dict[str, tuple[str, tuple, int, tuple[str, str] | None]] = {}

    def _compile(self, using: str) -> tuple[str, tuple, int, tuple[str, str] | None]:
        queryset = self._build(self.STAND_IN)
        sql, params = queryset.query.get_compiler(using=using).as_sql()
        if self._lock is not None:
            sql += f" FOR UPDATE OF {connections[using].ops.quote_name(self._lock._meta.db_table)}"
        found = [index for index, param in enumerate(params) if param == self.STAND_IN]
        if len(found) != 1:
            raise ValueError(f"CompiledRead: the query takes its value {len(found)} times, not once")
        inlined = None
        if connections[using].vendor == "postgresql":
            text = connections[using].ops.compose_sql(sql, params)  # quoted by psycopg, as a run would
            stand_in = f" {self.STAND_IN}" if f" {self.STAND_IN}" in text else str(self.STAND_IN)  # " -7…": not "--"
            if text.count(stand_in) == 1:
                before, after = text.split(stand_in)
                inlined = (before, after)
        return sql, tuple(params), found[0], inlined

    def fetch(self, value, *, using: str = "default") -> list | None:
        if self._lock is not None and not connections[using].in_atomic_block:
            raise TransactionManagementError("A locking read runs inside a transaction.")
        compiled = self._compiled.get(using)
        if compiled is None:
            compiled = self._compiled[using] = self._compile(using)
        sql, params, index, inlined = compiled
        with connections[using].cursor() as cursor:
            if inlined is not None and type(value) is int:  # an int's digits: nothing to quote (not a bool)
                cursor.execute(f"{inlined[0]}{value if value >= 0 else f' {value}'}{inlined[1]}")  # never "--"
            else:
                cursor.execute(sql, (*params[:index], value, *params[index + 1:]))
            row = cursor.fetchone()
        if row is None or not self._parse:
            return row
        # A raw cursor gives jsonb as text (Django's loader), jsonb[] as a list of texts.
        return [[json.loads(item) for item in column] if isinstance(column, list) else json.loads(column)
                for column in row]


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
