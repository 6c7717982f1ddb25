""" "Countries to reach" in the page editor, in Chromium: typing in the filter keeps the matching
countries (accents and case ignored) and hides emptied regions; a box checked while filtered is
saved with the page."""

from __future__ import annotations

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="needs the 'playwright' Python package").expect

USERNAME, PASSWORD = "regions-editor", "a-long-test-password"


def test_filter_and_choose_countries(demo, page, url, shot, django_user_model):
    django_user_model.objects.create_superuser(USERNAME, "regions@example.org", PASSWORD)
    page.goto(url("/admin/login/"))
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(url("/admin/"))

    page.goto(url(f"/admin/pages/{demo.pk}/edit/"))
    widget = page.locator("[data-sa-country-checkboxes]")
    search = widget.get_by_role("searchbox", name="Filter countries")
    search.scroll_into_view_if_needed()
    expect(search).to_be_visible()  # the script shows the filter (hidden without JavaScript)

    search.fill("REUNI")  # Réunion, without its accent
    expect(widget.locator("li[data-sa-country]:visible")).to_have_count(1)
    expect(widget.locator('fieldset[data-sa-region="africa"]')).to_be_visible()
    expect(widget.locator('fieldset[data-sa-region="europe"]')).to_be_hidden()
    widget.get_by_label("Réunion").check()
    search.press("Enter")  # filters, never submits the page
    expect(page).to_have_url(url(f"/admin/pages/{demo.pk}/edit/"))
    shot(page, "countries filtered")

    search.fill("")
    expect(widget.locator("li[data-sa-country]:visible")).to_have_count(249)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("has been updated")).to_be_visible()
    demo.refresh_from_db()
    assert "RE" in [country.code for country in demo.get_latest_revision_as_object().target_countries]
