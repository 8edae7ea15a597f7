"""manage.py import_ngos: the operator's register in; each bad row rejected with its reason."""

import pytest
from django.core.management import call_command

from ngos.choices import VerificationStatus
from ngos.models import NGO

from .factories import NGOFactory

pytestmark = pytest.mark.django_db

HEADER = "bin,name_kk,name_ru,short_name_ru,legal_form,registered_on,region,email,spheres\n"


def run(tmp_path, body: str, *args) -> str:
    path = tmp_path / "register.csv"
    path.write_text(HEADER + body, encoding="utf-8-sig")
    out = __import__("io").StringIO()
    call_command("import_ngos", str(path), *args, stdout=out)
    return out.getvalue()


def test_good_rows_are_imported_and_each_bad_row_is_reported(tmp_path):
    NGOFactory(bin="990940003030")
    body = (
        '940140000385,«Мейірім» қоры,Фонд «Мейирим»,ФМ,ОФ,20.01.1994,Алматы қаласы,info@meirim.kz,education;health\n'
        "950440001673,«Үміт» қоғамдық бірлестігі,ОО «Надежда»,,public_association,1995-04-02,KZ-71,,\n"
        "940140000386,«Қате» қоры,Фонд «Ошибка»,,ОФ,,almaty,,\n"
        "990940003030,«Қайталау»,«Повтор»,,ОФ,,almaty,,\n"
        "000640002067,«Белгісіз»,«Неизвестный»,,ОФ,,Атлантида,,\n"
        "940140000385,«Екінші рет»,«Второй раз»,,ОФ,,almaty,,\n"
    )
    out = run(tmp_path, body)
    assert "line 4: rejected — bad BIN “940140000386”: The check digit" in out
    assert "line 5: rejected — duplicate: BIN 990940003030 is already in the register" in out
    assert "line 6: rejected — unknown region “Атлантида”" in out
    assert "line 7: rejected — duplicate: BIN 940140000385 is already on line 2 of this file" in out
    assert "2 NGOs imported, 4 rows rejected." in out
    meirim = NGO.objects.get(bin="940140000385")
    assert meirim.region.slug == "almaty" and meirim.legal_form == "public_foundation"
    assert meirim.verification == VerificationStatus.VERIFIED
    assert sorted(meirim.spheres.values_list("slug", flat=True)) == ["education", "health"]
    assert NGO.objects.get(bin="950440001673").region.slug == "astana"


def test_a_dry_run_imports_nothing(tmp_path):
    out = run(tmp_path, "940140000385,«Мейірім» қоры,Фонд «Мейирим»,,ОФ,,almaty,,\n", "--dry-run")
    assert "1 NGOs would be imported, 0 rows rejected." in out
    assert not NGO.objects.exists()


def test_the_report_can_be_in_russian(tmp_path):
    out = run(tmp_path, "94014000038,«Мейірім» қоры,Фонд «Мейирим»,,ОФ,,almaty,,\n", "--language", "ru")
    assert "line 2: rejected — неверный БИН «94014000038»: БИН состоит из 12 цифр" in out
