"""The pages of the ``report/`` and ``report/<token>/`` routes of an Action Kit page
(the routes and their hooks are methods of ``ActionKitMixin``).

Both are private: they carry a CSRF token (Django's normal protection) and
are never cached. The token page is reached only through the member's
private link, so it sends no referrer and echoes nothing she wrote.
"""

from __future__ import annotations

from django.template.response import TemplateResponse

from soroptimist_advocacy.campaigns.sources import requested_source
from soroptimist_advocacy.conf import get_setting
from soroptimist_advocacy.web.caching import no_store
from soroptimist_advocacy.web.ratelimit import hit

TEMPLATE_DIR = "soroptimist_advocacy/pages/"
FORM_TEMPLATE = TEMPLATE_DIR + "report_form.html"
THANKS_TEMPLATE = TEMPLATE_DIR + "report_thanks.html"
RESPONSE_TEMPLATE = TEMPLATE_DIR + "report_response.html"
DELETED_TEMPLATE = TEMPLATE_DIR + "report_deleted.html"
RATE_LIMITED_TEMPLATE = TEMPLATE_DIR + "report_rate_limited.html"

# Everything a member types about herself stays out of Django's error reports.
PERSONAL_POST_FIELDS = ("name", "email", "club", "notes", "response_summary")


def render_report_page(request, page, template: str, context: dict, status: int = 200):
    """A report page in the site's layout (``base_template``), private and never cached."""
    page_context = page.get_context(request)
    page_context.update(context)
    return no_store(TemplateResponse(request, template, page_context, status=status))


def within_rate_limit(request, scope: str) -> bool:
    return hit(request, scope, limit=get_setting("REPORT_RATE_LIMIT"), window=get_setting("REPORT_RATE_WINDOW"))


def rate_limited(request, page):
    """HTTP 429 with a page that tells the member what happened and when to try again."""
    window = int(get_setting("REPORT_RATE_WINDOW"))
    response = render_report_page(
        request, page, RATE_LIMITED_TEMPLATE, {"retry_minutes": max(1, (window + 59) // 60)}, status=429
    )
    response["Retry-After"] = str(window)
    return response


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
