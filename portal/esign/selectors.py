from ..identity import mask_iin
from .models import SignatureRecord
from .verify import problem_text

CHECK_LABELS = {}


def signature_records():
    return SignatureRecord.objects.select_related("signer", "content_type").order_by("-signed_at", "-id")


def records_for(obj, *, actions: tuple[str, ...] = ()) -> list[SignatureRecord]:
    from django.contrib.contenttypes.models import ContentType

    found = SignatureRecord.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
    if actions:
        found = found.filter(action__in=actions)
    return list(found.select_related("signer").order_by("signed_at", "id"))


def attach_records(objects: list, *, actions: tuple[str, ...] = ()) -> list:
    """Each object gets `.signature_records` (its records, oldest first), in one query for the whole list."""
    from django.contrib.contenttypes.models import ContentType

    if not objects:
        return objects
    found = SignatureRecord.objects.filter(content_type=ContentType.objects.get_for_model(objects[0]),
                                           object_id__in=[obj.pk for obj in objects])
    if actions:
        found = found.filter(action__in=actions)
    by_object: dict = {}
    for record in found.select_related("signer").order_by("signed_at", "id"):
        by_object.setdefault(record.object_id, []).append(record)
    for obj in objects:
        obj.signature_records = by_object.get(obj.pk, [])
    return objects


def verification_view(data: dict) -> dict | None:
    """A stored verification as a page shows it: its moment, checks passed, problems in the reader's language."""
    if not data:
        return None
    return {
        "moment": data.get("moment"), "checks": data.get("checks", []), "ocsp": data.get("ocsp") or {},
        "problems": [problem_text(p["code"], p.get("params")) for p in data.get("problems", [])],
    }


def signed_by(record: SignatureRecord) -> dict:
    """What a receipt or a page says of a record: the name, the masked IIN, the moment and the method."""
    return {
        "name": record.signer_name or str(record.signer), "iin": mask_iin(record.signer_iin or record.signer.iin),
        "at": record.signed_at, "method": record.get_method_display(), "esign": record.method == "ncalayer",
        "organisation": record.organisation, "bin": record.signer_bin,
    }
