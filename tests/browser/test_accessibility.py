"""axe-core (from npm, injected into the page) finds no serious or critical violations on the
pages members use: the campaign, the directory, the letter form showing its errors, the
report form, and the right-to-left Arabic campaign."""

from __future__ import annotations

import pytest

# Skips this module, with the reason, where the Python package is not installed.
expect = pytest.importorskip("playwright.sync_api", reason="needs the 'playwright' Python package").expect

BLOCKING = {"serious", "critical"}


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


PAGES = {
    "action-kit": open_action_kit,
    "directory-fr": open_directory,
    "letter-form-errors": open_letter_form_with_errors,
    "report-form": open_report_form,
    "arabic-rtl": open_arabic_action_kit,
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
