"""What a member passes on after her action: the campaign's link with the editor's message.

The prompt after a letter and after a report uses the same plain links as the
share links block (no third-party script), on the networks that block offers.
"""

from __future__ import annotations

from soroptimist_advocacy.blocks.content import SHARE_NETWORKS
from soroptimist_advocacy.web.share_links import share_urls


def share_block_settings(page) -> tuple[set[str], str]:
    """The networks and X handle of *page*'s own share links block, so the prompt offers what
    the page offers; every network and no handle when the page has no such block.

    Reads the raw stream: converting ``page.body`` would fetch every chooser of every block."""
    body = getattr(page, "body", None)
    for raw in getattr(body, "raw_data", None) or []:
        if raw.get("type") == "share_links":
            value = raw.get("value") or {}
            networks = set(value.get("networks") or []) or {network for network, _label in SHARE_NETWORKS}
            return networks, str(value.get("handle") or "")
    return {network for network, _label in SHARE_NETWORKS}, ""


def share_text(page) -> str:
    """The prefilled message, without the link (the share links add it)."""
    get_share_text = getattr(page, "get_share_text", None)
    return get_share_text() if get_share_text is not None else page.title


def campaign_share_links(page, request=None) -> dict:
    """The campaign's absolute URL, its share message and ``[{"network", "label", "url"}]``."""
    # A new page's preview has no tree path yet, so no address to share.
    url = (page.get_full_url(request) or "") if page.url_path else ""
    text = share_text(page)
    networks, handle = share_block_settings(page)
    urls = share_urls(url, text, handle, page.title)
    links = [
        {"network": network, "label": str(label), "url": urls[network]}
        for network, label in SHARE_NETWORKS
        if network in networks
    ]
    return {"share_url": url, "share_text": text, "share_links": links}
