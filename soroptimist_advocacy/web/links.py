"""Which addresses the app's link fields accept: web pages, nothing else."""

from __future__ import annotations

from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ["http", "https"]

# Django's URL fields (and Wagtail's URLBlock) already refuse javascript:, data: and
# vbscript:, but they admit ftp:// and ftps://, which no member's browser opens any more.
# Every link field a campaign shows (blocks, resource pages) adds this validator, so the
# admin's forms and an imported bundle meet the same rule.
# A code of its own: form fields replace the message of an "invalid" error with their own.
web_address_validator = URLValidator(
    schemes=WEB_SCHEMES, message=_("Enter a web address starting with http:// or https://."), code="web_address"
)
