"""The campaign impact as CSV with one row per site: this one and each partner."""

from __future__ import annotations

import csv

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext

from soroptimist_advocacy.campaigns.rollup import NetworkFigures
from soroptimist_advocacy.web.spreadsheet import formula_safe_row


def network_csv_response(network: NetworkFigures, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            gettext("Site"),
            gettext("Letters generated"),
            gettext("Letters sent"),
            gettext("Actions reported"),
            gettext("Responses received"),
            gettext("Countries reached"),
            gettext("Figures as of"),
            gettext("Stale"),
        ]
    )
    local = network.local
    # Every cell goes through the one formula rule: site names come from partners and settings.
    writer.writerow(
        formula_safe_row(
            [
                network.local_label,
                local.letters,
                local.letters_sent,
                local.actions,
                local.responses,
                local.countries_reached,
                "",
                "",
            ]
        )
    )
    for partner in network.partners:
        writer.writerow(
            formula_safe_row(
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
        )
    writer.writerow(
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
    return response
