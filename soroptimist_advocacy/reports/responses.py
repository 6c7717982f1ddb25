"""The pages of the ``report/`` and ``report/<token>/`` routes of an Action Kit page
(the routes and their hooks are methods of ``ActionKitMixin``, which reaches this module
through ``get_report_pages()``: :class:`ReportPages`).

Both are private: they carry a CSRF token (Django's normal protection) and
are never cached. The token page is reached only through the member's
private link, so it sends no referrer and echoes nothing she wrote.
"""

from __future__ import annotations

from django.db import transaction
from django.http import Http404
from django.template.response import TemplateResponse

from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.models.campaign_sources import requested_source
from soroptimist_advocacy.reports.forms import DeleteReportForm, ResponseForm, build_report_form
from soroptimist_advocacy.reports.links import report_link
from soroptimist_advocacy.reports.submission import save_report
from soroptimist_advocacy.reports.tokens import find_report
from soroptimist_advocacy.web.caching import no_store
from soroptimist_advocacy.web.ratelimit import hit, rate_limited_page

TEMPLATE_DIR = "soroptimist_advocacy/pages/"
FORM_TEMPLATE = TEMPLATE_DIR + "report_form.html"
THANKS_TEMPLATE = TEMPLATE_DIR + "report_thanks.html"
RESPONSE_TEMPLATE = TEMPLATE_DIR + "report_response.html"
DELETED_TEMPLATE = TEMPLATE_DIR + "report_deleted.html"
RATE_LIMITED_TEMPLATE = TEMPLATE_DIR + "report_rate_limited.html"


def render_report_page(request, page, template: str, context: dict, status: int = 200):
    """A report page in the site's layout (``base_template``), private and never cached."""
    page_context = page.get_context(request)
    page_context.update(context)
    return no_store(TemplateResponse(request, template, page_context, status=status))


def within_rate_limit(request, scope: str) -> bool:
    return hit(request, scope, limit=settings.REPORT_RATE_LIMIT, window=settings.REPORT_RATE_WINDOW)


def rate_limited(request, page):
    """HTTP 429 with a page that tells the member what happened and when to try again."""
    window = int(settings.REPORT_RATE_WINDOW)
    return rate_limited_page(request, page, RATE_LIMITED_TEMPLATE, window)


def render_report_form(request, page, form, status: int = 200):
    return render_report_page(
        request,
        page,
        FORM_TEMPLATE,
        {
            "report_form": form,
            "report_action": page.get_url(request) + page.reverse_subpage("report_route"),
            "privacy_text": page.get_privacy_text(),
            "privacy_version": form.current_privacy_version if form is not None else "",
            "campaign_source": requested_source(page, request.POST if request.method == "POST" else request.GET),
        },
        status=status,
    )


def private(response):
    """The token is in the address: never pass it on to another site, never index it."""
    # Not "no-referrer": under it browsers send "Origin: null" with the page's own forms,
    # and Django's CSRF check refuses them (403 on "Save the response" and "Delete").
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class ReportPages:
    """The report routes' work for campaign *page*: what ``ActionKitMixin``'s report hooks and
    routes do by default. It keeps nothing but the page, so make one per use."""

    def __init__(self, page) -> None:
        self.page = page

    def form(self, data=None, initial=None):
        """The report form, offering the decision makers of the campaign's directory."""
        return build_report_form(self.page, data=data, initial=initial)

    def save(self, form):
        """Save the report of a valid *form*; ``(report, private token)``."""
        return save_report(self.page, form)

    def form_page(self, request, form, status: int = 200):
        """The report form's page (*form* None: the campaign is not open)."""
        return render_report_form(request, self.page, form, status=status)

    def within_rate_limit(self, request) -> bool:
        return within_rate_limit(request, "report")

    def rate_limited(self, request):
        return rate_limited(request, self.page)

    def thanks(self, request, report=None, token: str = ""):
        """The thank-you page, with the private link of a saved *report* and whether it was
        emailed; without a report (a bot caught by the honeypot) exactly as if it had succeeded."""
        link = report_link(self.page, token, request) if report is not None else None
        emailed = report is not None and report.email_consent and bool(report.email)
        return render_report_page(request, self.page, THANKS_TEMPLATE, {"report_link": link, "emailed": emailed})

    def private_page(self, request, token: str):
        """GET/POST of her private page (``report/<token>/``): add the response she received, or
        delete her report."""
        page = self.page
        report = find_report(token)
        if report is None or report.campaign_key != page.translation_key:
            raise Http404
        response_form = ResponseForm(instance=report)
        delete_form = DeleteReportForm()
        saved = False
        status = 200
        if request.method == "POST":
            if not within_rate_limit(request, "report-update"):
                return private(rate_limited(request, page))
            if request.POST.get("intent") == "delete":
                delete_form = DeleteReportForm(request.POST)
                if delete_form.is_valid():
                    report.erase_personal_data()
                    return private(render_report_page(request, page, DELETED_TEMPLATE, {}))
            else:
                response_form = ResponseForm(request.POST, instance=report)
                if response_form.is_valid():
                    with transaction.atomic():
                        response_form.save()
                    response_form = ResponseForm(instance=report)
                    saved = True
            status = 200 if saved else 400
        return private(
            render_report_page(
                request,
                page,
                RESPONSE_TEMPLATE,
                {"response_form": response_form, "delete_form": delete_form, "saved": saved},
                status=status,
            )
        )
