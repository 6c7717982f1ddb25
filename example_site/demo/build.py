"""Build (or bring up to date) the demo campaign. Every step finds what a previous
run made, by slug, title or external ID, so running it twice duplicates nothing."""

from __future__ import annotations

import io
import json

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from soroptimist_advocacy.letters import default_template_bytes, render, sample_context
from soroptimist_advocacy.models import (
    ActionKitPage,
    DecisionMakerIndexPage,
    DecisionMakerPage,
    LetterTemplate,
    ResourceIndexPage,
    ResourcePage,
)
from soroptimist_advocacy.web.localize import translate

from . import content
from .drawing import hero_image_png
from .files import simple_pdf
from .models import HomePage
from .translations import AR, ES, FR, RU, ZH_HANS
from .translations_people import strings_for

# The six UN languages: English is the source, the others are wagtail-localize translations.
TRANSLATIONS = {"fr": FR, "es": ES, "ar": AR, "zh-hans": ZH_HANS, "ru": RU}


def publish(page):
    page.save_revision().publish()
    return page


def upsert_child(parent, model, slug: str, **fields):
    """The child of *parent* with *slug*, created or updated with *fields* and published."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    return publish(page)


def upsert_document(title: str, filename: str, data: bytes):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(filename, ContentFile(data), save=False)
        document.save()
    return document


def upsert_image(title: str, filename: str, data: bytes):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title)
        # An ImageFile, so that Django reads its width and height as it stores it.
        image.file.save(filename, ImageFile(io.BytesIO(data), name=filename), save=False)
        image.save()
    return image


def hero_image():
    """The campaign's hero image, also its picture when shared (og:image); drawn for the demo, CC0."""
    return upsert_image("Letters flying to a globe (demo, CC0 1.0)", "csw56-hero.png", hero_image_png())


def home_page() -> HomePage:
    """The site's home page, replacing Wagtail's placeholder welcome page on first run."""
    site = Site.objects.filter(is_default_site=True).first()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2).first()
    if home is None:
        home = HomePage(
            title="Soroptimist International (example)",
            slug="home",
            intro=("<p>An example site of soroptimist-advocacy. Its campaign is sample data.</p>"),
        )
        welcome = Page.objects.filter(depth=2, slug="home").first()
        if welcome is not None and welcome.specific_class is Page:
            welcome.delete()
        root.add_child(instance=home)
        publish(home)
    if site is None:
        # `demo ADDR:PORT` then points the hostname and port at the address it serves (site_address.py).
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if site.root_page_id != home.pk or site.site_name != settings.WAGTAIL_SITE_NAME:
        # Its name is og:site_name on every page, so a shared link names the site.
        site.root_page, site.site_name = home, settings.WAGTAIL_SITE_NAME
        site.save()
    return home


def demo_document(resource: dict) -> object:
    filename, kind = resource["file"]
    if kind == "pdf":
        data = simple_pdf(resource["title"], [resource["summary"], "Sample document of the soroptimist-advocacy demo."])
    else:
        data = _sample_letter()
    return upsert_document(resource["title"], filename, data)


def _sample_letter() -> bytes:
    return render(default_template_bytes(), sample_context())


def build_resources(home) -> tuple[ResourceIndexPage, dict[str, ResourcePage]]:
    index = upsert_child(
        home,
        ResourceIndexPage,
        "resources",
        title="Project Tools and Resources",
        show_in_menus=True,
        intro="<p>Statements, letters and explanations for Soroptimist advocacy.</p>",
    )
    pages = {}
    for resource in content.RESOURCES:
        fields = {
            "title": resource["title"],
            "resource_type": resource["resource_type"],
            "publication_date": resource["publication_date"],
            "summary": resource["summary"],
        }
        if "file" in resource:
            fields["document"] = demo_document(resource)
        if "faq" in resource:
            fields["body"] = json.dumps(
                [
                    {
                        "type": "faq",
                        "value": {
                            "heading": "",
                            "items": [{"question": question, "answer": answer} for question, answer in resource["faq"]],
                        },
                    }
                ]
            )
        pages[resource["slug"]] = upsert_child(index, ResourcePage, resource["slug"], **fields)
    return index, pages


def build_directory(home) -> DecisionMakerIndexPage:
    directory = upsert_child(
        home,
        DecisionMakerIndexPage,
        "decision-makers",
        title="Who is responsible for women's and gender issues in your country?",
        show_in_menus=True,
        intro="<p>Choose your country to see the member of government responsible for gender or women's issues. "
        "The people listed in this demo are fictional.</p>",
    )
    for external_id, country, name, salutation, post, organisation, email, rank in content.DECISION_MAKERS:
        existing = DecisionMakerPage.objects.child_of(directory).filter(external_id=external_id).first()
        fields = dict(
            title=name,
            salutation=salutation,
            position_title=post,
            organisation=organisation,
            country=country,
            rank=rank,
            email=email,
            postal_address=content.ADDRESS,
            address_line=content.ADDRESS_LINES.get(external_id, ""),
            last_verified=content.VERIFIED_ON,
            source_url="https://example.org/government-directory",
            external_id=external_id,
            is_sample=True,
        )
        upsert_child(directory, DecisionMakerPage, existing.slug if existing else external_id, **fields)
    return directory


def build_letter_templates() -> LetterTemplate:
    """The campaign's letter template in English, with its own .docx in every other language (the
    app's default letter as each language writes one: its punctuation after the salutation, its
    label before the subject line)."""
    english = LetterTemplate.objects.filter(name="CSW 56 advocacy letter", locale__language_code="en").first()
    english_document = upsert_document(
        "CSW 56 advocacy letter (en)", "csw56-letter-en.docx", default_template_bytes("en")
    )
    if english is None:
        english = LetterTemplate.objects.create(name="CSW 56 advocacy letter", document=english_document)
    for language, strings in TRANSLATIONS.items():
        document = upsert_document(
            f"CSW 56 advocacy letter ({language})", f"csw56-letter-{language}.docx", default_template_bytes(language)
        )
        translate(english, language, strings, overrides={"document": document.pk})
    return english


def campaign_body(resources: dict[str, ResourcePage], directory, letter_template) -> str:
    c = content.CAMPAIGN
    statement, joint, letter, faq = (
        resources[slug]
        for slug in (
            "si-csw-56-statement",
            "joint-statement-outcomes-csw",
            "post-session-advocacy-letter",
            "csw-56-statement-faq",
        )
    )
    body = [{"type": "paragraph", "value": paragraph} for paragraph in c["paragraphs"]]
    body += [
        {"type": "heading", "value": {"text": "Statements and the letter", "level": "h2"}},
        {
            "type": "document_link",
            "value": {"document": statement.document_id, "title": statement.title, "description": ""},
        },
        {"type": "document_link", "value": {"document": joint.document_id, "title": joint.title, "description": ""}},
        # "All CSW 56 Resources can also be found on the Project Tools and Resources page" (the seed).
        {
            "type": "resource_list",
            "value": {
                "heading": "",
                "resources": [letter.pk, faq.pk],
                "show_all_link": True,
                "all_resources_page": None,
            },
        },
        {
            "type": "decision_maker_lookup",
            "value": {
                "heading": "Who is responsible in your country?",
                "text": "Find the member of government responsible for gender and/or women in your country.",
                "directory": directory.pk,
            },
        },
        {
            "type": "letter_builder",
            "value": {
                "heading": c["letter_heading"],
                "intro": c["letter_intro"],
                "subject": c["letter_subject"],
                "paragraphs": c["letter_paragraphs"],
                "sections": [
                    {
                        "type": "item",
                        "id": section["id"],
                        "value": {
                            "label": section["label"],
                            "alternatives": [
                                {"type": "item", "id": alternative_id, "value": text}
                                for alternative_id, text in section["alternatives"]
                            ],
                        },
                    }
                    for section in c["letter_sections"]
                ],
                "template": letter_template.pk,
                "generic_salutation": c["generic_salutation"],
                "generic_addressee": c["generic_addressee"],
            },
        },
        {
            "type": "faq",
            "value": {
                "heading": "Questions",
                "items": [{"question": question, "answer": answer} for question, answer in c["faq"]],
            },
        },
        {
            "type": "share_links",
            "value": {
                "heading": "Share this request with your clubs",
                "share_text": c["share_text"],
                "handle": c["share_handle"],
                "networks": ["facebook", "x", "linkedin", "whatsapp", "email"],
            },
        },
        {
            "type": "related_links",
            "value": {
                "heading": "CSW news since the close of the session",
                "links": [
                    {"title": title, "page": None, "external_url": "https://example.org/news", "date": day.isoformat()}
                    for title, day in c["news"]
                ],
            },
        },
        {
            "type": "campaign_summary",
            "value": {"heading": "What members have done so far", "intro": "", "show_map": True},
        },
        {
            "type": "quote",
            "value": {
                "quote": "We look forward to hearing about your action!",
                "attribution": "Soroptimist International",
            },
        },
    ]
    return json.dumps(body)


def translate_tree(pages, languages) -> None:
    """Translate *pages* (parents before children) into each language, as an editor would."""
    for language in languages:
        for page in pages:
            translate(page, language, {**TRANSLATIONS[language], **strings_for(page, language)})


@transaction.atomic
def build_demo() -> ActionKitPage:
    """Build the demo in English, then translate it with wagtail-localize. Pages are
    published on commit, as in the admin (``transaction.on_commit``)."""
    for code in ("en", *TRANSLATIONS):
        Locale.objects.get_or_create(language_code=code)
    home = home_page()
    resource_index, resources = build_resources(home)
    directory = build_directory(home)
    letter_template = build_letter_templates()
    c = content.CAMPAIGN
    campaign = upsert_child(
        home,
        ActionKitPage,
        c["slug"],
        title=c["title"],
        intro=c["intro"],
        show_in_menus=True,
        directory=directory,
        body=campaign_body(resources, directory, letter_template),
        target_countries=c["target_countries"],
        privacy_text=c["privacy_text"],
        share_text=c["share_text"],
        hero_image=hero_image(),
        show_responses_page=True,
    )
    decision_makers = list(DecisionMakerPage.objects.child_of(directory).order_by("path"))
    translate_tree(
        [home, resource_index, *resources.values(), directory, *decision_makers, campaign], list(TRANSLATIONS)
    )
    return campaign
