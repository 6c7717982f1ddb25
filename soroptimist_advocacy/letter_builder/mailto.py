"""``mailto:`` links carrying a letter, kept short enough for every mail app and browser.

RFC 6068 allows any length, but browsers and mail apps cut or refuse long links; 2,000
characters is the limit that works everywhere. Percent-encoding makes a Russian or Arabic
letter about five times longer and a Chinese one nine times, so most letters in those
languages do not fit: their link carries the subject and a short note, and the member copies
the letter from the text view.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

MAILTO_MAX_LENGTH = 2_000


@dataclass(frozen=True)
class MailtoLink:
    url: str
    complete: bool  # the body is the whole letter; else the short note


def _encode(text: str) -> str:
    # Line breaks are CRLF in a mailto body (RFC 6068, section 5); every other reserved character is escaped.
    return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")


def _url(address: str, subject: str, body: str) -> str:
    return f"mailto:{quote(address, safe='@')}?subject={_encode(subject)}&body={_encode(body)}"


def mailto_link(address: str, subject: str, body: str, note: str) -> MailtoLink:
    """A link writing to *address* with *subject* and *body*; when that is too long, with *note*
    as the body (and the subject shortened if even that does not fit)."""
    url = _url(address, subject, body)
    if len(url) < MAILTO_MAX_LENGTH:
        return MailtoLink(url, True)
    while subject and len(url := _url(address, subject, note)) >= MAILTO_MAX_LENGTH:
        subject = subject[: len(subject) * 3 // 4].rstrip()
    return MailtoLink(url if subject else _url(address, "", note), False)
