"""Text a member types must be printable: one rule for every public form (letters, reports,
corrections, suggestions)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_printable(value: str) -> None:
    """Refuse control characters: they cannot be printed and are not part of any name."""
    if any(ord(char) < 32 and char not in "\t\n\r" for char in value) or "\x7f" in value:
        raise ValidationError(_("Please remove the invisible control characters from this field."), code="control")
