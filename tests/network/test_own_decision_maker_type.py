"""A site's own decision-maker page type (``tests/testapp_ext``: a regional directory whose
``get_decision_maker_model()`` names ``RegionalDecisionMakerPage``) works everywhere the app
looks decision makers up: the CSV import creates her, a sync from another site adds to her
directory, a member writes her a letter, the coverage counts her and the exports carry her."""

from __future__ import annotations

import io
import json

from django.core.management import call_command
from django.test import Client

from soroptimist_advocacy.directory.importer import import_decision_makers
from soroptimist_advocacy.models import DecisionMakerPage
from soroptimist_advocacy.network.sync import sync_directory
from tests import factories
from tests.directory.conftest import FR_LINE, csv_bytes
from tests.letter_helpers import docx_text, letter_data, post_letter
from tests.testapp_ext.models import RegionalCampaignPage, RegionalDecisionMakerPage, RegionalDirectoryPage


def test_a_sites_own_decision_maker_type_goes_through_import_sync_letter_coverage_and_export(
    settings, stub_server, csrf_client, db
):
    regional = factories.add(factories.home(), RegionalDirectoryPage(title="Regional", slug="regional"))

    # Import: the CSV creates the directory's own type.
    plan = import_decision_makers(regional, csv_bytes(FR_LINE))
    assert plan.applied, plan.errors
    aurore = RegionalDecisionMakerPage.objects.child_of(regional).get()
    assert (aurore.title, aurore.external_id) == ("Aurore Bergé", "fr-equality")

    # Sync: another site's public export adds its people as the directory's own type.
    partner = factories.make_directory(title="Partner", slug="partner")
    factories.make_decision_maker(partner, "KE", "Grace Wanjiru", external_id="ke-gender")
    export = Client().get(partner.url + "export.csv")
    stub_server.answer = (200, {"Content-Type": export["Content-Type"]}, export.content)
    settings.SOROPTIMIST_ADVOCACY = {"NETWORK_ALLOWED_HOSTS": [stub_server.host]}
    result = sync_directory(f"http://{stub_server.host}/export.csv", regional)
    assert result.ok, result.errors
    assert sorted(RegionalDecisionMakerPage.objects.child_of(regional).values_list("external_id", flat=True)) == [
        "fr-equality",
        "ke-gender",
    ]
    assert not DecisionMakerPage.objects.child_of(regional).exists()

    # A letter: the campaign of a regional directory offers her and writes to her.
    campaign = factories.add(
        factories.home(),
        RegionalCampaignPage(
            title="Regional campaign",
            slug="regional-campaign",
            directory=regional,
            target_countries=["FR", "KE", "DE"],
            body=json.dumps([factories.letter_block()]),
        ),
    )
    assert "Aurore Bergé" in Client().get(campaign.url, {"country": "FR"}).content.decode()
    response = post_letter(csrf_client, campaign, letter_data(decision_maker=[aurore.pk]))
    assert response.status_code == 200, response.content[:500]
    assert "Aurore Bergé" in docx_text(response.content)

    # Coverage: her campaign's target countries, FR and KE listed, DE not.
    coverage = Client().get(regional.url + "coverage/")
    assert coverage.status_code == 200
    covered = {row.code: row.covered for row in coverage.context["coverage"].countries}
    assert covered == {"FR": True, "KE": True, "DE": False}

    # Export: the directory's public file and the command carry both.
    public_export = Client().get(regional.url + "export.csv").content.decode()
    assert "Aurore Bergé" in public_export and "Grace Wanjiru" in public_export
    out = io.StringIO()
    call_command("export_decision_makers", "--directory", str(regional.pk), stdout=out)
    assert "fr-equality" in out.getvalue() and "ke-gender" in out.getvalue()
