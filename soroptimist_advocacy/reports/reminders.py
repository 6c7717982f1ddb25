"""The one "Did you get a response?" reminder per report, sent at most once.

Run ``send_response_reminders`` from cron (or enqueue its django-tasks task).
Each report is claimed by a conditional UPDATE before its email is sent, so
overlapping runs, retries and a second run the same day never send twice.
"""

from __future__ import annotations

import datetime
import logging

from django.utils import timezone

from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.models.report import ActionReport
from soroptimist_advocacy.reports.emails import email_reminder
from soroptimist_advocacy.reports.links import report_link_for
from soroptimist_advocacy.web.batches import pk_batches

logger = logging.getLogger(__name__)


def reports_due_for_reminder(now: datetime.datetime | None = None):
    """Reports whose member asked for emails, has no response yet, and reported
    at least ``REMINDER_DAYS`` ago on a campaign page that is still published."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.REMINDER_DAYS)
    return (
        ActionReport.objects.with_personal_data()
        .awaiting_response()
        .filter(
            email_consent=True,
            reminder_sent_at__isnull=True,
            token_hash__isnull=False,
            created_at__lte=cutoff,
            campaign__live=True,
        )
        .exclude(email="")
    )


def claim_reminder(report_id: int, now: datetime.datetime) -> bool:
    """Mark the reminder of *report_id* as sent; True only for the one caller that did."""
    return ActionReport.objects.filter(pk=report_id, reminder_sent_at__isnull=True).update(reminder_sent_at=now) == 1


def send_due_reminders(now: datetime.datetime | None = None) -> int:
    """Send every due reminder; return how many went out.

    A reminder whose email fails stays claimed: a member gets at most one
    reminder, even if the mail server failed after accepting the message.
    Due reports are read ``BATCH_SIZE`` ids at a time, so memory does not grow
    with their number; each one is still claimed just before its own email.
    """
    now = now or timezone.now()
    sent = 0
    for ids in pk_batches(reports_due_for_reminder(now)):
        for report_id in ids:
            if not claim_reminder(report_id, now):
                continue  # Another run got there first.
            report = ActionReport.objects.select_related("campaign").get(pk=report_id)
            link = report_link_for(report)
            if link is None:
                logger.warning("Action report %s has no private link any more; no reminder sent", report_id)
                continue
            if email_reminder(report, link):
                sent += 1
    return sent
