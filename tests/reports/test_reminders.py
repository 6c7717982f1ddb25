"""One "Did you get a response?" reminder per report, at the right time, never twice."""

from __future__ import annotations

import datetime
import io
import logging

import pytest
from django.core import mail
from django.core.management import call_command
from freezegun import freeze_time

from soroptimist_advocacy.models import ActionReport
from soroptimist_advocacy.reports import reminders
from soroptimist_advocacy.reports.reminders import claim_reminder, send_due_reminders
from soroptimist_advocacy.reports.tasks import send_response_reminders_task
from soroptimist_advocacy.web import batches
from tests.reports.helpers import token_url

REPORTED = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)


def at(days: float):
    return freeze_time(REPORTED + datetime.timedelta(days=days))


@pytest.fixture
def reported(action_kit, make_report):
    """A report made on REPORTED by a member who asked for emails."""
    with at(0):
        report, token = make_report(action_kit, action_date=datetime.date(2026, 2, 27))
    return report, token


def run_command() -> str:
    out = io.StringIO()
    call_command("send_response_reminders", stdout=out)
    return out.getvalue()


def test_no_reminder_before_reminder_days(reported):
    with at(13.9):
        assert send_due_reminders() == 0
    assert mail.outbox == []


def test_one_reminder_after_reminder_days_and_never_a_second(reported):
    report, token = reported
    with at(14.1):
        assert "1 reminder(s) sent." in run_command()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["marie@example.org"]
    assert "Did you get a response?" in message.subject
    # The reminder repeats her private link, although the link itself was never stored.
    assert f"/action-kit/report/{token}/" in message.body
    report.refresh_from_db()
    assert report.reminder_sent_at == REPORTED + datetime.timedelta(days=14.1)

    with at(14.2):
        assert "0 reminder(s) sent." in run_command()
    with at(40):
        assert send_due_reminders() == 0
    assert len(mail.outbox) == 1


def test_reminder_days_is_a_setting(reported, settings):
    settings.SOROPTIMIST_ADVOCACY = {**settings.SOROPTIMIST_ADVOCACY, "REMINDER_DAYS": 3}
    with at(3.1):
        assert send_due_reminders() == 1


def test_the_django_tasks_task_sends_the_same_reminders(reported):
    with at(15):
        result = send_response_reminders_task.enqueue()
    assert result.status == "SUCCESSFUL" and result.return_value == 1
    with at(16):
        assert send_response_reminders_task.enqueue().return_value == 0
    assert len(mail.outbox) == 1


def test_command_can_enqueue_and_dry_run(reported):
    out = io.StringIO()
    with at(15):
        call_command("send_response_reminders", "--dry-run", stdout=out)
        assert mail.outbox == []
        call_command("send_response_reminders", "--enqueue", stdout=out)
    assert "1 reminder(s) due." in out.getvalue() and "Enqueued as task" in out.getvalue()
    assert len(mail.outbox) == 1


def test_a_claimed_report_is_claimed_once(reported):
    report, _token = reported
    now = REPORTED + datetime.timedelta(days=15)
    assert claim_reminder(report.pk, now) is True
    assert claim_reminder(report.pk, now) is False


def test_reminder_is_in_the_language_of_her_page(action_kit, make_report):
    with at(0):
        make_report(action_kit, language="fr", action_date=datetime.date(2026, 2, 27))
    with at(15):
        send_due_reminders()
    assert len(mail.outbox) == 1
    # Rendered under French: Django's own catalog already names the month in French.
    assert "27 février 2026" in mail.outbox[0].body


@pytest.mark.parametrize(
    "fields",
    [
        {"email_consent": False},
        {"email": ""},
        {"response_status": "acknowledgement"},
        {"token_hash": None},
    ],
)
def test_no_reminder_when_not_wanted_or_not_needed(action_kit, make_report, fields):
    with at(0):
        report, _token = make_report(action_kit)
        ActionReport.objects.filter(pk=report.pk).update(**fields)
    with at(20):
        assert send_due_reminders() == 0
    assert mail.outbox == []


def test_no_reminder_after_she_deleted_her_report(reported):
    report, _token = reported
    report.erase_personal_data()
    with at(20):
        assert send_due_reminders() == 0


def test_no_reminder_when_the_campaign_page_is_unpublished_or_deleted(reported, action_kit):
    action_kit.unpublish()
    with at(20):
        assert send_due_reminders() == 0
    action_kit.delete()
    report = ActionReport.objects.get()
    assert report.campaign_id is None and report.campaign_title == "Post CSW Advocacy Action Kit"
    with at(20):
        assert send_due_reminders() == 0


def test_a_failed_reminder_is_logged_and_not_retried(reported, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("soroptimist_advocacy.reports.emails.send_mail", broken)
    with at(15), caplog.at_level(logging.ERROR):
        assert send_due_reminders() == 0
    assert "Could not send the response_reminder email" in caplog.text
    monkeypatch.undo()
    with at(16):
        assert send_due_reminders() == 0
    assert mail.outbox == []


def test_after_a_secret_key_rotation_the_old_link_still_works(reported, settings, client, action_kit):
    report, token = reported
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-brand-new-secret-key-for-the-test-only-0123456789"
    with at(15):
        assert send_due_reminders() == 1
    assert f"/report/{token}/" in mail.outbox[0].body
    assert client.get(token_url(action_kit, token)).status_code == 200


def test_reminders_go_out_in_batches_once_each(action_kit, make_report, settings, monkeypatch):
    settings.SOROPTIMIST_ADVOCACY = {**settings.SOROPTIMIST_ADVOCACY, "BATCH_SIZE": 2}
    with at(0):
        reports = [make_report(action_kit, email=f"member{number}@example.org")[0] for number in range(5)]
    batch_sizes = []

    def recording_batches(queryset, batch_size=None):
        for ids in batches.pk_batches(queryset, batch_size):
            batch_sizes.append(len(ids))
            yield ids

    monkeypatch.setattr(reminders, "pk_batches", recording_batches)
    with at(14.1):
        assert send_due_reminders() == 5
        assert send_due_reminders() == 0
    assert batch_sizes == [2, 2, 1]
    assert sorted(message.to[0] for message in mail.outbox) == [f"member{number}@example.org" for number in range(5)]
    assert (
        ActionReport.objects.filter(pk__in=[report.pk for report in reports], reminder_sent_at__isnull=True).count()
        == 0
    )
