"""Which decision makers may be out of date, as a query (``is_stale`` answers for one page)."""

from __future__ import annotations

import datetime

from django.db.models import BooleanField, Case, Q, Value, When
from django.utils import timezone

from soroptimist_advocacy.conf import settings


def stale_condition(today: datetime.date | None = None) -> Q:
    """Records never verified, or last verified more than STALE_AFTER_DAYS ago."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.STALE_AFTER_DAYS)
    return Q(last_verified__isnull=True) | Q(last_verified__lt=cutoff)


def annotate_stale(queryset, today: datetime.date | None = None):
    """*queryset* with a boolean ``out_of_date``, the same answer as ``is_stale()``, usable for sorting."""
    return queryset.annotate(
        out_of_date=Case(
            When(stale_condition(today), then=Value(True)), default=Value(False), output_field=BooleanField()
        )
    )
