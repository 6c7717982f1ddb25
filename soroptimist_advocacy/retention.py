"""How long reports keep personal data: ``RETENTION_DAYS`` after they were made."""

from __future__ import annotations

import datetime

from django.utils import timezone

from .conf import get_setting
from .models.correction import DecisionMakerCorrection
from .models.report import ActionReport


def reports_past_retention(now: datetime.datetime | None = None, days: int | None = None):
    """Reports older than the retention period that still hold personal data."""
    now = now or timezone.now()
    return ActionReport.objects.with_personal_data().filter(created_at__lt=retention_cutoff(now, days))


def retention_cutoff(now: datetime.datetime, days: int | None) -> datetime.datetime:
    return now - datetime.timedelta(days=get_setting("RETENTION_DAYS") if days is None else days)


def purge_personal_data(now: datetime.datetime | None = None, days: int | None = None) -> tuple[int, int]:
    """Blank the personal fields of every report and every decision-maker correction past
    retention; return how many of each."""
    now = now or timezone.now()
    reports = reports_past_retention(now, days).erase_personal_data(now)
    corrections = DecisionMakerCorrection.objects.purge_personal_data(retention_cutoff(now, days))
    return reports, corrections
