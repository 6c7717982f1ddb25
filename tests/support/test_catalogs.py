"""The French, Spanish, Arabic, Chinese and Russian catalogs are complete, compiled and cover every string in the code."""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

PACKAGE = Path(__file__).resolve().parents[2] / "soroptimist_advocacy"
LANGUAGES = ["fr", "es", "ar", "zh_Hans", "ru"]


def catalog(language: str) -> polib.POFile:
    return polib.pofile(str(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po"))


def keys(entries) -> set[tuple[str | None, str]]:
    return {(entry.msgctxt, entry.msgid) for entry in entries if not entry.obsolete}


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_has_no_untranslated_or_fuzzy_entry(language):
    po = catalog(language)
    assert len(po) > 100
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, untranslated[:20]
    assert not fuzzy, fuzzy[:20]


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_matches_its_source(language):
    po = catalog(language)
    mo = polib.mofile(str(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in mo}
    source = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in po if not entry.obsolete}
    assert compiled == source, "run: cd soroptimist_advocacy && django-admin compilemessages"


@pytest.mark.skipif(not shutil.which("xgettext"), reason="needs GNU gettext's xgettext (Debian package gettext)")
def test_every_string_in_the_code_is_in_the_catalogs(tmp_path, monkeypatch):
    copy = tmp_path / "soroptimist_advocacy"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=LANGUAGES, no_location=True, verbosity=0)
    for language in LANGUAGES:
        extracted = keys(polib.pofile(str(copy / "locale" / language / "LC_MESSAGES" / "django.po")))
        missing = extracted - keys(catalog(language))
        assert not missing, f"{language}: {sorted(missing, key=str)[:20]} (run makemessages and translate)"
    assert os.getcwd() == str(copy)


# Arabic has six plural forms and Russian three: every plural entry must fill them all.
PLURAL_FORMS = {"fr": 2, "es": 2, "ar": 6, "zh_Hans": 1, "ru": 3}


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_entries_fill_every_form_of_the_language(language):
    po = catalog(language)
    assert f"nplurals={PLURAL_FORMS[language]};" in po.metadata["Plural-Forms"].replace(" ", "")
    for entry in po:
        if entry.msgid_plural and not entry.obsolete:
            forms = {int(index) for index, text in entry.msgstr_plural.items() if text}
            assert forms == set(range(PLURAL_FORMS[language])), entry.msgid
