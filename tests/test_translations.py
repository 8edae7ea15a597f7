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

from portal import registry

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


APPS = [config.label for config in registry.catalogue_apps()]  # each with its own <app>/locale
# Our overrides of allauth's templates use allauth's msgids, translated in config/allauth_locale
# (Kazakh) on top of allauth's own catalogues.
ALLAUTH_TEMPLATES = ["templates/account", "templates/mfa", "templates/allauth"]


def extracted(root: Path, tmp_path: Path, ignore: list[str]) -> set[tuple]:
    copy = tmp_path / root.name
    skip = shutil.ignore_patterns(".venv", "node_modules", "staticfiles", "media", "*.mo", ".git", "locale*")
    shutil.copytree(root, copy, ignore=skip)
    (copy / "locale").mkdir()
    cwd = os.getcwd()
    os.chdir(copy)
    try:
        # No LOCALE_PATHS: makemessages must write into the copy, never into the real catalogues.
        with override_settings(LOCALE_PATHS=[]):
            call_command("makemessages", locale=["ru"], ignore_patterns=ignore, verbosity=0, no_obsolete=True)
    finally:
        os.chdir(cwd)
    return {(e.msgctxt, e.msgid) for e in polib.pofile(str(copy / "locale" / "ru" / "LC_MESSAGES" / "django.po"))}


def known(*paths: Path) -> set[tuple]:
    return {(e.msgctxt, e.msgid) for path in paths if path.exists() for e in polib.pofile(str(path))}


def test_every_string_in_the_code_is_in_the_catalogues(tmp_path):
    """makemessages finds nothing new: a string added to code or templates without a translation fails here."""
    base_ignore = ["tests", "bench", ".venv", "staticfiles", "config/allauth_locale"]
    missing = []
    found = extracted(BASE, tmp_path / "project", base_ignore + APPS + ALLAUTH_TEMPLATES)
    missing += [f"locale/: {m!r}" for _, m in sorted(found - known(BASE / "locale/ru/LC_MESSAGES/django.po"))]
    for app in APPS:
        catalogue = BASE / app / "locale/ru/LC_MESSAGES/django.po"
        found = extracted(BASE / app, tmp_path / app, ["tests"])
        missing += [f"{app}/locale: {m!r}" for _, m in sorted(found - known(catalogue))]
    assert not missing, "strings missing from the catalogues (`make messages`, then translate):\n" + "\n".join(
        missing[:40]
    )


def test_allauth_template_overrides_are_in_kazakh(tmp_path):
    kk = BASE / "config/allauth_locale/kk/LC_MESSAGES/django.po"
    only = ["tests", "bench", ".venv", "staticfiles", "config", "locale", "portal", "static"] + APPS
    # Exact names: a glob like templates/*.html would also match templates/mfa/….
    shell_templates = [str(p.relative_to(BASE)) for p in (BASE / "templates").glob("*.html")]
    found = extracted(BASE, tmp_path, only + ["templates/pdf", "templates/partials", *shell_templates])
    missing = sorted(m for _, m in found - known(kk))
    assert not missing, f"allauth strings without Kazakh in {kk.relative_to(BASE)}: {missing[:20]}"
