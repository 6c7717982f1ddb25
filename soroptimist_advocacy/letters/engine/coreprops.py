"""Placeholders in the document properties (title, subject...), as Word shows them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docx.opc.coreprops import CoreProperties
from jinja2 import Template

from soroptimist_advocacy.letters.engine.environment import TEXT_ENVIRONMENT, has_jinja
from soroptimist_advocacy.letters.limits import MAX_CORE_PROPERTY_LENGTH
from soroptimist_advocacy.letters.safety.budget import render_bounded

# The text properties docxtpl renders; the others are dates, numbers or lists.
RENDERED_CORE_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")

CorePropertyTemplates = tuple[tuple[str, Template], ...]


def core_property_sources(core: CoreProperties) -> dict[str, str]:
    """The properties that hold placeholders, by name."""
    values = {name: getattr(core, name) or "" for name in RENDERED_CORE_PROPERTIES}
    return {name: value for name, value in values.items() if has_jinja(value)}


def compile_core_properties(core: CoreProperties) -> CorePropertyTemplates:
    return tuple((name, TEXT_ENVIRONMENT.from_string(source)) for name, source in core_property_sources(core).items())


def render_core_property(template: Template, context: Mapping[str, Any]) -> str:
    """The property's text; Word refuses a longer property than its limit, so it is cut there."""
    return render_bounded(template, context)[:MAX_CORE_PROPERTY_LENGTH]


def render_core_properties(core: CoreProperties, templates: CorePropertyTemplates, context: Mapping[str, Any]) -> None:
    for name, template in templates:
        setattr(core, name, render_core_property(template, context))
