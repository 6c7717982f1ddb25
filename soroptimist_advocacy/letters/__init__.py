"""The letter engine: personalised Word letters from an editor's .docx template.

Templates are docxtpl templates rendered in Jinja's sandbox with every value
escaped; each template is prepared once per process and then renders a letter
in well under a millisecond. ``validate`` (after ``clean_template``) decides
whether an uploaded template may be used at all.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

from soroptimist_advocacy.letters.engine.merge import merge_letters
from soroptimist_advocacy.letters.engine.prepared import PreparedTemplate, prepare
from soroptimist_advocacy.letters.limits import MAX_RECIPIENTS
from soroptimist_advocacy.letters.safety.clean import clean_template
from soroptimist_advocacy.letters.safety.validation import validate
from soroptimist_advocacy.letters.sample import sample_context
from soroptimist_advocacy.letters.variables import ALLOWED_VARIABLES

__all__ = [
    "ALLOWED_VARIABLES",
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


@functools.cache
def default_template_bytes() -> bytes:
    """The letter template shipped with the app (built by scripts/build_default_template.py)."""
    return resources.files(__package__).joinpath("default_template.docx").read_bytes()
