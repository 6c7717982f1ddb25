"""``figures.json`` has exactly the keys the README documents, at every level: a key added to the
file (an ``email``, hashed addresses, a name) fails here until the README's list says so."""

from __future__ import annotations

import json
import re
import textwrap

import pytest

from soroptimist_advocacy.models import LetterCounter, ResponseStatus
from tests import factories
from tests.campaigns.test_sources import SOURCES
from tests.conftest import ROOT
from tests.reports.helpers import post_report

MARKER = "<!-- figures.json keys:"


def documented_figures() -> dict:
    """The README's example of ``figures.json``: the fenced JSON block after the marker."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert MARKER in readme, "the README's list of figures.json keys is gone"
    block = re.search(r"```json\n(.*?)\n[ \t]*```", readme[readme.index(MARKER) :], re.DOTALL)
    assert block, "no JSON block after the README's figures.json marker"
    return json.loads(textwrap.dedent(block.group(1)))


def assert_same_shape(actual, documented, data_keys: dict, where: str = "figures.json") -> None:
    """*actual* has the keys of *documented* at every level, no more and no fewer; a documented
    key in angle brackets stands for data keys, which must be among ``data_keys[<that key>]``."""
    if isinstance(documented, dict):
        assert isinstance(actual, dict), f"{where} is not an object"
        (placeholder, *others) = [key for key in documented if key.startswith("<")] or [None]
        if placeholder is not None:
            assert not others and len(documented) == 1, f"{where}: one placeholder and nothing else"
            assert actual, f"{where} is empty: the test data must fill it"
            for key, value in actual.items():
                assert key in data_keys[placeholder], f"{where} has the key {key!r}, not a {placeholder}"
                assert_same_shape(value, documented[placeholder], data_keys, f"{where}.{key}")
            return
        assert set(actual) == set(documented), (
            f"{where}: undocumented {sorted(set(actual) - set(documented))}, "
            f"missing {sorted(set(documented) - set(actual))}"
        )
        for key, value in documented.items():
            assert_same_shape(actual[key], value, data_keys, f"{where}.{key}")
    elif isinstance(documented, list):
        assert isinstance(actual, list) and actual, f"{where} is not a non-empty list"
        for index, item in enumerate(actual):
            assert_same_shape(item, documented[0], data_keys, f"{where}[{index}]")
    else:
        assert type(actual) is type(documented), f"{where} is {type(actual).__name__}, not {type(documented).__name__}"


@pytest.fixture
def campaign_with_every_figure(client, directory):
    """A campaign defining sources, with letters (one from a source) and a report with a response."""
    page = factories.make_action_kit(directory=directory, sources=SOURCES)
    for source in ("newsletter-nov", ""):
        LetterCounter.objects.create(
            campaign_key=page.translation_key, country="FR", language="en", day="2026-01-01", source=source, letters=2
        )
    post_report(client, page, response_status="positive", response_summary="She replied.")
    return page


@pytest.mark.django_db
def test_figures_json_has_exactly_the_documented_keys(client, campaign_with_every_figure):
    page = campaign_with_every_figure
    document = client.get(page.url + page.reverse_subpage("figures_route")).json()

    assert_same_shape(
        document,
        documented_figures(),
        data_keys={
            "<status>": set(ResponseStatus.values),
            "<source>": {source["value"]["slug"] for source in SOURCES} | {""},
        },
    )


@pytest.mark.django_db
def test_without_sources_figures_json_has_the_documented_keys_but_sources(client, action_kit):
    LetterCounter.objects.create(
        campaign_key=action_kit.translation_key, country="KE", language="en", day="2026-01-01", letters=1
    )
    post_report(client, action_kit, country="KE", response_status="negative", response_summary="No.")
    document = client.get(action_kit.url + action_kit.reverse_subpage("figures_route")).json()

    documented = documented_figures()
    del documented["sources"]
    assert_same_shape(document, documented, data_keys={"<status>": set(ResponseStatus.values)})
