"""axe-core (from npm, injected into the page) finds no serious or critical violations on the
pages members use: the campaign (with its world map), the directory, the letter form showing its
errors, the report form, the directory's coverage map, and the Arabic (right to left), Chinese and
Russian campaigns."""

from __future__ import annotations

import pytest

# Skips this module, with the reason, where the Python package is not installed.
expect = pytest.importorskip("playwright.sync_api", reason="needs the 'playwright' Python package").expect

BLOCKING = {"serious", "critical"}


@pytest.fixture
def page(audit_context):
    """axe-core goes in as an inline script, which the site's CSP refuses: these pages bypass it."""
    return audit_context.new_page()


def axe_violations(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [violation for violation in results["violations"] if violation["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} - {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node.get('failureSummary', '').strip()}")
            lines.append(f"        {node['html'][:200]}")
    return "\n".join(lines)


def open_action_kit(page, url):
    page.goto(url("/action-kit/"))
    expect(page.locator("form[data-sa-letter-form]")).to_be_visible()


def open_directory(page, url):
    page.goto(url("/decision-makers/?country=FR"))
    expect(page.get_by_text("Claire Dubois").first).to_be_visible()


def open_letter_form_with_errors(page, url):
    page.goto(url("/action-kit/?country=FR"))
    form = page.locator("form[data-sa-letter-form]")
    with page.expect_navigation():
        form.get_by_role("button", name="Download my letter (.docx)").click()
    expect(page.locator("#sa-letter-errors")).to_be_visible()
    expect(form.locator(".sa-field-error").first).to_be_visible()


def open_report_form(page, url):
    page.goto(url("/action-kit/report/?country=FR"))
    expect(page.locator("form.sa-report-form")).to_be_visible()


def open_arabic_action_kit(page, url):
    page.goto(url("/ar/action-kit/"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("form[data-sa-letter-form]")).to_be_visible()


def open_coverage_map(page, url):
    page.goto(url("/decision-makers/coverage/"))
    expect(page.locator('svg.sa-map[role="img"]')).to_be_visible()


def opener(language: str, direction: str):
    def open_campaign(page, url):
        page.goto(url(f"/{language}/action-kit/?country=JO"))
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("html")).to_have_attribute("dir", direction)
        expect(page.locator("form[data-sa-letter-form]")).to_be_visible()

    return open_campaign


PAGES = {
    "action-kit": open_action_kit,
    "chinese": opener("zh-hans", "ltr"),
    "russian": opener("ru", "ltr"),
    "directory-fr": open_directory,
    "letter-form-errors": open_letter_form_with_errors,
    "report-form": open_report_form,
    "arabic-rtl": open_arabic_action_kit,
    "coverage-map": open_coverage_map,
}


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations(name, demo, page, url, shot, axe_source):
    PAGES[name](page, url)
    shot(page, name)
    violations = axe_violations(page, axe_source)
    assert not violations, f"axe-core on {page.url}:\n{describe(violations)}"


def test_axe_finds_a_known_violation(page, axe_source):
    """Guards the check above against passing vacuously (axe not injected or not running)."""
    page.set_content('<!DOCTYPE html><html lang="en"><title>t</title><main><img src="data:,"></main></html>')
    assert "image-alt" in {violation["id"] for violation in axe_violations(page, axe_source)}


@pytest.mark.parametrize("language", ["ar", "zh-hans", "ru"])
@pytest.mark.parametrize("width, height", [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_campaign_screenshots_in_each_script(language, width, height, demo, page, url, shot):
    """Screenshots (git-ignored screenshots/) of the campaign in Arabic, Chinese and Russian, to look at."""
    page.set_viewport_size({"width": width, "height": height})
    opener(language, "rtl" if language == "ar" else "ltr")(page, url)
    # The page names installed fonts for its script: the heading is set in one of them.
    family = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    expected = {"ar": "Noto Naskh Arabic", "zh-hans": "Noto Sans CJK SC", "ru": "Noto Sans"}[language]
    assert expected in family, family
    shot(page, f"{language}-campaign-{'phone' if width < 600 else 'desktop'}")
