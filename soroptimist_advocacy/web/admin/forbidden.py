"""A real HTTP 403 inside the admin's layout, for every view of the app's admin viewsets.

Wagtail answers a refused admin view by redirecting to the dashboard with a
message; the app's views answer 403 instead, so that scripts, monitoring and
tests see the refusal for what it is, while people still read why.

The views themselves only check permissions (Wagtail's ``PermissionCheckedMixin``
or a ``PermissionDenied``); :func:`refusals_as_403` turns the refusal into the
403 page once, over a viewset's whole URL list.
"""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _

TEMPLATE = "soroptimist_advocacy/admin/forbidden.html"


def render_forbidden(request):
    context = {"page_title": _("Permission denied"), "header_icon": "warning"}
    return TemplateResponse(request, TEMPLATE, context, status=403)


def _forbidden_as_403(view):
    @wraps(view)  # keeps view_class, csrf_exempt and the other attributes Django and Wagtail read
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return render_forbidden(request)

    return wrapped


def refusals_as_403(urlpatterns: list[URLPattern]) -> list[URLPattern]:
    """A viewset's *urlpatterns* whose views answer a refusal with the 403 page.

    Call it on the whole list a viewset's ``get_urlpatterns`` returns, so no view is left out.
    """
    return [
        URLPattern(pattern.pattern, _forbidden_as_403(pattern.callback), pattern.default_args, pattern.name)
        for pattern in urlpatterns
    ]
