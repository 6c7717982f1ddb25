"""The words of a letter that depend on its language's conventions: the date line, the
salutation for a reader the letter cannot name, and the closing formula.

These are data in code rather than gettext entries because a single msgid cannot
express them: a French closing repeats the salutation inside it ("Veuillez agréer,
Madame la Ministre, ..."), an English one depends on whether the salutation names
the reader, and a Russian date needs the genitive month that Django's "F" format
does not give. Languages not listed here fall back to gettext, so a site adding a
language still gets a translatable closing and date format.
"""

from __future__ import annotations

import datetime
import re

from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext, pgettext

# PHP-style date formats (Django's ``date`` filter) as each language writes a letter's date.
DATE_FORMATS = {
    "en": "j F Y",  # 30 November 2026
    "fr": "j F Y",  # 30 novembre 2026 (Django's French months are lower case)
    "es": r"j \d\e F \d\e Y",  # 30 de noviembre de 2026
    "ru": r"j E Y \г.",  # 30 ноября 2026 г. (E: the genitive month)
    "ar": "j F Y",  # 30 نوفمبر 2026
    "zh-hans": "Y年n月j日",  # 2026年11月30日
}

# The formal salutation of each language for a reader the letter knows neither by name nor by
# title: the recipient's own salutation is not written in the letter's language. Each is what a
# letter to an office writes (a template adds its language's punctuation after it: "Madame,
# Monsieur,", "Estimada señora, estimado señor:", "Уважаемые дамы и господа!"). Arabic opens
# with the customary greeting, which needs neither a title nor a gender; Chinese names both
# readers, as French does.
NEUTRAL_SALUTATIONS = {
    "en": "Dear Sir or Madam",
    "fr": "Madame, Monsieur",
    "es": "Estimada señora, estimado señor",
    "ar": "تحية طيبة وبعد",
    "zh-hans": "尊敬的先生/女士",
    "ru": "Уважаемые дамы и господа",
}

# Salutations that do not name or address the reader personally.
_IMPERSONAL_EN = re.compile(r"^\s*dear\s+(sir|madam|sir or madam|sir/madam|madam or sir)\b", re.IGNORECASE)
_FRENCH_ADDRESS = re.compile(r"^\s*(madame|monsieur|mesdames|messieurs)\b", re.IGNORECASE)
_TRAILING_PUNCTUATION = re.compile(r"[\s,:;!،，：！]+$")


def _base(language: str) -> str:
    language = language.lower().replace("_", "-")
    return language if language in DATE_FORMATS else language.split("-")[0]


def letter_date(language: str, day: datetime.date) -> str:
    """*day* as a letter's date line writes it in *language*."""
    with translation.override(language):
        date_format = DATE_FORMATS.get(_base(language))
        if date_format is None:
            # Translators: a PHP-style date format for the date line of a letter.
            date_format = pgettext("letter date format", "j F Y")
        return format_date(day, date_format)


def neutral_salutation(language: str) -> str:
    """The salutation of a letter in *language* to a reader it cannot name or title."""
    salutation = NEUTRAL_SALUTATIONS.get(_base(language))
    if salutation is not None:
        return salutation
    with translation.override(language):
        # Translators: the salutation of a formal letter to a reader whose name and title are unknown.
        return pgettext("neutral letter salutation", "Dear Sir or Madam")


def _english(salutation: str) -> str:
    # British usage: "Yours faithfully" when the reader is not named or addressed, else "Yours sincerely".
    return "Yours faithfully," if _IMPERSONAL_EN.match(salutation) else "Yours sincerely,"


def _french(salutation: str) -> str:
    # The formula takes up the salutation's own words: "Madame la Ministre, ... Madame la Ministre".
    address = _TRAILING_PUNCTUATION.sub("", salutation.strip())
    if not _FRENCH_ADDRESS.match(address):
        address = "Madame, Monsieur"
    return f"Veuillez agréer, {address}, l'expression de ma haute considération."


def _spanish(salutation: str) -> str:
    # "Atentamente," closes any formal Spanish letter, to a minister or to an office.
    return "Atentamente,"


def _russian(salutation: str) -> str:
    return "С уважением,"


def _arabic(salutation: str) -> str:
    # The customary closing of a formal Arabic letter to an official, whatever the title.
    return "وتفضلوا بقبول فائق الاحترام والتقدير،"


def _chinese(salutation: str) -> str:
    # "此致" then "敬礼！" on its own line: the fixed close of a formal Chinese letter.
    return "此致\n敬礼！"


CLOSINGS = {"en": _english, "fr": _french, "es": _spanish, "ru": _russian, "ar": _arabic, "zh-hans": _chinese}


def closing_formula(language: str, salutation: str) -> str:
    """The closing formula that answers *salutation* in *language*."""
    closing = CLOSINGS.get(_base(language))
    if closing is not None:
        return closing(salutation or "")
    with translation.override(language):
        if salutation == neutral_salutation(language):
            # Translators: the closing of a formal letter whose salutation does not name the reader.
            return pgettext("closing after a neutral salutation", "Yours faithfully,")
        return gettext("Yours sincerely,")
