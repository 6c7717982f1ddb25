"""A campaign's impact by source and by language: the rows of the admin table and its exports.

Built from the cached :func:`~soroptimist_advocacy.campaigns.figures.figure_counts` (no query):
letters generated, reports and responses received per campaign source (``?source=``) and per
language (the letter's language for letters, the page's for reports). Labels are made here, in
the active language, because the cached counts hold codes and slugs only.

The columns are listed once (:data:`BREAKDOWN_COLUMNS`): the table, the CSV and the XLSX read
them, so a new figure is one entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

# (figure key in each row's ``figures``, column heading). The keys name figure_counts() entries:
# "letters" reads "letters_by_source" / "letters_by_language", and so on.
BREAKDOWN_COLUMNS: list[tuple[str, object]] = [
    ("letters", gettext_lazy("Letters generated")),
    ("letters_sent", gettext_lazy("Letters sent")),
    ("reports", gettext_lazy("Reports")),
    ("responses", gettext_lazy("Responses received")),
]


@dataclass(frozen=True)
class BreakdownRow:
    key: str  # The source's slug or the language code; "" for letters and reports with none.
    label: str
    figures: dict[str, int]

    @property
    def values(self) -> list[int]:
        """The figures in column order."""
        return [self.figures.get(name, 0) for name, _heading in BREAKDOWN_COLUMNS]


@dataclass(frozen=True)
class ImpactBreakdown:
    by_source: list[BreakdownRow] = field(default_factory=list)
    by_language: list[BreakdownRow] = field(default_factory=list)

    @property
    def headings(self) -> list[str]:
        return [str(heading) for _name, heading in BREAKDOWN_COLUMNS]


def language_label(code: str) -> str:
    """A language's name in the active language (Django's list), else its code."""
    if not code:
        return _("Language not recorded")
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _rows(counts: Mapping, suffix: str, label_of, order: list[str]) -> list[BreakdownRow]:
    keys: set[str] = set()
    for name, _heading in BREAKDOWN_COLUMNS:
        keys |= set(counts.get(f"{name}_{suffix}") or {})
    rows = [
        BreakdownRow(
            key=key,
            label=label_of(key),
            figures={name: (counts.get(f"{name}_{suffix}") or {}).get(key, 0) for name, _heading in BREAKDOWN_COLUMNS},
        )
        for key in keys
    ]
    # Known keys in their given order (a campaign's sources as the editor lists them), then the
    # rest by label, and "none" last.
    position = {key: index for index, key in enumerate(order)}
    return sorted(rows, key=lambda row: (row.key == "", position.get(row.key, len(position)), row.label.casefold()))


def impact_breakdown(counts: Mapping, sources: Mapping[str, str] | None = None) -> ImpactBreakdown:
    """Rows per source and per language from *counts* (``figure_counts()``, possibly cached by an
    older version without some keys); *sources* maps the campaign's source slugs to their labels.
    A slug no longer defined keeps its row under its slug: its letters were counted."""
    sources = dict(sources or {})

    def source_label(slug: str) -> str:
        return sources.get(slug) or slug or _("No source")

    return ImpactBreakdown(
        by_source=_rows(counts, "by_source", source_label, list(sources)),
        by_language=_rows(counts, "by_language", language_label, []),
    )
