"""Letters sent roll up across the network beside letters made; older feeds without them count none."""

from __future__ import annotations

import csv
import io
import json

from soroptimist_advocacy.campaigns.rollup import network_figures
from soroptimist_advocacy.models import LetterCounter, PartnerFeed
from soroptimist_advocacy.network.figures_feed import validate_figures
from soroptimist_advocacy.network.impact_export import network_csv_response
from tests import factories


def feed_bytes(countries: list[dict]) -> bytes:
    return json.dumps(
        {"schema": 1, "campaign": {"key": "k", "title": "Partner"}, "countries": countries, "responses_by_status": {}}
    ).encode()


def test_the_roll_up_sums_letters_sent_and_made(db):
    campaign = factories.make_action_kit(directory=factories.make_directory())
    LetterCounter.objects.create(
        campaign_key=campaign.translation_key, country="FR", language="fr", day="2026-03-08", letters=10, letters_sent=4
    )
    sent_feed = validate_figures(
        feed_bytes([{"country": "KE", "letters": 6, "letters_sent": 5, "actions": 0, "responses": 0}])
    )
    older_feed = validate_figures(feed_bytes([{"country": "JP", "letters": 3, "actions": 1, "responses": 0}]))
    assert sent_feed["totals"]["letters_sent"] == 5 and older_feed["totals"]["letters_sent"] == 0
    for name, snapshot in (("Kenya", sent_feed), ("Japan", older_feed)):
        PartnerFeed.objects.create(
            name=name, feed_url=f"https://{name.lower()}.example/f.json", campaign=campaign, snapshot=snapshot
        )

    network = network_figures(campaign.translation_key)

    assert (network.letters, network.letters_sent) == (19, 9)
    assert [(partner.name, partner.letters_sent) for partner in network.partners] == [("Japan", 0), ("Kenya", 5)]
    rows = list(csv.reader(io.StringIO(network_csv_response(network, "x.csv").content.decode("utf-8-sig"))))
    assert rows[0][1:3] == ["Letters generated", "Letters sent"]
    assert rows[-1][:3] == ["Total", "19", "9"]
