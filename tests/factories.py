"""Small builders for test content: a home page with a directory, resources and a campaign."""

from __future__ import annotations

import datetime
import json

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db.models import F
from django.utils.text import slugify
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
    ensure_wagtail_tree()
    return Page.objects.get(depth=2)


def ensure_wagtail_tree() -> None:
    """What Wagtail's data migrations create (locale, root collection, root page, a default site
    with its "Welcome" home), which a transactional test's flush removes for the tests after it."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from wagtail.models import Collection, Locale, Site

    if Page.objects.filter(depth=2).exists():
        return
    ContentType.objects.clear_cache()  # ids of a flushed database may differ
    cache.clear()
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.objects.filter(depth=1).first() or Page.add_root(title="Root", slug="root", locale=locale)
    welcome = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home", locale=locale))
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)


def add(parent, page):
    """Add *page* under *parent* and publish it (a revision, as an editor's "Publish")."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_many(parent, pages: list[Page]) -> list[Page]:
    """Add *pages* (all of one page type with Page as their only concrete parent) live under
    *parent* in a few queries: their tree paths computed here, then one bulk insert into
    wagtailcore_page and one into the type's table. No revision, no clean, no save signals
    (search and reference index, cache purge): for tests that need many live pages to read,
    such as the query budgets, where adding 250 pages one by one took most of the run."""
    if not pages:
        return pages
    model = type(pages[0])
    assert all(type(page) is model for page in pages) and model._meta.get_parent_list() == [Page]
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    first_step = model._str2int(last.path[-model.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    base_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    for step, page in enumerate(pages, start=first_step):
        page.slug = page.slug or slugify(page.title, allow_unicode=True)
        page.depth, page.path, page.numchild = parent.depth + 1, model._get_path(parent.path, parent.depth + 1, step), 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title, page.live, page.has_unpublished_changes = page.title, True, False
        page.locale_id, page.content_type = parent.locale_id, content_type
    rows = Page.objects.bulk_create([Page(**{name: getattr(page, name) for name in base_fields}) for page in pages])
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.id
    # The type's own table in one INSERT: bulk_create refuses multi-table inheritance, and
    # this is the insert it would make for the child rows (as loaddata's raw save does).
    model._base_manager._insert(pages, fields=model._meta.local_concrete_fields, raw=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


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


def decision_maker(country="FR", name="Claire Dubois", **fields) -> DecisionMakerPage:
    """An unsaved decision maker with plausible details."""
    fields.setdefault("position_title", "Minister for Equality")
    fields.setdefault("organisation", "Ministry of Equality")
    fields.setdefault("salutation", "Dear Minister")
    fields.setdefault("postal_address", "1 Rue Example\n75000 Paris")
    fields.setdefault("last_verified", datetime.date.today())
    return DecisionMakerPage(title=name, country=country, **fields)


def make_decision_maker(directory, country="FR", name="Claire Dubois", **fields) -> DecisionMakerPage:
    return add(directory, decision_maker(country, name, **fields))


def make_resources(parent=None, count=1, **fields) -> tuple[ResourceIndexPage, list[ResourcePage]]:
    index = add(parent or home(), ResourceIndexPage(title="Resources", slug="resources"))
    pages = []
    for number in range(count):
        values = dict(
            title=f"Resource {number}",
            resource_type="statement",
            publication_date=datetime.date(2012, 4, 1),
            summary="A statement.",
        )
        values.update(fields)
        pages.append(add(index, ResourcePage(**values)))
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


# The countries the suite's letters and reports come from, first in every target list it builds.
TEST_COUNTRIES = ["FR", "KE", "DE", "NG", "JP", "GB", "IN", "BR", "US", "ES"]


def some_countries(count: int) -> list[str]:
    """*count* ISO codes, the suite's own countries first (FR and KE are the directory fixture's):
    a campaign target list that counts what the tests send as reached."""
    others = [code for code, _name in countries if code not in TEST_COUNTRIES]
    return (TEST_COUNTRIES + others)[:count]


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
