"""The audit log's filter form lays out on a phone and on a desktop: no field overlaps another, nothing runs off
the screen, every control is styled; and the log reads in the page's language."""

import os
from pathlib import Path

import pytest

from portal import audit

pytestmark = pytest.mark.django_db(transaction=True)

# Set AUDIT_SCREENSHOTS=/some/dir to keep the PNGs and look at them.
SHOTS = os.environ.get("AUDIT_SCREENSHOTS")


def _boxes(page):
    return page.eval_on_selector_all(
        "form.filters .form-label, form.filters select, form.filters input, form.filters button",
        "nodes => nodes.map(n => { const r = n.getBoundingClientRect();"
        " return {tag: n.tagName, name: n.name || n.textContent.trim(), x: r.x, y: r.y, w: r.width, h: r.height,"
        " cls: n.className}; })",
    )


def _overlap(a, b) -> bool:
    return a["x"] < b["x"] + b["w"] - 1 and b["x"] < a["x"] + a["w"] - 1 and \
        a["y"] < b["y"] + b["h"] - 1 and b["y"] < a["y"] + a["h"] - 1


@pytest.mark.parametrize("width", [390, 1280])
def test_the_audit_filter_fields_neither_overlap_nor_overflow_and_are_styled(
    page, sign_in, world, width, tmp_path, assert_accessible
):
    from tests.grants.factories import draft_call

    call = draft_call()
    audit.record(actor=world.users["call_manager"], obj=call, action="call_created", to_state="draft")
    sign_in(page, world.users["auditor"])
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/ru/staff/audit/")

    boxes = _boxes(page)
    controls = [b for b in boxes if b["tag"] in ("SELECT", "INPUT")]
    assert len(controls) == 4
    for box in controls:
        assert ("form-select" if box["tag"] == "SELECT" else "form-control") in box["cls"], box
        assert box["w"] > 120 and box["x"] >= 0 and box["x"] + box["w"] <= width, box
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not _overlap(a, b), (a, b)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert "Конкурс создан" in page.inner_text("main")
    assert_accessible(page)
    target = Path(SHOTS) if SHOTS else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target / f"audit-log-{width}.png"), full_page=True)
