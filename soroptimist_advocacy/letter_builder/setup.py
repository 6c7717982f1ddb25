"""A campaign's letter setup, prepared once per process: a letter costs routing and the counter.

Everything a letter needs that does not depend on the member (the letter builder
block of the campaign and of each translation, the directory and its decision
makers per country, the live translations, the template bytes in each language)
is a :class:`LetterSetup`. The letter route's is built on first use and kept per
process, keyed by the page and its live revision (:func:`get_letter_setup`): this
module is the one owner of that memo, which callers look up or are passed, never
find on the page. A page rendered for a visitor (or an editor's preview) builds a
setup of its own for that request only, from the page as it is.

Other processes learn of a change through a version in the shared cache: the
signal handlers call :func:`bump_version` when a page is published or unpublished,
and when a row a setup reads is saved (``setup_sources`` lists them: saving a
report or a session resets nothing), and every letter reads the version once; a
process that sees a new one drops its setups. So a publish in one worker is seen
by the others on their next letter. When the shared cache is down the version cannot be
read, so a letter is built from a setup of its own, as a preview is: slower, never stale,
never a 500 (logged once per outage, ``web.cache_outage``).
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from functools import cached_property

from django.core.cache import caches
from django.utils.translation import get_language_info

from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.letter_builder.addressee_language import (
    addressing_in_language,
    generic_addressing_in_language,
)
from soroptimist_advocacy.letter_builder.translation import letter_translations
from soroptimist_advocacy.letters import default_template_bytes
from soroptimist_advocacy.web.cache_outage import CacheOutage
from soroptimist_advocacy.web.translations import live_translations, translation_in

VERSION_KEY = "sa:letter-setup:version"
MAX_SETUPS = 256

_lock = threading.Lock()
_setups: OrderedDict = OrderedDict()
_seen_version: str | None = None
# The shared version's failures (the cache is down), logged once per outage.
outage = CacheOutage("Letter setup version")


def find_letter_block(page):
    """The page's letter builder block value, or None.

    Reads the raw stream and converts only that block: iterating ``page.body``
    would fetch every chooser of every block (documents, resources...) first.
    """
    for raw in page.body.raw_data:
        if raw["type"] == "letter_builder":
            return page.body.stream_block.child_blocks["letter_builder"].to_python(raw["value"])
    return None


def letter_template_bytes(block_value, locale) -> bytes:
    """The block's template in *locale* when one exists, else its source, else the default."""
    template = block_value.get("template")
    if template is None:
        return default_template_bytes(locale.language_code)
    return translation_in(template, locale).read_template()


def language_name(code: str) -> str:
    """*code*'s language named in itself, so a member finds hers ("Français", "العربية")."""
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


class LetterSetup:
    """The member-independent part of a campaign's letters; shared, so never mutated per request.

    *request*, for a setup built for one page view, lets the page's live translations be
    read once for the whole view (``web.request_memo``); the per-process setup has none."""

    def __init__(self, page, request=None) -> None:
        self.page_pk = page.pk
        self._page = page  # until the block is read (below): a shared setup keeps no request's page
        self.directory = page.get_directory()
        self.translations = dict(live_translations(page, request))
        self.locale = page.locale  # fetched along with the translations
        # The languages the letter is really translated into (wagtail-localize's segments): a
        # translation only reaches visitors when published, and publishing bumps the version.
        self.letter_translations = letter_translations(page, self.translations)
        self._decision_makers: dict = {}
        self._blocks: dict = {}
        self._templates: dict = {}
        self._addressing: dict = {}
        self._lock = threading.Lock()

    @cached_property
    def block_value(self):
        """The page's letter builder block value, or None; read on first use (a page view
        renders its body anyway and never asks), by the letter route before it is shared."""
        value = find_letter_block(self._page)
        self._page = None
        return value

    def languages(self) -> list[tuple[str, str]]:
        """(code, name) of every language the letter is really translated into, the page's own
        language first when offered, each named in itself."""
        own = self.locale.language_code
        codes = ([own] if own in self.letter_translations else []) + sorted(
            code for code in self.letter_translations if code != own
        )
        # Nothing translated only when the source page itself is not live: no campaign to speak of.
        return [(code, language_name(code)) for code in codes or [own]]

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

    def addressing(self, decision_maker, locale) -> frozenset[str]:
        """Which of *decision_maker*'s salutation and address line her page in *locale* shows in
        its language (``addressee_language``); a publish or a letter text change resets the setup."""
        key = (decision_maker.pk, locale.pk)
        if key not in self._addressing:
            found = addressing_in_language(decision_maker, locale)
            with self._lock:
                self._addressing[key] = found
        return self._addressing[key]

    def generic_addressing(self, language: str) -> frozenset[str]:
        """Which of the block's salutation and addressee for a country with nobody listed the
        campaign shows in *language*."""
        if language not in self._addressing:
            found = generic_addressing_in_language(*self.letter_block(language))
            with self._lock:
                self._addressing[language] = found
        return self._addressing[language]

    def template_bytes(self, language: str) -> bytes:
        """The .docx template of the letter in *language*."""
        if language not in self._templates:
            letter_page, block = self.letter_block(language)
            with self._lock:
                self._templates[language] = letter_template_bytes(block, letter_page.locale)
        return self._templates[language]


def _shared_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


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
    """*page*'s letter setup, built on its first letter in this process since the last change
    (the setup of the page's live revision: its block is read once, before it is shared)."""
    global _seen_version
    version_read = False
    with outage:
        version = _current_version()
        version_read = True
    if not version_read:  # Other processes' changes cannot be seen: a setup for this letter only.
        return LetterSetup(page)
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
        setup.block_value  # noqa: B018 - read before the setup is shared between threads
        with _lock:
            if _seen_version == version:
                _setups[key] = setup
                while len(_setups) > MAX_SETUPS:
                    _setups.popitem(last=False)
    return setup
