"""Bundles uploaded in the admin, kept between the dry run and the confirmation.

The confirmation names its upload by a random token (only its hash is stored)
and must come from the user who uploaded it: another user, or a guessed token,
finds nothing. Each user keeps one upload at most, and none outlives
``UPLOAD_LIFETIME``.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.utils import timezone

from soroptimist_advocacy.models.bundle_upload import CampaignBundleUpload

UPLOAD_LIFETIME = datetime.timedelta(hours=1)


def _hashed(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def forget_expired_uploads() -> None:
    CampaignBundleUpload.objects.filter(uploaded_at__lt=timezone.now() - UPLOAD_LIFETIME).delete()


def keep_upload(user, parent, live: bool, filename: str, data: bytes) -> str:
    """Store *data* for *user*'s confirmation (replacing her earlier upload); return its token."""
    forget_expired_uploads()
    CampaignBundleUpload.objects.filter(user=user).delete()
    token = secrets.token_urlsafe(32)
    CampaignBundleUpload.objects.create(
        token_hash=_hashed(token), user=user, parent=parent, live=live, filename=filename[:255], data=data
    )
    return token


def take_upload(user, token: str) -> CampaignBundleUpload | None:
    """*user*'s upload of *token*, still fresh, removed from storage; None when there is none."""
    forget_expired_uploads()
    upload = CampaignBundleUpload.objects.filter(token_hash=_hashed(token or ""), user=user).first()
    if upload is not None:
        upload.delete()
    return upload
