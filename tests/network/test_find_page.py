"""``--parent`` of import_campaign (and export_campaign's PAGE): an ID, a URL path or a tree path,
with ``/`` the site's home, as the README says."""

import pytest
from django.core.management import CommandError

from soroptimist_advocacy.management.commands.export_campaign import find_page
from tests import factories

pytestmark = pytest.mark.django_db


def test_slash_and_home_are_the_sites_home_page():
    home = factories.home()
    assert home.url_path == "/home/"
    assert find_page("/").pk == home.pk
    assert find_page("/home/").pk == home.pk
    assert find_page("home").pk == home.pk
    assert find_page(str(home.pk)).pk == home.pk


def test_a_page_by_url_path_or_tree_path():
    campaign = factories.make_action_kit()
    assert find_page("/action-kit/").pk == campaign.pk
    assert find_page("/home/action-kit/").pk == campaign.pk
    assert find_page(f" {campaign.pk} ").pk == campaign.pk


@pytest.mark.parametrize("reference", ["/nowhere/", "999999", "1"])
def test_no_page_names_what_is_accepted(reference):
    # "1" is the tree's root: it holds sites, not pages to import under.
    with pytest.raises(CommandError, match="give a page ID .* or its URL path, such as / or /campaigns/"):
        find_page(reference)


def test_two_pages_with_one_slug_are_told_apart_by_their_paths():
    first = factories.make_action_kit(slug="twin")
    directory = factories.make_directory(slug="other")
    second = factories.make_action_kit(parent=directory, slug="twin")
    assert find_page("twin").pk == first.pk  # the one served at /twin/
    assert find_page("/other/twin/").pk == second.pk
