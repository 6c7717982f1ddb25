"""The privacy text a member agrees to before reporting, and its version."""

from __future__ import annotations

import hashlib

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from soroptimist_advocacy.conf import settings


def default_privacy_text() -> SafeString:
    """Shown when the editor has written none, in the active language."""
    return format_html(
        "<p>{}</p>",
        gettext(
            "We keep what you enter here so the campaign team can see where letters went and what came "
            "back. Only staff of the campaign can read it. Your name, email, notes and the summary of the "
            "response are deleted after %(days)s days, or at once when you ask through your private link. "
            "Figures we publish never name you."
        )
        % {"days": settings.RETENTION_DAYS},
    )


def privacy_text_version(text: str) -> str:
    """A version that names the exact text shown: anyone can check it against a page revision."""
    return "sha256:" + hashlib.sha256(str(text).encode("utf-8")).hexdigest()
