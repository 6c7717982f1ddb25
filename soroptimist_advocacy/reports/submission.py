"""Saving a member's report: all of it or nothing, and her email only after commit."""

from __future__ import annotations

from functools import partial

from django.db import transaction

from soroptimist_advocacy.models.campaign_sources import page_source
from soroptimist_advocacy.models.privacy_text import privacy_text_version
from soroptimist_advocacy.models.report import ActionReport
from soroptimist_advocacy.reports.tasks import enqueue_private_link_email
from soroptimist_advocacy.reports.tokens import issue_token


def build_report(page, form) -> ActionReport:
    """The unsaved report of a valid *form* posted on campaign *page*."""
    report = form.save(commit=False)
    report.campaign = page
    report.campaign_key = page.translation_key
    report.campaign_title = page.title[:255]
    report.language = page.locale.language_code
    report.source = page_source(page, form.data.get("source"))  # only a slug the page defines
    report.privacy_text_version = privacy_text_version(page.get_privacy_text())
    decision_maker = form.cleaned_data.get("decision_maker")
    if decision_maker is not None:
        report.decision_maker_key = decision_maker.translation_key
        report.decision_maker_name = decision_maker.title[:255]
    return report


def save_report(page, form) -> tuple[ActionReport, str]:
    """Save the report of a valid *form*; return it with its private token."""
    report = build_report(page, form)
    token = issue_token(report)
    with transaction.atomic():
        report.save()
        if report.email_consent and report.email:
            transaction.on_commit(partial(enqueue_private_link_email, report.pk), robust=True)
    return report, token
