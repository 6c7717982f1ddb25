"""Judge an uploaded file from its zip directory alone, before anything is decompressed.

The directory declares each member's sizes; zipfile never inflates a member past
its declared size, so refusing on the declared sizes bounds all later work.
"""

from __future__ import annotations

import io
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .limits import (
    COMPRESSION_RATIO_FROM_SIZE,
    MAX_COMPRESSION_RATIO,
    MAX_MEMBER_SIZE,
    MAX_TOTAL_SIZE,
    MAX_ZIP_MEMBERS,
)

REQUIRED_MEMBERS = ("[Content_Types].xml", "word/document.xml")
_MB = 1024 * 1024

NOT_A_DOCX = _(
    "This file is not a Word document (.docx). In Word, use “Save as” and choose "
    "“Word Document (.docx)”, then upload it again."
)
TOO_MANY_PARTS = _(
    "This Word document is made of too many parts (%(count)s; at most %(limit)s). "
    "Save a simpler copy of the letter and upload it again."
)
TOO_BIG = _(
    "This Word document is too large once unpacked (%(size)s MB; at most %(limit)s MB). "
    "Remove or shrink large pictures and upload it again."
)
PART_TOO_BIG = _(
    "This Word document contains a part that is too large (%(size)s MB; at most %(limit)s MB). "
    "Remove or shrink large pictures and upload it again."
)
COMPRESSION_BOMB = _(
    "This file is not a normal Word document: one of its parts would grow %(ratio)s times "
    "when unpacked. Save the letter again from Word and upload that copy."
)
ENCRYPTED = _("This Word document is protected by a password. Remove the password and upload it again.")


def _megabytes(size: int) -> int:
    return -(-size // _MB)  # rounded up, so "30 MB; at most 30 MB" never appears


def check_zip_directory(template: bytes) -> None:
    """Raise ValidationError unless *template*'s zip directory describes a reasonable .docx."""
    try:
        with zipfile.ZipFile(io.BytesIO(template)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise ValidationError(NOT_A_DOCX, code="not_docx") from None

    if len(members) > MAX_ZIP_MEMBERS:
        params = {"count": len(members), "limit": MAX_ZIP_MEMBERS}
        raise ValidationError(TOO_MANY_PARTS, code="too_many_parts", params=params)
    names = [member.filename for member in members]
    if len(set(names)) != len(names) or not all(required in names for required in REQUIRED_MEMBERS):
        raise ValidationError(NOT_A_DOCX, code="not_docx")
    for member in members:
        if member.flag_bits & 0x1:
            raise ValidationError(ENCRYPTED, code="encrypted")
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ValidationError(NOT_A_DOCX, code="not_docx")
        if member.file_size > MAX_MEMBER_SIZE:
            raise ValidationError(
                PART_TOO_BIG,
                code="part_too_big",
                params={"size": _megabytes(member.file_size), "limit": MAX_MEMBER_SIZE // _MB},
            )
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > COMPRESSION_RATIO_FROM_SIZE and ratio > MAX_COMPRESSION_RATIO:
            raise ValidationError(COMPRESSION_BOMB, code="compression_bomb", params={"ratio": int(ratio)})
    total = sum(member.file_size for member in members)
    if total > MAX_TOTAL_SIZE:
        params = {"size": _megabytes(total), "limit": MAX_TOTAL_SIZE // _MB}
        raise ValidationError(TOO_BIG, code="too_big", params=params)
