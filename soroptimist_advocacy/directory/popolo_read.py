"""Popolo JSON (as ``export_decision_makers --format popolo`` writes it, or EveryPolitician's
files) turned into the import CSV, so that it goes through exactly the CSV import's validation.

The sync, ``import_decision_makers`` and the admin's import all read a file through
``import_csv``: CSV as it is, Popolo JSON converted."""

from __future__ import annotations

import csv
import io
import json
import re

from django.utils.translation import gettext

from soroptimist_advocacy.directory.popolo import ADDRESS_LINE_NOTE, EXTERNAL_ID_SCHEME, ISO_SCHEME
from soroptimist_advocacy.web.spreadsheet import formula_safe_row

POPOLO_COLUMNS = (
    "external_id",
    "full_name",
    "position_title",
    "organisation",
    "country",
    "postal_address",
    "email",
    "phone",
    "website",
    "source_url",
)


# A Popolo file may be larger than the CSV it becomes (EveryPolitician's carry every person's name
# in dozens of languages); the CSV it becomes is held to the CSV import's own limit.
MAX_JSON_BYTES = 20_000_000
# An Open Civic Data division ID names its country: "ocd-division/country:ng/state:lagos".
OCD_COUNTRY = re.compile(r"^ocd-division/country:([a-z]{2})(?:/|$)")


class PopoloError(ValueError):
    """The JSON is not a Popolo document this app can read."""


def _by_id(items) -> dict:
    return {item["id"]: item for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _list(document: dict, key: str) -> list:
    value = document.get(key, [])
    if not isinstance(value, list):
        raise PopoloError(gettext("“%(key)s” in the Popolo file is not a list.") % {"key": key})
    return value


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def looks_like_json(data: bytes, hint: str = "") -> bool:
    """True for a Popolo file: *hint* (a content type or a file name) says JSON, or the data opens with ``{``."""
    hint = hint.lower()
    return hint.endswith("json") or data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{")


def import_csv(data: bytes, hint: str = "", default_country: str = "") -> bytes:
    """The import CSV of *data*: CSV as it is, Popolo JSON converted (PopoloError if it cannot be)."""
    if not looks_like_json(data, hint):
        return data
    if len(data) > MAX_JSON_BYTES:
        raise PopoloError(
            gettext("The Popolo file is larger than %(size)s MB; split it.") % {"size": MAX_JSON_BYTES // 1_000_000}
        )
    return popolo_to_csv(data, default_country=default_country)


def _area_country(area: dict) -> str:
    """The ISO code an area carries: its own ``iso_3166_1``, such an identifier, or its OCD division ID."""
    if _text(area.get(ISO_SCHEME)):
        return _text(area.get(ISO_SCHEME))
    identifiers = area.get("identifiers")
    for item in identifiers if isinstance(identifiers, list) else []:
        if isinstance(item, dict) and item.get("scheme") == ISO_SCHEME and _text(item.get("identifier")):
            return _text(item.get("identifier"))
    match = OCD_COUNTRY.match(_text(area.get("id")))
    return match.group(1).upper() if match else ""


def _current_first(memberships: list) -> list:
    """One membership per person, the current one: EveryPolitician lists a member once per term
    (and per party); the one without an end date, else the one that ended last, else the first."""
    chosen: dict[object, tuple[tuple[int, str], dict]] = {}  # in the order persons first appear
    for position, membership in enumerate(memberships):
        if not isinstance(membership, dict):
            raise PopoloError(gettext("A membership in the Popolo file is not an object."))
        end = _text(membership.get("end_date"))
        rank = (1, "") if not end else (0, end)  # ISO dates compare as text
        person = membership.get("person_id")
        key = person if isinstance(person, str) else ("membership", position)
        if key not in chosen or rank > chosen[key][0]:
            chosen[key] = (rank, membership)
    return [membership for _, membership in chosen.values()]


def popolo_to_csv(data: bytes, default_country: str = "") -> bytes:
    """The CSV equivalent of the Popolo *data*; PopoloError when it is not Popolo at all.

    Values are copied as text, unchecked: the CSV reader then checks every one. A person whose
    area names no country (EveryPolitician's constituencies) gets *default_country*.
    """
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: deeply nested arrays.
        raise PopoloError(gettext("The file is not valid JSON.")) from None
    if not isinstance(document, dict):
        raise PopoloError(gettext("The file is not a Popolo document."))
    persons = _by_id(_list(document, "persons"))
    posts = _by_id(_list(document, "posts"))
    organizations = _by_id(_list(document, "organizations"))
    areas = _by_id(_list(document, "areas"))
    rows = []
    for membership in _current_first(_list(document, "memberships")):
        person = persons.get(membership.get("person_id"), {})
        post = posts.get(membership.get("post_id"), {})
        organization = organizations.get(membership.get("organization_id"), {})
        area = areas.get(membership.get("area_id") or post.get("area_id"), {})
        identifiers = person.get("identifiers") if isinstance(person.get("identifiers"), list) else []
        external_id = next(
            (
                _text(item.get("identifier"))
                for item in identifiers
                if isinstance(item, dict) and item.get("scheme") == EXTERNAL_ID_SCHEME
            ),
            _text(person.get("id")),
        )
        contacts = person.get("contact_details") if isinstance(person.get("contact_details"), list) else []
        contact = {item.get("type"): _text(item.get("value")) for item in contacts if isinstance(item, dict)}
        other_names = person.get("other_names") if isinstance(person.get("other_names"), list) else []
        address_line = next(
            (
                _text(item.get("name"))
                for item in other_names
                if isinstance(item, dict) and item.get("note") == ADDRESS_LINE_NOTE
            ),
            None,
        )
        links = person.get("links") if isinstance(person.get("links"), list) else []
        sources = person.get("sources") if isinstance(person.get("sources"), list) else []
        rows.append(
            {
                "external_id": external_id,
                "full_name": _text(person.get("name")),
                # EveryPolitician has no posts: the membership's role ("member"), else the body's name.
                "position_title": _text(post.get("label") or membership.get("role") or organization.get("name")),
                "organisation": _text(organization.get("name"))
                if not _text(organization.get("id")).endswith("/government")
                else "",
                "country": _area_country(area) or default_country,
                "postal_address": contact.get("address", ""),
                "email": _text(person.get("email")) or contact.get("email", ""),
                "phone": contact.get("voice") or contact.get("phone", ""),
                "website": _text(links[0].get("url")) if links and isinstance(links[0], dict) else "",
                "source_url": _text(sources[0].get("url")) if sources and isinstance(sources[0], dict) else "",
                "address_line": address_line,
            }
        )
    # Columns a Popolo file does not carry (salutation, rank, last_verified...) are left
    # out, so they stay as they are locally (a missing column changes nothing). The address
    # line is carried when any person has one (a file from an older site has none).
    columns: tuple[str, ...] = POPOLO_COLUMNS
    if any(row["address_line"] is not None for row in rows):
        columns += ("address_line",)
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(formula_safe_row(row[column] or "" for column in columns))
    return stream.getvalue().encode("utf-8")
