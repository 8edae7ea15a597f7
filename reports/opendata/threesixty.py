"""Awarded grants in the 360Giving Data Standard 1.4: one grant as the standard's JSON, the package around them,
and the flattened rows of the CSV/XLSX with the standard's column titles.

Ids: `360G-<OPEN_DATA_PREFIX>-<grant number>`; organisations by the org-id list KZ-BIN (`KZ-BIN-<BIN>`): the NGO,
the operator and the customer (the state body whose call it was). Names are given in Kazakh with the Russian as
the alternate name; the title and description are the project's, in the language the NGO applied in."""

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation

from portal.formatting import ASTANA
from portal.links import address_maker

HERE = Path(__file__).resolve().parent
PACKAGE_SCHEMA = HERE / "360-giving-package-schema.json"
GRANT_SCHEMA = HERE / "360-giving-schema.json"
VERSION = "1.4"
TITLE_LIMIT = 140
CITY_PREFIXES = ("г. ", "г.", "қ. ")


def grant_id(number: str) -> str:
    return f"360G-{settings.OPEN_DATA_PREFIX}-{number}"


def org_id(bin: str) -> str:
    return f"KZ-BIN-{bin}"


def _number(value: Decimal):
    """A JSON number: whole tenge as an integer, otherwise the tiyn as a decimal fraction."""
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _day(value) -> str:
    if isinstance(value, datetime):
        value = value.astimezone(ASTANA).date()
    return value.isoformat()


def _moment(value: datetime) -> str:
    return value.astimezone(ASTANA).isoformat(timespec="seconds")


def short_title(title: str) -> str:
    """At most 140 characters (the standard's quality check), cut at a word with an ellipsis."""
    title = " ".join(title.split())
    if len(title) <= TITLE_LIMIT:
        return title
    cut = title[: TITLE_LIMIT - 1].rsplit(" ", 1)[0].rstrip(" ,.;:—-")
    return cut + "…"


def city_of(address: str) -> str:
    first = (address or "").split(",", 1)[0].strip()
    for prefix in CITY_PREFIXES:
        if first.startswith(prefix):
            return first[len(prefix):].strip()
    return ""


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _operator() -> dict:
    with translation.override("kk"):
        name_kk = str(settings.OPERATOR_NAME)
    with translation.override("ru"):
        name_ru = str(settings.OPERATOR_NAME)
    return {"id": org_id(settings.OPERATOR_BIN), "name": name_kk, "alternateName": name_ru, "addressCountry": "KZ"}


class Context:
    """What every grant of a file shares, worked out once per file (not once per grant): the operator, the
    address of the registry's pages, the grant types' Kazakh names."""

    def __init__(self):
        from grants.choices import GrantType

        self.operator = _operator()
        with translation.override("kk"):
            self.page = address_maker("grants:grant", number="NUMBER")
            self.types = {value: str(label) for value, label in GrantType.choices}


def grant_json(grant, *, context: Context | None = None) -> dict:
    """One grant of reports.opendata.files.iterate() (with `paid`, and its tranches and payments attached by
    reports.opendata.files.attach_tranches), as the 360Giving schema describes it."""
    context = context or Context()
    lot, call, ngo = grant.lot, grant.call, grant.ngo
    customer = call.customer
    title = short_title(grant.title)
    description = " ".join((grant.application.summary or "").split()) or lot.title_ru or lot.title_kk
    if description == title:
        description = f"{title}. {lot.title_ru or lot.title_kk}"
    applied = sum((Decimal(v) for v in (grant.budget or {}).values()), Decimal("0")) or grant.amount
    tranches = grant.export_tranches
    modified = max(grant.updated_at, *(t.updated_at for t, _payments in tranches))
    path = context.page(number=grant.number)
    recipient = {"id": org_id(ngo.bin), "name": ngo.name_kk or ngo.name_ru, "addressCountry": "KZ"}
    if ngo.name_ru and ngo.name_ru != recipient["name"]:
        recipient["alternateName"] = ngo.name_ru
    if ngo.address:
        recipient["streetAddress"] = ngo.address
    city = city_of(ngo.address)
    if city:
        recipient["addressLocality"] = city
    if ngo.region_id:
        recipient["addressRegion"] = ngo.region.name_kk
    location = ({"name": lot.region.name_kk, "countryCode": "KZ", "geoCode": lot.region.iso_code,
                 "geoCodeType": "ISO 3166-2"} if lot.region_id else {"name": "Қазақстан Республикасы",
                                                                     "countryCode": "KZ", "geoCode": "KZ",
                                                                     "geoCodeType": "ISO 3166-1"})
    classifications = []
    if lot.direction_id:
        direction = lot.direction
        classifications.append({"vocabulary": f"{settings.OPEN_DATA_PREFIX}:priority-direction",
                                "code": f"{call.fiscal_year.year}-{customer.bin}-{direction.number}",
                                "title": direction.title_kk or direction.title_ru})
    classifications.append({"vocabulary": f"{settings.OPEN_DATA_PREFIX}:grant-type", "code": lot.grant_type,
                            "title": context.types.get(lot.grant_type, lot.grant_type)})
    disbursements = []
    for tranche, payments in tranches:
        if not payments:
            continue
        disbursements.append({
            "id": f"{grant_id(grant.number)}-T{tranche.position}",
            "transactionDate": _day(payments[-1].paid_on),
            "currency": "KZT",
            "value": _number(sum((p.amount for p in payments), Decimal("0"))),
        })
    data = {
        "id": grant_id(grant.number),
        "title": title,
        "description": description,
        "currency": "KZT",
        "amountAppliedFor": _number(applied),
        "amountAwarded": _number(grant.amount),
        "amountDisbursed": _number(grant.paid),
        "awardDate": _day(grant.awarded_on),
        "plannedDates": [{"startDate": _day(grant.starts_on), "endDate": _day(grant.ends_on),
                          "duration": lot.term_months}],
        "recipientOrganization": [recipient],
        "fundingOrganization": [context.operator,
                                {"id": org_id(customer.bin), "name": customer.name_kk,
                                 "alternateName": customer.name_ru, "addressCountry": "KZ"}],
        "beneficiaryLocation": [location],
        "grantProgramme": [{"code": call.code, "title": call.title_kk or call.title_ru},
                           {"code": lot.code, "title": lot.title_kk or lot.title_ru}],
        "classifications": classifications,
        "dateModified": _moment(modified),
        "dataSource": _absolute(path),
        "url": _absolute(path),
    }
    if disbursements:
        data["disbursementTransaction"] = disbursements
    return data


def package_meta(*, modified: datetime | None) -> dict:
    """Everything of the package but `grants`, in the order the file gives it."""
    now = timezone.now()
    with translation.override("kk"):
        title = "Мемлекеттік гранттар тізілімі — 360Giving"
    return {
        "version": VERSION,
        "title": title,
        "publisher": {"identifier": org_id(settings.OPERATOR_BIN), "name": _operator()["name"],
                      "website": settings.SITE_URL},
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "issued": _day(now),
        "modified": _moment(modified or now),
    }


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def package_chunks(grants, *, modified: datetime | None):
    """The JSON package as text chunks, grant by grant: the file is written or sent without ever holding
    more than one grant in memory."""
    meta = package_meta(modified=modified)
    yield "{" + dumps(meta)[1:-1] + ',"grants":['
    context = Context()
    for index, grant in enumerate(grants):
        yield ("," if index else "") + dumps(grant_json(grant, context=context))
    yield "]}\n"


# --- Flattening: the standard's column titles --------------------------------------------------------------

def _schema() -> dict:
    return json.loads(GRANT_SCHEMA.read_text())


def _title(node: dict, key: str) -> str:
    return node.get("title") or key[:1].upper() + key[1:]


def _item_properties(schema: dict, node: dict) -> dict:
    ref = (node.get("items") or {}).get("$ref") or node.get("$ref")
    if ref:
        return schema["$defs"][ref.rsplit("/", 1)[1]].get("properties", {})
    return {}


# (path in the grant JSON, how many items an array column set is given) — the columns in the file's order.
FLAT_FIELDS = [
    ("id",), ("title",), ("description",), ("currency",), ("amountAppliedFor",), ("amountAwarded",),
    ("amountDisbursed",), ("awardDate",),
    ("plannedDates", 0, "startDate"), ("plannedDates", 0, "endDate"), ("plannedDates", 0, "duration"),
    ("recipientOrganization", 0, "id"), ("recipientOrganization", 0, "name"),
    ("recipientOrganization", 0, "alternateName"), ("recipientOrganization", 0, "streetAddress"),
    ("recipientOrganization", 0, "addressLocality"), ("recipientOrganization", 0, "addressRegion"),
    ("recipientOrganization", 0, "addressCountry"),
    ("fundingOrganization", 0, "id"), ("fundingOrganization", 0, "name"),
    ("fundingOrganization", 0, "alternateName"), ("fundingOrganization", 0, "addressCountry"),
    ("fundingOrganization", 1, "id"), ("fundingOrganization", 1, "name"),
    ("fundingOrganization", 1, "alternateName"), ("fundingOrganization", 1, "addressCountry"),
    ("beneficiaryLocation", 0, "name"), ("beneficiaryLocation", 0, "countryCode"),
    ("beneficiaryLocation", 0, "geoCode"), ("beneficiaryLocation", 0, "geoCodeType"),
    ("grantProgramme", 0, "code"), ("grantProgramme", 0, "title"),
    ("grantProgramme", 1, "code"), ("grantProgramme", 1, "title"),
    ("classifications", 0, "vocabulary"), ("classifications", 0, "code"), ("classifications", 0, "title"),
    ("classifications", 1, "vocabulary"), ("classifications", 1, "code"), ("classifications", 1, "title"),
    ("dateModified",), ("dataSource",), ("url",),
]
TRANSACTION_FIELDS = ("id", "transactionDate", "currency", "value")


def column_title(path: tuple) -> str:
    """The flattened heading of a path, from the schema's titles: 'Recipient Org:Identifier'; a second item of
    an array is numbered ('Funding Org:1:Identifier'), as a one-sheet file needs."""
    schema = _schema()
    node = schema["properties"][path[0]]
    parts = [_title(node, path[0])]
    if len(path) == 3:
        if path[1]:
            parts.append(str(path[1]))
        parts.append(_title(_item_properties(schema, node)[path[2]], path[2]))
    return ":".join(parts)


def transaction_title(index: int, key: str) -> str:
    schema = _schema()
    node = schema["properties"]["disbursementTransaction"]
    item = _item_properties(schema, node)[key]
    prefix = "Disbursement Transaction"
    return f"{prefix}:{index}:{_title(item, key)}" if index else f"{prefix}:{_title(item, key)}"


def headings(transactions: int) -> list[str]:
    return [column_title(p) for p in FLAT_FIELDS] + [
        transaction_title(i, key) for i in range(transactions) for key in TRANSACTION_FIELDS]


def _get(data: dict, path: tuple):
    value = data.get(path[0])
    if len(path) == 1:
        return value
    if not value or len(value) <= path[1]:
        return None
    return value[path[1]].get(path[2])


def flat_row(data: dict, transactions: int) -> list:
    row = [_get(data, p) for p in FLAT_FIELDS]
    paid = data.get("disbursementTransaction", [])
    for index in range(transactions):
        item = paid[index] if index < len(paid) else {}
        row += [item.get(key) for key in TRANSACTION_FIELDS]
    return row


def unflatten(headers: list[str], row: list) -> dict:
    """The grant JSON back from a flattened row (the tests' round trip; empty cells are absent fields)."""
    by_title = {column_title(p): p for p in FLAT_FIELDS}
    data: dict = {}
    for header, value in zip(headers, row, strict=True):
        if value in (None, ""):
            continue
        if header.startswith("Disbursement Transaction:"):
            parts = header.split(":")[1:]
            index = int(parts[0]) if len(parts) == 2 else 0
            key = next(k for k in TRANSACTION_FIELDS if transaction_title(index, k) == header)
            items = data.setdefault("disbursementTransaction", [])
            while len(items) <= index:
                items.append({})
            items[index][key] = value
            continue
        path = by_title[header]
        if len(path) == 1:
            data[path[0]] = value
            continue
        items = data.setdefault(path[0], [])
        while len(items) <= path[1]:
            items.append({})
        items[path[1]][path[2]] = value
    return data


NUMBER_FIELDS = {"amountAppliedFor", "amountAwarded", "amountDisbursed", "duration", "value"}


def typed(data):
    """Numbers of the schema read back from text cells (the CSV holds text only)."""
    if isinstance(data, list):
        return [typed(item) for item in data]
    if isinstance(data, dict):
        return {k: (_parse_number(v) if k in NUMBER_FIELDS and isinstance(v, str) else typed(v))
                for k, v in data.items()}
    return data


def _parse_number(text: str):
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else float(value)


def iso(value) -> str:
    return value.isoformat() if isinstance(value, (date, datetime)) else str(value)
