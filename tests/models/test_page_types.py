"""Each page type can be created where it makes sense, rendered, routed and edited."""

import datetime

from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from soroptimist_advocacy.models import (
    ActionKitPage,
    DecisionMakerIndexPage,
    DecisionMakerPage,
    ResourceIndexPage,
    ResourcePage,
)
from tests import factories


class PageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = factories.home()
        cls.directory = factories.make_directory()
        cls.decision_maker = factories.make_decision_maker(cls.directory, "FR")
        cls.resource_index, (cls.resource,) = factories.make_resources()
        cls.action_kit = factories.make_action_kit(directory=cls.directory)

    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
        self.client.force_login(self.user)

    def all_pages(self):
        return [self.directory, self.decision_maker, self.resource_index, self.resource, self.action_kit]

    def edit_data(self, page):
        """Edit-form data for pages whose StreamField the admin renders in JavaScript."""
        body = streamfield([("paragraph", rich_text("<p>Edited</p>"))])
        if isinstance(page, ActionKitPage):
            return nested_form_data(
                {
                    "title": page.title,
                    "slug": page.slug,
                    "intro": rich_text(""),
                    "body": body,
                    "sources": streamfield([]),
                }
            )
        if isinstance(page, ResourcePage):
            return nested_form_data(
                {"title": page.title, "slug": page.slug, "resource_type": "faq", "summary": "", "body": body}
            )
        return None

    def test_every_page_is_routable_renderable_and_editable(self):
        for page in self.all_pages():
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, post_data=self.edit_data(page))
                self.assertPageIsPreviewable(page, post_data=self.edit_data(page))

    def test_action_kit_letter_route_is_routable(self):
        self.assertPageIsRoutable(self.action_kit, "letter/")

    def test_parent_and_subpage_rules(self):
        self.assertAllowedSubpageTypes(ResourceIndexPage, {ResourcePage})
        self.assertAllowedSubpageTypes(DecisionMakerIndexPage, {DecisionMakerPage})
        self.assertAllowedSubpageTypes(ActionKitPage, set())
        self.assertAllowedSubpageTypes(ResourcePage, set())
        self.assertAllowedSubpageTypes(DecisionMakerPage, set())
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceIndexPage})
        self.assertAllowedParentPageTypes(DecisionMakerPage, {DecisionMakerIndexPage})
        self.assertCanNotCreateAt(Page, DecisionMakerPage)
        self.assertCanNotCreateAt(ActionKitPage, ResourcePage)
        self.assertCanCreateAt(Page, ActionKitPage)

    def test_editor_can_create_an_action_kit_with_every_content_block(self):
        document = factories.make_document()
        data = nested_form_data(
            {
                "title": "Post CSW Advocacy Action Kit 2",
                "slug": "action-kit-2",
                "intro": rich_text("<p>After CSW 56...</p>"),
                "opens_on": "2026-01-01",
                "closes_on": "2026-12-31",
                "directory": self.directory.pk,
                # Wagtail 7.4's StreamField widget needs every stream's count, even empty.
                "sources": streamfield([]),
                "body": streamfield(
                    [
                        ("paragraph", rich_text("<p>Hello</p>")),
                        ("heading", {"text": "Resources", "level": "h2"}),
                        ("document_link", {"document": document.pk, "title": "", "description": ""}),
                        ("resource_list", {"heading": "More", "resources": factories.list_block([self.resource.pk])}),
                        (
                            "faq",
                            {
                                "heading": "FAQ",
                                "items": factories.list_block(
                                    [{"question": "Why?", "answer": rich_text("<p>Because.</p>")}]
                                ),
                            },
                        ),
                        (
                            "call_to_action",
                            {
                                "heading": "Act",
                                "text": "",
                                "button_label": "Go",
                                "page": self.resource.pk,
                                "external_url": "",
                            },
                        ),
                        ("share_links", {"heading": "", "share_text": "Join us", "handle": "@SoroptiTweet"}),
                        (
                            "related_links",
                            {
                                "heading": "News",
                                "links": factories.list_block(
                                    [
                                        {
                                            "title": "CSW 56",
                                            "page": "",
                                            "external_url": "https://example.org/",
                                            "date": "2012-03-01",
                                        }
                                    ]
                                ),
                            },
                        ),
                        ("quote", {"quote": "Stand up", "attribution": "SI"}),
                        ("decision_maker_lookup", {"heading": "", "text": "", "directory": self.directory.pk}),
                    ]
                ),
            }
        )
        # nested_form_data flattens lists; a multiple choice posts one key several times.
        data["body-6-value-networks"] = ["x", "email"]
        self.assertCanCreate(self.home, ActionKitPage, data)

    def test_editor_can_create_a_decision_maker(self):
        self.assertCanCreate(
            self.directory,
            DecisionMakerPage,
            nested_form_data(
                {
                    "title": "Amina Bello",
                    "slug": "amina-bello",
                    "salutation": "Dear Honourable Minister",
                    "position_title": "Minister of Women Affairs",
                    "organisation": "Federal Ministry of Women Affairs",
                    "country": "NG",
                    "rank": 1,
                    "postal_address": "Abuja",
                    "email": "minister@example.org",
                    "responsibilities": rich_text("<p>Gender</p>"),
                    "last_verified": "2026-09-01",
                }
            ),
        )

    def test_editor_can_create_resources_and_listings(self):
        self.assertCanCreate(
            self.home,
            DecisionMakerIndexPage,
            nested_form_data({"title": "Directory 2", "slug": "d2", "intro": rich_text("")}),
        )
        self.assertCanCreate(
            self.home, ResourceIndexPage, nested_form_data({"title": "Tools", "slug": "tools", "intro": rich_text("")})
        )
        self.assertCanCreate(
            self.resource_index,
            ResourcePage,
            nested_form_data(
                {
                    "title": "FAQ on the statement",
                    "slug": "faq-statement",
                    "resource_type": "faq",
                    "publication_date": "2012-05-01",
                    "summary": "Language used",
                    "external_url": "",
                    "body": streamfield(
                        [
                            (
                                "faq",
                                {
                                    "heading": "",
                                    "items": factories.list_block(
                                        [{"question": "What is CSW?", "answer": rich_text("<p>A UN commission.</p>")}]
                                    ),
                                },
                            )
                        ]
                    ),
                }
            ),
        )

    def test_resource_with_document_and_url_is_refused(self):
        document = factories.make_document()
        page = ResourcePage(title="Both", document=document, external_url="https://example.org")
        with self.assertRaises(Exception) as caught:
            page.full_clean()
        self.assertIn("external_url", caught.exception.message_dict)


def test_decision_maker_is_stale_after_the_setting(db, settings):
    settings.SOROPTIMIST_ADVOCACY = {"STALE_AFTER_DAYS": 30}
    page = DecisionMakerPage(last_verified=datetime.date(2026, 1, 1))
    assert page.is_stale(datetime.date(2026, 1, 31)) is False
    assert page.is_stale(datetime.date(2026, 2, 1)) is True
    assert DecisionMakerPage(last_verified=None).is_stale() is True
