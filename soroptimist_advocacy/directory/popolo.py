"""The directory as Popolo JSON (https://www.popoloproject.com/specs/), the exchange
format of civic-tech tools such as EveryPolitician and Open Civic Data.

Each decision maker becomes a *person* holding a *post* in an *organization*
(her ministry, or the country's government when none is given), joined by a
*membership*; each country is an *area* whose ID is the Open Civic Data division
``ocd-division/country:fr`` and which carries its ISO 3166-1 alpha-2 code both as
an identifier (scheme ``iso_3166_1``) and as ``iso_3166_1``. IDs derive from
the page's ``translation_key``, stable across edits and languages; the CSV's
``external_id`` is kept as an identifier and the address line on a letter as one of
the person's ``other_names`` (noted ``soroptimist-advocacy:address_line``). Sample records (``is_sample``) are
left out: they are not real people and must not reach other tools as such.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext

EXTERNAL_ID_SCHEME = "soroptimist-advocacy:external_id"
# The note marking, among a person's other names, the lines a letter addresses her with
# (Popolo has no field of its own for them; other tools read them as another form of her name).
ADDRESS_LINE_NOTE = "soroptimist-advocacy:address_line"
ISO_SCHEME = "iso_3166_1"


def area_id(country_code: str) -> str:
    return f"ocd-division/country:{country_code.lower()}"


def _area(code: str, name: str) -> dict:
    return {
        "id": area_id(code),
        "name": name,
        "classification": "country",
        "identifiers": [{"scheme": ISO_SCHEME, "identifier": code}],
        ISO_SCHEME: code,
    }


def _organization(code: str, organisation: str, country_name: str) -> dict:
    name = organisation or gettext("Government of %(country)s") % {"country": country_name}
    return {
        "id": f"organization/{code.lower()}/{slugify(organisation, allow_unicode=True) or 'government'}",
        "name": name,
        "classification": "executive",
        "area_id": area_id(code),
    }


def _person(page, person_id: str) -> dict:
    person = {"id": person_id, "name": page.title}
    if page.external_id:
        person["identifiers"] = [{"scheme": EXTERNAL_ID_SCHEME, "identifier": page.external_id}]
    if page.email:
        person["email"] = page.email
    if page.address_line:
        person["other_names"] = [{"name": page.address_line, "note": ADDRESS_LINE_NOTE}]
    contact_details = []
    if page.postal_address:
        contact_details.append({"type": "address", "label": gettext("Postal address"), "value": page.postal_address})
    if page.email:
        contact_details.append({"type": "email", "value": page.email})
    if page.phone:
        contact_details.append({"type": "voice", "value": page.phone})
    if contact_details:
        person["contact_details"] = contact_details
    if page.website:
        person["links"] = [{"url": page.website, "note": gettext("Website")}]
    if page.source_url:
        note = (
            gettext("Last verified %(date)s") % {"date": page.last_verified.isoformat()} if page.last_verified else ""
        )
        person["sources"] = [{"url": page.source_url, **({"note": note} if note else {})}]
    return person


def popolo_document(pages, language: str) -> dict:
    """*pages* (decision makers) as a Popolo document, names in *language*."""
    persons, posts, memberships = [], [], []
    organizations: dict[str, dict] = {}
    areas: dict[str, dict] = {}
    with translation.override(language):
        for page in pages:
            if page.is_sample:
                continue
            code = page.country.code
            area = areas.setdefault(code, _area(code, str(page.country.name)))
            organization = _organization(code, page.organisation, area["name"])
            organizations.setdefault(organization["id"], organization)
            key = str(page.translation_key)
            person_id, post_id = f"person/{key}", f"post/{key}"
            persons.append(_person(page, person_id))
            posts.append(
                {
                    "id": post_id,
                    "label": page.position_title,
                    "role": page.position_title,
                    "organization_id": organization["id"],
                    "area_id": area["id"],
                }
            )
            memberships.append(
                {
                    "id": f"membership/{key}",
                    "person_id": person_id,
                    "organization_id": organization["id"],
                    "post_id": post_id,
                    "role": page.position_title,
                    "area_id": area["id"],
                }
            )
    return {
        "persons": persons,
        "organizations": list(organizations.values()),
        "posts": posts,
        "memberships": memberships,
        "areas": list(areas.values()),
    }
