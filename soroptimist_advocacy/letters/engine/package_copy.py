"""Write a letter's zip, copying the parts no letter changes as they are, still compressed.

zipfile can neither copy a member without decompressing it nor append to an
archive in memory without re-reading its directory, so the records are written
here directly, in zipfile's own record layouts.
"""

from __future__ import annotations

import io
import struct
import types
import zipfile
import zlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass

DateTime = tuple[int, int, int, int, int, int]
_UNIX = 3  # "made by" system: external_attr holds Unix permissions
_VERSION = 20  # zip 2.0: deflate
_UTF8_NAME = 0x800
_PERMISSIONS = 0o644 << 16
_EARLIEST: DateTime = (1980, 1, 1, 0, 0, 0)
# The rendered parts are a few kilobytes: compressing them fast matters more than a few bytes.
RENDERED_PART_COMPRESSION = 1


def _dos_time(date_time: DateTime) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day


def _member(
    name: str, date_time: DateTime, method: int, crc: int, data: bytes, size: int, offset: int
) -> tuple[bytes, bytes]:
    """A member's local record (header and *data*, already compressed by *method*) and its directory entry."""
    encoded = name.encode("utf-8")
    flags = 0 if encoded.isascii() else _UTF8_NAME
    common = (flags, method, *_dos_time(date_time), crc, len(data), size, len(encoded))
    local = struct.pack(zipfile.structFileHeader, zipfile.stringFileHeader, _VERSION, 0, *common, 0)
    entry = struct.pack(
        zipfile.structCentralDir,
        zipfile.stringCentralDir,
        _VERSION,
        _UNIX,
        _VERSION,
        0,
        *common,
        0,
        0,
        0,
        0,
        _PERMISSIONS,
        offset,
    )
    return local + encoded + data, entry + encoded


def _compressed_data(template: bytes, info: zipfile.ZipInfo) -> bytes:
    """The member's data exactly as stored in *template*, without decompressing it."""
    offset = info.header_offset
    header = struct.unpack(zipfile.structFileHeader, template[offset : offset + zipfile.sizeFileHeader])
    variable_length = header[zipfile._FH_FILENAME_LENGTH] + header[zipfile._FH_EXTRA_FIELD_LENGTH]
    start = offset + zipfile.sizeFileHeader + variable_length
    return template[start : start + info.compress_size]


@dataclass(frozen=True)
class PackageCopy:
    """The template's members that no letter changes, ready to be copied into each letter."""

    records: bytes  # their local records, one after the other from offset 0
    directory: bytes  # their central directory entries
    count: int
    dates: Mapping[str, DateTime]  # the rendered parts' times in the template, kept for them

    @classmethod
    def from_template(cls, template: bytes, rendered: Collection[str]) -> PackageCopy:
        """Built from a template whose zip directory was checked (stored or deflated members only)."""
        records, directory, dates = [], [], {}
        offset = 0
        with zipfile.ZipFile(io.BytesIO(template)) as source:
            for info in source.infolist():
                if info.filename in rendered:
                    dates[info.filename] = info.date_time
                    continue
                data = _compressed_data(template, info)
                record, entry = _member(
                    info.filename, info.date_time, info.compress_type, info.CRC, data, info.file_size, offset
                )
                records.append(record)
                directory.append(entry)
                offset += len(record)
        return cls(b"".join(records), b"".join(directory), len(directory), types.MappingProxyType(dates))

    def with_parts(self, parts: Mapping[str, bytes]) -> bytes:
        """The complete .docx: the unchanged members, then *parts*, then the directory of both."""
        records, directory = [self.records], [self.directory]
        offset = len(self.records)
        for name, content in parts.items():
            compressor = zlib.compressobj(RENDERED_PART_COMPRESSION, zlib.DEFLATED, -zlib.MAX_WBITS)
            data = compressor.compress(content) + compressor.flush()
            date = self.dates.get(name, _EARLIEST)
            record, entry = _member(name, date, zipfile.ZIP_DEFLATED, zlib.crc32(content), data, len(content), offset)
            records.append(record)
            directory.append(entry)
            offset += len(record)
        directory_bytes = b"".join(directory)
        count = self.count + len(parts)
        end = struct.pack(
            zipfile.structEndArchive, zipfile.stringEndArchive, 0, 0, count, count, len(directory_bytes), offset, 0
        )
        return b"".join(records) + directory_bytes + end
