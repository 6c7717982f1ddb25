"""The network roll-up as a table for a download: one row per site (this one, each partner) and
the network's totals."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext

from soroptimist_advocacy.campaigns.rollup import NetworkFigures
from soroptimist_advocacy.web.table_download import table_download_response


def network_rows(network: NetworkFigures) -> list[list]:
    """Heading, this site, each partner, then the totals across the network (a country reached by
    several sites counts once in the total)."""
    local = network.local
    rows: list[list] = [
        [
            gettext("Site"),
            gettext("Letters generated"),
            gettext("Letters sent"),
            gettext("Actions reported"),
            gettext("Responses received"),
            gettext("Countries reached"),
            gettext("Figures as of"),
            gettext("Stale"),
        ],
        [
            network.local_label,
            local.letters,
            local.letters_sent,
            local.actions,
            local.responses,
            local.countries_reached,
            "",
            "",
        ],
    ]
    for partner in network.partners:
        rows.append(
            [
                partner.name,
                partner.letters,
                partner.letters_sent,
                partner.actions,
                partner.responses,
                partner.countries,
                partner.fetched_at.isoformat() if partner.fetched_at else "",
                gettext("yes") if partner.stale else gettext("no"),
            ]
        )
    rows.append(
        [
            gettext("Total"),
            network.letters,
            network.letters_sent,
            network.actions,
            network.responses,
            network.countries_reached,
            "",
            "",
        ]
    )
    return rows


def network_download_response(network: NetworkFigures, download_format: str, filename: str) -> HttpResponse:
    """The roll-up as ``<filename>.csv`` or ``.xlsx``; site names come from partners and settings,
    so every cell goes through the one formula rule (``web.table_download``)."""
    return table_download_response(network_rows(network), download_format, filename)


def network_csv_response(network: NetworkFigures, filename: str) -> HttpResponse:
    """The roll-up as CSV named *filename* (with its ``.csv``)."""
    return network_download_response(network, "csv", filename.removesuffix(".csv"))
