"""What a part's Jinja blocks can do to its Word XML, read from the parse tree.

docxtpl lets an ``{% if %}`` start in one paragraph and end in another; the XML
between them disappears or repeats with the block. Values cannot add elements
(they are escaped), so the blocks alone decide whether every letter is well
formed, and whether its tables and pictures are the same in every letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from jinja2 import nodes

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# Element tags only: "<?xml ...?>" and "<!...>" never match.
_TAG = re.compile(r"<(/?)([A-Za-z_][\w.:-]*)(?:\s[^>]*?)?(/?)>")
# What docxtpl's table and picture passes count: they give the same result in
# every letter when no block repeats or drops any of it.
_TABLE_OR_PICTURE = re.compile(r"<(?:\w+:)?(?:tbl|tr|tc|tblGrid|gridCol|docPr)[\s/>]")
# docxtpl's colspan, cellbg, hm and vm tags put placeholders inside tags.
_PLACEHOLDER_IN_TAG = re.compile(r"<[^>]*\{[{%#]")


class _Broken(Exception):
    pass


class _Effect:
    """What a stretch of XML does to the stack of open elements around it."""

    def __init__(self) -> None:
        self.closed: list[str] = []  # elements opened before the stretch, innermost first
        self.opened: list[str] = []  # elements still open after it, outermost first

    def apply(self, xml: str) -> None:
        for closing, name, empty in _TAG.findall(_COMMENT.sub("", xml)):
            if empty:
                continue
            if not closing:
                self.opened.append(name)
            elif not self.opened:
                self.closed.append(name)
            elif self.opened.pop() != name:
                raise _Broken

    @property
    def neutral(self) -> bool:
        """It closes elements and reopens the same ones: repeating or dropping it is harmless."""
        return self.closed == self.opened[::-1]


def _branches(statement: nodes.If | nodes.For) -> list[list[nodes.Node]]:
    if isinstance(statement, nodes.If):
        return [statement.body, *(branch.body for branch in statement.elif_), statement.else_]
    return [statement.body, statement.else_]


def _effect(statements: Iterable[nodes.Node]) -> _Effect:
    effect = _Effect()
    for statement in statements:
        if isinstance(statement, nodes.Output):
            for node in statement.nodes:
                if isinstance(node, nodes.TemplateData):
                    effect.apply(node.data)
        elif isinstance(statement, (nodes.If, nodes.For)):
            if not all(_effect(branch).neutral for branch in _branches(statement)):
                raise _Broken
        else:
            raise _Broken  # anything else is refused by validation; assume the worst here
    return effect


def keeps_xml_well_formed(template: nodes.Template) -> bool:
    """True when every rendering of *template* (a part's Jinja AST) is well-formed XML."""
    try:
        effect = _effect(template.body)
    except _Broken:
        return False
    return not effect.closed and not effect.opened


def _markup_in_blocks(statements: Iterable[nodes.Node], in_block: bool = False) -> Iterator[str]:
    for statement in statements:
        if isinstance(statement, nodes.Output) and in_block:
            yield from (node.data for node in statement.nodes if isinstance(node, nodes.TemplateData))
        elif isinstance(statement, (nodes.If, nodes.For)):
            for branch in _branches(statement):
                yield from _markup_in_blocks(branch, True)


def tables_and_pictures_are_fixed(template: nodes.Template, source: str) -> bool:
    """True when every letter has the same tables, cells and pictures as *source*, the Jinja text."""
    if _PLACEHOLDER_IN_TAG.search(source):
        return False
    return not any(_TABLE_OR_PICTURE.search(markup) for markup in _markup_in_blocks(template.body))
