"""How a page presents itself when shared: the share prompt after an action, and the
meta tags (Open Graph, Twitter card, canonical, hreflang) of a site's base template."""

from __future__ import annotations

from django import template
from wagtail.models import Page

from soroptimist_advocacy.campaigns.sharing import campaign_share_links as share_links_for
from soroptimist_advocacy.web.social_meta import page_meta

register = template.Library()


@register.inclusion_tag("soroptimist_advocacy/includes/share_prompt.html", takes_context=True)
def campaign_share_links(context, page=None):
    """``{% campaign_share_links page %}``: "pass it on" with the campaign's share links and message."""
    page = page if page is not None else context.get("page")
    if page is None:
        return {"share_links": []}
    return share_links_for(page, context.get("request"))


@register.inclusion_tag("soroptimist_advocacy/includes/page_meta_tags.html", takes_context=True)
def page_meta_tags(context, page=None):
    """``{% page_meta_tags %}`` in a base template's <head>: Open Graph, Twitter card, canonical
    and hreflang tags of the context's ``page``; nothing on a view without a Wagtail page."""
    page = page if page is not None else context.get("page")
    if not isinstance(page, Page):
        return {"meta": None}
    return {"meta": page_meta(page, context.get("request"))}
