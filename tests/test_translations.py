"""Every string the portal shows exists in Kazakh and Russian."""

import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

BASE = Path(settings.BASE_DIR)
SKIP = {".venv", "venv", "node_modules", "staticfiles", "media"}


def catalogues(lang: str) -> list[Path]:
    found = BASE.rglob(f"locale*/{lang}/LC_MESSAGES/django.po")
    return sorted(p for p in found if not SKIP.intersection(p.relative_to(BASE).parts))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_there_are_catalogues(lang):
    assert catalogues(lang), f"no {lang} catalogue found"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_message_is_untranslated_or_fuzzy(lang):
    problems = []
    for path in catalogues(lang):
        po = polib.pofile(str(path))
        for entry in po.untranslated_entries():
            problems.append(f"{path.relative_to(BASE)}: untranslated {entry.msgid!r}")
        for entry in po.fuzzy_entries():
            problems.append(f"{path.relative_to(BASE)}: fuzzy {entry.msgid!r}")
    assert not problems, "\n".join(problems[:50]) + (f"\n… and {len(problems) - 50} more" if len(problems) > 50 else "")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_catalogues_pass_msgfmt_check(lang):
    for path in catalogues(lang):
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, f"{path}: {result.stderr}"


def test_every_string_in_the_code_is_in_the_catalogues(tmp_path):
    """makemessages finds nothing new: a string added to code or templates without a translation fails here."""
    missing = []
    apps = ["ngos", "grants", "evaluations", "reports"]
    units = [(BASE, BASE / "locale")] + [(BASE / app, BASE / app / "locale") for app in apps]
    for root, locale in units:
        if not (locale / "ru" / "LC_MESSAGES" / "django.po").exists():
            continue
        copy = tmp_path / root.name
        skip = shutil.ignore_patterns(".venv", "node_modules", "staticfiles", "media", "*.mo", ".git")
        shutil.copytree(root, copy, ignore=skip)
        known = {(e.msgctxt, e.msgid) for e in polib.pofile(str(locale / "ru" / "LC_MESSAGES" / "django.po"))}
        ignore = ["tests", "bench", ".venv", "staticfiles"] + (apps if root == BASE else [])
        cwd = os.getcwd()
        os.chdir(copy)
        try:
            # No LOCALE_PATHS: makemessages must write into the copy, never into the real catalogues.
            with override_settings(LOCALE_PATHS=[]):
                call_command("makemessages", locale=["ru"], ignore_patterns=ignore, verbosity=0, no_obsolete=True)
        finally:
            os.chdir(cwd)
        found = {(e.msgctxt, e.msgid) for e in polib.pofile(str(copy / "locale" / "ru" / "LC_MESSAGES" / "django.po"))}
        missing += [f"{root.name}: {msgid!r}" for _, msgid in sorted(found - known, key=str)]
    hint = "strings missing from the catalogues (`make messages`, then translate):\n"
    assert not missing, hint + "\n".join(missing[:40])
