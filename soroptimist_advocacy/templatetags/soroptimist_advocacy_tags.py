"""Template helpers of the public pages."""

from __future__ import annotations

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi, gettext

from soroptimist_advocacy.blocks.content import SHARE_NETWORKS
from soroptimist_advocacy.web.country_select import country_options as options
from soroptimist_advocacy.web.fallback_language import lang_attributes
from soroptimist_advocacy.web.share_links import share_urls

register = template.Library()


@register.filter
def document_format(document) -> str:
    """ "PDF, 240 KB": a document's format and size, or just its format when the file is gone."""
    if document is None:
        return ""
    label = (document.file_extension or gettext("file")).upper()
    try:
        size = document.get_file_size()
    except (OSError, ValueError):
        size = None
    if not size:
        return label
    return gettext("%(format)s, %(size)s") % {"format": label, "size": filesizeformat(size)}


@register.filter
def is_stale(decision_maker) -> bool:
    return decision_maker.is_stale()


@register.simple_tag(takes_context=True)
def share_links(context, value, page):
    """The share block's links as ``[{"network", "label", "url"}]`` for *page*."""
    request = context.get("request")
    url = page.get_full_url(request) if page is not None else ""
    urls = share_urls(url or "", value.get("share_text") or "", value.get("handle") or "", page.title if page else "")
    chosen = set(value.get("networks") or [])
    return [
        {"network": network, "label": str(label), "url": urls[network]}
        for network, label in SHARE_NETWORKS
        if network in chosen
    ]


@register.simple_tag
def country_options(selected=""):
    """Every country as <option>s in the active language, *selected* marked (cached per language)."""
    return options(selected or "")


@register.simple_tag
def lang_dir():
    """``lang`` and ``dir`` attributes of the active language, for a host base template that sets neither."""
    return format_html('lang="{}" dir="{}"', get_language() or "en", "rtl" if get_language_bidi() else "ltr")


@register.simple_tag(takes_context=True)
def fallback_lang(context, text):
    """` lang="en" dir="ltr"` when *text* on this translated page is still in the source language."""
    page = context.get("page")
    if page is None or page.locale_id is None:
        return ""
    return lang_attributes(page, text, context.get("request"))
