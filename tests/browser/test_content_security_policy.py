"""Chromium enforces the example site's Content-Security-Policy and reports no violation on the
pages members use (campaign, letter form after a refused POST, report form, directory, coverage
map), in English and in Arabic: every script and style the pages need comes from a file.

Violations are collected twice: the page's own ``securitypolicyviolation`` events (a listener
added before any of the page's scripts, through Playwright's init script, which no CSP blocks)
and Chromium's console messages about a refused resource."""

from __future__ import annotations

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="needs the 'playwright' Python package").expect

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def watched_page(context):
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.sa_console = []
    page.on(
        "console",
        lambda message: page.sa_console.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return page


def violations(page) -> list[str]:
    page.wait_for_load_state("load")
    return page.evaluate("window.__cspViolations") + page.sa_console


def open_campaign(page, url, prefix):
    page.goto(url(f"{prefix}/action-kit/?country=FR"))
    expect(page.locator("form[data-sa-letter-form]")).to_be_visible()


def open_letter_with_errors(page, url, prefix):
    page.goto(url(f"{prefix}/action-kit/?country=FR"))
    form = page.locator("form[data-sa-letter-form]")
    with page.expect_navigation():
        form.locator('button[type="submit"]').first.click()
    expect(page.locator("#sa-letter-errors")).to_be_visible()


def open_report(page, url, prefix):
    page.goto(url(f"{prefix}/action-kit/report/?country=FR"))
    expect(page.locator("form.sa-report-form")).to_be_visible()


def open_directory(page, url, prefix):
    page.goto(url(f"{prefix}/decision-makers/?country=FR"))
    expect(page.locator("main")).to_be_visible()


def open_coverage(page, url, prefix):
    page.goto(url(f"{prefix}/decision-makers/coverage/"))
    expect(page.locator('svg.sa-map[role="img"]')).to_be_visible()


PAGES = {
    "campaign": open_campaign,
    "letter": open_letter_with_errors,
    "report": open_report,
    "directory": open_directory,
    "coverage": open_coverage,
}


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("name", PAGES)
def test_no_csp_violation(name, language, demo, watched_page, url, shot):
    response = watched_page.goto(url("/healthz/"))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    PAGES[name](watched_page, url, "" if language == "en" else f"/{language}")
    shot(watched_page, f"{name}-{language}")
    assert violations(watched_page) == []


def test_an_inline_script_is_reported(demo, watched_page, url):
    """Guards the test above against passing vacuously: the same watch sees an inline script refused."""
    watched_page.goto(url("/action-kit/"))
    watched_page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.append(s); }"
    )
    watched_page.wait_for_function("() => window.__cspViolations.length > 0")
    assert watched_page.evaluate("window.ran") is None
    assert any("script-src" in violation for violation in violations(watched_page))
