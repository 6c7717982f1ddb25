"""The only Jinja environments letters are ever rendered with.

docxtpl's default environment is neither sandboxed nor escaping: an uploaded
template could run Python and a member's ``<`` would break the Word XML. These
are sandboxed and strict, and carry nothing a letter does not need.
"""

from __future__ import annotations

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

# Filters that only reshape text. No "safe" (it would let raw Word markup
# through), no "replace" (it can multiply a value's length), nothing that
# touches attributes or formats strings.
ALLOWED_FILTERS = frozenset(
    {"capitalize", "default", "e", "escape", "join", "length", "lower", "title", "trim", "upper"}
)


def _sandbox(*, autoescape: bool) -> ImmutableSandboxedEnvironment:
    environment = ImmutableSandboxedEnvironment(autoescape=autoescape, undefined=StrictUndefined)
    # range, cycler, joiner, namespace, lipsum and dict are no part of a letter.
    environment.globals.clear()
    environment.filters = {name: environment.filters[name] for name in ALLOWED_FILTERS}
    return environment


# For Word XML parts: every value is escaped.
MARKUP_ENVIRONMENT = _sandbox(autoescape=True)
# For document properties (title, subject...): they are plain text that lxml
# escapes when it writes them, so escaping here would show "&amp;" in Word.
TEXT_ENVIRONMENT = _sandbox(autoescape=False)

JINJA_MARKERS = ("{{", "{%", "{#")


def has_jinja(text: str) -> bool:
    """Whether *text* contains anything Jinja would interpret."""
    return any(marker in text for marker in JINJA_MARKERS)
