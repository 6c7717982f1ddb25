"""How long reports keep personal data: ``RETENTION_DAYS`` after they were made."""

from __future__ import annotations

import datetime

from django.utils import timezone

from soroptimist_advocacy.web.batches import pk_batches
from soroptimist_advocacy.conf import get_setting
from soroptimist_advocacy.models.correction import DecisionMakerCorrection
from soroptimist_advocacy.models.report import ActionReport
from soroptimist_advocacy.models.suggestion import DecisionMakerSuggestion


def reports_past_retention(now: datetime.datetime | None = None, days: int | None = None):
    """Reports older than the retention period that still hold personal data."""
    now = now or timezone.now()
    return ActionReport.objects.with_personal_data().filter(created_at__lt=retention_cutoff(now, days))


def retention_cutoff(now: datetime.datetime, days: int | None) -> datetime.datetime:
    return now - datetime.timedelta(days=get_setting("RETENTION_DAYS") if days is None else days)


def purge_personal_data(now: datetime.datetime | None = None, days: int | None = None) -> tuple[int, int, int]:
    """Blank the personal fields of every report, decision-maker correction and suggestion past
    retention, one batch of ``BATCH_SIZE`` at a time; return how many of each."""
    now = now or timezone.now()
    reports = sum(
        # erase_personal_data's UPDATE is conditional (personal data still there), so a
        # report erased meanwhile by its member or by an overlapping run is not counted twice.
        ActionReport.objects.filter(pk__in=ids).erase_personal_data(now)
        for ids in pk_batches(reports_past_retention(now, days))
    )
    cutoff = retention_cutoff(now, days)
    old_corrections = DecisionMakerCorrection.objects.filter(created_at__lt=cutoff, personal_data_purged_at__isnull=True)
    corrections = sum(
        DecisionMakerCorrection.objects.filter(pk__in=ids).purge_personal_data(cutoff)
        for ids in pk_batches(old_corrections)
    )
    old_suggestions = DecisionMakerSuggestion.objects.filter(created_at__lt=cutoff, personal_data_purged_at__isnull=True)
    suggestions = sum(
        DecisionMakerSuggestion.objects.filter(pk__in=ids).purge_personal_data(cutoff)
        for ids in pk_batches(old_suggestions)
    )
    return reports, corrections, suggestions
