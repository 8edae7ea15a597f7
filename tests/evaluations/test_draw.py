import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from evaluations.choices import ExpertStatus, MemberRole, PanelStatus, SeedSource
from evaluations.draw import run_draw
from evaluations.models import Draw
from evaluations.selectors.panels import draw_pool, draw_verification
from evaluations.services.panels import draw_publish_protocol, panel_create, panel_draw, panel_set_officers
from portal.audit import history

from . import factories as f

POOL = list(range(1, 41))


def test_same_seed_and_pool_give_the_same_panel():
    first = run_draw(seed="observers-2026", pool=POOL, members=3, reserves=3)
    again = run_draw(seed="observers-2026", pool=list(reversed(POOL)), members=3, reserves=3)
    assert first == again
    assert len(set(first.members + first.reserves)) == 6


def test_a_different_seed_gives_a_different_panel():
    first = run_draw(seed="a3f1", pool=POOL, members=3, reserves=3)
    other = run_draw(seed="a3f2", pool=POOL, members=3, reserves=3)
    assert first.members + first.reserves != other.members + other.reserves


def test_the_draw_is_pinned_so_a_published_record_re_runs_anywhere():
    """Changing the algorithm would break every published protocol: this value is fixed for "v1"."""
    result = run_draw(seed="demeu", pool=range(1, 21), members=3, reserves=3)
    assert result.members == (19, 15, 17)
    assert result.reserves == (9, 4, 18)


def test_a_pool_smaller_than_the_draw_is_refused():
    with pytest.raises(ValueError):
        run_draw(seed="x", pool=[1, 2, 3, 4, 5], members=3, reserves=3)


@pytest.fixture
def call_with_pool(db):
    call = f.call()
    f.lot(call)
    education, health = f.sphere("education"), f.sphere("health", "Денсаулық")
    experts = [f.expert(spheres=[education]) for _ in range(7)]
    experts += [f.expert(spheres=[health])]
    experts += [f.expert(spheres=[education], speaks_kk=False)]
    experts += [f.expert(spheres=[education], status=ExpertStatus.SUSPENDED)]
    experts += [f.expert(spheres=[education], status=ExpertStatus.PENDING)]
    return call, education, experts


def test_the_pool_is_active_experts_of_the_sphere_and_language(call_with_pool, world):
    call, education, experts = call_with_pool
    panel = panel_create(call=call, actor=world.users["call_manager"], sphere=education, language="kk")
    # Of this fixture's experts, the seven active kk speakers of education; the shared world's own experts of
    # education may be in the pool too (other floors' builders register some).
    ours = {e.pk for e in experts}
    assert [pk for pk in draw_pool(panel) if pk in ours] == sorted(e.pk for e in experts[:7])


def test_the_draw_records_seed_pool_observers_and_seats(call_with_pool, world):
    call, education, experts = call_with_pool
    manager = world.users["call_manager"]
    panel = panel_create(call=call, actor=manager, sphere=education)
    draw = panel_draw(panel=panel, actor=manager, observers="Асқар Бекұлы\n\nОльга Ким (ОО «Голос»)\n")
    assert draw.seed_source == SeedSource.GENERATED and len(draw.seed) == 32
    assert draw.pool == draw_pool(panel)
    assert draw.observer_names() == ["Асқар Бекұлы", "Ольга Ким (ОО «Голос»)"]
    seats = list(panel.members.order_by("draw_position"))
    assert [s.expert_id for s in seats] == draw.drawn_members + draw.drawn_reserves
    assert [s.role for s in seats] == [MemberRole.MEMBER] * 3 + [MemberRole.RESERVE] * 3
    panel.refresh_from_db()
    assert panel.status == PanelStatus.DRAWN
    entry = history(panel).get(action="panel_drawn")
    assert entry.data["seed"] == draw.seed and entry.actor == manager


def test_re_running_a_recorded_draw_gives_the_same_panel(call_with_pool, world):
    call, education, _ = call_with_pool
    panel = panel_create(call=call, actor=world.users["call_manager"], sphere=education)
    draw = panel_draw(panel=panel, actor=world.users["call_manager"], observers="Observer", seed="1989 2026")
    assert draw.seed_source == SeedSource.OBSERVERS
    check = draw_verification(Draw.objects.get(pk=draw.pk))
    assert check["matches"] is True
    assert check["members"] == draw.drawn_members


def test_a_tampered_record_does_not_verify(call_with_pool, world):
    call, education, _ = call_with_pool
    panel = panel_create(call=call, actor=world.users["call_manager"], sphere=education)
    draw = panel_draw(panel=panel, actor=world.users["call_manager"], observers="Observer", seed="s")
    Draw.objects.filter(pk=draw.pk).update(drawn_members=list(reversed(draw.drawn_members)))
    assert draw_verification(Draw.objects.get(pk=draw.pk))["matches"] is False


def test_a_draw_without_observers_is_refused(call_with_pool, world):
    call, education, _ = call_with_pool
    panel = panel_create(call=call, actor=world.users["call_manager"], sphere=education)
    with pytest.raises(ValidationError):
        panel_draw(panel=panel, actor=world.users["call_manager"], observers="  \n ")
    assert not Draw.objects.filter(panel=panel).exists()


def test_a_draw_with_too_few_experts_says_how_many_match(call_with_pool, world, client):
    call, _, _ = call_with_pool
    health = f.sphere("health")
    panel = panel_create(call=call, actor=world.users["call_manager"], sphere=health)
    client.force_login(world.users["call_manager"])
    response = client.post(f"/ru/staff/evaluation/commissions/{panel.pk}/draw/",
                           {"observers": "Наблюдатель", "seed": "abc"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Фильтрам соответствует только 1 активный эксперт" in body
    assert "Наблюдатель" in body  # what was typed is kept


def test_a_panel_is_drawn_once(call_with_pool, world):
    call, education, _ = call_with_pool
    panel = panel_create(call=call, actor=world.users["call_manager"], sphere=education)
    panel_draw(panel=panel, actor=world.users["call_manager"], observers="O")
    with pytest.raises(ValidationError):
        panel_draw(panel=panel, actor=world.users["call_manager"], observers="O")


def test_the_public_page_re_runs_the_draw_and_names_the_panel(call_with_pool, world, client):
    call, education, experts = call_with_pool
    panel = panel_create(call=call, actor=world.users["call_manager"], sphere=education)
    draw = panel_draw(panel=panel, actor=world.users["call_manager"], observers="Асқар Бекұлы", seed="kz")
    response = client.get(f"/kk/draws/{draw.pk}/")
    body = response.content.decode()
    assert "kz" in body and "Асқар Бекұлы" in body
    first = next(e for e in experts if e.pk == draw.drawn_members[0])
    assert first.user.full_name in body
    assert "комиссия құрамы да, реті де сол" in body  # "the same commission, same order"


def test_the_protocol_is_published_in_kazakh_and_russian(call_with_pool, world, client):
    call, education, experts = call_with_pool
    manager = world.users["call_manager"]
    manager.full_name = "Ерлан Мұқанов"
    manager.save()
    panel = panel_create(call=call, actor=manager, sphere=education)
    draw = panel_draw(panel=panel, actor=manager, observers="Асқар Бекұлы", seed="seed-for-the-protocol")
    draw_publish_protocol(draw=draw)
    texts = {}
    for language in ("kk", "ru"):
        response = client.get(f"/{language}/draws/{draw.pk}/protocol-{language}.pdf")
        assert response["Content-Type"] == "application/pdf"
        texts[language] = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "seed-for-the-protocol" in texts["kk"] and "seed-for-the-protocol" in texts["ru"]
    assert "Асқар Бекұлы" in texts["ru"]
    assert "хаттамасы" in texts["kk"].lower() and "протокол" in texts["ru"].lower()
    assert call.title_kk in texts["kk"] and call.title_ru in texts["ru"]


def test_the_chair_and_secretary_are_members_not_reserves(call_with_pool, world):
    call, education, _ = call_with_pool
    manager = world.users["call_manager"]
    panel = panel_create(call=call, actor=manager, sphere=education)
    panel_draw(panel=panel, actor=manager, observers="O")
    seats = list(panel.members.order_by("draw_position"))
    with pytest.raises(ValidationError):
        panel_set_officers(panel=panel, actor=manager, chair=seats[0], secretary=seats[4])
    panel_set_officers(panel=panel, actor=manager, chair=seats[1], secretary=seats[0])
    roles = dict(panel.members.values_list("draw_position", "role"))
    assert roles[2] == MemberRole.CHAIR and roles[1] == MemberRole.SECRETARY and roles[3] == MemberRole.MEMBER
