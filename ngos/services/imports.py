"""Import NGOs from the operator's existing register (CSV). Each bad row is rejected with its reason;
the good rows are imported together.

Columns (header names): bin, name_kk, name_ru, legal_form, region (required); short_name_kk,
short_name_ru, registered_on, address, phone, email, website, spheres (optional). A region is given
by slug, ISO code or name (kk/ru/en); a legal form by code, name or abbreviation (ОО, ОФ, ЧУ…);
spheres as slugs separated by ";"; dates as 31.12.2015 or 2015-12-31.
"""

import csv
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal import audit
from portal.models import Region

from ..bin import validate_bin
from ..choices import LegalForm, VerificationStatus
from ..models import NGO, Sphere
from ..signals import ngos_imported

REQUIRED = ("bin", "name_kk", "name_ru", "legal_form", "region")
OPTIONAL = ("short_name_kk", "short_name_ru", "registered_on", "address", "phone", "email", "website", "spheres")
ABBREVIATIONS = {
    "оо": LegalForm.PUBLIC_ASSOCIATION, "қб": LegalForm.PUBLIC_ASSOCIATION,
    "оф": LegalForm.PUBLIC_FOUNDATION, "ққ": LegalForm.PUBLIC_FOUNDATION,
    "чу": LegalForm.PRIVATE_INSTITUTION, "жм": LegalForm.PRIVATE_INSTITUTION,
    "оюл": LegalForm.ASSOCIATION, "зтб": LegalForm.ASSOCIATION,
}


@dataclass
class Rejection:
    line: int
    bin: str
    reason: str


@dataclass
class ImportResult:
    imported: list[NGO] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def _key(value: str) -> str:
    return " ".join((value or "").replace("\xa0", " ").split()).casefold()


def _region_index() -> dict[str, Region]:
    index = {}
    for region in Region.objects.all():
        for value in (region.slug, region.iso_code, region.name_kk, region.name_ru, region.name_en):
            index[_key(value)] = region
    return index


def _legal_form_index() -> dict[str, str]:
    index = {_key(code): code for code in LegalForm.values}
    for lang in ("kk", "ru", "en"):
        with translation.override(lang):
            for code, label in LegalForm.choices:
                index[_key(str(label))] = code
    index.update({_key(abbr): code for abbr, code in ABBREVIATIONS.items()})
    return index


def _parse_date(value: str) -> date:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError(value)


def read_rows(stream, *, delimiter: str = ",") -> tuple[list[str], list[tuple[int, dict]]]:
    """(missing required columns, [(line number, row)])."""
    reader = csv.DictReader(stream, delimiter=delimiter)
    columns = [_key(name) for name in (reader.fieldnames or [])]
    reader.fieldnames = columns
    missing = [name for name in REQUIRED if name not in columns]
    rows = [(reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}) for row in reader]
    return missing, rows


def _check(row: dict, *, regions, forms, spheres, seen: dict, taken: set) -> tuple[NGO, list] | str:
    """The NGO to create and its spheres, or the reason the row is rejected."""
    bin_ = "".join(ch for ch in row.get("bin", "") if ch not in " -\xa0")
    try:
        validate_bin(bin_)
    except ValidationError as error:
        return _("bad BIN “%(bin)s”: %(reason)s") % {"bin": row.get("bin", ""), "reason": " ".join(error.messages)}
    if bin_ in taken:
        return _("duplicate: BIN %(bin)s is already in the register") % {"bin": bin_}
    if bin_ in seen:
        return _("duplicate: BIN %(bin)s is already on line %(line)s of this file") % {"bin": bin_, "line": seen[bin_]}
    region = regions.get(_key(row.get("region", "")))
    if region is None:
        return _("unknown region “%(region)s”") % {"region": row.get("region", "")}
    legal_form = forms.get(_key(row.get("legal_form", "")))
    if legal_form is None:
        return _("unknown legal form “%(form)s”") % {"form": row.get("legal_form", "")}
    for column, label in (("name_kk", _("the name in Kazakh")), ("name_ru", _("the name in Russian"))):
        if not row.get(column):
            return _("%(what)s is missing") % {"what": label}
    ngo = NGO(
        bin=bin_, name_kk=row["name_kk"][:300], name_ru=row["name_ru"][:300], legal_form=legal_form, region=region,
        short_name_kk=row.get("short_name_kk", "")[:120], short_name_ru=row.get("short_name_ru", "")[:120],
        address=row.get("address", "")[:300], phone=row.get("phone", "")[:32],
    )
    if row.get("registered_on"):
        try:
            ngo.registered_on = _parse_date(row["registered_on"])
        except ValueError:
            return _("bad date of registration “%(date)s” (use 31.12.2015)") % {"date": row["registered_on"]}
    if row.get("email"):
        try:
            validate_email(row["email"])
        except ValidationError:
            return _("bad e-mail “%(email)s”") % {"email": row["email"]}
        ngo.email = row["email"]
    if row.get("website"):
        website = row["website"] if "://" in row["website"] else f"https://{row['website']}"
        try:
            URLValidator()(website)
        except ValidationError:
            return _("bad website “%(url)s”") % {"url": row["website"]}
        ngo.website = website
    chosen = []
    for slug in filter(None, (part.strip() for part in row.get("spheres", "").split(";"))):
        if slug not in spheres:
            return _("unknown sphere of activity “%(sphere)s”") % {"sphere": slug}
        chosen.append(spheres[slug])
    return ngo, chosen


@transaction.atomic
def ngo_import(
    *, rows: list[tuple[int, dict]], actor=None, verified: bool = True, dry_run: bool = False
) -> ImportResult:
    regions, forms = _region_index(), _legal_form_index()
    spheres = {sphere.slug: sphere for sphere in Sphere.objects.all()}
    bins = {"".join(ch for ch in row.get("bin", "") if ch in "0123456789") for _line, row in rows}
    taken = set(NGO.objects.filter(bin__in=bins).values_list("bin", flat=True))
    result, seen, accepted = ImportResult(), {}, []
    for line, row in rows:
        checked = _check(row, regions=regions, forms=forms, spheres=spheres, seen=seen, taken=taken)
        if isinstance(checked, str):
            result.rejected.append(Rejection(line=line, bin=row.get("bin", ""), reason=checked))
            continue
        ngo, chosen = checked
        seen[ngo.bin] = line
        if verified:
            ngo.verification, ngo.verified_at = VerificationStatus.VERIFIED, timezone.now()
        accepted.append((ngo, chosen))
    if dry_run:
        result.imported = [ngo for ngo, _chosen in accepted]
        return result
    NGO.objects.bulk_create([ngo for ngo, _chosen in accepted])
    ids = dict(NGO.objects.filter(bin__in=[ngo.bin for ngo, _chosen in accepted]).values_list("bin", "pk"))
    Through = NGO.spheres.through
    links = []
    for ngo, chosen in accepted:
        ngo.pk = ids[ngo.bin]
        links.extend(Through(ngo_id=ngo.pk, sphere_id=sphere.pk) for sphere in chosen)
        audit.record(
            actor=actor, obj=ngo, action="ngo_imported", to_state=ngo.verification,
            message=("ngo_imported_from_csv", {}),
        )
    Through.objects.bulk_create(links)
    result.imported = [ngo for ngo, _chosen in accepted]
    ngos_imported.send(sender=NGO, ngos=result.imported)  # bulk_create sent no post_save
    return result
