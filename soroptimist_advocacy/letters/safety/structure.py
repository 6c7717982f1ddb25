"""What a template's placeholders may do, checked on Jinja's parse tree.

The sandbox limits what a template can reach, not what it costs or emits, so
templates are also held to a small language: the documented variables and
their attributes, ``if``, ``for`` over ``body`` or ``recipients``, and a few
filters that only reshape text. Everything else is refused before any render.

The language is chosen so that no letter's text can grow faster than linearly
in what a member types, whatever she types: filter arguments are short
constants written by the editor, never member values; loops do not nest; a
whole list is printed only through ``length`` or, outside loops, ``join``. A
trial render with fixed values cannot find an expensive branch that only some
input takes, so the cost is bounded here, by construction, and then by the hard
cap on each real render (budget.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from jinja2 import nodes

from soroptimist_advocacy.letters.engine.environment import ALLOWED_FILTERS
from soroptimist_advocacy.letters.variables import LISTS, LOOP_ATTRIBUTES, RECORDS, TEXTS

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
_LOOP_OVER_OTHER = _("loops over anything but body or recipients")
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
    # Loop variables in scope: name -> the list they come from ("body" or "recipients").
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

    def loop(self, loop: nodes.For) -> None:
        if loop.recursive:
            self.findings.refuse(_RECURSIVE)
        target, source = loop.target, loop.iter
        if not (isinstance(source, nodes.Name) and source.name in LISTS and source.name not in self.loop_variables):
            self.findings.refuse(_LOOP_OVER_OTHER)
            self.expression(source)
            return
        if not isinstance(target, nodes.Name) or target.name in (*RECORDS, *TEXTS, *LISTS, "loop"):
            self.findings.refuse(_LOOP_NAME_TAKEN)
            return
        inner = _Checker(self.findings, {**self.loop_variables, target.name: source.name, "loop": "loop"})
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
        if isinstance(subject, nodes.Name) and subject.name in LISTS and subject.name not in self.loop_variables:
            # length prints a number; join prints the list once, so only outside loops.
            if node.name not in _LIST_FILTERS or (node.name == "join" and self.in_loop):
                self.findings.refuse(_WHOLE_LIST)
            self.variable(subject.name, None)
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
            ok = attribute in RECORDS[name]
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
