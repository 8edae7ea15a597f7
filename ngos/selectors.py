"""Every NGO queryset a page shows, and the facts other apps ask about an NGO."""

import re

from django.db import connection
from django.db.models import BooleanField, Count, Exists, F, OuterRef, Prefetch, Q, Sum, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Collate, NullIf
from django.utils import timezone, translation
from django.utils.translation import gettext

from portal import public_cache as cache
from portal.formatting import number

from . import award_sources, figures, grant_sources
from .choices import ReportStatus, RequestStatus, VerificationStatus
from .grant_sources import has_received_grants
from .models import (
    FIRST_REPORT_YEAR,
    NGO,
    FundSource,
    Invitation,
    JoinRequest,
    Membership,
    Sphere,
    YearlyReport,
    YearlyReportVersion,
    last_reporting_year,
    report_deadline,
    report_due_date,
)

CURRENT_NGO_SESSION_KEY = "demeu_current_ngo"
# PostgreSQL's default collation sorts Kazakh letters after Я; ICU's kk-KZ knows the alphabet.
NAME_COLLATION = "kk-KZ-x-icu"


# --- Facts about one NGO (other apps build on these) ----------------------------------------------


def is_listed_for_year(ngo, year: int) -> bool:
    """Listed in the NGO database for `year`: a yearly report for that year has been submitted."""
    return YearlyReport.objects.filter(ngo=ngo, year=year, first_submitted_at__isnull=False).exists()


def listed_for_year(year: int) -> Exists:
    """The same fact as an annotation for NGO querysets: `.annotate(listed=listed_for_year(2025))`."""
    return Exists(YearlyReport.objects.filter(ngo=OuterRef("pk"), year=year, first_submitted_at__isnull=False))


def filed_late_for_year(year: int) -> Exists:
    return Exists(
        YearlyReport.objects.filter(ngo=OuterRef("pk"), year=year, first_submitted_at__gte=report_deadline(year))
    )


def grants_received(ngo) -> list[grant_sources.ReceivedGrant]:
    """The state grants this NGO has received, newest first: empty until the grants app registers
    its agreements as a source (see grant_sources.py)."""
    return grant_sources.grants_received(ngo)


def awards_received(ngo) -> list[award_sources.ReceivedAward]:
    """The state awards this NGO has received, newest first: empty until the prizes app registers (see
    award_sources.py)."""
    return award_sources.awards_received(ngo)


def memberships_of(user):
    return Membership.objects.filter(user=user).select_related("ngo", "ngo__region").order_by("ngo__name_ru")


def account_part(user) -> dict:
    """What the account summary (portal.selectors.account_summary) shows of the NGO database."""
    return {"memberships": list(memberships_of(user))}


def current_membership(request, memberships: list[Membership] | None = None) -> Membership | None:
    """The NGO the user acts for now: the one picked in this session (ngos:switch), else their first."""
    if not request.user.is_authenticated:
        return None
    if memberships is None:
        memberships = list(memberships_of(request.user))
    chosen = request.session.get(CURRENT_NGO_SESSION_KEY)
    for membership in memberships:
        if membership.ngo_id == chosen:
            return membership
    return memberships[0] if memberships else None


def current_ngo(request) -> NGO | None:
    membership = current_membership(request)
    return membership.ngo if membership else None


# --- The public NGO database ------------------------------------------------------------------------


def name_sort_key(lang: str | None = None):
    """The NGO's name in the page's language (as the page shows it), in Kazakh alphabetical order."""
    lang = (lang or translation.get_language() or "kk")[:2]
    if lang == "ru":
        key = F("name_ru")
    elif lang == "en":
        key = Coalesce(NullIf(F("name_en"), Value("")), F("name_kk"))
    else:
        key = F("name_kk")
    if connection.vendor == "postgresql":
        return Collate(key, NAME_COLLATION)
    return key


def public_ngos(*, year: int | None = None):
    """Verified NGOs with what the list shows: region, spheres, listing for `year`, grants."""
    year = year or last_reporting_year()
    return (
        NGO.objects.filter(verification=VerificationStatus.VERIFIED)
        .select_related("region")
        .prefetch_related(Prefetch("spheres", queryset=Sphere.objects.order_by("position", "slug")))
        .annotate(listed=listed_for_year(year), has_grants=has_received_grants())
    )


def public_rows(ids: list[int], *, year: int | None = None) -> list[NGO]:
    """The NGOs of one page, in the page's order, with what the list shows.

    The list pages ids first (an index-only walk in name order), then reads just these rows: the
    per-row subqueries run for 20 NGOs, not for every NGO skipped on the way to a deep page.
    """
    by_id = {ngo.pk: ngo for ngo in public_ngos(year=year).filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


_WORD = re.compile(r"[^\W_]+")


def search_ngos(queryset, text: str):
    """By the beginnings of the words of a name or short name in any language a page shows (every word of
    the search must begin one), or by the beginning of the BIN."""
    text = " ".join((text or "").split())
    if not text:
        return queryset
    if text.isascii() and text.isdigit():
        return queryset.filter(bin__startswith=text)
    if connection.vendor == "postgresql":
        # Every word of the search begins a word of a name: the stored vector behind its GIN index
        # (migration 0008), split into words as the vector is (hyphens, dots, slashes, @, _ split).
        words = _WORD.findall(text.lower())
        if not words:
            return queryset.none()
        query = " & ".join(f"'{word}':*" for word in words)
        return queryset.filter(RawSQL("ngos_ngo.search_vector @@ to_tsquery('simple', %s)", [query],
                                      output_field=BooleanField()))
    # SQLite (the embedded demo) folds only ASCII case; try the usual spellings of Cyrillic text there.
    variants = {text, text.lower(), text.capitalize(), text.upper()}
    condition = Q()
    for variant in variants:
        for column in ("name_kk", "name_ru", "name_en", "short_name_kk", "short_name_ru", "short_name_en"):
            condition |= Q(**{f"{column}__icontains": variant})
    return queryset.filter(condition)


def spheres():
    return Sphere.objects.order_by("position", "slug")


def public_profile(bin: str) -> NGO:
    """One verified NGO for its public page (raises NGO.DoesNotExist otherwise)."""
    return (
        NGO.objects.filter(verification=VerificationStatus.VERIFIED)
        .select_related("region")
        .prefetch_related(Prefetch("spheres", queryset=spheres()))
        .get(bin=bin)
    )


def reporting_years(ngo, *, today=None) -> list[int]:
    """The years this NGO is expected to report for, newest first."""
    last = last_reporting_year(today)
    first = max(FIRST_REPORT_YEAR, ngo.registered_on.year if ngo.registered_on else FIRST_REPORT_YEAR)
    return list(range(last, first - 1, -1))


def report_overview(ngo, *, years: int | None = None, include_drafts: bool = False) -> list[dict]:
    """Per expected year, newest first: the report, its latest submitted version with totals, its draft.

    Each row: year, deadline, report (or None), version (latest submitted or None), draft (when
    include_drafts), versions_count, status ("on_time", "late", "overdue", "due").
    Runs four queries whatever the number of years.
    """
    expected = reporting_years(ngo)
    reports = {r.year: r for r in YearlyReport.objects.filter(ngo=ngo)}
    all_years = sorted(set(expected) | set(reports), reverse=True)
    if years is not None:
        all_years = all_years[:years]
    versions = (
        YearlyReportVersion.objects.filter(report__ngo=ngo, report__year__in=all_years)
        .select_related("submitted_by")
        .annotate(
            funds_total=Sum("fund_sources__amount", default=0),
        )
        .order_by("report__year", "number")
    )
    funds = Prefetch("fund_sources", queryset=FundSource.objects.order_by("-amount"))
    versions = versions.prefetch_related(funds, "spending")
    by_report: dict[int, list] = {}
    for version in versions:
        by_report.setdefault(version.report_id, []).append(version)
    now = timezone.now()
    rows = []
    for year in all_years:
        report = reports.get(year)
        found = by_report.get(report.pk, []) if report else []
        submitted = [v for v in found if v.status == ReportStatus.SUBMITTED]
        draft = next((v for v in found if v.status == ReportStatus.DRAFT), None)
        deadline = report_deadline(year)
        if report and report.first_submitted_at:
            status = "late" if report.first_submitted_at >= deadline else "on_time"
        else:
            status = "overdue" if now >= deadline else "due"
        version = submitted[-1] if submitted else None
        if version is not None:
            version.spending_total = sum((line.amount for line in version.spending.all()), 0)
        rows.append(
            {
                "year": year,
                "deadline": deadline,
                "due": report_due_date(year),
                "report": report,
                "version": version,
                "versions_count": len(submitted),
                "draft": draft if include_drafts else None,
                "status": status,
            }
        )
    return rows


def report_versions(report):
    """All versions of one report, newest first, with their lines, for the history."""
    return (
        report.versions.select_related("created_by", "submitted_by")
        .prefetch_related("fund_sources", "spending")
        .order_by("-number")
    )


def kept_figures(year: int) -> tuple[int, int]:
    """The verified NGOs and the NGOs listed for `year` (ngos/figures.py), cached per change of the NGO database."""
    return cache.fragment("ngo-figures", kinds=("ngos",), compute=lambda: figures.figures(year), parts=(year,))


def home() -> dict:
    """The home page's figures: how many NGOs are in the database, and how many reported last year.

    Kept counted in the database (ngos/figures.py: one row read, counted again after a change) and cached per
    change of the NGO database (portal/public_cache.py), so a warm view reads nothing."""
    year = last_reporting_year()
    verified, listed = kept_figures(year)
    return {
        "figures": [
            {"value": number(verified), "label": gettext("NGOs in the NGO database")},
            {"value": number(listed), "label": gettext("NGOs listed for %(year)s") % {"year": year}},
        ]
    }


# --- The NGO's own pages ------------------------------------------------------------------------------


def members_of(ngo):
    return ngo.memberships.select_related("user").order_by("role", "user__full_name", "user__email")


def pending_join_requests(ngo):
    return ngo.join_requests.filter(status=RequestStatus.PENDING).select_related("user").order_by("created_at")


def pending_invitations(ngo):
    return (
        ngo.invitations.filter(status=RequestStatus.PENDING, expires_at__gt=timezone.now())
        .select_related("invited_by")
        .order_by("-created_at")
    )


def invitations_for_user(user):
    """Open invitations sent to any confirmed address of this user."""
    from allauth.account.models import EmailAddress

    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    emails = {address.lower() for address in addresses} | {user.email.lower()}
    query = Q()
    for email in emails:
        query |= Q(email__iexact=email)
    return (
        Invitation.objects.filter(query, status=RequestStatus.PENDING, expires_at__gt=timezone.now())
        .select_related("ngo")
        .order_by("-created_at")
    )


def join_requests_of(user):
    return JoinRequest.objects.filter(user=user).select_related("ngo").order_by("-created_at")


# --- The operator's register --------------------------------------------------------------------------


def staff_ngos(*, year: int | None = None):
    year = year or last_reporting_year()
    return (
        NGO.objects.select_related("region")
        .prefetch_related(Prefetch("spheres", queryset=spheres()))
        .annotate(
            listed=listed_for_year(year),
            filed_late=filed_late_for_year(year),
            has_grants=has_received_grants(),
            members_count=Count("memberships", distinct=True),
        )
    )


def verification_queue_size() -> int:
    return NGO.objects.filter(verification=VerificationStatus.PENDING).count()


def staff_ngo(bin: str) -> NGO:
    return (
        NGO.objects.select_related("region", "registered_by")
        .prefetch_related(Prefetch("spheres", queryset=spheres()))
        .get(bin=bin)
    )
