"""The letter engine: personalised Word letters from an editor's .docx template (no Django models).

The package's public API is this module, and two modules of constants:

* ``render(template, context, language=None) -> bytes``: one letter (a .docx).
* ``render_many(template, contexts, language=None) -> bytes``: one .docx, a letter per context.
* ``validate(template)``: raises ``django.core.exceptions.ValidationError``, with messages an
  editor can act on, unless *template* may be used; ``clean_template(template)`` gives the
  template without comments, tracked changes or author names (what validation and letters use).
* ``prepare(template, language=None) -> PreparedTemplate``: the validated, prepared template
  (``.render(context)``, ``.fast``); ``render`` and ``validate`` go through it.
* ``LetterTooCostly``: raised by a render that passes a letter's hard cap (``.reason``).
* ``default_template_bytes(language=None)`` (the app's own letter, with the language's punctuation
  after the salutation and label before the subject), ``sample_context()``, ``ALLOWED_VARIABLES``.
* ``letters.variables`` (the names a template may use, the context's shape) and
  ``letters.limits`` (every bound the engine enforces).

Templates are docxtpl templates rendered in Jinja's sandbox with every value
escaped. Each template is validated and prepared once per content hash and
process (cache.py), then renders a letter in well under a millisecond. Inside,
one job a module: package.py reads a .docx as Word does, contents.py refuses and
strips what a template must not carry, validation.py decides whether a template
may be used (and prepares it), language.py sets it in the letter's language
(default_letter.py writes the app's own template as each language writes a letter),
preparing.py compiles it once, rendering.py renders each letter (a member's
values go nowhere else), merge.py puts several letters in one document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from soroptimist_advocacy.letters.cache import prepare
from soroptimist_advocacy.letters.contents import clean_template
from soroptimist_advocacy.letters.default_letter import default_template_bytes
from soroptimist_advocacy.letters.limits import MAX_RECIPIENTS
from soroptimist_advocacy.letters.merge import merge_letters
from soroptimist_advocacy.letters.rendering import LetterTooCostly, PreparedTemplate
from soroptimist_advocacy.letters.sample import sample_context
from soroptimist_advocacy.letters.variables import ALLOWED_VARIABLES

__all__ = [
    "ALLOWED_VARIABLES",
    "LetterTooCostly",
    "PreparedTemplate",
    "clean_template",
    "default_template_bytes",
    "prepare",
    "render",
    "render_many",
    "sample_context",
    "validate",
]


def render(template: bytes, context: Mapping[str, Any], language: str | None = None) -> bytes:
    """One letter: *template* (a .docx) filled in with *context*, as a .docx; with *language*
    (a code such as "fr" or "ar") every paragraph and run is in that language and direction."""
    return prepare(template, language).render(context)


def render_many(template: bytes, contexts: Sequence[Mapping[str, Any]], language: str | None = None) -> bytes:
    """One .docx holding a letter per context, each in its own section starting on a new page."""
    if not 0 < len(contexts) <= MAX_RECIPIENTS:
        raise ValueError(f"render_many takes 1 to {MAX_RECIPIENTS} contexts, not {len(contexts)}")
    prepared = prepare(template, language)
    return merge_letters([prepared.render(context) for context in contexts])


def validate(template: bytes) -> None:
    """Raise ValidationError, with messages an editor can act on, unless *template* is a usable letter template.

    Validating is preparing (validation belongs to the bytes, not to a form), cached by
    the bytes' hash: a template validated here renders letters at no further cost.
    """
    prepare(template)
