"""The letter form with JavaScript while it works (issue 24): one country menu, one request once the
choice settles, a visible and announced loading state, a letter asked for meanwhile held with a
reason, and the error summary focused after a refused letter."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_member_journey import fill_member_details, letter_form

expect = pytest.importorskip("playwright.sync_api", reason="needs the 'playwright' Python package").expect

# Counts the page's requests for a country's decision makers, and holds each answer *delay* ms.
SLOW_COUNTRY_ANSWERS = """
(() => {
  const fetch = window.fetch;
  window.saCountryRequests = [];
  window.fetch = (url, options) => {
    window.saCountryRequests.push(String(url));
    return new Promise(resolve => setTimeout(resolve, %d)).then(() => fetch(url, options));
  };
})();
"""


def test_arrowing_through_the_menu_asks_once_the_choice_settles(demo, page, url, shot):
    page.add_init_script(SLOW_COUNTRY_ANSWERS % 0)
    page.goto(url("/action-kit/"))
    expect(page.locator("#sa-letter select[name=country]")).to_have_count(1)
    country = letter_form(page).get_by_label("Your country")
    country.focus()
    target = page.evaluate("[...document.querySelectorAll('#id_country option')].findIndex(o => o.value === 'FR')")
    for _ in range(target):
        page.keyboard.press("ArrowDown")
    expect(country).to_have_value("FR")
    status = letter_form(page).get_by_role("status")
    expect(status).to_have_text("Decision makers of France shown.")
    expect(letter_form(page).get_by_role("checkbox", name=re.compile(r"^Claire Dubois, "))).to_be_checked()
    # Dozens of options went by; only the settled one was asked for.
    assert page.evaluate("window.saCountryRequests") == ["/action-kit/?country=FR"]
    shot(page, "one request once the country settled")


def test_a_letter_asked_for_while_loading_is_held_and_explained(demo, page, url, shot):
    page.add_init_script(SLOW_COUNTRY_ANSWERS % 1500)
    page.goto(url("/action-kit/"))
    form = letter_form(page)
    fill_member_details(form)
    form.get_by_label("Your country").select_option("FR")
    expect(form).to_have_attribute("aria-busy", "true")
    expect(form.get_by_role("status")).to_have_text("Loading the decision makers of your country…")
    form.get_by_role("button", name="Download my letter (.docx)").click()
    status = form.get_by_role("status")
    expect(status).to_contain_text("Please wait: the decision makers of your country are still loading.")
    shot(page, "letter held while the list loads")
    assert page.url.endswith("/action-kit/"), "the page stayed: nothing was posted"
    expect(form.get_by_role("checkbox", name=re.compile(r"^Claire Dubois, "))).to_be_checked()
    expect(status).to_have_text("Decision makers of France shown.")
    expect(form).not_to_have_attribute("aria-busy", "true")


def test_the_error_summary_takes_the_focus_after_a_refused_letter(demo, page, url, shot):
    page.goto(url("/action-kit/"))
    form = letter_form(page)
    form.get_by_label("Your country").select_option("FR")
    expect(form.get_by_role("checkbox", name=re.compile(r"^Claire Dubois, "))).to_be_checked()
    form.get_by_role("button", name="Download my letter (.docx)").click()  # no name, club or town
    summary = page.locator(".sa-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    # Still one country menu, in the letter form, keeping her choice.
    expect(page.locator("#sa-letter select[name=country]")).to_have_count(1)
    expect(letter_form(page).get_by_label("Your country")).to_have_value("FR")
    shot(page, "error summary focused")
