"""Whether two renderings of a letter carry the same XML, part by part."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from lxml import etree


def canonical_xml(xml: bytes) -> bytes:
    """C14N of *xml* once python-docx would have loaded it (blank text between elements dropped)."""
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
    return etree.tostring(etree.fromstring(xml, parser), method="c14n")


def differing_parts(first: bytes, second: bytes, members: Iterable[str]) -> list[str]:
    """The *members* whose canonical XML differs between the two .docx files (or that one lacks)."""
    with zipfile.ZipFile(io.BytesIO(first)) as one, zipfile.ZipFile(io.BytesIO(second)) as other:
        present = set(one.namelist()) & set(other.namelist())

        def same(member: str) -> bool:
            try:
                return canonical_xml(one.read(member)) == canonical_xml(other.read(member))
            except etree.XMLSyntaxError:
                return False

        return [member for member in members if member not in present or not same(member)]
