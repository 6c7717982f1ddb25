"""The pages of a decision maker's ``correction/`` route (the route and its hooks are methods of ``DecisionMakerMixin``)."""

from __future__ import annotations

from django.db import transaction

from soroptimist_advocacy.directory.member_form_pages import render_member_form, within_member_form_rate_limit
from soroptimist_advocacy.models.correction import DecisionMakerCorrection
from soroptimist_advocacy.web.caching import no_store

FORM_TEMPLATE = "soroptimist_advocacy/pages/decision_maker_correction.html"
THANKS_TEMPLATE = "soroptimist_advocacy/pages/decision_maker_correction_thanks.html"


def thanks_url(request, page) -> str:
    return page.get_url(request) + page.reverse_subpage("correction_thanks_route")


def render_form(request, page, form, *, status=200, rate_limited=False):
    return render_member_form(
        request, page, FORM_TEMPLATE, "correction_form", form, status=status, rate_limited=rate_limited
    )


def save_correction(page, form) -> DecisionMakerCorrection:
    """Store the member's correction of *page* (``DecisionMakerMixin.save_correction`` calls it)."""
    with transaction.atomic():
        correction = DecisionMakerCorrection.for_page(
            page,
            details=form.cleaned_data["details"],
            reporter_name=form.cleaned_data["reporter_name"],
            reporter_email=form.cleaned_data["reporter_email"],
        )
        correction.save()
    return correction


def within_correction_rate_limit(request) -> bool:
    return within_member_form_rate_limit(request, "correction")


def serve_thanks(request, page):
    """Where a sent correction lands, so reloading never sends it twice."""
    return no_store(page.render(request, template=THANKS_TEMPLATE))
