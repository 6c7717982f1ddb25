"""Which alternatives members choose, per section of a campaign's letter: the impact view's table."""

from __future__ import annotations

from dataclasses import dataclass

from soroptimist_advocacy.campaigns.choice_counters import section_choice_counts
from soroptimist_advocacy.letter_builder.sections import letter_sections
from soroptimist_advocacy.letter_builder.setup import find_letter_block


@dataclass(frozen=True)
class AlternativeFigure:
    text: str
    letters: int
    percent: int  # of the section's letters, rounded


@dataclass(frozen=True)
class SectionFigure:
    label: str
    letters: int
    alternatives: list[AlternativeFigure]


def section_choice_figures(page, campaign_key) -> list[SectionFigure]:
    """Each section of *page*'s letter (as its language words it) with the letters that used each
    alternative, across all translations; [] without a page or sections."""
    sections = letter_sections(find_letter_block(page.specific)) if page is not None else []
    if not sections:
        return []
    counts = section_choice_counts(campaign_key)
    figures = []
    for section in sections:
        letters = [counts.get((section.id, alternative_id), 0) for alternative_id, _text in section.alternatives]
        total = sum(letters)
        alternatives = [
            AlternativeFigure(text, count, round(100 * count / total) if total else 0)
            for (_id, text), count in zip(section.alternatives, letters, strict=True)
        ]
        figures.append(SectionFigure(section.label, total, alternatives))
    return figures
