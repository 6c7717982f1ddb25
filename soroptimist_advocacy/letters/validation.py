"""Decide whether an uploaded .docx may be used as a letter template, and prepare it if so.

In order, each step only running when the previous ones passed: the zip
directory (before decompressing anything) and data; cleaning (no editor's
comments, tracked changes or name reach a letter); the package's layout and
contents; the placeholders' syntax; what the placeholders use (the template
language below); then, on the template prepared for rendering, a trial render of
the longest and of the emptiest possible letter under the letter's hard limits.

``validated`` is the one entry point: it gives the prepared template, or raises
a ValidationError whose messages an editor can act on. It caches nothing: the
prepared-template cache (cache.py) calls it once per content hash and process,
and ``letters.validate`` goes through that cache, so a template validated there
renders letters at no further cost.

The template language. The sandbox limits what a template can reach, not what
it costs or emits, so templates are also held to a small language: the
documented variables and their attributes, ``if``, ``for`` over ``body``,
``recipients`` or ``letter.sections``, and a few filters that only reshape text. Everything else is
refused before any render. The language is chosen so that no letter's text can
grow faster than linearly in what a member types, whatever she types: filter
arguments are short constants written by the editor, never member values; loops
do not nest; a whole list is printed only through ``length`` or, outside loops,
``join``. A trial render with fixed values cannot find an expensive branch that
only some input takes, so the cost is bounded here, by construction, and then by
the hard cap on each real render (rendering.py).
"""

from __future__ import annotations

import hashlib
import html
import io
import logging
import re
import textwrap
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from jinja2 import Environment, TemplateSyntaxError, nodes

from soroptimist_advocacy.letters.contents import clean_template, package_problems
from soroptimist_advocacy.letters.images import with_image_members
from soroptimist_advocacy.letters.language import in_language
from soroptimist_advocacy.letters.limits import (
    MAX_LETTER_CHARACTERS,
    MAX_LETTER_SIZE,
    MAX_PLACEHOLDERS,
    MAX_TOTAL_SIZE,
    TRIAL_RENDER_SECONDS,
)
from soroptimist_advocacy.letters.package import (
    PackageLayout,
    check_archive,
    describe_package,
    require_loaded_as_laid_out,
)
from soroptimist_advocacy.letters.preparing import (
    compile_template,
    jinja_source,
    keeps_xml_well_formed,
    matched_with_docxtpl,
    part_sources,
)
from soroptimist_advocacy.letters.rendering import (
    ALLOWED_FILTERS,
    MARKUP_ENVIRONMENT,
    TEXT_ENVIRONMENT,
    Budget,
    LetterTooCostly,
    PreparedTemplate,
    SandboxedDocxTemplate,
    core_property_sources,
    letter_budget,
)
from soroptimist_advocacy.letters.sample import worst_case_context
from soroptimist_advocacy.letters.variables import ALLOWED_VARIABLES, LISTS, LOOP_ATTRIBUTES, RECORDS, TEXTS

logger = logging.getLogger(__name__)

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


def _too_costly(reason: str) -> ValidationError:
    if reason == "too_slow":
        return ValidationError(TOO_SLOW, code="too_slow", params={"seconds": TRIAL_RENDER_SECONDS})
    return ValidationError(TOO_LARGE, code="too_large", params={"size": MAX_LETTER_SIZE // (1024 * 1024)})


def _letter_too_large(letter: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(letter)) as package:
        unpacked = sum(info.file_size for info in package.infolist())
    return len(letter) > MAX_LETTER_SIZE or unpacked > MAX_TOTAL_SIZE


def trial_problem(prepared: PreparedTemplate) -> ValidationError | None:
    """The editor's message when the prepared template's longest or emptiest letter fails, else None.

    It runs in the validating process: the template language admits no expression whose
    output grows faster than a member's input, and the budget stops a render as soon as
    its text or time passes the cap, so no separate process is needed to bound it, and
    none is started per save.
    """
    # The longest letter, then the emptiest: some branches only run for one.
    for context in (worst_case_context(), {}):
        try:
            with letter_budget(Budget(MAX_LETTER_CHARACTERS, TRIAL_RENDER_SECONDS)):
                letter = prepared.render(context)
        except LetterTooCostly as costly:
            return _too_costly(costly.reason)
        except MemoryError:
            return _too_costly("too_large")
        except Exception as error:
            detail = f"{type(error).__name__}: {error}"[:500].replace("\n", " ")
            return ValidationError(TRIAL_ERROR, code="trial_error", params={"error": detail})
        if _letter_too_large(letter):
            return _too_costly("too_large")
    return None


def _refuse_unless_trial_passes(prepared: PreparedTemplate) -> None:
    if (problem := trial_problem(prepared)) is not None:
        raise problem


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


def validated(template: bytes, language: str | None = None) -> PreparedTemplate:
    """*template* cleaned, checked, prepared (set in *language*, when given) and trial-rendered;
    ValidationError, with messages an editor can act on, when it may not be used."""
    check_archive(template)  # before cleaning, which decompresses every part
    try:
        # Cleaned first: no editor's comments, tracked changes or name reach a
        # member's letter, whatever was uploaded.
        cleaned = clean_template(template)
        layout = check_template(cleaned)
        if language:
            # Marked before preparing, so that both render paths work from the same marked XML.
            cleaned = in_language(cleaned, language, layout)
        # The picture's relationship, type and member, when it prints one (images.py), also
        # before preparing: docxtpl's path works from the same bytes.
        cleaned, layout, image_member = with_image_members(cleaned, layout)
        prepared, compared = compile_template(cleaned, layout, image_member)
        # The trial render first, on the fast path: a template past the caps is
        # refused before docxtpl is asked to render anything for the comparison.
        _refuse_unless_trial_passes(prepared)
        prepared = matched_with_docxtpl(prepared, cleaned, compared)
        if not prepared.fast:
            _refuse_unless_trial_passes(prepared)
    except ValidationError:
        raise
    except LetterTooCostly as costly:
        raise _too_costly(costly.reason) from None
    except Exception:  # the archive is sound, so python-docx or docxtpl could not read its contents
        logger.info("Letter template %s cannot be read", hashlib.sha256(template).hexdigest()[:12], exc_info=True)
        raise ValidationError(UNREADABLE, code="unreadable") from None
    return prepared


# The template language

_ARITHMETIC = _("arithmetic (+ - * / % **)")
_SET = _("{% set %}")
_IMPORT = _("{% import %}")
_AUTOESCAPE = _("{% autoescape %}")
_BRACKETS = _("square brackets [ ]")
# Each construct an editor might try, as the refusal names it.
_CONSTRUCTS: dict[type[nodes.Node], Promise] = {
    nodes.Macro: _("macros ({% macro %})"),
    nodes.CallBlock: _("call blocks ({% call %})"),
    nodes.Include: _("{% include %}"),
    nodes.Import: _IMPORT,
    nodes.FromImport: _IMPORT,
    nodes.Extends: _("{% extends %}"),
    nodes.Block: _("{% block %}"),
    nodes.Assign: _SET,
    nodes.AssignBlock: _SET,
    nodes.With: _("{% with %}"),
    nodes.FilterBlock: _("{% filter %}"),
    nodes.ScopedEvalContextModifier: _AUTOESCAPE,
    nodes.EvalContextModifier: _AUTOESCAPE,
    nodes.Call: _("calling functions or methods"),
    nodes.Getitem: _BRACKETS,
    nodes.Slice: _BRACKETS,
    nodes.Test: _("tests such as “is defined”"),
    nodes.Dict: _("dictionaries { }"),
    **dict.fromkeys(
        (nodes.Pow, nodes.Mul, nodes.Div, nodes.FloorDiv, nodes.Mod, nodes.Add, nodes.Sub, nodes.Neg, nodes.Pos),
        _ARITHMETIC,
    ),
}
_ANYTHING_ELSE = _("this kind of Jinja expression")
_LOOP_OVER_OTHER = _("loops over anything but body, recipients or letter.sections")
_LOOP_NAME_TAKEN = _("a loop variable named like one of the letter's variables")
_FILTER_ARGUMENTS = _("named filter arguments")
_ORDERING = _("comparisons other than ==, !=, in and not in")
_PRIVATE = _("names starting with an underscore")
_RECURSIVE = _("recursive loops")
_NESTED_LOOP = _("a loop inside another loop")
_FILTER_ARGUMENT_VALUES = _("filter arguments other than short fixed text")
_WHOLE_LIST = _("a whole list printed other than through “length” or “join” outside loops")
# A filter argument is text the editor writes, at most this long: its cost
# multiplies the member's text by a constant, never by her input.
MAX_FILTER_ARGUMENT_LENGTH = 20
_LIST_FILTERS = ("length", "join")
_ALLOWED_COMPARISONS = ("eq", "ne", "in", "notin")


@dataclass
class Findings:
    """What a template uses that letters do not allow."""

    unknown_names: set[str] = field(default_factory=set)
    constructs: list[str | Promise] = field(default_factory=list)

    def refuse(self, construct: str | Promise) -> None:
        if construct not in self.constructs:
            self.constructs.append(construct)


@dataclass
class _Checker:
    findings: Findings
    # Loop variables in scope: name -> the list they come from ("body", "recipients", "letter.sections").
    loop_variables: dict[str, str] = field(default_factory=dict)

    @property
    def in_loop(self) -> bool:
        return bool(self.loop_variables)

    def statements(self, statements: Iterable[nodes.Node]) -> None:
        for statement in statements:
            if isinstance(statement, nodes.Output):
                for node in statement.nodes:
                    self.expression(node, printed=True)
            elif isinstance(statement, nodes.If):
                self.expression(statement.test)
                self.statements(statement.body)
                for branch in statement.elif_:
                    self.statements([branch])
                self.statements(statement.else_)
            elif isinstance(statement, nodes.For):
                if self.in_loop:
                    self.findings.refuse(_NESTED_LOOP)
                self.loop(statement)
            elif isinstance(statement, nodes.Scope):  # {% autoescape %} wraps its modifier in one
                self.statements(statement.body)
            else:
                self.findings.refuse(_CONSTRUCTS.get(type(statement), _ANYTHING_ELSE))

    def list_name(self, node: nodes.Node) -> str | None:
        """The name in LISTS of the list *node* reads ("body", "letter.sections"), or None."""
        if isinstance(node, nodes.Name) and node.name in LISTS and node.name not in self.loop_variables:
            return node.name
        if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
            dotted = f"{node.node.name}.{node.attr}"
            if dotted in LISTS and node.node.name not in self.loop_variables:
                return dotted
        return None

    def loop(self, loop: nodes.For) -> None:
        if loop.recursive:
            self.findings.refuse(_RECURSIVE)
        target, source = loop.target, loop.iter
        list_name = self.list_name(source)
        if list_name is None:
            self.findings.refuse(_LOOP_OVER_OTHER)
            self.expression(source)
            return
        if not isinstance(target, nodes.Name) or target.name in (*RECORDS, *TEXTS, *LISTS, "loop"):
            self.findings.refuse(_LOOP_NAME_TAKEN)
            return
        inner = _Checker(self.findings, {**self.loop_variables, target.name: list_name, "loop": "loop"})
        if loop.test is not None:
            inner.expression(loop.test)
        inner.statements(loop.body)
        self.statements(loop.else_)

    def expression(self, node: nodes.Node, printed: bool = False) -> None:
        """Check *node*; *printed* when its value ends up in the letter's text (not only in a test)."""
        if isinstance(node, (nodes.TemplateData, nodes.Const)):
            return
        if isinstance(node, nodes.Name):
            if printed and node.name in LISTS and node.name not in self.loop_variables:
                self.findings.refuse(_WHOLE_LIST)
            self.variable(node.name, None)
        elif isinstance(node, nodes.Getattr):
            if node.attr.startswith("_"):
                self.findings.refuse(_PRIVATE)
            elif isinstance(node.node, nodes.Name):
                if printed and self.list_name(node):
                    self.findings.refuse(_WHOLE_LIST)
                self.variable(node.node.name, node.attr)
            else:
                self.findings.unknown_names.add(_dotted(node))
        elif isinstance(node, nodes.Filter):
            self.filter(node, printed)
        elif isinstance(node, nodes.Compare):
            if any(operand.op not in _ALLOWED_COMPARISONS for operand in node.ops):
                self.findings.refuse(_ORDERING)
            for child in [node.expr, *(operand.expr for operand in node.ops)]:
                self.expression(child)
        elif isinstance(node, nodes.CondExpr):
            self.expression(node.test)
            for branch in (node.expr1, node.expr2):
                if branch is not None:
                    self.expression(branch, printed)
        elif isinstance(node, (nodes.And, nodes.Or, nodes.Not, nodes.Concat, nodes.Tuple, nodes.List)):
            for part in node.iter_child_nodes():
                self.expression(part, printed)
        else:
            self.findings.refuse(_CONSTRUCTS.get(type(node), _ANYTHING_ELSE))

    def filter(self, node: nodes.Filter, printed: bool) -> None:
        if node.name not in ALLOWED_FILTERS:
            self.findings.refuse(gettext("the “%(filter)s” filter") % {"filter": node.name})
        if node.kwargs or node.dyn_args or node.dyn_kwargs:
            self.findings.refuse(_FILTER_ARGUMENTS)
        for argument in node.args:
            if not _is_short_text(argument):
                self.findings.refuse(_FILTER_ARGUMENT_VALUES)
                self.expression(argument)  # so that unknown names are named too
        subject = node.node
        list_name = self.list_name(subject) if subject is not None else None
        if list_name is not None:
            # length prints a number; join prints the list once, so only outside loops.
            if node.name not in _LIST_FILTERS or (node.name == "join" and self.in_loop):
                self.findings.refuse(_WHOLE_LIST)
            record, _dot, attribute = list_name.partition(".")
            self.variable(record, attribute or None)
        elif subject is not None:
            # A filter's result is printed when the filter's is, except length's (a number).
            self.expression(subject, printed and node.name != "length")

    def variable(self, name: str, attribute: str | None) -> None:
        dotted = name if attribute is None else f"{name}.{attribute}"
        if name in self.loop_variables:
            kind = self.loop_variables[name]
            allowed = LOOP_ATTRIBUTES if kind == "loop" else LISTS[kind]
            # A body paragraph is text; a recipient must be read through her attributes.
            ok = attribute in allowed if allowed else attribute is None
        elif name in RECORDS:
            ok = attribute in RECORDS[name] or f"{name}.{attribute}" in LISTS
        else:
            ok = name in (*TEXTS, *LISTS) and attribute is None
        if not ok:
            self.findings.unknown_names.add(dotted)


def _is_short_text(node: nodes.Node) -> bool:
    return (
        isinstance(node, nodes.Const)
        and (not isinstance(node.value, str) or len(node.value) <= MAX_FILTER_ARGUMENT_LENGTH)
        and not isinstance(node.value, (bytes, tuple, list, dict))
    )


def _dotted(node: nodes.Node) -> str:
    """ "a.b.c" for an attribute chain, for telling the editor what she wrote."""
    parts = []
    while isinstance(node, nodes.Getattr):
        parts.append(node.attr)
        node = node.node
    parts.append(node.name if isinstance(node, nodes.Name) else "…")
    return ".".join(reversed(parts))


def check_structure(template: nodes.Template, findings: Findings) -> None:
    """Add to *findings* whatever in *template* (a Jinja parse tree) letters do not allow."""
    _Checker(findings).statements(template.body)
