"""The letter's sections: one paragraph per section, chosen by the member from the editor's alternatives.

A section and each of its alternatives are known by their block ids, which wagtail-localize keeps
in every translation: the choice a member makes on a French page picks the same alternative in
the Spanish letter, and the anonymous counters add up across translations and reorderings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    id: str
    label: str
    alternatives: tuple[tuple[str, str], ...]  # (block id, paragraph), in the editor's order


def _children(value) -> list[tuple[str, Any]]:
    """(id, value) of each item of a ListBlock value; a plain list (a sample letter) gets positions."""
    bound = getattr(value, "bound_blocks", None)
    if bound is not None:
        return [(child.id or str(index), child.value) for index, child in enumerate(bound)]
    return [(str(index), item) for index, item in enumerate(value or [])]


def letter_sections(block_value) -> list[Section]:
    """The sections of a letter builder block value, each with at least one alternative."""
    sections = []
    for section_id, section in _children((block_value or {}).get("sections")):
        alternatives = tuple((alt_id, str(text)) for alt_id, text in _children(section.get("alternatives")) if text)
        if alternatives:
            sections.append(Section(section_id, str(section.get("label") or ""), alternatives))
    return sections


def chosen_paragraphs(sections: list[Section], choices: dict[str, str]) -> list[str]:
    """The paragraph of each of *sections* (one language's) that *choices* (section id ->
    alternative id) names, in order; the first alternative where it names none of them."""
    paragraphs = []
    for section in sections:
        texts = dict(section.alternatives)
        paragraphs.append(texts.get(choices.get(section.id, ""), section.alternatives[0][1]))
    return paragraphs
