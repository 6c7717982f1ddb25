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
    # What arrowing down a closed menu does, one option after another and faster than a person
    # (keys pressed from the test may come slower than the settling time on a busy machine).
    passed = page.evaluate(
        """() => {
          const select = document.querySelector("#id_country");
          const target = [...select.options].findIndex(option => option.value === "FR");
          for (let index = 1; index <= target; index++) {
            select.selectedIndex = index;
            select.dispatchEvent(new Event("change", {bubbles: true}));
          }
          return target;
        }"""
    )
    assert passed > 50
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


def test_the_russian_coverage_table_scrolls_in_its_box_on_a_phone(demo, page, url, shot):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url("/ru/decision-makers/coverage/"))
    box = page.locator(".sa-table-scroll").first
    expect(box).to_be_visible()
    widths = page.evaluate(
        """() => {
          const box = document.querySelector(".sa-table-scroll");
          return {page: document.documentElement.scrollWidth, box: box.clientWidth, table: box.scrollWidth};
        }"""
    )
    print(f"390 px phone, Russian coverage: {widths}")  # noqa: T201 - the figures the report quotes
    assert widths["page"] <= 390, widths  # the page itself no longer scrolls sideways
    assert widths["box"] <= 390
    shot(page, "russian coverage table on a phone")
