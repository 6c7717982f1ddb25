"""The reports' background work through django-tasks, Wagtail's task library.

Tasks take only a report's id: the private token is derived again when the
email is written, so it never sits in a task queue or a result store.
"""

from __future__ import annotations

import logging

from django_tasks import task

from soroptimist_advocacy.models.report import ActionReport
from soroptimist_advocacy.reports.emails import email_private_link
from soroptimist_advocacy.reports.links import report_link_for
from soroptimist_advocacy.reports.reminders import send_due_reminders

logger = logging.getLogger(__name__)


@task()
def send_private_link_task(report_id: int) -> bool:
    """Email a member the private link of the report she just made."""
    report = ActionReport.objects.select_related("campaign").filter(pk=report_id).first()
    if report is None or not report.email_consent or not report.email:
        return False
    link = report_link_for(report)
    if link is None:
        return False
    return email_private_link(report, link)


@task()
def send_response_reminders_task() -> int:
    """Send the due "Did you get a response?" reminders; the number sent."""
    return send_due_reminders()


def enqueue_private_link_email(report_id: int) -> None:
    """Run after the report is committed; never lets a task backend failure reach the member."""
    try:
        send_private_link_task.enqueue(report_id)
    except Exception:
        logger.exception("Could not enqueue the private link email of action report %s", report_id)
