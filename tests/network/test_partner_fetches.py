"""Partner fetches end on time and within their size, side by side, and a failure is loud:
loopback servers in threads play slow, endless and good partners (no partner site needed)."""

from __future__ import annotations

import json
import socket
import threading
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from soroptimist_advocacy.models import PartnerFeed
from soroptimist_advocacy.network import partners
from soroptimist_advocacy.network.fetch import FetchError, fetch
from soroptimist_advocacy.network.partners import fetch_all_partners
from tests import factories

FIGURES = json.dumps(
    {
        "schema": 1,
        "campaign": {"key": "partner", "title": "Partner campaign"},
        "generated_at": "2026-01-01T00:00:00+00:00",
        "countries": [{"country": "KE", "letters": 7, "actions": 1, "responses": 0}],
    }
).encode()


def network_settings(settings, *servers, **values):
    settings.SOROPTIMIST_ADVOCACY = {"NETWORK_ALLOWED_HOSTS": [server.host for server in servers], **values}


@pytest.fixture
def campaign(db):
    return factories.make_action_kit(directory=factories.make_directory())


def feed(campaign, name, url) -> PartnerFeed:
    return PartnerFeed.objects.create(name=name, feed_url=url, campaign=campaign)


def good_partner(stub_server):
    stub_server.answer = (200, {"Content-Type": "application/json"}, FIGURES)
    return f"http://{stub_server.host}/action-kit/figures.json"


@pytest.mark.parametrize("drip_in", ["body", "headers"])
def test_a_partner_dripping_a_byte_a_second_is_cut_off_at_the_deadline(settings, drip_server, drip_in):
    network_settings(settings, drip_server, NETWORK_TIMEOUT=1)
    drip_server.drip_in = drip_in
    with pytest.raises(FetchError, match=r"took longer than 1 second \(setting NETWORK_TIMEOUT\)"):
        fetch(f"http://{drip_server.host}/figures.json")
    # Cut off: the partner had not finished dripping when the fetch gave up.
    assert drip_server.sent < drip_server.drip_bytes


def test_a_name_lookup_that_never_answers_is_cut_off_at_the_deadline(settings, monkeypatch):
    settings.SOROPTIMIST_ADVOCACY = {"NETWORK_ALLOWED_HOSTS": ["partner.example.org"], "NETWORK_TIMEOUT": 1}
    released = threading.Event()

    def silent_resolver(*args, **kwargs):
        released.wait(30)
        raise socket.gaierror("no answer")

    monkeypatch.setattr(socket, "getaddrinfo", silent_resolver)
    try:
        with pytest.raises(FetchError, match="took longer than 1 second"):
            fetch("https://partner.example.org/figures.json")
    finally:
        released.set()


def test_a_dripping_partner_does_not_cost_the_others_their_figures(settings, drip_server, stub_server, campaign):
    network_settings(settings, drip_server, stub_server, NETWORK_TIMEOUT=1)
    slow = feed(campaign, "A slow partner", f"http://{drip_server.host}/figures.json")
    good = feed(campaign, "B good partner", good_partner(stub_server))

    roll_up = fetch_all_partners()

    assert [outcome.feed.name for outcome in roll_up.fresh] == ["B good partner"]
    good.refresh_from_db()
    assert good.snapshot["totals"]["letters"] == 7 and not good.stale
    slow.refresh_from_db()
    assert slow.stale and "took longer than 1 second" in slow.last_error and slow.last_attempt_at
    assert drip_server.sent < drip_server.drip_bytes


def test_the_roll_up_has_its_own_deadline(settings, drip_server, stub_server, campaign, monkeypatch):
    # A generous per-fetch time, a short roll-up: the roll-up's deadline cuts the slow partner off,
    # and with one worker the partner queued behind it is not fetched at all, both said plainly.
    network_settings(settings, drip_server, stub_server, NETWORK_TIMEOUT=30, NETWORK_ROLLUP_TIMEOUT=1)
    monkeypatch.setattr(partners, "CONCURRENT_FETCHES", 1)
    slow = feed(campaign, "A slow partner", f"http://{drip_server.host}/figures.json")
    queued = feed(campaign, "B queued partner", good_partner(stub_server))

    roll_up = fetch_all_partners()

    assert roll_up.fresh == []
    slow.refresh_from_db()
    queued.refresh_from_db()
    assert "was not finished when the time for all partner fetches ran out" in slow.last_error
    assert "NETWORK_ROLLUP_TIMEOUT" in slow.last_error
    assert queued.last_error.startswith("Not fetched: the time for all partner fetches ran out first")
    assert queued.snapshot is None
    assert drip_server.sent < drip_server.drip_bytes


def test_partners_are_fetched_side_by_side(settings, stub_server, campaign):
    # The partner answers only once both requests are in: fetched one after the other, neither would be.
    network_settings(settings, stub_server)
    stub_server.barrier = threading.Barrier(2, timeout=5)
    stub_server.answer = (200, {"Content-Type": "application/json"}, FIGURES)
    for name in ("A", "B"):
        feed(campaign, name, f"http://{stub_server.host}/{name}/figures.json")

    roll_up = fetch_all_partners()

    assert [outcome.feed.name for outcome in roll_up.fresh] == ["A", "B"]


def run_fetch_command() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("fetch_campaign_figures", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_fetch_campaign_figures_exits_non_zero_when_a_feed_failed_after_storing_the_good_ones(
    settings, stub_server, campaign
):
    network_settings(settings, stub_server)
    good = feed(campaign, "Good partner", good_partner(stub_server))
    stub_server.answers["/gone/figures.json"] = (404, {}, b"")
    feed(campaign, "Gone partner", f"http://{stub_server.host}/gone/figures.json")

    err = StringIO()
    with pytest.raises(CommandError, match=r"1 of 2 partner feed\(s\) failed: Gone partner\.") as raised:
        call_command("fetch_campaign_figures", stdout=StringIO(), stderr=err)
    assert "Gone partner: not updated (" in err.getvalue() and "answered with status 404" in err.getvalue()
    good.refresh_from_db()
    assert good.snapshot["totals"]["letters"] == 7
    # CommandError is what gives manage.py its exit status 1.
    assert raised.value.returncode == 1

    stub_server.answers.clear()
    out, _err = run_fetch_command()
    assert "Every partner feed is fresh." in out


def test_sync_decision_makers_exits_non_zero_when_the_fetch_runs_out_of_time(settings, drip_server, db):
    network_settings(settings, drip_server, NETWORK_TIMEOUT=1)
    directory = factories.make_directory(title="Synced", slug="synced")
    with pytest.raises(CommandError, match="took longer than 1 second.*Nothing was written"):
        call_command(
            "sync_decision_makers",
            f"http://{drip_server.host}/export.csv",
            "--directory",
            str(directory.pk),
            stdout=StringIO(),
            stderr=StringIO(),
        )


@pytest.mark.parametrize("endless", ["chunked", "close"])
def test_an_answer_without_content_length_is_cut_at_the_size_limit(settings, endless_server, endless):
    # Nothing declared up front: the limit holds while reading (a fetch reading it all would
    # run into its deadline instead, and one reading past the limit would return the body).
    network_settings(settings, endless_server, NETWORK_MAX_BYTES=1000, NETWORK_TIMEOUT=5)
    endless_server.endless = endless
    with pytest.raises(FetchError, match="is larger than 1000 bytes"):
        fetch(f"http://{endless_server.host}/figures.json")


def test_the_impact_view_shows_a_failed_feed_with_its_reason_and_time(settings, stub_server, campaign, admin_client):
    network_settings(settings, stub_server)
    partner = feed(campaign, "Partner B", good_partner(stub_server))
    fetch_all_partners()
    stub_server.answer = (500, {}, b"")
    fetch_all_partners()
    partner.refresh_from_db()
    assert partner.stale and partner.snapshot["totals"]["letters"] == 7

    html = admin_client.get(reverse("campaign_impact:impact", args=[campaign.translation_key])).content.decode()

    assert "Partner B: the last fetch failed (" in html and "answered with status 500" in html
    assert "The figures counted are its last good ones (from" in html
