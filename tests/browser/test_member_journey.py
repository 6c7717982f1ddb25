"""A member's journey through the demo campaign in a real browser: find her decision maker,
download her letter and read it, report her action, come back later with the private link.
With JavaScript, without it, in French, and with the keyboard alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.utils import timezone, translation

import soroptimist_advocacy
from soroptimist_advocacy.models import ActionReport
from tests.letter_helpers import docx_text

# Skips this module, with the reason, where the Python package is not installed.
expect = pytest.importorskip("playwright.sync_api", reason="needs the 'playwright' Python package").expect

# Accents and an apostrophe: they must reach the letter untouched.
MEMBER = {"name": "Zoë O'Brien", "club": "SI Paris Club", "town": "Besançon"}
FRENCH_DATE = re.compile(
    r"\b\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\b"
)
FRENCH_CATALOG = Path(soroptimist_advocacy.__file__).parent / "locale" / "fr" / "LC_MESSAGES" / "django.mo"


def letter_form(page):
    return page.locator("form[data-sa-letter-form]")


def fill_member_details(form) -> None:
    # Field names are part of the public contract; labels may be translated.
    for field, value in MEMBER.items():
        form.locator(f"[name={field}]").fill(value)


def assert_letter(filename: str, content: bytes, *, recipient: str = "Claire Dubois") -> str:
    assert filename.endswith("-fr.docx"), filename
    text = docx_text(content)
    assert MEMBER["name"] in text
    assert f"{MEMBER['club']}" in text
    assert recipient in text
    return text


def test_member_journey_with_javascript(demo, page, url, shot, download):
    page.goto(url("/action-kit/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Post CSW Advocacy Action Kit")
    form = letter_form(page)
    # With JavaScript the separate "Show decision makers" step is not needed, so it is hidden.
    expect(page.locator("form[data-sa-country-step]")).to_be_hidden()
    expect(form.get_by_text("Choose your country to see who to write to.")).to_be_visible()
    shot(page, "action kit page")

    # Choosing the country updates the list of decision makers in place (fetch), no reload.
    page.evaluate("window.saSamePage = true")
    form.get_by_label("Your country").select_option("FR")
    claire = form.get_by_role("checkbox", name=re.compile(r"^Claire Dubois, "))
    expect(claire).to_be_checked()
    # The report link follows the country; the e-mail to her comes with the letter (letter/text/).
    expect(page.get_by_role("link", name="Report your action and any response received.")).to_have_attribute(
        "href", re.compile(r"\?country=FR$")
    )
    assert page.evaluate("window.saSamePage") is True, "choosing a country reloaded the page"
    shot(page, "france chosen decision maker ticked")

    fill_member_details(form)
    shot(page, "letter form filled")
    filename, content = download(page, lambda: form.get_by_role("button", name="Download my letter (.docx)").click())
    assert_letter(filename, content)
    shot(page, "letter downloaded")

    page.get_by_role("link", name="Report your action and any response received.").click()
    expect(page).to_have_url(re.compile(r"/action-kit/report/\?country=FR$"))
    report = page.locator("form.sa-report-form")
    expect(report.get_by_label("Your country")).to_have_value("FR")
    shot(page, "report form")

    today = timezone.localdate().isoformat()
    report.get_by_label("Your club").fill(MEMBER["club"])
    report.get_by_label("Your name (optional)").fill(MEMBER["name"])
    report.get_by_role("radio", name="Letter emailed").check()
    report.get_by_label("When?").fill(today)
    decision_makers = report.get_by_label("Decision maker you contacted (optional)")
    decision_makers.select_option(decision_makers.locator("option", has_text="Claire Dubois").get_attribute("value"))
    expect(report.get_by_role("radio", name="No reply yet")).to_be_checked()
    report.get_by_role("checkbox", name=re.compile(r"^I agree that this report is kept")).check()
    shot(page, "report form filled")
    report.get_by_role("button", name="Send my report").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your report")
    private_link = page.get_by_role("textbox", name="Private link").input_value()
    assert re.fullmatch(re.escape(url("/action-kit/report/")) + r"[\w-]{20,}/", private_link), private_link
    shot(page, "thank you page with private link")

    page.get_by_role("link", name="Open my private page").click()
    expect(page).to_have_url(private_link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your report")
    # The private page never shows what she wrote before (it may be open on a shared screen).
    expect(page.locator("main")).not_to_contain_text(MEMBER["name"])
    shot(page, "private page")

    page.get_by_role("radio", name="Acknowledgement only").check()
    page.get_by_label("Date of the response").fill(today)
    page.get_by_label("What did the response say? (optional)").fill(
        "The minister's office thanked us and asked for our recommendations."
    )
    shot(page, "response filled")
    page.get_by_role("button", name="Save the response").click()
    expect(page.get_by_role("status").filter(has_text="Thank you: the response is saved.")).to_be_visible()
    shot(page, "response saved")

    saved = ActionReport.objects.get()
    assert (saved.country, saved.club, saved.name) == ("FR", MEMBER["club"], MEMBER["name"])
    assert saved.decision_maker.title == "Claire Dubois"
    assert saved.response_status == "acknowledgement"
    assert saved.response_summary.startswith("The minister's office thanked us")


# Delays the answer for every country but France, and counts answers the page has read
# (a task queued after the body is read runs after the page's own handler of that body).
SLOW_NETWORK = """
(() => {
  const fetch = window.fetch;
  window.saRequests = 0;
  window.fetch = (url, options) => (window.saRequests += 1, new Promise(resolve =>
    setTimeout(resolve, String(url).includes("country=FR") ? 0 : 400)).then(() => fetch(url, options)));
  window.saAnswersRead = 0;
  const text = Response.prototype.text;
  Response.prototype.text = function () {
    const body = text.call(this);
    body.then(() => setTimeout(() => { window.saAnswersRead += 1; }, 0));
    return body;
  };
})();
"""


def test_late_answer_for_an_earlier_country_does_not_replace_the_list(demo, page, url, shot):
    """Arrow keys walk the country list; an answer that arrives late must not win."""
    page.add_init_script(SLOW_NETWORK)
    page.goto(url("/action-kit/"))
    country = letter_form(page).get_by_label("Your country")
    country.select_option("FI")
    page.wait_for_function("() => window.saRequests >= 1")  # asked once Finland settled (a function: CSP)
    country.select_option("FR")
    page.wait_for_function("() => window.saAnswersRead >= 2")  # a function: a string is eval(), which the CSP refuses
    expect(letter_form(page).get_by_role("checkbox", name=re.compile(r"^Claire Dubois, "))).to_be_checked()
    expect(page.get_by_role("link", name="Report your action and any response received.")).to_have_attribute(
        "href", "/action-kit/report/?country=FR"
    )
    shot(page, "france still shown after finland answered late")


def test_member_journey_without_javascript(demo, no_js_context, url, shot, download):
    page = no_js_context.new_page()
    page.goto(url("/action-kit/"))
    step = page.locator("form[data-sa-country-step]")
    expect(step).to_be_visible()
    shot(page, "action kit page without javascript")

    # The no-JS step: a GET carrying only the country, back to the form.
    step.get_by_label("Your country").select_option("FR")
    step.get_by_role("button", name="Show decision makers").click()
    expect(page).to_have_url(re.compile(r"/action-kit/\?country=FR#sa-letter$"))
    form = letter_form(page)
    # One country menu: the letter form carries the country of the decision makers it shows.
    expect(form.locator("input[type=hidden][name=country]")).to_have_value("FR")
    expect(form.get_by_text("Your country: France (change it above).")).to_be_visible()
    expect(form.get_by_role("checkbox", name=re.compile(r"^Claire Dubois, "))).to_be_checked()
    expect(page.get_by_role("link", name="Report your action and any response received.")).to_have_attribute(
        "href", "/action-kit/report/?country=FR"
    )
    shot(page, "decision makers of france shown")

    fill_member_details(form)
    shot(page, "letter form filled")
    filename, content = download(page, lambda: form.get_by_role("button", name="Download my letter (.docx)").click())
    assert_letter(filename, content)
    shot(page, "letter downloaded")


def test_french_page(demo, page, url, shot, download):
    page.goto(url("/fr/action-kit/"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kit d'action de plaidoyer après la CSW")
    expect(page.get_by_role("heading", name="Écrivez à votre décideur")).to_be_visible()
    form = letter_form(page)
    expect(form).to_have_attribute("action", "/fr/action-kit/letter/#sa-letter")
    expect(form.locator("select[name=language]")).to_have_value("fr")
    if FRENCH_CATALOG.exists():
        # The app's own labels, as its French catalogue translates them.
        with translation.override("fr"):
            expect(form.locator("button[type=submit]").first).to_have_text(
                translation.gettext("Download my letter") + " (.docx)"
            )
            expect(form.locator("label[for=id_name]")).to_contain_text(translation.gettext("Your name"))
    shot(page, "french action kit page")

    form.locator("select[name=country]").select_option("FR")
    expect(form.get_by_role("checkbox", name=re.compile(r"^Claire Dubois, "))).to_be_checked()
    fill_member_details(form)
    shot(page, "french letter form filled")
    filename, content = download(page, lambda: form.locator("button[type=submit]").first.click())
    text = assert_letter(filename, content)
    assert FRENCH_DATE.search(text), f"no French date in the letter:\n{text}"
    assert "Je vous écris en tant que membre du SI Paris Club" in text
    shot(page, "french letter downloaded")


def test_letter_form_with_keyboard_alone(demo, page, url, shot, download):
    """Tab, Space, Enter and the arrow keys (and typing) are enough to get a letter."""
    page.goto(url("/action-kit/"))
    focused = "document.activeElement"

    def tab_to(condition: str, limit: int = 80) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"(el => {condition})({focused})"):
                return
        raise AssertionError(f"Tab never reached the element where {condition}")

    tab_to("el.id === 'id_name'")
    page.keyboard.type(MEMBER["name"])
    tab_to("el.id === 'id_club'", limit=1)
    page.keyboard.type(MEMBER["club"])
    tab_to("el.id === 'id_town'", limit=1)
    page.keyboard.type(MEMBER["town"])
    tab_to("el.id === 'id_country'", limit=2)  # past the optional email
    shot(page, "keyboard details typed")

    # Arrow keys walk the closed list; once the choice settles, that country's decision makers come.
    steps = page.evaluate("[...document.querySelectorAll('#id_country option')].findIndex(o => o.value === 'FR')")
    for _ in range(steps):
        page.keyboard.press("ArrowDown")
    expect(page.locator("#id_country")).to_have_value("FR")
    claire = letter_form(page).get_by_role("checkbox", name=re.compile(r"^Claire Dubois, "))
    expect(claire).to_be_checked()

    tab_to("el.name === 'decision_maker'", limit=3)
    page.keyboard.press("Space")
    expect(claire).not_to_be_checked()
    page.keyboard.press("Space")
    expect(claire).to_be_checked()
    tab_to("el.type === 'submit' && el.closest('[data-sa-letter-form]') !== null", limit=4)
    shot(page, "keyboard focus on download button")

    filename, content = download(page, lambda: page.keyboard.press("Enter"))
    assert_letter(filename, content)
    shot(page, "keyboard letter downloaded")
