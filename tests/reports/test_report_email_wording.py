"""The private-link e-mail promises a reminder only to a member who has not reported a response yet."""

from soroptimist_advocacy.models.report import ActionReport, ResponseStatus
from soroptimist_advocacy.reports.emails import render_email


def body(status: str, language: str = "en") -> str:
    report = ActionReport(campaign_title="Post CSW", language=language, response_status=status)
    return render_email(report, "report_link", "https://example.org/r/token/")[1]


def test_no_response_yet_is_promised_one_reminder():
    text = body(ResponseStatus.NO_REPLY)
    assert "we will email you once to ask whether one came" in text
    assert "already added the response" not in text


def test_a_response_already_given_is_told_no_reminder_comes():
    received = next(value for value, _ in ResponseStatus.choices if value != ResponseStatus.NO_REPLY)
    text = body(received)
    assert "we will email you once" not in text
    assert "You have already added the response you received, so we will not send you a reminder." in text
    assert "https://example.org/r/token/" in text
