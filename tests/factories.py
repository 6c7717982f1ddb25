"""Small builders for test content: a home page with a directory, resources and a campaign."""

from __future__ import annotations

import datetime
import json

from django.core.files.base import ContentFile
from django_countries import countries
from wagtail.documents import get_document_model
from wagtail.models import Page

from soroptimist_advocacy.models import (
    ActionKitPage,
    DecisionMakerIndexPage,
    DecisionMakerPage,
    ResourceIndexPage,
    ResourcePage,
)

LETTER_PARAGRAPHS = [
    "As a member of {{ member.club }} in {{ member.town }}, I write to you.",
    "Please act for the women of {{ recipient.country }}.",
]


def home() -> Page:
    """The default site's root page (Wagtail's initial 'Welcome' page)."""
    return Page.objects.get(depth=2)


def add(parent, page, revision=True):
    """Add *page* live under *parent*; ``revision=False`` skips the revision and the publish
    signals, for tests that only need many live pages (a publish costs ~0.3 s)."""
    parent.add_child(instance=page)
    if revision:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def make_document(title="Statement", filename="statement.pdf", data=b"%PDF-1.4 test" + b"x" * 2400):
    Document = get_document_model()
    document = Document(title=title)
    document.file.save(filename, ContentFile(data), save=False)
    document.save()
    return document


def make_directory(parent=None, **fields) -> DecisionMakerIndexPage:
    fields.setdefault("title", "Who is responsible")
    fields.setdefault("slug", "decision-makers")
    return add(parent or home(), DecisionMakerIndexPage(**fields))


def make_decision_maker(directory, country="FR", name="Claire Dubois", revision=True, **fields) -> DecisionMakerPage:
    fields.setdefault("position_title", "Minister for Equality")
    fields.setdefault("organisation", "Ministry of Equality")
    fields.setdefault("salutation", "Dear Minister")
    fields.setdefault("postal_address", "1 Rue Example\n75000 Paris")
    fields.setdefault("last_verified", datetime.date.today())
    return add(directory, DecisionMakerPage(title=name, country=country, **fields), revision=revision)


def make_resources(parent=None, count=1, revision=True, **fields) -> tuple[ResourceIndexPage, list[ResourcePage]]:
    index = add(parent or home(), ResourceIndexPage(title="Resources", slug="resources"))
    pages = []
    for number in range(count):
        values = dict(
            title=f"Resource {number}", resource_type="statement",
            publication_date=datetime.date(2012, 4, 1), summary="A statement.",
        )
        values.update(fields)
        pages.append(add(index, ResourcePage(**values), revision=revision))
    return index, pages


def letter_block(template=None, paragraphs=None) -> dict:
    return {
        "type": "letter_builder",
        "value": {
            "heading": "Write your letter",
            "intro": "",
            "paragraphs": paragraphs or LETTER_PARAGRAPHS,
            "template": template,
            "generic_salutation": "Dear Minister",
            "generic_addressee": "The Minister for Women",
        },
    }


def some_countries(count: int) -> list[str]:
    """*count* ISO codes, FR and KE first (the directory fixture's countries): a campaign target list."""
    others = [code for code, _name in countries if code not in ("FR", "KE")]
    return (["FR", "KE"] + others)[:count]


def make_action_kit(parent=None, directory=None, body=None, **fields) -> ActionKitPage:
    fields.setdefault("title", "Post CSW Advocacy Action Kit")
    fields.setdefault("slug", "action-kit")
    if body is None:
        body = [{"type": "paragraph", "value": "<p>Send the letter.</p>"}, letter_block()]
    page = ActionKitPage(directory=directory, body=json.dumps(body), **fields)
    return add(parent or home(), page)


def list_block(items) -> dict:
    """Form data of a ListBlock, for use inside ``nested_form_data``."""
    data = {str(index): {"value": item, "deleted": "", "order": str(index)} for index, item in enumerate(items)}
    data["count"] = str(len(items))
    return data
