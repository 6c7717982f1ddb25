"""A member reports her action: the form, every bad input, spam, floods and closed campaigns."""

from __future__ import annotations

import hashlib
import logging

import pytest
from django.core import mail
from django.test import Client

from soroptimist_advocacy.models import ActionReport
from soroptimist_advocacy.models.privacy_text import privacy_text_version
from soroptimist_advocacy.reports import submission as report_submission
from tests import factories
from tests.reports.helpers import days_ago, form_tokens, post_report, report_url


@pytest.fixture
def member(csrf_client) -> Client:
    return csrf_client


def test_form_is_private_and_carries_a_csrf_token(member, action_kit):
    response = member.get(report_url(action_kit))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert "How we use your report" in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    for name in (
        "country",
        "club",
        "name",
        "email",
        "action_type",
        "action_date",
        "decision_maker",
        "notes",
        "response_status",
        "response_date",
        "response_summary",
        "consent",
        "email_consent",
        "website_url",
    ):
        assert f'name="{name}"' in html


def test_form_lists_the_directory_decision_makers_grouped_by_country(member, action_kit):
    html = member.get(report_url(action_kit)).content.decode()
    assert '<optgroup label="France">' in html and "Claire Dubois, Minister for Equality" in html
    assert '<optgroup label="Kenya">' in html


def test_country_query_presets_the_country(member, action_kit):
    html = member.get(report_url(action_kit), {"country": "ke"}).content.decode()
    assert '<option value="KE" selected>' in html


def test_after_the_country_step_only_that_countrys_decision_makers_are_offered(member, action_kit, grace):
    html = member.get(report_url(action_kit), {"country": "KE"}).content.decode()
    decision_makers = html[html.index('name="decision_maker"') :]
    decision_makers = decision_makers[: decision_makers.index("</select>")]
    assert '<optgroup label="Kenya">' in decision_makers and "Grace Wanjiru" in decision_makers
    assert "France" not in decision_makers and "Claire Dubois" not in decision_makers


def test_the_country_step_works_without_javascript(member, action_kit):
    html = member.get(report_url(action_kit)).content.decode()
    step = html[html.index('class="sa-country-step"') :]
    step = step[: step.index("</form>")]
    assert 'method="get"' in step and 'name="country"' in step and "Show decision makers" in step
    assert "report-form.js" in html  # with JavaScript the list follows the form's own country in place


def test_post_without_csrf_token_is_refused(member, action_kit):
    response = member.post(report_url(action_kit), {"country": "FR"})
    assert response.status_code == 403
    assert not ActionReport.objects.exists()


def test_valid_report_is_saved_with_campaign_consent_and_a_hashed_token(
    member, action_kit, claire, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_report(member, action_kit, decision_maker=str(claire.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thank you for your report" in html
    assert "no-store" in response["Cache-Control"]

    report = ActionReport.objects.get()
    assert report.campaign_id == action_kit.pk
    assert report.campaign_key == action_kit.translation_key
    assert report.campaign_title == "Post CSW Advocacy Action Kit"
    assert report.language == "en"
    assert (report.country.code, report.club, report.name) == ("FR", "SI Paris Est", "Marie Martin")
    assert report.decision_maker_id == claire.pk and report.decision_maker_name == "Claire Dubois"
    assert report.decision_maker_key == claire.translation_key
    assert report.consent and report.email_consent
    assert report.privacy_text_version.startswith("sha256:") and len(report.privacy_text_version) == 71

    # The thank-you page shows the private link; the database holds only its SHA-256.
    link = html.split('id="sa-report-link" class="sa-report-link" type="url" value="')[1].split('"')[0]
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert len(token) == 64 and token not in str(ActionReport.objects.values().get())
    assert report.token_hash == hashlib.sha256(token.encode()).hexdigest()

    # She agreed to email, so the same link went to her after commit.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["marie@example.org"]
    assert token in message.body and "Post CSW Advocacy Action Kit" in message.subject


def test_no_email_without_email_consent(member, action_kit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_report(member, action_kit, email_consent=None)
    assert response.status_code == 200
    assert ActionReport.objects.get().email_consent is False
    assert mail.outbox == []


def test_report_with_response_already_known(member, action_kit):
    response = post_report(
        member,
        action_kit,
        response_status="positive",
        response_date=days_ago(1).isoformat(),
        response_summary="She will raise it.",
    )
    assert response.status_code == 200
    report = ActionReport.objects.get()
    assert report.response_status == "positive" and report.response_summary == "She will raise it."


def test_privacy_text_set_by_the_editor_is_shown_and_versioned(member, directory):
    page = factories.make_action_kit(directory=directory, privacy_text="<p>Our federation keeps reports 2 years.</p>")
    html = member.get(report_url(page)).content.decode()
    assert "Our federation keeps reports 2 years." in html
    post_report(member, page)
    assert ActionReport.objects.get().privacy_text_version == privacy_text_version(page.privacy_text)


def errors_of(response) -> str:
    assert response.status_code == 400
    return response.content.decode()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"action_date": days_ago(-2).isoformat()}, "The date of your action cannot be in the future."),
        (
            {"response_status": "negative", "response_date": days_ago(-2).isoformat()},
            "The date of the response cannot be in the future.",
        ),
        (
            {
                "response_status": "positive",
                "action_date": days_ago(3).isoformat(),
                "response_date": days_ago(10).isoformat(),
            },
            "The response cannot come before your action",
        ),
        ({"response_status": "no_reply", "response_summary": "They said yes"}, "You said there is no reply yet"),
        ({"club": "x" * 201}, "Ensure this value has at most 200 characters"),
        ({"notes": "x" * 2001}, "Ensure this value has at most 2000 characters"),
        ({"name": "Marie\x07Martin"}, "invisible control characters"),
        ({"club": "SI\x1bParis"}, "invisible control characters"),
        ({"consent": None}, "Please agree to the privacy text"),
        ({"email": "", "email_consent": "on"}, "Give your email to receive the link"),
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"country": "ZZ"}, "Choose your country from the list."),
        ({"action_type": "carrier_pigeon"}, "Select a valid choice."),
        ({"action_date": "31/02/2026"}, "Enter a valid date."),
        ({"decision_maker": "999999"}, "Choose a decision maker from the list."),
        ({"club": ""}, "This field is required."),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(member, action_kit, overrides, message):
    html = errors_of(post_report(member, action_kit, **overrides))
    assert message in html
    assert "Please correct the following" in html
    assert not ActionReport.objects.exists()


def test_decision_maker_of_another_country_is_refused(member, action_kit, grace):
    html = errors_of(post_report(member, action_kit, country="FR", decision_maker=str(grace.pk)))
    assert "Grace Wanjiru is a decision maker of Kenya, not of France." in html
    assert not ActionReport.objects.exists()


def test_decision_maker_outside_the_campaign_directory_is_refused(member, action_kit):
    other_directory = factories.make_directory(slug="other-directory", title="Another directory")
    stranger = factories.make_decision_maker(other_directory, "FR", "Someone Else")
    html = errors_of(post_report(member, action_kit, decision_maker=str(stranger.pk)))
    assert "Choose a decision maker from the list." in html


def test_invalid_report_echoes_only_her_own_values_escaped(member, action_kit):
    html = errors_of(post_report(member, action_kit, club="<script>alert(1)</script>", consent=None))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_privacy_text_changed_since_she_opened_the_form(member, action_kit):
    html = errors_of(post_report(member, action_kit, privacy_version="sha256:old"))
    assert "The privacy text changed while you were filling in the form." in html
    assert not ActionReport.objects.exists()


def test_honeypot_pretends_success_and_saves_nothing(member, action_kit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_report(member, action_kit, website_url="http://spam.example")
    assert response.status_code == 200
    assert "Thank you for your report" in response.content.decode()
    assert not ActionReport.objects.exists()
    assert mail.outbox == []


def test_rate_limit_answers_429_with_a_friendly_page(member, action_kit, settings):
    settings.SOROPTIMIST_ADVOCACY = {**settings.SOROPTIMIST_ADVOCACY, "REPORT_RATE_LIMIT": 2, "REPORT_RATE_WINDOW": 600}
    assert post_report(member, action_kit).status_code == 200
    assert post_report(member, action_kit).status_code == 200
    response = post_report(member, action_kit)
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    html = response.content.decode()
    assert "Please try again in 10 minutes." in html
    assert ActionReport.objects.count() == 2
    # Reading the form is never limited.
    assert member.get(report_url(action_kit)).status_code == 200


def test_closed_campaign_shows_a_message_instead_of_the_form(member, directory):
    page = factories.make_action_kit(directory=directory, closes_on=days_ago(1))
    response = member.get(report_url(page))
    html = response.content.decode()
    assert response.status_code == 200
    assert "This campaign has ended." in html
    assert 'name="club"' not in html


def test_closed_campaign_refuses_a_post(member, directory):
    page = factories.make_action_kit(directory=directory, opens_on=days_ago(0))
    tokens = form_tokens(member, page)  # She opened the form while the campaign was open...
    page.closes_on = days_ago(1)
    page.save_revision().publish()
    response = post_report(member, page, tokens=tokens)  # ...and sent it after it closed.
    assert response.status_code == 403
    assert not ActionReport.objects.exists()


def test_upcoming_campaign_has_no_form_yet(member, directory):
    page = factories.make_action_kit(directory=directory, opens_on=days_ago(-3))
    html = member.get(report_url(page)).content.decode()
    assert "This campaign opens on" in html
    assert 'name="club"' not in html


def test_a_failing_mail_server_never_loses_the_report(
    member, action_kit, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("soroptimist_advocacy.reports.emails.send_mail", broken)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = post_report(member, action_kit)
    assert response.status_code == 200
    assert ActionReport.objects.count() == 1
    assert "Could not send the report_link email of action report" in caplog.text
    assert "marie@example.org" not in caplog.text


def test_a_failing_save_leaves_no_half_report(member, action_kit, monkeypatch):
    """An error while saving rolls back the whole report, and no email is scheduled."""

    def exploding_enqueue(report_id):
        raise AssertionError("must not run: the transaction never committed")

    monkeypatch.setattr(report_submission, "enqueue_private_link_email", exploding_enqueue)
    original_save = ActionReport.save

    def save_then_fail(self, *args, **kwargs):
        original_save(self, *args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(ActionReport, "save", save_then_fail)
    member.raise_request_exception = False
    response = post_report(member, action_kit)
    assert response.status_code == 500
    monkeypatch.setattr(ActionReport, "save", original_save)
    assert not ActionReport.objects.exists()
