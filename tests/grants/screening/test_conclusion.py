"""The screening conclusion: published once every application is decided, public in kk and ru, NGOs notified."""

import csv
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from grants.screening import services
from grants.screening.models import ScreeningConclusion

pytestmark = pytest.mark.django_db
PASS_ALL = {"documents_valid": ("pass", ""), "activities_within_lot": ("pass", "")}


def decide_both(admitted_app, rejected_app, officer):
    """The first admitted; the second (its NGO not listed) not admitted, with reasons in both languages."""
    first = services.screening_start(application=admitted_app, actor=officer)
    services.screening_record_checks(screening=first, results=PASS_ALL, actor=officer)
    services.screening_decide(screening=first, decision="admitted", actor=officer)
    second = services.screening_start(application=rejected_app, actor=officer)
    services.screening_record_checks(screening=second, results={**PASS_ALL, "ngo_listed": ("fail", "Тізімде жоқ")},
                                     actor=officer)
    services.screening_decide(
        screening=second, decision="not_admitted", actor=officer,
        reason_kk="ҮЕҰ 2025 жылға ҮЕҰ дерекқорында жоқ.", reason_ru="НПО отсутствует в базе данных НПО за 2025 год.",
    )


def test_the_conclusion_waits_until_every_submitted_application_is_decided(submitted, second, officer):
    screening = services.screening_start(application=submitted, actor=officer)
    services.screening_record_checks(screening=screening, results=PASS_ALL, actor=officer)
    services.screening_decide(screening=screening, decision="admitted", actor=officer)
    with pytest.raises(ValidationError, match="not decided yet"):
        services.conclusion_publish(call=submitted.lot.call, actor=officer)
    assert not ScreeningConclusion.objects.exists()


def test_publishing_renders_the_pdf_in_kazakh_and_russian(
    submitted, second, officer, eager_tasks, django_capture_on_commit_callbacks
):
    decide_both(submitted, second, officer)
    with django_capture_on_commit_callbacks(execute=True):
        conclusion = services.conclusion_publish(call=submitted.lot.call, actor=officer)
    conclusion.refresh_from_db()
    texts = {}
    for language in ("kk", "ru"):
        with conclusion.pdf_in(language).open("rb") as handle:
            text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages)
            texts[language] = " ".join(text.split())  # table cells wrap: compare words, not lines
    assert "Қорытынды" in texts["kk"] and "ҮЕҰ 2025 жылға ҮЕҰ дерекқорында жоқ." in texts["kk"]
    assert "Итоговое заключение" in texts["ru"] and "НПО отсутствует в базе данных НПО за 2025 год." in texts["ru"]
    for text in texts.values():
        assert submitted.registration_number in text and second.registration_number in text


def test_each_ngo_is_notified_in_its_members_language(
    submitted, second, officer, eager_tasks, django_capture_on_commit_callbacks
):
    decide_both(submitted, second, officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.conclusion_publish(call=submitted.lot.call, actor=officer)
    by_number = {}
    for message in mail.outbox:
        for number in (submitted.registration_number, second.registration_number):
            if number in message.subject:
                by_number.setdefault(number, []).append(message)
    assert len(by_number[submitted.registration_number]) == 2  # head and member of the first NGO
    (rejected,) = by_number[second.registration_number]  # the second NGO's head, who reads Russian
    assert "не допущена" in rejected.body and "НПО отсутствует в базе данных НПО за 2025 год." in rejected.body


def test_staff_export_every_submitted_application_to_csv_and_xlsx(client, submitted, second, officer):
    decide_both(submitted, second, officer)
    client.force_login(officer)
    code = submitted.lot.call.code
    response = client.get(reverse("screening:export_csv", kwargs={"call": code}))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == [submitted.registration_number, second.registration_number]
    assert rows[1][3] == submitted.ngo.bin and rows[1][8] == "6300000.00"
    assert "Listed in the NGO database for the previous year: Тізімде жоқ" in rows[2][11]

    response = client.get(reverse("screening:export_xlsx", kwargs={"call": code}))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert [v[0] for v in values] == [submitted.registration_number, second.registration_number]
    assert float(values[0][8]) == 6300000.0
