"""The ``coverage/`` route of a directory page: which target countries have a decision maker listed."""

from __future__ import annotations

from django.views.decorators.http import require_http_methods

from soroptimist_advocacy.directory.coverage import directory_coverage
from soroptimist_advocacy.directory.coverage_map import coverage_map

TEMPLATE = "soroptimist_advocacy/pages/decision_maker_coverage.html"


@require_http_methods(["GET", "HEAD"])
def serve_coverage(request, directory):
    """The same for every visitor: the page's public cache headers apply (SharedCacheMixin)."""
    coverage = directory_coverage(directory)
    return directory.render(
        request, template=TEMPLATE, context_overrides={"coverage": coverage, "world_map": coverage_map(coverage)}
    )
