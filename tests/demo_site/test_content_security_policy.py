"""The example site's Content-Security-Policy (django-csp 4): strict on public pages, on pages the
page cache serves as much as on rendered ones, and left to Wagtail under /admin/. The browser test
(tests/browser/test_content_security_policy.py) shows the pages break none of it."""

import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}


def directives(response) -> dict[str, str]:
    header = response.headers.get("Content-Security-Policy", "")
    pairs = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in pairs}


def test_a_campaign_page_has_the_strict_policy_rendered_and_from_the_page_cache():
    factories.make_action_kit()
    client = Client()
    first = client.get("/action-kit/")
    again = client.get("/action-kit/")  # the page cache's copy
    for response in (first, again):
        assert response.status_code == 200
        policy = directives(response)
        assert {name: policy.get(name) for name in STRICT} == STRICT
        assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
        assert "nonce-" not in response.headers["Content-Security-Policy"]
    assert first.content == again.content


def test_the_page_has_no_inline_script_style_or_handler():
    factories.make_action_kit()
    html = Client().get("/action-kit/").content.decode()
    assert "<style" not in html
    assert " style=" not in html
    assert " onclick=" not in html and " onload=" not in html and "javascript:" not in html
    for script in html.split("<script")[1:]:
        tag = script.split(">", 1)[0]
        assert " src=" in tag or 'type="application/ld+json"' in tag, f"an inline script: <script{tag}>"


def test_the_admin_is_left_to_wagtail():
    response = Client().get("/admin/login/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response.headers
