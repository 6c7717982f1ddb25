"""How long reports keep personal data: ``RETENTION_DAYS`` after they were made."""

from __future__ import annotations

import datetime

from django.utils import timezone

from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.models.correction import DecisionMakerCorrection
from soroptimist_advocacy.models.report import ActionReport
from soroptimist_advocacy.models.suggestion import DecisionMakerSuggestion
from soroptimist_advocacy.web.batches import pk_batches


def reports_past_retention(now: datetime.datetime | None = None, days: int | None = None):
    """Reports older than the retention period that still hold personal data."""
    return past_retention(ActionReport, now or timezone.now(), days)


def past_retention(model, now: datetime.datetime, days: int | None):
    """Records of *model* (a PersonalDataMixin model) past retention that still hold personal data."""
    return model.objects.with_personal_data().filter(created_at__lt=retention_cutoff(now, days))


def retention_cutoff(now: datetime.datetime, days: int | None) -> datetime.datetime:
    return now - datetime.timedelta(days=settings.RETENTION_DAYS if days is None else days)


def purge_personal_data(now: datetime.datetime | None = None, days: int | None = None) -> tuple[int, int, int]:
    """Blank the personal fields of every report, decision-maker correction and suggestion past
    retention, one batch of ``BATCH_SIZE`` at a time; return how many of each."""
    now = now or timezone.now()
    reports, corrections, suggestions = (
        sum(
            model.objects.filter(pk__in=ids).erase_personal_data(now)
            for ids in pk_batches(past_retention(model, now, days))
        )
        for model in (ActionReport, DecisionMakerCorrection, DecisionMakerSuggestion)
    )
    return reports, corrections, suggestions
