"""A real HTTP 403 inside the admin's layout.

Wagtail answers a refused admin view by redirecting to the dashboard with a
message; these views answer 403 instead, so that scripts, monitoring and
tests see the refusal for what it is, while people still read why.
"""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

TEMPLATE = "soroptimist_advocacy/admin/forbidden.html"


def render_forbidden(request):
    context = {"page_title": _("Permission denied"), "header_icon": "warning"}
    return TemplateResponse(request, TEMPLATE, context, status=403)


def forbidden_as_403(view):
    """Wrap an admin *view* so that a PermissionDenied becomes a 403 page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return render_forbidden(request)

    return wrapped
