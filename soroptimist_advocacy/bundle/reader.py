"""Open a bundle and read its members: the one place bytes come out of the zip.

A damaged archive shows itself only when a member is read (a corrupt compressed
stream raises ``zlib.error``, a bad checksum ``BadZipFile``, a cut stream
``EOFError``) or opened (a truncated file has no central directory). Every such
failure becomes :class:`BundleDamaged` here, so no caller meets a traceback.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from soroptimist_advocacy.bundle.errors import BundleDamaged, BundleRefused
from soroptimist_advocacy.bundle.zipcheck import MAX_TOTAL_SIZE, check_bundle

# What a zip's first local file header starts with: a file that begins so but has no
# readable directory is a zip cut short, not some other kind of file.
ZIP_SIGNATURE = b"PK\x03\x04"
READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)


def _too_large(name: str) -> BundleRefused:
    return BundleRefused([gettext("A file in the bundle is too large: %(name)s") % {"name": name}])


class BundleReader:
    """A bundle's zip, its directory checked before anything is decompressed.

    *source* is a path or a binary file object (an upload); use it as a context manager.
    """

    def __init__(self, source) -> None:
        # Closed by close(), which __exit__ and every failure here call.
        self._handle = open(source, "rb") if isinstance(source, str | os.PathLike) else source  # noqa: SIM115
        try:
            self._handle.seek(0, io.SEEK_END)
            size = self._handle.tell()
            self._handle.seek(0)
            if size > MAX_TOTAL_SIZE:
                raise BundleRefused([gettext("The bundle is too large.")])
            start = self._handle.read(len(ZIP_SIGNATURE))
            self._handle.seek(0)
            try:
                self.zip = zipfile.ZipFile(self._handle)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
                if start == ZIP_SIGNATURE:
                    raise BundleDamaged(gettext("The zip file is cut short or its directory is damaged.")) from None
                raise BundleRefused([gettext("The file is not a zip bundle.")]) from None
            try:
                check_bundle(self.zip)
            except ValidationError as error:
                raise BundleRefused(error.messages) from None
        except BaseException:
            self.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self) -> None:
        if getattr(self, "zip", None) is not None:
            self.zip.close()
        self._handle.close()

    def has(self, name: str) -> bool:
        return name in self.zip.NameToInfo

    def read(self, name: str, limit: int) -> bytes:
        """Member *name*, at most *limit* bytes, exactly as long as its entry declares."""
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            raise BundleDamaged(gettext("The bundle has no %(name)s.") % {"name": name}) from None
        if info.file_size > limit:
            raise _too_large(name)
        try:
            with self.zip.open(info) as member:
                data = member.read(limit + 1)
        except READ_ERRORS as error:
            raise BundleDamaged(
                gettext("%(name)s cannot be read: %(error)s") % {"name": name, "error": str(error)[:200]}
            ) from None
        if len(data) > limit:  # Never trust the declared size alone.
            raise _too_large(name)
        if len(data) != info.file_size:
            raise BundleDamaged(
                gettext("%(name)s holds %(actual)s bytes where the zip declares %(declared)s.")
                % {"name": name, "actual": len(data), "declared": info.file_size}
            )
        return data
