"""Sort keys that follow each language's own alphabetical order (CLDR collation, in pure Python).

django-countries sorts every language with one collator (pyuca's DUCET when it is installed,
an ASCII fold otherwise). That fixes Cyrillic, French and Spanish, but DUCET orders Chinese by
code point and treats Arabic alef with hamza or madda (أ إ آ) as letters of their own, so
"إيطاليا" would come before "اثيوبيا" and every hamza name before the bare alef ones. Here:

- **Chinese** sorts by Hanyu Pinyin with tone numbers (pypinyin), as Chinese dictionaries and
  CLDR's ``zh`` "pinyin" collation do: 中国 (zhong1 guo2) among the Z names, not by code point.
- **Arabic** folds alef with hamza above or below, alef with madda and alef wasla to bare alef
  at the first level, and sorts taa marbuta with taa and alef maksura with yaa (the tailoring
  of CLDR's ``ar`` collation); the unfolded DUCET key breaks ties between names that differ only there.
- **Every other language** uses DUCET (pyuca), which is CLDR's root order.

ICU (PyICU) would give the same orders but is a compiled library of about 30 MB with no wheel
for every platform the app supports; two pure-Python packages are enough for country names.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pyuca
from pypinyin import Style, lazy_pinyin

# CLDR's Arabic tailoring, as a first-level fold: these letters sort as the letter they map to.
ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ت", "ى": "ي"})


@functools.cache
def _collator() -> pyuca.Collator:
    # Building the collator reads DUCET (about 0.3 s): once per process, on first use.
    return pyuca.Collator()


def _root_key(text: str) -> tuple[Any, ...]:
    return _collator().sort_key(text)


def _chinese_key(text: str) -> tuple[Any, ...]:
    # Characters with no reading (Latin letters, digits) come back unchanged and sort by DUCET.
    syllables = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True)
    return (tuple(_root_key(syllable) for syllable in syllables), _root_key(text))


def _arabic_key(text: str) -> tuple[Any, ...]:
    return (_root_key(text.translate(ARABIC_FOLD)), _root_key(text))


def collation_key(language: str | None) -> Callable[[str], tuple[Any, ...]]:
    """A sort key for text in *language* (a Django language code such as ``zh-hans``)."""
    base = (language or "").lower().split("-")[0].split("_")[0]
    if base == "zh":
        return _chinese_key
    if base == "ar":
        return _arabic_key
    return _root_key
