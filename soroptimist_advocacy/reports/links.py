"""Addresses of a report's private page."""

from __future__ import annotations

from soroptimist_advocacy.models.report import ActionReport
from soroptimist_advocacy.reports.tokens import current_token

TOKEN_ROUTE = "report_token_route"


def report_link(page, token: str, request=None) -> str:
    """The full address of the private page for *token* on campaign *page*."""
    path = page.reverse_subpage(TOKEN_ROUTE, args=[token])
    if request is not None:
        # The address she is using now: the Site record's host and port may differ
        # (the example site's is localhost:80 while runserver listens on :8000).
        return request.build_absolute_uri(page.get_url(request) + path)
    return page.get_full_url() + path


def report_link_for(report: ActionReport) -> str | None:
    """The private link of *report* on the page she reported on, or None when that page
    is gone, unpublished or has no report route, or the link was revoked."""
    campaign = report.campaign  # no query when the report has no campaign
    if campaign is None:
        return None
    page = campaign.specific
    if not page.live or not hasattr(page, "reverse_subpage"):
        return None
    token = current_token(report)
    if token is None:
        return None
    return report_link(page, token)
