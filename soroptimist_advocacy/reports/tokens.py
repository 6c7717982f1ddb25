"""The private link of a report: unguessable, never stored, repeatable by the site alone.

A token is an HMAC of the report's random seed under the site's ``SECRET_KEY``
(like Django's password-reset tokens). The database keeps only the token's
SHA-256, to find the report, so a copy of the database opens no report; the
site can still put the same link in the later reminder without storing it.
"""

from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.utils.crypto import salted_hmac

from soroptimist_advocacy.models.report import ActionReport

KEY_SALT = "soroptimist_advocacy.reports.tokens"
TOKEN_PATTERN = re.compile(r"[0-9a-f]{64}")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def derive_token(report: ActionReport, secret: str | None = None) -> str:
    """The private token of *report* under *secret* (the current ``SECRET_KEY`` by default)."""
    return salted_hmac(KEY_SALT, report.token_seed.hex, secret=secret, algorithm="sha256").hexdigest()


def issue_token(report: ActionReport) -> str:
    """Give an unsaved or saved *report* its private token; store only the hash."""
    token = derive_token(report)
    report.token_hash = hash_token(token)
    return token


def current_token(report: ActionReport) -> str | None:
    """The token of *report*'s live link, or None once the link is revoked.

    After a ``SECRET_KEY`` rotation the key that made the link may be one of
    ``SECRET_KEY_FALLBACKS``; past those, the report gets a new link.
    """
    if not report.token_hash:
        return None
    for secret in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        token = derive_token(report, secret)
        if hash_token(token) == report.token_hash:
            return token
    token = issue_token(report)
    report.save(update_fields=["token_hash"])
    return token


def find_report(token: str) -> ActionReport | None:
    """The report whose live link is *token*, or None (unknown, malformed or revoked)."""
    if not TOKEN_PATTERN.fullmatch(token or ""):
        return None
    return ActionReport.objects.filter(token_hash=hash_token(token)).first()
