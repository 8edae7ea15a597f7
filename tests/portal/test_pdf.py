import io

import pytest
from pypdf import PdfReader

from portal.pdf import render_pdf

KAZAKH = "Қазақстан Әлеуметтік ғңөұүһі"


def fonts_of(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                names.add(str(font["/BaseFont"]))
    return names


def test_kazakh_text_extracts_back_and_the_font_is_embedded(tmp_path):
    from django.template import engines

    template = tmp_path / "kazakh.html"
    template.write_text('{% extends "pdf/base.html" %}{% block body %}<h1>' + KAZAKH + "</h1>{% endblock %}")
    engine = engines["django"].engine
    engine.dirs = [*engine.dirs, str(tmp_path)]
    try:
        pdf = render_pdf("kazakh.html", {}, language="kk", number="TEST-1", title="Сынақ")
    finally:
        engine.dirs = engine.dirs[:-1]
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    assert KAZAKH in text
    assert "TEST-1" in text  # the document number in the page header
    assert any("Demeu-Sans" in name for name in fonts_of(reader))  # our @font-face, embedded


@pytest.mark.django_db
def test_account_summary_pdf_is_in_the_page_language(world, client):
    user = world.users["ngo_head"]
    user.full_name = "Нұрлан Әбенов"
    user.save()
    client.force_login(user)
    response = client.get("/kk/account/summary.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Нұрлан Әбенов" in text
    assert "1 / 1" in text  # page numbers


def test_document_number_in_the_page_header_keeps_hyphens_and_quotes(tmp_path):
    pdf = render_pdf(
        "portal/pdf/account_summary.html",
        {"account": None, "groups": [], "memberships": []},
        language="ru", number='2027-01 "A&B"', title="Проверка",
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert text.count('№ 2027-01 "A&B"') == 2  # the page header and the document's first line


def test_a_table_of_many_long_columns_stays_inside_the_page(tmp_path):
    """pdf/base.html: a table never grows past the page, however many columns and long words it has."""
    from django.template import engines

    from tests.pdf_layout import beyond_right_margin, text_pieces

    cells = "".join(f"<td>Қаржыландырылмайды{n}</td>" for n in range(9))
    heads = "".join(f'<th class="num">Стандарттыауытқу{n}</th>' for n in range(9))
    template = tmp_path / "wide.html"
    template.write_text('{% extends "pdf/base.html" %}{% block body %}<table class="dense"><thead><tr>' + heads
                        + "</tr></thead><tbody><tr>" + cells + "</tr></tbody></table>{% endblock %}")
    engine = engines["django"].engine
    engine.dirs = [*engine.dirs, str(tmp_path)]
    try:
        pdf = render_pdf("wide.html", {}, language="kk", number="TEST-2", title="Кең кесте")
    finally:
        engine.dirs = engine.dirs[:-1]
    assert len(text_pieces(pdf)) > 18
    assert beyond_right_margin(pdf) == []
