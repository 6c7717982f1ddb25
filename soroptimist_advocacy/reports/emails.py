"""The two emails a member may receive: her private link, and one reminder."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from soroptimist_advocacy.conf import settings as app_settings
from soroptimist_advocacy.models.report import ActionReport, ResponseStatus

logger = logging.getLogger(__name__)

TEMPLATE_DIR = "soroptimist_advocacy/emails/"


def render_email(report: ActionReport, name: str, link: str) -> tuple[str, str]:
    """(subject, body) of email *name*, in the language of the page she reported on."""
    context = {
        "report": report,
        "link": link,
        "campaign_title": report.campaign_title,
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
        "retention_days": app_settings.RETENTION_DAYS,
        "reminder_days": app_settings.REMINDER_DAYS,
        # A member who reports a response with her action gets no reminder: the e-mail says so.
        "awaiting_response": report.response_status == ResponseStatus.NO_REPLY,
    }
    with translation.override(report.language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{TEMPLATE_DIR}{name}_subject.txt", context)
        body = render_to_string(f"{TEMPLATE_DIR}{name}.txt", context)
    # A subject is one line, whatever a template or a campaign title contains.
    return " ".join(subject.split()), body


def send_report_email(report: ActionReport, name: str, link: str) -> bool:
    """Send email *name* to the member; False, and a log entry without her address, on failure.

    A report is saved before any email goes out, so a mail server that fails
    must never turn the member's answer into an error page.
    """
    try:
        subject, body = render_email(report, name, link)
        send_mail(subject, body, app_settings.FROM_EMAIL or None, [report.email])
    except Exception:
        logger.exception("Could not send the %s email of action report %s", name, report.pk)
        return False
    return True


def email_private_link(report: ActionReport, link: str) -> bool:
    return send_report_email(report, "report_link", link)


def email_reminder(report: ActionReport, link: str) -> bool:
    return send_report_email(report, "response_reminder", link)
