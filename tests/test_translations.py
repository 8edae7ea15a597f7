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


def _entries(path: Path):
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            yield entry, tuple(entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural))
        else:
            yield entry, entry.msgstr


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_one_msgid_has_one_translation_in_every_catalogue(lang):
    """Django merges every catalogue into one domain: two texts for one (context, msgid) means one of
    them never shows. A short generic word used in two senses gets a msgctxt instead."""
    seen: dict[tuple, dict[str, object]] = {}
    for path in catalogues(lang):
        for entry, text in _entries(path):
            seen.setdefault((entry.msgctxt, entry.msgid), {})[str(path.relative_to(BASE))] = text
    clashes = [
        f"{ctx + ' | ' if ctx else ''}{msgid!r}: " + "; ".join(f"{where}: {text!r}" for where, text in texts.items())
        for (ctx, msgid), texts in sorted(seen.items(), key=lambda item: (item[0][0] or "", item[0][1]))
        if len(set(texts.values())) > 1
    ]
    assert not clashes, "one msgid, different translations:\n" + "\n".join(clashes[:40])


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_running_portal_shows_each_catalogues_own_translation(lang):
    """Catches a clash with Django's or allauth's own catalogues too (the project's apps come after
    django.contrib.admin and allauth in INSTALLED_APPS, so their "Summary" or "Change" would win)."""
    from django.utils import translation

    lost = []
    with translation.override(lang):
        for path in catalogues(lang):
            for entry, text in _entries(path):
                if entry.msgid_plural:
                    continue
                if entry.msgctxt:
                    shown = translation.pgettext(entry.msgctxt, entry.msgid)
                else:
                    shown = translation.gettext(entry.msgid)
                if shown != text:
                    where = path.relative_to(BASE)
                    lost.append(f"{where}: {entry.msgctxt or ''} {entry.msgid!r} shows {shown!r}, not {text!r}")
    assert not lost, "translations that lose to another catalogue:\n" + "\n".join(lost[:40])
