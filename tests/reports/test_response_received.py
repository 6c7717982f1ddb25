"""One rule decides whether a member heard back (models/report.py RESPONSE_RECEIVED): the campaign
figures, the response board and the reminders agree on it for every status."""

import datetime

import pytest

from soroptimist_advocacy.campaigns.figures import campaign_figures
from soroptimist_advocacy.models import ActionReport, ResponseStatus
from soroptimist_advocacy.reports.admin.response_board import response_board
from soroptimist_advocacy.reports.reminders import reports_due_for_reminder


@pytest.mark.parametrize("status", ResponseStatus.values)
def test_figures_board_and_reminders_agree_on_a_response(action_kit, claire, make_report, status):
    make_report(action_kit, response_status=status, decision_maker=claire)
    ActionReport.objects.update(created_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    received = status != ResponseStatus.NO_REPLY

    assert campaign_figures(action_kit.translation_key).responses == int(received)
    [row] = response_board(action_kit.translation_key)
    assert row.responses == int(received)
    assert sum(row.by_status.values()) == int(received)
    assert reports_due_for_reminder().exists() is not received
