"""figures.json on one site, the feed validation and the fetch's refusals (no partner site needed)."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError

from soroptimist_advocacy.campaigns.figures import campaign_figures
from soroptimist_advocacy.models import LetterCounter
from soroptimist_advocacy.network.fetch import FetchError, fetch
from soroptimist_advocacy.network.figures_feed import validate_figures
from tests.reports.helpers import post_report


def figures_url(page) -> str:
    return page.url + page.reverse_subpage("figures_route")


@pytest.mark.django_db
def test_figures_json_has_the_summary_numbers_and_is_cacheable(client, action_kit):
    LetterCounter.objects.create(
        campaign_key=action_kit.translation_key, country="FR", language="en", day="2026-01-01", letters=4
    )
    response = client.get(figures_url(action_kit))
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age" in response["Cache-Control"]
    document = response.json()
    figures = campaign_figures(action_kit.translation_key)
    assert document["campaign"] == {"key": str(action_kit.translation_key), "title": action_kit.title}
    assert document["totals"]["letters"] == figures.letters == 4
    assert document["countries"] == [{"country": "FR", "letters": 4, "letters_sent": 0, "actions": 0, "responses": 0}]
    assert validate_figures(response.content)["totals"]["letters"] == 4
    assert client.post(figures_url(action_kit)).status_code in (404, 405)  # Only GET reaches the route.


@pytest.mark.django_db
def test_figures_json_holds_no_personal_data(client, action_kit):
    post_report(
        client,
        action_kit,
        name="Wilhelmina Quartermaine",
        email="wilhelmina@example.org",
        club="SI Zanzibar Central",
        notes="Met the minister at the Quartermaine residence.",
        response_status="positive",
        response_summary="She promised a Quartermaine act.",
    )
    post_report(client, action_kit, name="Ottoline Vasquez", email="ottoline@example.net", country="KE")
    text = client.get(figures_url(action_kit)).content.decode()
    assert json.loads(text)["totals"]["actions"] == 2
    for personal in (
        "Wilhelmina",
        "Quartermaine",
        "wilhelmina@example.org",
        "Ottoline",
        "Vasquez",
        "example.net",
        "Zanzibar",
        "@",
    ):
        assert personal not in text


@pytest.mark.parametrize(
    "data",
    [
        b"not json",
        b"[]",
        b'{"schema": 99}',
        b"[" * 200_000 + b"]" * 200_000,
        b'{"schema": 1, "campaign": {"title": "x"}, "countries": [{"country": "ZZ"}]}',
        b'{"schema": 1, "campaign": {"title": "x"}, "countries": [{"country": "FR", "letters": -1}]}',
        b'{"schema": 1, "campaign": {"title": "x"}, "countries": [{"country": "FR", "letters": "9"}]}',
    ],
)
def test_malformed_feeds_are_refused(data):
    with pytest.raises(ValidationError):
        validate_figures(data)


def test_a_host_outside_the_allowlist_is_refused(settings):
    settings.SOROPTIMIST_ADVOCACY = {"NETWORK_ALLOWED_HOSTS": ["example.org"]}
    with pytest.raises(FetchError, match="not in the list"):
        fetch("http://example.com/figures.json")


def test_a_private_address_is_refused_unless_listed_with_its_port(settings, stub_server):
    # The bare name is listed, but it resolves to loopback: refused.
    settings.SOROPTIMIST_ADVOCACY = {"NETWORK_ALLOWED_HOSTS": ["127.0.0.1", "localhost"]}
    with pytest.raises(FetchError, match="private or local"):
        fetch(f"http://localhost:{stub_server.server_port}/x")
    with pytest.raises(FetchError, match="private or local"):
        fetch(f"http://{stub_server.host}/x")
    settings.SOROPTIMIST_ADVOCACY = {"NETWORK_ALLOWED_HOSTS": [stub_server.host]}
    stub_server.answer = (200, {"Content-Type": "text/plain"}, b"hello")
    assert fetch(f"http://{stub_server.host}/x").body == b"hello"


def test_other_schemes_and_credentials_are_refused(settings):
    settings.SOROPTIMIST_ADVOCACY = {"NETWORK_ALLOWED_HOSTS": ["127.0.0.1:1"]}
    for url in ("file:///etc/passwd", "ftp://127.0.0.1:1/x", "http://user:pw@127.0.0.1:1/x"):
        with pytest.raises(FetchError):
            fetch(url)


def test_redirects_are_not_followed(settings, stub_server):
    settings.SOROPTIMIST_ADVOCACY = {"NETWORK_ALLOWED_HOSTS": [stub_server.host]}
    stub_server.answer = (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"")
    with pytest.raises(FetchError, match="redirect"):
        fetch(f"http://{stub_server.host}/figures.json")


def test_huge_files_are_refused(settings, stub_server):
    settings.SOROPTIMIST_ADVOCACY = {"NETWORK_ALLOWED_HOSTS": [stub_server.host], "NETWORK_MAX_BYTES": 1000}
    stub_server.answer = (200, {"Content-Type": "application/json"}, b"{" + b" " * 5000 + b"}")
    with pytest.raises(FetchError, match="larger than"):
        fetch(f"http://{stub_server.host}/figures.json")
