"""The prepared templates of this process, by content hash: each validated once.

Nothing renders that was not validated: whatever path the bytes came by (a saved
snippet, a replaced document, storage changed under it), they are validated
(validation.py) when first met, once per content hash, language and process,
however many threads meet them at once; refusals are remembered too, so a
refused template met again at every letter costs a lookup.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Generic, TypeVar

from django.core.exceptions import ValidationError

from soroptimist_advocacy.letters.limits import PREPARED_TEMPLATES_CACHED
from soroptimist_advocacy.letters.rendering import PreparedTemplate
from soroptimist_advocacy.letters.validation import validated

logger = logging.getLogger(__name__)

# Validation is bounded (archive limits, the trial render's hard cap); past this a
# waiter stops waiting for a stuck validation and validates itself.
VALIDATION_WAIT_SECONDS = 60

Key = TypeVar("Key")
Value = TypeVar("Value")


class _Recent(OrderedDict[Key, Value], Generic[Key, Value]):
    """At most *size* entries, the least recently used dropped first; callers hold the lock."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def used(self, key: Key) -> Value | None:
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value

    def keep(self, key: Key, value: Value) -> Value:
        value = self.setdefault(key, value)
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)
        return value


class PreparedTemplates:
    """Prepared templates by content hash and language, the refused ones, and the validations under way.

    Thread-safe: one instance serves the whole process (``prepared_templates`` below).
    """

    def __init__(self, size: int = PREPARED_TEMPLATES_CACHED) -> None:
        self._lock = threading.Lock()
        self._prepared: _Recent[str, PreparedTemplate] = _Recent(size)
        self._refused: _Recent[str, ValidationError] = _Recent(size)
        # Validations under way, by key: a template met cold by many requests at once is
        # validated by the first; the others wait for its outcome (single flight).
        self._in_flight: dict[str, Future] = {}
        # The keys of the bytes objects last met, by identity. Hashing a large template costs
        # more than rendering a letter's text, and callers pass the same bytes object for each
        # letter. An entry holds its bytes, so no other object can take its id meanwhile, and
        # bytes never change, so the key found is the content hash of exactly those bytes.
        self._keys: _Recent[tuple[int, str | None], tuple[bytes, str]] = _Recent(size)

    def __len__(self) -> int:
        return len(self._prepared)

    def get(self, template: bytes, language: str | None = None) -> PreparedTemplate:
        """The prepared template for these exact bytes, validated; ValidationError when they may not be used."""
        identity = (id(template), language)
        with self._lock:
            known = self._keys.used(identity)
            key = known[1] if known is not None and known[0] is template else None
            prepared = self._prepared.used(key) if key is not None else None
        if prepared is not None:
            return prepared
        if key is None:
            key = hashlib.sha256(template).hexdigest() + (f":{language}" if language else "")
        with self._lock:
            if type(template) is bytes:  # a bytearray or memoryview may change under its id
                self._keys.keep(identity, (template, key))
            prepared = self._prepared.used(key)
            if prepared is not None:
                return prepared
            refusal = self._refused.get(key)
            under_way = self._in_flight.get(key) if refusal is None else None
            if refusal is None and under_way is None:
                outcome: Future = Future()
                self._in_flight[key] = outcome
        if refusal is not None:
            raise ValidationError(refusal.error_list)
        if under_way is not None:
            return _outcome_of_another(under_way, template, language)
        try:
            prepared = validated(template, language)
        except ValidationError as error:
            with self._lock:
                self._refused.keep(key, error)
            outcome.set_exception(error)
            raise
        except BaseException as error:  # unexpected: the waiters get it too, nothing is remembered
            outcome.set_exception(error)
            raise
        else:
            with self._lock:
                prepared = self._prepared.keep(key, prepared)
            outcome.set_result(prepared)
            return prepared
        finally:
            with self._lock:
                self._in_flight.pop(key, None)


def _outcome_of_another(outcome: Future, template: bytes, language: str | None) -> PreparedTemplate:
    """The template another thread is validating, once it is done; its refusal, raised here."""
    try:
        return outcome.result(timeout=VALIDATION_WAIT_SECONDS)
    except ValidationError as error:
        raise ValidationError(error.error_list) from None  # a fresh exception: never share a traceback
    except FutureTimeout:
        logger.warning(
            "Letter template %s: its validation is still running; validating it here too.",
            hashlib.sha256(template).hexdigest()[:12],
        )
        return validated(template, language)


prepared_templates = PreparedTemplates()


def prepare(template: bytes, language: str | None = None) -> PreparedTemplate:
    """The prepared template for these exact bytes, validated once per content hash and process;
    ValidationError when they may not be used. With *language*, the letter's language and
    direction are set on it (see ``language.in_language``) before preparing."""
    return prepared_templates.get(template, language)
