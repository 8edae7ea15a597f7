"""Who may open each page of the state awards: the public reads announced rounds, every staff role reads
the staff pages, call managers write. POST-only actions answer 405 to a GET for those allowed."""

from datetime import timedelta

from ngos.models import YearlyReport
from prizes import services
from tests.grants.access import ensure_ngos
from tests.harness import Page
from tests.world import EVERYONE, NGO_A, SIGNED_IN, STAFF

from .factories import announced_round, draft_round

MANAGERS = frozenset({"call_manager"})
HEADS = frozenset({"ngo_head", "other_ngo_member"})  # other_ngo_member heads NGO B


def build(world) -> None:
    world.objects["prize_open_round"] = announced_round(year=2031)
    world.objects["prize_draft_round"] = draft_round(year=2032, opens_in=timedelta(days=5))
    world.objects["prize_closed_round"] = announced_round(
        year=2030, opens_in=timedelta(days=-30), closes_in=timedelta(days=-1)
    )
    ensure_ngos(world)
    YearlyReport.objects.create(ngo=world.ngo_a, year=2030, first_submitted_at=world.prize_open_round.opens_at)
    nomination = world.prize_open_round.nominations.get(number=1)
    world.objects["prize_proposal"] = services.proposal_create(
        actor=world.users["user"], nomination=nomination, ngo=world.ngo_a, reason="Много лет помогают детям."
    )
    world.objects["prize_candidacy"] = services.candidacy_submit(
        actor=world.users["ngo_head"], nomination=nomination, ngo=world.ngo_a, language="ru",
        activities="Кружки для детей", results="300 детей",
    )


BUILDERS = [build]

OPEN = {"year": 2031}
DRAFT = {"year": 2032}
CLOSED = {"year": 2030}

PAGES = [
    Page("prizes:index", EVERYONE),
    Page("prizes:round", EVERYONE, kwargs=lambda w: OPEN),
    Page("prizes:nomination", EVERYONE, kwargs=lambda w: {**OPEN, "number": 1}),
    # A draft round is the operator's: others get a 404, as if it did not exist.
    Page("prizes:round", STAFF, kwargs=lambda w: DRAFT, refused=(404,)),
    Page("prizes:nomination", STAFF, kwargs=lambda w: {**DRAFT, "number": 1}, refused=(404,)),
    Page("prizes:propose", SIGNED_IN, kwargs=lambda w: {**OPEN, "number": 1}),
    Page("prizes:my_awards", NGO_A | {"other_ngo_member"}),
    Page("prizes:apply", HEADS, kwargs=lambda w: {**OPEN, "number": 1}),
    Page("prizes:candidacy", NGO_A | STAFF, kwargs=lambda w: {"pk": w.prize_candidacy.pk}, refused=(404,)),
    Page("prizes:withdraw", {"ngo_head"}, kwargs=lambda w: {"pk": w.prize_candidacy.pk}, refused=(403, 404)),
    Page("prizes:staff_candidacies", STAFF, kwargs=lambda w: OPEN),
    Page("prizes:staff_rounds", STAFF),
    Page("prizes:staff_round", STAFF, kwargs=lambda w: DRAFT),
    Page("prizes:staff_round_create", MANAGERS),
    Page("prizes:staff_round_edit", MANAGERS, kwargs=lambda w: DRAFT),
    Page("prizes:staff_nomination_create", MANAGERS, kwargs=lambda w: DRAFT),
    Page("prizes:staff_nomination_edit", MANAGERS, kwargs=lambda w: {**DRAFT, "number": 1}),
    Page("prizes:staff_round_announce", MANAGERS, kwargs=lambda w: DRAFT, status=405, refused=(403, 405)),
    Page("prizes:staff_round_review", MANAGERS, kwargs=lambda w: CLOSED, status=405, refused=(403, 405)),
    Page("prizes:staff_nominations_defaults", MANAGERS, kwargs=lambda w: DRAFT, status=405, refused=(403, 405)),
    Page("prizes:staff_nomination_delete", MANAGERS, kwargs=lambda w: {**DRAFT, "number": 1}, status=405,
         refused=(403, 405)),
]
