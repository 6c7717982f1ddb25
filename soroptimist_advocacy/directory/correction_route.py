"""The ``correction/`` route of a decision maker page: a member says the details are out of date."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpResponseRedirect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from soroptimist_advocacy.conf import get_setting
from soroptimist_advocacy.directory.correction_form import CorrectionForm
from soroptimist_advocacy.models.correction import DecisionMakerCorrection
from soroptimist_advocacy.web.ratelimit import hit
from soroptimist_advocacy.web.caching import no_store

FORM_TEMPLATE = "soroptimist_advocacy/pages/decision_maker_correction.html"
THANKS_TEMPLATE = "soroptimist_advocacy/pages/decision_maker_correction_thanks.html"


def thanks_url(request, page) -> str:
    return page.get_url(request) + page.reverse_subpage("correction_thanks_route")


def render_form(request, page, form, *, status=200, rate_limited=False):
    response = page.render(
        request,
        template=FORM_TEMPLATE,
        context_overrides={"correction_form": form, "rate_limited": rate_limited},
    )
    response.status_code = status
    if rate_limited:
        response["Retry-After"] = str(get_setting("CORRECTION_RATE_WINDOW"))
    return no_store(response)


def save_correction(page, form) -> DecisionMakerCorrection:
    """Store the member's correction of *page*; may be overridden to notify editors, for instance."""
    with transaction.atomic():
        correction = DecisionMakerCorrection.for_page(
            page,
            details=form.cleaned_data["details"],
            reporter_name=form.cleaned_data["reporter_name"],
            reporter_email=form.cleaned_data["reporter_email"],
        )
        correction.save()
    return correction


@require_http_methods(["GET", "HEAD", "POST"])
@sensitive_post_parameters("details", "reporter_name", "reporter_email")
def serve_correction(request, page):
    if request.method != "POST":
        return render_form(request, page, CorrectionForm())
    allowed = hit(
        request,
        "correction",
        limit=get_setting("CORRECTION_RATE_LIMIT"),
        window=get_setting("CORRECTION_RATE_WINDOW"),
    )
    if not allowed:
        return render_form(request, page, None, status=429, rate_limited=True)
    form = CorrectionForm(request.POST)
    if form.is_spam():
        # Answer a bot exactly as a person, so it learns nothing; store nothing.
        return no_store(HttpResponseRedirect(thanks_url(request, page)))
    if not form.is_valid():
        return render_form(request, page, form, status=400)
    save_correction(page, form)
    return no_store(HttpResponseRedirect(thanks_url(request, page)))


@require_http_methods(["GET", "HEAD"])
def serve_correction_thanks(request, page):
    return no_store(page.render(request, template=THANKS_TEMPLATE))
