""" "Countries to reach" in the page editor: one checkbox per country under its region (no
Ctrl-click in a 249-row list), a filter script, and the same field behind it."""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.urls import reverse
from django_countries import countries

from soroptimist_advocacy.web.regions import REGIONS, grouped, region_of


def test_every_country_has_one_region():
    groups = grouped(list(countries))
    assert [key for key, _label, _items in groups] == [*REGIONS, "other"]
    assert sum(len(items) for _key, _label, items in groups) == len(countries)
    assert dict((key, [code for code, _name in items]) for key, _label, items in groups)["other"] == ["AQ"]
    assert (region_of("NG"), region_of("fr"), region_of("BR"), region_of("JO"), region_of("FJ")) == (
        "africa",
        "europe",
        "americas",
        "asia",
        "oceania",
    )


def test_the_editor_shows_checkboxes_by_region_and_saves_the_choice(admin_client, action_kit):
    action_kit.target_countries = ["FR", "KE", "NG"]
    action_kit.save_revision().publish()
    url = reverse("wagtailadmin_pages:edit", args=[action_kit.pk])
    soup = BeautifulSoup(admin_client.get(url).content, "html.parser")

    root = soup.select_one("[data-sa-country-checkboxes]")
    assert root is not None and root.select_one("input[type=search][data-sa-country-filter]")
    boxes = root.select('input[type=checkbox][name="target_countries"]')
    assert len(boxes) == len(countries)
    assert sorted(box["value"] for box in boxes if box.has_attr("checked")) == ["FR", "KE", "NG"]
    legends = [legend.get_text(" ", strip=True) for legend in root.select("fieldset > legend")]
    assert legends == ["Africa (2)", "Americas", "Asia", "Europe (1)", "Oceania", "Other"]
    africa = root.select_one('fieldset[data-sa-region="africa"]')
    assert africa.select_one('input[value="KE"]') and not africa.select_one('input[value="FR"]')
    assert soup.select_one('script[src*="soroptimist_advocacy/js/country-checkboxes.js"]')
    # Every checkbox has its label: the country's name.
    kenya = root.select_one('input[value="KE"]')
    assert soup.select_one(f'label[for="{kenya["id"]}"]').get_text(strip=True) == "Kenya"
