"""Retention: personal fields of old reports are blanked, the figures stay."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from freezegun import freeze_time

from soroptimist_advocacy.campaigns.figures import campaign_figures
from soroptimist_advocacy.models import ActionReport
from tests.reports.helpers import token_url

NOW = datetime.datetime(2027, 6, 1, 3, 0, tzinfo=datetime.UTC)


@pytest.fixture
def old_and_recent(action_kit, make_report, claire):
    with freeze_time(NOW - datetime.timedelta(days=400)):
        old, old_token = make_report(
            action_kit,
            name="Old Name",
            email="old@example.org",
            notes="old note",
            response_status="positive",
            response_summary="old summary",
            decision_maker=claire,
            action_date=datetime.date(2026, 4, 20),
        )
    with freeze_time(NOW - datetime.timedelta(days=30)):
        recent, recent_token = make_report(action_kit, name="Recent Name", country="KE")
    return (old, old_token), (recent, recent_token)


def purge(*args) -> str:
    out = io.StringIO()
    with freeze_time(NOW):
        call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


def test_purge_blanks_personal_fields_of_reports_past_retention(old_and_recent, action_kit, client):
    (old, old_token), (recent, recent_token) = old_and_recent
    before = campaign_figures(action_kit.translation_key)
    assert "Personal data erased from 1 report(s) and" in purge()

    old.refresh_from_db()
    assert (old.name, old.email, old.notes, old.response_summary) == ("", "", "", "")
    assert old.personal_data_purged_at == NOW and old.token_hash is None and not old.email_consent
    # Aggregate facts stay.
    assert (old.country.code, old.club) == ("FR", "SI Paris Est")
    assert (old.action_type, old.response_status) == ("letter_posted", "positive")
    assert old.decision_maker_name == "Claire Dubois" and old.action_date == datetime.date(2026, 4, 20)
    assert campaign_figures(action_kit.translation_key) == before
    # Her link no longer opens anything.
    assert client.get(token_url(action_kit, old_token)).status_code == 404

    recent.refresh_from_db()
    assert recent.name == "Recent Name" and recent.has_personal_data
    assert client.get(token_url(action_kit, recent_token)).status_code == 200


def test_purge_is_idempotent(old_and_recent):
    purge()
    assert "Personal data erased from 0 report(s) and" in purge()


def test_retention_days_setting_and_option(old_and_recent, settings):
    settings.SOROPTIMIST_ADVOCACY = {**settings.SOROPTIMIST_ADVOCACY, "RETENTION_DAYS": 10}
    assert "2 report(s) past retention." in purge("--dry-run")
    assert ActionReport.objects.with_personal_data().count() == 2
    assert "Personal data erased from 0 report(s) and" in purge("--days", "1000")
    assert "Personal data erased from 2 report(s) and" in purge()


def test_negative_days_are_refused(db):
    with pytest.raises(CommandError):
        purge("--days", "-1")


def test_purge_works_in_batches_across_their_boundaries(action_kit, make_report, settings):
    settings.SOROPTIMIST_ADVOCACY = {**settings.SOROPTIMIST_ADVOCACY, "BATCH_SIZE": 2}
    with freeze_time(NOW - datetime.timedelta(days=400)):
        old = [make_report(action_kit, name=f"Old {number}")[0] for number in range(5)]
    with freeze_time(NOW - datetime.timedelta(days=30)):
        recent, _ = make_report(action_kit, name="Recent")
    old[2].erase_personal_data()  # erased on request meanwhile: not counted again

    updates = []

    def record(execute, sql, params, many, context):
        if sql.startswith("UPDATE") and "actionreport" in sql:
            updates.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        assert "Personal data erased from 4 report(s) and 0 decision-maker correction(s)." in purge()
    assert len(updates) == 2  # the four reports in two batches of two, one conditional UPDATE each
    assert not ActionReport.objects.filter(pk__in=[report.pk for report in old]).with_personal_data().exists()
    recent.refresh_from_db()
    assert recent.name == "Recent"
