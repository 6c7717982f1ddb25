"""Parse XML from an uploaded file without letting it expand entities or fetch anything."""

from __future__ import annotations

from lxml import etree

# "<!DOCTYPE" as it appears in UTF-8 and in both UTF-16 byte orders.
_DOCTYPE_SPELLINGS = tuple("<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))


class DoctypeFound(ValueError):
    """The XML declares a DOCTYPE: the vehicle of entity-expansion bombs and external entities."""


def has_doctype(xml: bytes) -> bool:
    return any(spelling in xml for spelling in _DOCTYPE_SPELLINGS)


def parse_untrusted(xml: bytes) -> etree._Element:
    """The root element of *xml*; DoctypeFound if it declares a DOCTYPE, XMLSyntaxError if damaged."""
    if has_doctype(xml):
        raise DoctypeFound
    # A parser per call: lxml parsers must not be shared between threads.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(xml, parser)
    if root.getroottree().docinfo.doctype:  # a DOCTYPE in an encoding the byte scan missed
        raise DoctypeFound
    return root
