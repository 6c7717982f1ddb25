"""Federation network across sites: partner example sites in subprocesses (own SQLite, own
media, loopback ports), this process as the receiving site on the test database."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from soroptimist_advocacy.campaigns.rollup import network_figures
from soroptimist_advocacy.models import DecisionMakerPage, DecisionMakerSyncState, LetterCounter, PartnerFeed
from tests import factories

pytestmark = [pytest.mark.network, pytest.mark.django_db]


def allow(settings, *hosts):
    settings.SOROPTIMIST_ADVOCACY = {"NETWORK_ALLOWED_HOSTS": list(hosts)}


def sync(url, directory, *options):
    from io import StringIO

    out = StringIO()
    call_command("sync_decision_makers", url, "--directory", str(directory.pk), *options, stdout=out, stderr=out)
    return out.getvalue()


def test_directory_sync_from_a_partner_site(settings, start_site, stub_server):
    partner = start_site("partner_a")
    allow(settings, partner.host, stub_server.host)
    directory = factories.make_directory(title="Synced", slug="synced")
    factories.make_decision_maker(directory, "DE", "Local Only", external_id="de-local")
    url = f"{partner.base}/decision-makers/export.csv"

    output = sync(url, directory, "--dry-run")
    assert "2 added" in output and "Dry run" in output
    assert DecisionMakerPage.objects.child_of(directory).count() == 1

    output = sync(url, directory)
    assert "2 added, 0 changed, 0 unchanged, 1 missing upstream" in output
    grace = DecisionMakerPage.objects.child_of(directory).get(external_id="ke-1")
    assert not DecisionMakerPage.objects.filter(external_id="es-sample").exists()  # Samples stay home.
    assert grace.sa_sync_state.source == url and grace.sa_sync_state.last_synced_at
    local = DecisionMakerPage.objects.get(external_id="de-local")
    assert local.live and DecisionMakerSyncState.objects.get(page=local).missing_upstream

    # Again with no change upstream: not modified (ETag), nothing written.
    revisions = grace.revisions.count()
    assert "not modified" in sync(url, directory)
    assert "0 added, 0 changed, 2 unchanged" in sync(url, directory, "--force")
    assert grace.revisions.count() == revisions

    partner.run("change_upstream")
    assert "~ changed 'Grace Wanjiru' (ke-1): position_title" in sync(url, directory)
    assert DecisionMakerPage.objects.get(pk=grace.pk).position_title == "Cabinet Secretary for Gender"

    # Managed locally: left alone.
    DecisionMakerSyncState.objects.filter(page=grace).update(managed_locally=True)
    grace_page = DecisionMakerPage.objects.get(pk=grace.pk)
    grace_page.position_title = "Our own title"
    grace_page.save_revision().publish()
    assert "managed locally, left alone: 'Grace Wanjiru'" in sync(url, directory, "--force")
    assert DecisionMakerPage.objects.get(pk=grace.pk).position_title == "Our own title"

    # Popolo JSON goes through the same validation and gives the same records.
    assert "0 added" in sync(f"{partner.base}/decision-makers/export.json", directory, "--force")

    # A malformed upstream file: refused, nothing written.
    before = DecisionMakerPage.objects.child_of(directory).count()
    stub_server.answer = (
        200,
        {"Content-Type": "text/csv"},
        b"external_id,full_name,position_title,country\nnew-1,Someone,Minister,ZZ\n",
    )
    with pytest.raises(CommandError, match="nothing was written"):
        sync(f"http://{stub_server.host}/export.csv", directory)
    stub_server.answer = (200, {"Content-Type": "application/zip"}, b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(CommandError):
        sync(f"http://{stub_server.host}/export.csv", directory)
    assert DecisionMakerPage.objects.child_of(directory).count() == before

    # Outside the allowlist, or a private address listed without its port: refused.
    allow(settings, "example.org")
    with pytest.raises(CommandError):
        sync(url, directory)
    allow(settings, "127.0.0.1")
    with pytest.raises(CommandError):
        sync(url, directory)


def test_figures_roll_up_and_a_partner_going_down_keeps_its_last_good_numbers(settings, start_site, client):
    site_a, site_b = start_site("partner_a"), start_site("partner_b")
    allow(settings, site_a.host, site_b.host)
    directory = factories.make_directory()
    campaign = factories.make_action_kit(directory=directory, target_countries=factories.some_countries(10))
    LetterCounter.objects.create(
        campaign_key=campaign.translation_key, country="FR", language="en", day="2026-01-01", letters=5
    )
    feed_a = PartnerFeed.objects.create(
        name="Partner A", feed_url=f"{site_a.base}/action-kit/figures.json", campaign=campaign
    )
    feed_b = PartnerFeed.objects.create(
        name="Partner B", feed_url=f"{site_b.base}/action-kit/figures.json", campaign=campaign
    )

    call_command("fetch_campaign_figures", stdout=None)
    network = network_figures(campaign.translation_key, 10)
    assert (network.letters, network.actions, network.responses) == (5 + 7 + 3, 2, 2)
    assert network.countries_reached == 3 and network.reach_percent == 30  # FR, KE, BR.
    assert not any(partner.stale for partner in network.partners)

    site_b.stop()
    with pytest.raises(CommandError, match="1 of 2 partner feed"):
        call_command("fetch_campaign_figures", stdout=None, stderr=None)
    feed_b.refresh_from_db()
    assert feed_b.stale and feed_b.last_error and feed_b.snapshot["totals"]["letters"] == 3
    network = network_figures(campaign.translation_key, 10)
    assert network.letters == 15
    assert [partner.stale for partner in network.partners] == [False, True]
    PartnerFeed.objects.filter(pk=feed_a.pk).update(feed_url=f"{site_a.base}/nowhere/figures.json")
    with pytest.raises(CommandError, match="2 of 2 partner feed"):
        call_command("fetch_campaign_figures", stdout=None, stderr=None)
    assert network_figures(campaign.translation_key).letters == 15

    # The public summary block, with partners, and the admin impact view and its export.
    campaign.body = [("campaign_summary", {"heading": "Together", "include_partners": True})]
    campaign.save_revision().publish()
    html = client.get(campaign.url).content.decode()
    assert "Partner B" in html and "Countries reached across the network" in html
    admin = factories_admin(client)
    impact_url = reverse("campaign_impact:impact", args=[campaign.translation_key])
    response = admin.get(impact_url)
    assert response.status_code == 200 and "Partner A" in response.content.decode()
    csv = admin.get(impact_url + "?export=network").content.decode()
    assert "Partner A" in csv and "Partner B" in csv


def factories_admin(client):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    return client


def test_a_304_to_a_first_sync_without_validators_is_refused_clearly(settings, stub_server):
    # No earlier sync, so no validators were sent: a 304 is a misbehaving server, not "nothing changed".
    allow(settings, stub_server.host)
    directory = factories.make_directory(title="Synced", slug="synced")
    stub_server.answer = (304, {}, b"")
    with pytest.raises(CommandError, match="nothing was written"):
        sync(f"http://{stub_server.host}/export.csv", directory)
    assert not DecisionMakerPage.objects.child_of(directory).exists()
