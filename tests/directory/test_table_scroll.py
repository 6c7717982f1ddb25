"""Tables scroll inside their own box (issue 24): the Russian coverage table was 481 px wide on a
390 px phone and pushed the whole page sideways. The box is a named, focusable region, so a
keyboard can scroll it and a screen reader says what it holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.cache import cache

import soroptimist_advocacy
from soroptimist_advocacy.models import DecisionMakerPage
from tests import factories

CSS = (Path(soroptimist_advocacy.__file__).parent / "static/soroptimist_advocacy/css/advocacy.css").read_text()


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_coverage_table_scrolls_in_its_own_region(client, directory):
    DecisionMakerPage.objects.filter(country="KE").update(last_verified=None)
    factories.make_action_kit(directory=directory, target_countries=["FR", "KE", "BR"])
    html = client.get(directory.url + "coverage/").content.decode()
    box = re.search(r'<div class="sa-table-scroll" ([^>]*)>\s*<table class="sa-coverage-table">', html)
    assert box, "the table is inside its scrolling box"
    assert 'role="region"' in box.group(1) and 'tabindex="0"' in box.group(1)
    assert 'aria-label="Target countries and their decision makers"' in box.group(1)
    assert html.count('<div class="sa-table-scroll"') == html.count("<table")


def test_the_box_scrolls_sideways_and_shows_its_focus():
    rule = re.search(r"\.sa-table-scroll \{([^}]*)\}", CSS).group(1)
    assert "overflow-x: auto" in rule
    assert ".sa-table-scroll:focus-visible" in CSS
