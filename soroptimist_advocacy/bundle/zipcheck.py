"""Check a bundle's zip directory before anything is decompressed."""

from __future__ import annotations

import posixpath
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

MAX_MEMBERS = 500
MAX_MEMBER_SIZE = 50 * 1024 * 1024
MAX_TOTAL_SIZE = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100


def safe_member_name(name: str) -> bool:
    """No absolute path, no "..", no backslash or drive: nothing can land outside the bundle."""
    if not name or name.startswith("/") or "\\" in name or ":" in name or "\x00" in name:
        return False
    normalised = posixpath.normpath(name)
    return normalised == name and not normalised.startswith("..") and "/../" not in f"/{normalised}/"


def check_bundle(package: zipfile.ZipFile) -> None:
    """ValidationError unless the zip directory is a reasonable bundle."""
    members = package.infolist()
    if len(members) > MAX_MEMBERS:
        raise ValidationError(gettext("The bundle has too many files."))
    names = [member.filename for member in members]
    if len(set(names)) != len(names):
        raise ValidationError(gettext("The bundle lists a file twice."))
    if "manifest.json" not in names:
        raise ValidationError(gettext("The file is not a campaign bundle (no manifest.json)."))
    for member in members:
        if not safe_member_name(member.filename):
            raise ValidationError(
                gettext("The bundle holds a file with an unsafe name: %(name)s") % {"name": member.filename[:200]}
            )
        if member.flag_bits & 0x1 or member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ValidationError(gettext("The bundle holds an encrypted or unusually compressed file."))
        if member.file_size > MAX_MEMBER_SIZE:
            raise ValidationError(gettext("A file in the bundle is too large: %(name)s") % {"name": member.filename})
        if member.file_size > 1024 * 1024 and member.file_size / max(member.compress_size, 1) > MAX_COMPRESSION_RATIO:
            raise ValidationError(
                gettext("A file in the bundle is compressed suspiciously well: %(name)s") % {"name": member.filename}
            )
    if sum(member.file_size for member in members) > MAX_TOTAL_SIZE:
        raise ValidationError(gettext("The bundle is too large."))
