"""Charts drawn on the server as inline SVG: horizontal bars, a line, and the choropleth map of the 20 regions.
Each returns plain geometry the template writes out as <svg> (no script, no CDN, printable); the numbers are
always in a table beside the chart as well.

Why not a charting library: matplotlib/pygal draw whole SVG documents with their own fonts, styles and ids
(pygal adds a script for tooltips), which a strict CSP and our accessible <title>s fight; the geometry of a bar
or a polyline is a few lines of arithmetic."""

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.utils.text import Truncator

from portal.formatting import tenge

MAP_DATA = Path(__file__).resolve().parent / "data" / "kz_regions.json"
# Five classes from light to dark (ColorBrewer "Blues", colour-blind safe); the palest is "no grant".
PALETTE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
EMPTY = "#f2f2f2"
LABEL_CHARS = 48  # a bar's label beyond this is cut with "…" (the table beside it has it whole)


def bars(rows: list[dict], *, value: str, width: int = 360, bar: int = 14, gap: int = 10):
    """Horizontal bars, one per row, scaled to the largest value: the row's label and value on a line, its bar
    under it (dark text on white, never on the bar). Each item also carries what its bar says, written once
    (`shown`: tenge, a share in % or a count; `short_label`; `money`: its amount in tenge for the table), not
    worked out by the template twice a bar."""
    top = max((Decimal(r[value]) for r in rows), default=Decimal(0)) or Decimal(1)
    text = 18
    step = text + bar + gap
    items = []
    for index, row in enumerate(rows):
        amount = Decimal(row[value])
        length = float(amount / top) * (width - 2) if amount else 0.0
        y = index * step
        money = tenge(row["amount"]) if "amount" in row else ""
        shown = money if value == "amount" else f"{row[value]} %" if value == "share" else str(row[value])
        items.append({**row, "x": 0, "y": y + text, "w": round(max(length, 2.0) if amount else 0.0, 1),
                      "h": bar, "text_y": y + 13, "shown": shown, "money": money,
                      "short_label": Truncator(row["label"]).chars(LABEL_CHARS)})
    return {"width": width, "height": max(len(rows) * step - gap, step), "items": items}


def line(rows: list[dict], *, value: str, width: int = 360, height: int = 180, pad: int = 30):
    """A line through the rows' values (in their order), with a dot and a label per point."""
    top = max((Decimal(r[value]) for r in rows), default=Decimal(0)) or Decimal(1)
    step = (width - 2 * pad) / max(len(rows) - 1, 1)
    points = []
    for index, row in enumerate(rows):
        x = pad + index * step if len(rows) > 1 else width / 2
        y = height - pad - float(Decimal(row[value]) / top) * (height - 2 * pad)
        points.append({**row, "x": round(x, 1), "y": round(y, 1)})
    return {"width": width, "height": height, "points": points, "baseline": height - pad,
            "path": " ".join(f"{p['x']},{p['y']}" for p in points)}


@cache
def _map_shapes() -> dict:
    return json.loads(MAP_DATA.read_text())


def classes(values: list[Decimal]) -> list[Decimal]:
    """Upper bounds of four classes of the non-zero values (quantiles), so a few large regions do not wash out
    the rest."""
    present = sorted(v for v in values if v)
    if not present:
        return []
    return [present[min(len(present) - 1, round(len(present) * q) - 1 if round(len(present) * q) else 0)]
            for q in (0.25, 0.5, 0.75, 1.0)]


def choropleth(regions: list[dict], *, value: str = "amount") -> dict:
    """The 20 regions as SVG paths coloured by `value`, each with its row (slug, name, figures)."""
    shapes = _map_shapes()
    bounds = classes([Decimal(r[value]) for r in regions])
    items = []
    for row in regions:
        shape = shapes["regions"].get(row["iso"])
        if not shape:
            continue
        amount = Decimal(row[value])
        level = 0 if not amount else 1 + next((i for i, bound in enumerate(bounds) if amount <= bound), 3)
        items.append({**row, "d": shape["d"], "cx": shape["centre"][0], "cy": shape["centre"][1],
                      "fill": PALETTE[level] if level else EMPTY, "level": level,
                      "small": row["iso"] in ("KZ-71", "KZ-75", "KZ-79")})
    legend = [{"fill": EMPTY, "upto": None}] + [{"fill": PALETTE[i + 1], "upto": bound}
                                                for i, bound in enumerate(bounds)]
    return {"width": shapes["width"], "height": shapes["height"], "items": items, "legend": legend,
            "source": shapes["source"], "licence": shapes["licence"]}
