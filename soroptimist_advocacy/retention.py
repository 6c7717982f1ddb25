"""How long reports keep personal data: ``RETENTION_DAYS`` after they were made."""

from __future__ import annotations

import datetime

from django.utils import timezone

from .conf import get_setting
from .models.report import ActionReport


def reports_past_retention(now: datetime.datetime | None = None, days: int | None = None):
    """Reports older than the retention period that still hold personal data."""
    now = now or timezone.now()
    days = get_setting("RETENTION_DAYS") if days is None else days
    return ActionReport.objects.with_personal_data().filter(created_at__lt=now - datetime.timedelta(days=days))


def purge_personal_data(now: datetime.datetime | None = None, days: int | None = None) -> int:
    """Blank the personal fields of every report past retention; return how many."""
    now = now or timezone.now()
    return reports_past_retention(now, days).erase_personal_data(now)
