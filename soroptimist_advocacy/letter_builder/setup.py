"""A campaign's letter setup, prepared once per process: a letter costs routing and the counter.

Everything a letter needs that does not depend on the member (the letter builder
block of the campaign and of each translation, the directory and its decision
makers per country, the live translations, the template bytes in each language)
is built on first use and kept per process, keyed by the page and its live revision.

Other processes learn of a change through a version in the shared cache: the
signal handlers call :func:`bump_version` when a page is published or unpublished,
and when a row a setup reads is saved (``setup_sources`` lists them: saving a
report or a session resets nothing), and every letter reads the version once; a
process that sees a new one drops its setups. So a publish in one worker is seen
by the others on their next letter.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict

from django.core.cache import caches

from soroptimist_advocacy.conf import get_setting
from soroptimist_advocacy.letter_builder.delivery import find_letter_block, letter_template_bytes
from soroptimist_advocacy.letter_builder.form_context import letter_translations
from soroptimist_advocacy.web.translations import live_translations

VERSION_KEY = "sa:letter-setup:version"
MAX_SETUPS = 256

_lock = threading.Lock()
_setups: OrderedDict = OrderedDict()
_seen_version: str | None = None


class LetterSetup:
    """The member-independent part of a campaign's letters; shared, so never mutated per request."""

    def __init__(self, page):
        self.block_value = find_letter_block(page)
        self.directory = page.get_directory()
        self.translations = dict(live_translations(page))
        # The languages the letter is really translated into (wagtail-localize's segments): a
        # translation only reaches visitors when published, and publishing bumps the version.
        self.letter_translations = dict(letter_translations(page))
        self.locale = page.locale
        self.page_pk = page.pk
        self._decision_makers: dict = {}
        self._blocks: dict = {}
        self._templates: dict = {}
        self._lock = threading.Lock()

    def prime(self, page) -> None:
        """Give *page* (this request's instance) the setup's directory, translations and locale."""
        page._sa_directory = self.directory
        page._sa_live_translations = self.translations
        page._sa_letter_translations = self.letter_translations
        page.locale = self.locale

    def decision_makers(self, country: str) -> list:
        """The directory's live decision makers for *country*, primary first (any page
        published or saved bumps the version, so this never outlives a change)."""
        if country not in self._decision_makers:
            found = (
                list(self.directory.get_decision_makers().filter(country=country)) if self.directory and country else []
            )
            with self._lock:
                self._decision_makers[country] = found
        return self._decision_makers[country]

    def letter_block(self, language: str):
        """The letter builder block of the campaign in *language* (its own when untranslated)."""
        if language not in self._blocks:
            letter_page = self.translations[language].specific
            block = self.block_value if letter_page.pk == self.page_pk else None
            with self._lock:
                self._blocks[language] = (letter_page, block or find_letter_block(letter_page) or self.block_value)
        return self._blocks[language]

    def template_bytes(self, language: str) -> bytes:
        """The .docx template of the letter in *language*."""
        if language not in self._templates:
            letter_page, block = self.letter_block(language)
            with self._lock:
                self._templates[language] = letter_template_bytes(block, letter_page.locale)
        return self._templates[language]


def _shared_cache():
    return caches[get_setting("PAGE_CACHE_ALIAS")]


def bump_version() -> None:
    """Make every process rebuild its letter setups on its next letter."""
    _shared_cache().set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _current_version() -> str:
    cache = _shared_cache()
    version = cache.get(VERSION_KEY)
    if version is None:  # first use, or evicted: a fresh version invalidates every process
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def forget_letter_setups() -> None:
    """Drop this process's letter setups, as a restart would (the shared version is left alone)."""
    with _lock:
        _setups.clear()


def get_letter_setup(page) -> LetterSetup:
    """*page*'s letter setup, built on its first letter in this process since the last change."""
    global _seen_version
    version = _current_version()
    key = (page.pk, page.live_revision_id)
    with _lock:
        if version != _seen_version:
            _setups.clear()
            _seen_version = version
        setup = _setups.get(key)
        if setup is not None:
            _setups.move_to_end(key)
    if setup is None:
        setup = LetterSetup(page)
        with _lock:
            if _seen_version == version:
                _setups[key] = setup
                while len(_setups) > MAX_SETUPS:
                    _setups.popitem(last=False)
    setup.prime(page)
    return setup
