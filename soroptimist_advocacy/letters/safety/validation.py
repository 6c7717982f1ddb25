"""Decide whether an uploaded .docx may be used as a letter template.

In order, each step only running when the previous ones passed: the zip
directory (before decompressing anything) and data, the package's contents, the
placeholders' syntax, what the placeholders use, and (in prepared.py, on the
prepared template) a trial render of the longest possible letter under the
letter's hard limits. ``validate`` is preparing: the engine never renders bytes
it has not validated, and the result is cached by content hash.
"""

from __future__ import annotations

import html
import io
import re
import textwrap
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from jinja2 import Environment, TemplateSyntaxError

# A module, not its names: prepared.py imports this module's checks, so neither may need the other's names at import.
from soroptimist_advocacy.letters.engine import prepared as prepared_templates
from soroptimist_advocacy.letters.engine.contents import package_problems
from soroptimist_advocacy.letters.engine.coreprops import core_property_sources
from soroptimist_advocacy.letters.engine.docxtpl_bridge import SandboxedDocxTemplate, jinja_source, part_sources
from soroptimist_advocacy.letters.engine.environment import MARKUP_ENVIRONMENT, TEXT_ENVIRONMENT
from soroptimist_advocacy.letters.engine.xml_blocks import keeps_xml_well_formed
from soroptimist_advocacy.letters.limits import MAX_LETTER_SIZE, MAX_PLACEHOLDERS, TRIAL_RENDER_SECONDS
from soroptimist_advocacy.letters.safety.package_layout import (
    PackageLayout,
    describe_package,
    require_loaded_as_laid_out,
)
from soroptimist_advocacy.letters.safety.structure import Findings, check_structure
from soroptimist_advocacy.letters.safety.trial_render import TrialFailed, run_trial_render
from soroptimist_advocacy.letters.safety.zipcheck import check_archive
from soroptimist_advocacy.letters.variables import ALLOWED_VARIABLES

WHERE = {
    "body": _("the letter's text"),
    "header_footer": _("a header or footer"),
    "footnotes": _("the footnotes"),
    "properties": _("the document properties (title, subject…)"),
}
SYNTAX_ERROR = _(
    "There is a mistake in a placeholder in %(where)s, near “%(text)s”: %(error)s. Check that each {{ "
    "has its }}, and each {%% if %%} or {%% for %%} its {%% endif %%} or {%% endfor %%}."
)
UNKNOWN_NAMES = _(
    "This template uses placeholders that letters do not know: %(unknown)s. A letter template can use: %(allowed)s."
)
CONSTRUCT = _("This template uses %(construct)s, which letter templates may not use.")
BROKEN_BLOCK = _(
    "In %(where)s, an {%% if %%} or {%% for %%} starts and ends in different kinds of places (for example "
    "one in a table and the other outside it). Put both in the same paragraph, or each in a paragraph "
    "of its own written {%%p if … %%} … {%%p endif %%}."
)
TOO_SLOW = _(
    "Filling in this template with the longest answers takes too long (more than %(seconds)s seconds). "
    "Simplify its loops and conditions."
)
TOO_LARGE = _(
    "Filling in this template with the longest answers makes a letter that is too large (more than "
    "%(size)s MB). Check its loops: a loop inside another multiplies the letter's length."
)
UNREADABLE = _(
    "This Word document cannot be read as a letter. Save it again from Word as “Word Document (.docx)” "
    "and upload that copy."
)
TOO_MANY_PLACEHOLDERS = _(
    "This template has too many placeholders (%(count)s; at most %(limit)s). A letter needs far fewer: "
    "use a loop over body or recipients instead of repeating placeholders."
)
TRIAL_ERROR = _("This template could not be filled in with sample answers: %(error)s")


@dataclass(frozen=True)
class _Source:
    where: str  # a key of WHERE
    text: str  # what Jinja parses
    environment: Environment

    @property
    def is_word_xml(self) -> bool:
        return self.where != "properties"


def _sources(template: bytes, layout: PackageLayout) -> list[_Source]:
    """What Jinja parses: the parts docxtpl renders, which must be the layout's (see require_loaded_as_laid_out)."""
    try:
        loaded = SandboxedDocxTemplate(io.BytesIO(template))
        loaded.init_docx()
    except Exception:  # python-docx cannot load it: whatever the cause, the file is damaged
        raise ValidationError(UNREADABLE, code="unreadable") from None
    require_loaded_as_laid_out(loaded.docx, layout)
    try:
        parts = [
            _Source(part.kind, jinja_source(part.patched_xml), MARKUP_ENVIRONMENT) for part in part_sources(loaded)
        ]
        properties = core_property_sources(loaded.docx.core_properties)
    except Exception:  # python-docx cannot load it: whatever the cause, the file is damaged
        raise ValidationError(UNREADABLE, code="unreadable") from None
    return parts + [_Source("properties", text, TEXT_ENVIRONMENT) for text in properties.values()]


def _near(source: str, line_number: int | None) -> str:
    """The text of the paragraph Jinja stumbled on (docxtpl puts each paragraph on its own line)."""
    lines = source.splitlines()
    line = lines[line_number - 1] if line_number and 0 < line_number <= len(lines) else source
    return textwrap.shorten(html.unescape(re.sub(r"<[^>]+>", "", line)), width=100, placeholder="…")


def _jinja_problems(sources: list[_Source]) -> list[ValidationError]:
    # Counted before parsing: Jinja's parser is the slow part for a huge template.
    count = sum(source.text.count("{{") + source.text.count("{%") for source in sources)
    if count > MAX_PLACEHOLDERS:
        params: dict[str, object] = {"count": count, "limit": MAX_PLACEHOLDERS}
        return [ValidationError(TOO_MANY_PLACEHOLDERS, code="too_many_placeholders", params=params)]
    problems, findings, parsed = [], Findings(), []
    for source in sources:
        try:
            tree = source.environment.parse(source.text)
        except TemplateSyntaxError as error:
            params = {
                "where": WHERE[source.where],
                "text": _near(source.text, error.lineno),
                "error": (error.message or "").rstrip("."),
            }
            problems.append(ValidationError(SYNTAX_ERROR, code="syntax", params=params))
            continue
        check_structure(tree, findings)
        parsed.append((source, tree))
    if findings.unknown_names:
        params = {"unknown": ", ".join(sorted(findings.unknown_names)), "allowed": ", ".join(ALLOWED_VARIABLES)}
        problems.append(ValidationError(UNKNOWN_NAMES, code="unknown_names", params=params))
    problems += [ValidationError(CONSTRUCT, code="construct", params={"construct": c}) for c in findings.constructs]
    if not problems:  # the XML check only understands the constructs letters allow
        problems += [
            ValidationError(BROKEN_BLOCK, code="broken_block", params={"where": WHERE[source.where]})
            for source, tree in parsed
            if source.is_word_xml and not keeps_xml_well_formed(tree)
        ]
    return problems


def trial_problem(prepared) -> ValidationError | None:
    """The editor's message when the prepared template's longest letter fails, else None."""
    try:
        run_trial_render(prepared)
    except TrialFailed as failure:
        if failure.reason == "too_slow":
            return ValidationError(TOO_SLOW, code="too_slow", params={"seconds": TRIAL_RENDER_SECONDS})
        if failure.reason == "too_large":
            return ValidationError(TOO_LARGE, code="too_large", params={"size": MAX_LETTER_SIZE // (1024 * 1024)})
        return ValidationError(TRIAL_ERROR, code="trial_error", params={"error": failure.detail})
    return None


def check_template(template: bytes) -> PackageLayout:
    """Raise ValidationError unless *template* (already cleaned) passes every check before the trial render.

    Returns the package's layout, which the checks worked from: whatever is
    done to the template next (marking its language, rendering) works from it too.
    """
    check_archive(template)
    with zipfile.ZipFile(io.BytesIO(template)) as package:
        layout = describe_package(package)
        problems = package_problems(package, layout)
    if problems:
        raise ValidationError(problems)
    problems = _jinja_problems(_sources(template, layout))
    if problems:
        raise ValidationError(problems)
    return layout


def validate(template: bytes) -> None:
    """Raise ValidationError, with messages an editor can act on, unless *template* is a usable letter template.

    It prepares the template (validation is part of preparing, cached by the
    bytes' hash), so a template validated here renders letters at no further cost.
    """
    prepared_templates.prepare(template)
