"""The impact view's figures as rows for a download: one row per country, per source and per language.

The same columns as the view's tables (``campaigns.breakdown.BREAKDOWN_COLUMNS``), aggregates
only: no report's name, email or text is in it, so anyone who may see the view may download it.
"""

from __future__ import annotations

from django.utils.translation import gettext

from soroptimist_advocacy.campaigns.breakdown import BREAKDOWN_COLUMNS, ImpactBreakdown
from soroptimist_advocacy.campaigns.figures import CampaignFigures


def impact_rows(figures: CampaignFigures, breakdown: ImpactBreakdown) -> list[list]:
    """The heading row, then a row per country, source and language (group, code, name, figures)."""
    rows: list[list] = [[gettext("Group"), gettext("Code"), gettext("Name"), *breakdown.headings]]
    for row in figures.countries:
        # A country's reports are its actions reported: the same count under the same heading.
        by_name = {
            "letters": row.letters,
            "letters_sent": row.letters_sent,
            "reports": row.actions,
            "responses": row.responses,
        }
        rows.append([gettext("Country"), row.code, row.name, *_in_columns(by_name)])
    for group, breakdown_rows in (
        (gettext("Source"), breakdown.by_source),
        (gettext("Language"), breakdown.by_language),
    ):
        for breakdown_row in breakdown_rows:
            rows.append([group, breakdown_row.key, breakdown_row.label, *breakdown_row.values])
    totals = {
        "letters": figures.letters,
        "letters_sent": figures.letters_sent,
        "reports": figures.actions,
        "responses": figures.responses,
    }
    rows.append([gettext("Total"), "", "", *_in_columns(totals)])
    return rows


def _in_columns(figures: dict[str, int]) -> list:
    """*figures* in the breakdown's column order; a column these figures lack stays empty."""
    return [figures.get(name, "") for name, _heading in BREAKDOWN_COLUMNS]
