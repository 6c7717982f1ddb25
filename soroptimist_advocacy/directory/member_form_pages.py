"""What the directory's two member forms (a correction of a decision maker, a suggestion of one)
share: the form page, never cached, and one rate limit per form, with the same settings."""

from __future__ import annotations

from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.web.caching import no_store
from soroptimist_advocacy.web.ratelimit import hit


def render_member_form(request, page, template, form_name, form, *, status=200, rate_limited=False):
    """*page* rendered with *template* and the member's *form* in the context as *form_name*;
    a refused (rate-limited) POST says when to try again."""
    response = page.render(
        request,
        template=template,
        context_overrides={form_name: form, "rate_limited": rate_limited},
    )
    response.status_code = status
    if rate_limited:
        response["Retry-After"] = str(settings.CORRECTION_RATE_WINDOW)
    return no_store(response)


def within_member_form_rate_limit(request, scope: str) -> bool:
    """Count a POST of the *scope* form ("correction", "suggestion"); False once over the limit.
    Each form is counted apart, with the correction limits: both are short forms a member sends
    now and then."""
    return hit(
        request,
        scope,
        limit=settings.CORRECTION_RATE_LIMIT,
        window=settings.CORRECTION_RATE_WINDOW,
    )
