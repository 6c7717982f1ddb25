"""Plain share links, one per network: no third-party script runs on the page."""

from __future__ import annotations

from urllib.parse import quote, urlencode


def share_urls(url: str, text: str, handle: str, title: str) -> dict[str, str]:
    """Each network's share address for *url* with *text* prefilled (*handle* is added on X)."""
    handle = handle.strip().lstrip("@")
    x_params = {"text": text, "url": url}
    if handle:
        x_params["via"] = handle
    return {
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        "x": "https://x.com/intent/post?" + urlencode(x_params),
        "linkedin": "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        "whatsapp": "https://wa.me/?" + urlencode({"text": f"{text} {url}"}),
        "email": f"mailto:?subject={quote(title)}&body={quote(text + chr(10) + chr(10) + url)}",
    }
