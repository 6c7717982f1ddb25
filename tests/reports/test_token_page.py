"""Her private page: add the response later, delete her report, and nothing leaks."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from soroptimist_advocacy.models import ActionReport
from tests import factories
from tests.reports.helpers import days_ago, post_report, token_url


@pytest.fixture
def report_and_token(action_kit, make_report):
    return make_report(
        action_kit,
        name="Marie Martin",
        email="marie@example.org",
        notes="My private note",
        club="SI Paris Est",
        response_summary="",
    )


def csrf_from(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def open_private_page(client, page, token):
    response = client.get(token_url(page, token))
    assert response.status_code == 200
    return response, csrf_from(response.content.decode())


def test_private_page_sends_no_referrer_and_is_never_cached(csrf_client, action_kit, report_and_token):
    _report, token = report_and_token
    response, _csrf = open_private_page(csrf_client, action_kit, token)
    # The token never leaves the site in a Referer; "no-referrer" would make browsers send
    # "Origin: null" with the page's own forms, which Django's CSRF check refuses.
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_private_page_echoes_no_personal_data(csrf_client, action_kit, report_and_token):
    report, token = report_and_token
    report.response_summary = "The minister's office promised a meeting"
    report.response_status = "positive"
    report.save()
    html = open_private_page(csrf_client, action_kit, token)[0].content.decode()
    for personal in ("Marie Martin", "marie@example.org", "My private note", "promised a meeting", "SI Paris Est"):
        assert personal not in html
    assert "A summary is already saved" in html


def test_adding_the_response_later(csrf_client, action_kit, report_and_token):
    report, token = report_and_token
    _response, csrf = open_private_page(csrf_client, action_kit, token)
    response = csrf_client.post(
        token_url(action_kit, token),
        {
            "csrfmiddlewaretoken": csrf,
            "intent": "response",
            "response_status": "acknowledgement",
            "response_date": days_ago(1).isoformat(),
            "response_summary": "A letter of thanks",
        },
    )
    assert response.status_code == 200
    # The token never leaves the site in a Referer; "no-referrer" would make browsers send
    # "Origin: null" with the page's own forms, which Django's CSRF check refuses.
    assert response["Referrer-Policy"] == "same-origin"
    html = response.content.decode()
    assert "the response is saved" in html
    assert "A letter of thanks" not in html
    report.refresh_from_db()
    assert (report.response_status, report.response_date, report.response_summary) == (
        "acknowledgement",
        days_ago(1),
        "A letter of thanks",
    )


def test_an_empty_summary_keeps_the_saved_one(csrf_client, action_kit, report_and_token):
    report, token = report_and_token
    report.response_status, report.response_summary = "acknowledgement", "Thanks for writing"
    report.save()
    _response, csrf = open_private_page(csrf_client, action_kit, token)
    csrf_client.post(
        token_url(action_kit, token),
        {"csrfmiddlewaretoken": csrf, "intent": "response", "response_status": "positive", "response_summary": ""},
    )
    report.refresh_from_db()
    assert (report.response_status, report.response_summary) == ("positive", "Thanks for writing")


@pytest.mark.parametrize(
    "data, message",
    [
        (
            {"response_status": "positive", "response_date": days_ago(30).isoformat()},
            "The response cannot come before your action",
        ),
        (
            {"response_status": "positive", "response_date": days_ago(-3).isoformat()},
            "The date of the response cannot be in the future.",
        ),
        ({"response_status": "no_reply", "response_summary": "They said no"}, "You said there is no reply yet"),
        ({"response_status": "positive", "response_summary": "x" * 2001}, "at most 2000 characters"),
        ({"response_status": "positive", "response_summary": "bad\x00byte"}, "Null characters are not allowed."),
        ({"response_status": "maybe"}, "Select a valid choice."),
    ],
)
def test_bad_response_is_explained_and_nothing_changes(csrf_client, action_kit, report_and_token, data, message):
    report, token = report_and_token
    _response, csrf = open_private_page(csrf_client, action_kit, token)
    data = {"csrfmiddlewaretoken": csrf, "intent": "response", **data}
    response = csrf_client.post(token_url(action_kit, token), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    report.refresh_from_db()
    assert (report.response_status, report.response_summary) == ("no_reply", "")


@pytest.mark.parametrize("token", ["0" * 64, "not-a-token", "A" * 64, "0" * 63])
def test_unknown_or_malformed_token_is_404(client, action_kit, report_and_token, token):
    assert client.get(token_url(action_kit, token)).status_code == 404


def test_token_of_another_campaign_is_404(client, action_kit, directory, make_report):
    other = factories.make_action_kit(directory=directory, slug="other-campaign", title="Other campaign")
    _report, token = make_report(other)
    assert client.get(token_url(other, token)).status_code == 200
    assert client.get(token_url(action_kit, token)).status_code == 404


def test_post_without_csrf_token_is_refused(csrf_client, action_kit, report_and_token):
    report, token = report_and_token
    response = csrf_client.post(token_url(action_kit, token), {"intent": "delete", "confirm": "on"})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.has_personal_data


def test_delete_needs_confirmation(csrf_client, action_kit, report_and_token):
    report, token = report_and_token
    _response, csrf = open_private_page(csrf_client, action_kit, token)
    response = csrf_client.post(token_url(action_kit, token), {"csrfmiddlewaretoken": csrf, "intent": "delete"})
    assert response.status_code == 400
    assert "Tick the box to confirm" in response.content.decode()
    report.refresh_from_db()
    assert report.name == "Marie Martin"


def test_delete_my_report_erases_personal_data_and_revokes_the_link(csrf_client, action_kit, report_and_token):
    report, token = report_and_token
    _response, csrf = open_private_page(csrf_client, action_kit, token)
    response = csrf_client.post(
        token_url(action_kit, token), {"csrfmiddlewaretoken": csrf, "intent": "delete", "confirm": "on"}
    )
    assert response.status_code == 200
    # The token never leaves the site in a Referer; "no-referrer" would make browsers send
    # "Origin: null" with the page's own forms, which Django's CSRF check refuses.
    assert response["Referrer-Policy"] == "same-origin"
    assert "Your report is deleted" in response.content.decode()

    report.refresh_from_db()
    assert (report.name, report.email, report.notes, report.response_summary) == ("", "", "", "")
    assert report.token_hash is None and not report.email_consent
    assert report.personal_data_purged_at is not None
    # The anonymous facts stay in the campaign's figures.
    assert (report.country.code, report.action_type) == ("FR", "letter_posted")
    assert report.campaign_key == action_kit.translation_key
    # The link is revoked: 404 from now on.
    assert csrf_client.get(token_url(action_kit, token)).status_code == 404


def test_emailed_link_opens_the_private_page(csrf_client, action_kit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_report(csrf_client, action_kit)
    link = re.search(r"http://\S+/report/[0-9a-f]{64}/", mail.outbox[0].body).group(0)
    path = link.split("localhost", 1)[1]
    assert csrf_client.get(path).status_code == 200


def test_the_private_page_works_after_the_campaign_closes(client, directory, make_report):
    page = factories.make_action_kit(directory=directory)
    _report, token = make_report(page)
    page.closes_on = days_ago(1)
    page.save_revision().publish()
    assert client.get(token_url(page, token)).status_code == 200


def test_token_page_rate_limit(csrf_client, action_kit, report_and_token, settings):
    settings.SOROPTIMIST_ADVOCACY = {**settings.SOROPTIMIST_ADVOCACY, "REPORT_RATE_LIMIT": 1}
    report, token = report_and_token
    _response, csrf = open_private_page(csrf_client, action_kit, token)
    data = {"csrfmiddlewaretoken": csrf, "intent": "response", "response_status": "negative"}
    assert csrf_client.post(token_url(action_kit, token), data).status_code == 200
    response = csrf_client.post(token_url(action_kit, token), data)
    assert response.status_code == 429
    # The token never leaves the site in a Referer; "no-referrer" would make browsers send
    # "Origin: null" with the page's own forms, which Django's CSRF check refuses.
    assert response["Referrer-Policy"] == "same-origin"
    assert ActionReport.objects.get().response_status == "negative"
