"""Editors find the directory from the first day and know what the title field holds."""

from django.urls import reverse

from soroptimist_advocacy.models import DecisionMakerIndexPage

LISTING = "advocacy_decision_makers:index"


def test_the_decision_makers_menu_is_there_before_any_directory_and_leads_to_creating_one(client, moderator):
    assert not DecisionMakerIndexPage.objects.exists()
    client.force_login(moderator)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(LISTING) in dashboard

    listing = client.get(reverse(LISTING))
    assert listing.status_code == 200
    assert "Create a directory" in listing.content.decode()
    assert "/soroptimist_advocacy/decisionmakerindexpage/" in listing.content.decode()


def test_once_a_directory_exists_the_listing_no_longer_offers_to_create_one(client, moderator, directory):
    client.force_login(moderator)
    assert "Create a directory" not in client.get(reverse(LISTING)).content.decode()


def test_the_decision_maker_title_field_asks_for_her_full_name(admin_client, directory):
    url = reverse("wagtailadmin_pages:add", args=["soroptimist_advocacy", "decisionmakerpage", directory.pk])
    html = admin_client.get(url).content.decode()

    assert "Full name" in html
    assert "as shown on the page and in letters" in html
    assert 'placeholder="Page title' not in html
