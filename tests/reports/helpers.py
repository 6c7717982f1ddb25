"""Helpers of the report tests: addresses, form data, posting as a browser does, staff users."""

from __future__ import annotations

import datetime
import re

from django.contrib.auth.models import Group, Permission
from django.utils import timezone


def report_url(page) -> str:
    return page.url + page.reverse_subpage("report_route")


def token_url(page, token: str) -> str:
    return page.url + page.reverse_subpage("report_token_route", args=[token])


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def hidden_value(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert match, f"no hidden {name} in the page"
    return match.group(1)


def report_data(**overrides) -> dict:
    data = {
        "country": "FR",
        "club": "SI Paris Est",
        "name": "Marie Martin",
        "email": "marie@example.org",
        "action_type": "letter_posted",
        "action_date": days_ago(5).isoformat(),
        "decision_maker": "",
        "notes": "Posted with the club's letterhead.",
        "response_status": "no_reply",
        "response_date": "",
        "response_summary": "",
        "consent": "on",
        "email_consent": "on",
        "website_url": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def form_tokens(client, page) -> dict:
    """The hidden values a browser sends back: the CSRF token and the privacy text version."""
    html = client.get(report_url(page)).content.decode()
    return {
        "csrfmiddlewaretoken": hidden_value(html, "csrfmiddlewaretoken"),
        "privacy_version": hidden_value(html, "privacy_version"),
    }


def post_report(client, page, tokens=None, **overrides):
    """GET the form as a browser does (unless *tokens* are given), then POST it."""
    data = report_data(**(tokens or form_tokens(client, page)))
    data.update(overrides)
    return client.post(report_url(page), {key: value for key, value in data.items() if value is not None})


def staff_user(django_user_model, username: str, *codenames: str):
    """An admin user whose group grants access to the admin and *codenames* on action reports."""
    user = django_user_model.objects.create_user(username=username, password="pw", email=f"{username}@example.org")
    group = Group.objects.create(name=f"group of {username}")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(content_type__app_label="soroptimist_advocacy", codename=codename))
    user.groups.add(group)
    return user
