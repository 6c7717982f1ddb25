"""Fixtures of the report tests: campaigns, reports made as members make them, staff users."""

from __future__ import annotations

import pytest

from soroptimist_advocacy.models import ActionReport, DecisionMakerPage
from soroptimist_advocacy.reports.tokens import issue_token
from tests.reports.helpers import days_ago, staff_user


@pytest.fixture
def grace(directory) -> DecisionMakerPage:
    return DecisionMakerPage.objects.get(title="Grace Wanjiru")


@pytest.fixture
def make_report():
    """Save a report directly (as the form would) and return it with its private token."""

    def make(page, **fields) -> tuple[ActionReport, str]:
        values = dict(
            campaign=page,
            campaign_key=page.translation_key,
            campaign_title=page.title,
            language=page.locale.language_code,
            country="FR",
            club="SI Paris Est",
            name="Marie Martin",
            email="marie@example.org",
            action_type="letter_posted",
            action_date=days_ago(5),
            consent=True,
            privacy_text_version="sha256:test",
            email_consent=True,
        )
        values.update(fields)
        decision_maker = values.get("decision_maker")
        if decision_maker is not None:
            values.setdefault("decision_maker_key", decision_maker.translation_key)
            values.setdefault("decision_maker_name", decision_maker.title)
        report = ActionReport(**values)
        token = issue_token(report)
        report.save()
        return report, token

    return make


@pytest.fixture
def editor_without_report_access(db, django_user_model):
    return staff_user(django_user_model, "editor")


@pytest.fixture
def report_viewer(db, django_user_model):
    return staff_user(django_user_model, "viewer", "view_actionreport")


@pytest.fixture
def privacy_officer(db, django_user_model):
    return staff_user(
        django_user_model, "officer", "view_actionreport", "view_personal_data_actionreport", "delete_actionreport"
    )
