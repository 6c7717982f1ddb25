"""Judge an uploaded file as a zip archive: its directory first, then its data.

The directory declares each member's sizes; zipfile never inflates a member past
its declared size, so refusing on the declared sizes bounds all later work.
Only then is every member decompressed once (within those sizes) so that a
wrong CRC, a corrupt stream or a size that lies is refused here, with a
message, rather than failing later in the middle of a letter.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.letters.limits import (
    COMPRESSION_RATIO_FROM_SIZE,
    MAX_COMPRESSION_RATIO,
    MAX_MEMBER_SIZE,
    MAX_TOTAL_SIZE,
    MAX_ZIP_MEMBERS,
)

# What every Office package has, under these exact names. The main document may
# have any name: it is found through _rels/.rels (package_layout.py).
REQUIRED_MEMBERS = ("[Content_Types].xml", "_rels/.rels")
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
UNSAFE_NAME = _(
    "This file contains a part named “%(name)s”, which Word never writes and which could make unzip tools "
    "write outside their folder. Save the letter again from Word and upload that copy."
)
DUPLICATE_NAME = _(
    "This file contains two parts named “%(name)s”. Save the letter again from Word and upload that copy."
)
DAMAGED_ARCHIVE = _("This document is damaged; open it in Word and save it again.")
ENCRYPTED = _("This Word document is protected by a password. Remove the password and upload it again.")


# A drive letter ("C:"), a control character, or a backslash (a path separator
# for Windows unzip tools): none appears in a name Word writes.
_UNSAFE_CHARACTERS = re.compile(r"^[A-Za-z]:|[\x00-\x1f\x7f\\]")
_READ_CHUNK = 1024 * 1024


def _is_unsafe_name(name: str) -> bool:
    """Whether copying a member called *name* into a letter could hurt whoever unzips it."""
    return not name or name.startswith("/") or ".." in name.split("/") or bool(_UNSAFE_CHARACTERS.search(name))


def _check_member_names(names: list[str]) -> None:
    for name in names:
        if _is_unsafe_name(name):
            shown = name.encode("unicode_escape").decode("ascii")[:100]
            raise ValidationError(UNSAFE_NAME, code="unsafe_name", params={"name": shown})
    # Part names are case-insensitive in a Word package (OPC).
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise ValidationError(DUPLICATE_NAME, code="duplicate_name", params={"name": name[:100]})
        seen.add(name.casefold())


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
    # The raw names: zipfile already turns backslashes into slashes on Windows only.
    names = [member.orig_filename for member in members]
    _check_member_names(names)
    if not all(required in names for required in REQUIRED_MEMBERS):
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


def check_archive_data(template: bytes) -> None:
    """Raise ValidationError unless every member decompresses to its declared size and CRC.

    Run after :func:`check_zip_directory`, whose size limits bound the work here:
    zipfile stops at the declared size and then compares the CRC.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(template)) as package:
            for member in package.infolist():
                read = 0
                with package.open(member) as stream:
                    while chunk := stream.read(_READ_CHUNK):
                        read += len(chunk)
                if read != member.file_size:
                    raise zipfile.BadZipFile("size mismatch")
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError):
        raise ValidationError(DAMAGED_ARCHIVE, code="damaged_archive") from None


def check_archive(template: bytes) -> None:
    """The whole archive check: the directory, then every member's data."""
    check_zip_directory(template)
    check_archive_data(template)
