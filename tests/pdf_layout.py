"""Where the text of a PDF lies: every piece of text with its left and right edge, in points.

pypdf reports each text-showing operation to a visitor with its matrices and font size; the width comes
from the advance widths of our own fonts (static/fonts), which are the ones the PDFs embed."""

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from fontTools.ttLib import TTFont
from pypdf import PdfReader

MM = 72 / 25.4


@cache
def _advances(weight: str) -> tuple[dict[int, int], int, int]:
    font = TTFont(Path(settings.BASE_DIR) / "static" / "fonts" / f"NotoSans-{weight}.ttf")
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    widths = {code: metrics[glyph][0] for code, glyph in cmap.items()}
    return widths, font["head"].unitsPerEm, metrics[".notdef"][0]


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    widths, units, fallback = _advances("Bold" if bold else "Regular")
    return sum(widths.get(ord(char), fallback) for char in text) * size / units


@dataclass(frozen=True)
class Piece:
    page: int
    text: str
    left: float
    right: float
    page_width: float


def text_pieces(pdf: bytes) -> list[Piece]:
    pieces = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        width = float(page.mediabox.width)

        def visit(text, cm, tm, font, size, number=number, width=width):
            text = text.strip("\n")
            if not text.strip():
                return
            # The text matrix times the current transformation matrix: where the text starts, and its scale.
            a = tm[0] * cm[0] + tm[1] * cm[2]
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            bold = "Bold" in str((font or {}).get("/BaseFont", ""))
            pieces.append(Piece(number, text, x, x + text_width(text, size * a, bold=bold), width))

        page.extract_text(visitor_text=visit)
    return pieces


def beyond_right_margin(pdf: bytes, *, margin_mm: float = 18, tolerance: float = 0.5) -> list[Piece]:
    """The pieces of text that reach into the right margin (pdf/base.html: 18 mm) or off the page."""
    return [p for p in text_pieces(pdf) if p.right > p.page_width - margin_mm * MM + tolerance]
