import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from evaluations.choices import ExpertStatus, Nominator
from evaluations.models import Expert
from evaluations.selectors.experts import nomination_shares
from evaluations.services.experts import expert_decide
from portal.audit import history
from portal.choices import PublicRole
from tests.world import make_user

from . import factories as f

pytestmark = pytest.mark.django_db
# Pinned, as pretalx does: a new query on this page is a decision, not an accident.
REGISTER_QUERIES = 8

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def form(**changes):
    data = {
        "full_name": "Айгерим Төлеуова", "phone": "+7 701 000 00 00", "region": f.region().pk,
        "spheres": [f.sphere().pk], "languages": ["kk", "ru"], "nominated_by": "operator",
        "nominating_ngo_bin": "", "position": "ҚазҰУ, доцент", "experience": "12 жыл жастар саясатында",
        "consent": "on", "cv": SimpleUploadedFile("cv.pdf", PDF, content_type="application/pdf"),
    }
    data.update(changes)
    return data


def test_a_signed_in_user_applies_and_waits_for_a_decision(client, media_root):
    user = make_user("applicant@example.kz")
    client.force_login(user)
    response = client.post("/kk/experts/apply/", form())
    assert response.status_code == 302
    expert = Expert.objects.get(user=user)
    assert expert.status == ExpertStatus.PENDING and expert.speaks_kk and expert.speaks_ru
    assert history(expert).get().action == "expert_applied"
    assert "Шешім күтуде" in client.get("/kk/experts/apply/").content.decode()


def test_an_unknown_ngo_bin_is_refused_and_what_was_typed_is_kept(client, media_root):
    client.force_login(make_user("applicant@example.kz"))
    response = client.post("/ru/experts/apply/", form(nominated_by="ngo", nominating_ngo_bin="940140000385"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "В базе данных НПО нет организации с таким БИН" in body
    assert "12 жыл жастар саясатында" in body and "940140000385" in body
    assert not Expert.objects.exists()


def test_a_cv_that_is_not_a_document_is_refused(client, media_root):
    client.force_login(make_user("applicant@example.kz"))
    fake = SimpleUploadedFile("cv.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post("/ru/experts/apply/", form(cv=fake))
    page = response.content.decode()
    assert "Этот файл не является допустимым документом" in page
    assert all(kind in page for kind in ("PDF", "DOCX", "DOC", "ODT"))
    assert not Expert.objects.exists()


def test_approval_puts_the_user_in_the_expert_group_and_suspension_takes_them_out(world, media_root):
    expert = f.expert(status=ExpertStatus.PENDING)
    group = Group.objects.get(name=PublicRole.EXPERT)
    expert_decide(expert=expert, status=ExpertStatus.ACTIVE, actor=world.users["call_manager"])
    assert group in expert.user.groups.all()
    expert_decide(expert=expert, status=ExpertStatus.SUSPENDED, actor=world.users["call_manager"],
                  note="Мүдделер қақтығысын жасырды")
    assert group not in expert.user.groups.all()
    assert [e.action for e in history(expert)] == ["expert_suspended", "expert_approved"]


def test_declining_needs_a_reason_the_applicant_reads(world, client, media_root):
    expert = f.expert(status=ExpertStatus.PENDING)
    client.force_login(world.users["call_manager"])
    response = client.post(f"/ru/staff/experts/{expert.pk}/decide/", {"status": "declined", "note": ""})
    assert response.status_code == 400
    assert "Укажите причину" in response.content.decode()
    expert.refresh_from_db()
    assert expert.status == ExpertStatus.PENDING


def test_the_register_shows_the_nomination_shares(client, media_root):
    for _ in range(7):
        f.expert(nominated_by=Nominator.NGO)
    for _ in range(3):
        f.expert(nominated_by=Nominator.OPERATOR)
    f.expert(status=ExpertStatus.PENDING)
    shares = nomination_shares()
    assert (shares["active"], shares["ngo_percent"], shares["operator_percent"], shares["pending"]) == (10, 70, 30, 1)
    client.force_login(make_user("auditor@example.kz", group="auditor"))
    body = client.get("/ru/staff/experts/").content.decode()
    assert "70 %" in body and "30 %" in body


def test_the_register_page_runs_the_same_queries_for_few_and_many(world, client, media_root):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.users["call_manager"])
    client.get("/ru/staff/experts/")
    with CaptureQueriesContext(connection) as few:
        client.get("/ru/staff/experts/")
    for _ in range(15):
        f.expert(nominated_by=Nominator.NGO)
    with CaptureQueriesContext(connection) as many:
        client.get("/ru/staff/experts/")
    assert len(few.captured_queries) == len(many.captured_queries) == REGISTER_QUERIES


def test_only_staff_and_the_expert_read_a_cv(world, client, media_root):
    expert = world.expert_profile
    client.force_login(world.users["other_expert"])
    assert client.get(f"/ru/staff/experts/{expert.pk}/cv/").status_code == 404
    client.force_login(world.users["expert"])
    assert client.get(f"/ru/staff/experts/{expert.pk}/cv/").status_code == 200
