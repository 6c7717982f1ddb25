"""``<directory>/export.csv`` and ``<directory>/export.json``: the directory for other sites.

The same files as ``export_decision_makers`` (so ``sync_decision_makers`` and
``import_decision_makers`` read them back), public and cacheable, without the
sample records (demonstration people must not travel to other sites as real) and
without anyone under a view restriction (public, ``Access-Control-Allow-Origin: *``).
Conditional GETs (ETag, Last-Modified) let a syncing site skip an unchanged file.
"""

from __future__ import annotations

import hashlib
import json

from django.db.models import Max
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_http_date_safe

from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.directory.csv_format import csv_text
from soroptimist_advocacy.directory.popolo import popolo_document
from soroptimist_advocacy.directory.records import page_values
from soroptimist_advocacy.web.privacy import publicly_visible


def public_decision_makers(directory):
    """The records *directory* shares with other sites: its publicly visible decision makers
    (never one under a view restriction), sample records left out."""
    return (
        publicly_visible(directory.get_decision_maker_model().objects.child_of(directory))
        .filter(is_sample=False)
        .order_by("country", "rank", "title", "pk")
    )


def _conditional(request, body: bytes, content_type: str, last_modified) -> HttpResponse:
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    stamp = int(last_modified.timestamp()) if last_modified else None
    if_none_match = request.headers.get("If-None-Match", "")
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    if etag in [tag.strip() for tag in if_none_match.split(",")] or (
        not if_none_match and since and stamp and stamp <= since
    ):
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    if stamp:
        response["Last-Modified"] = http_date(stamp)
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
    return response


def export_response(request, directory, format: str) -> HttpResponse:
    """GET: the directory's live, real decision makers as CSV or Popolo JSON."""
    if request.method not in ("GET", "HEAD"):
        response = HttpResponse(status=405)
        response["Allow"] = "GET, HEAD"
        return response
    pages = list(public_decision_makers(directory))
    last_modified = (
        directory.get_decision_maker_model()
        .objects.child_of(directory)
        .aggregate(latest=Max("last_published_at"))["latest"]
    )
    if format == "json":
        document = popolo_document(pages, directory.locale.language_code)
        body = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        return _conditional(request, body, "application/json", last_modified)
    body = csv_text(page_values(page) for page in pages).encode("utf-8")
    return _conditional(request, body, "text/csv; charset=utf-8", last_modified)
