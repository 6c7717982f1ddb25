# The initial migration, squashed before the first release. It depends only on migrations
# that exist in Wagtail 7.4 as well as 8 (wagtailcore up to 0097).

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import django_countries.fields
import re
import soroptimist_advocacy.models.personal_data
import soroptimist_advocacy.models.public
import uuid
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

# Wagtail 8 lets a site swap its base page model (WAGTAIL_PAGE_MODEL); Wagtail 7.4 has no such setting.
PAGE_MODEL = getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DecisionMakerIndexPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
                (
                    "empty_country_message",
                    models.TextField(
                        blank=True,
                        help_text="Shown when a member picks a country with nobody listed yet.",
                        verbose_name="message for a country with no decision maker",
                    ),
                ),
            ],
            options={
                "verbose_name": "decision-maker directory",
                "verbose_name_plural": "decision-maker directories",
            },
            bases=(
                soroptimist_advocacy.models.public.SharedCacheMixin,
                soroptimist_advocacy.models.public.PublicPageMixin,
                wagtail.contrib.routable_page.models.RoutablePageMixin,
                "wagtailcore.page",
                models.Model,
            ),
        ),
        migrations.CreateModel(
            name="DecisionMakerSyncState",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="sa_sync_state",
                        serialize=False,
                        to=PAGE_MODEL,
                    ),
                ),
                ("source", models.URLField(blank=True, max_length=500, verbose_name="synced from")),
                ("last_synced_at", models.DateTimeField(blank=True, null=True, verbose_name="last synced")),
                (
                    "managed_locally",
                    models.BooleanField(
                        default=False,
                        help_text="A sync never changes a decision maker managed locally.",
                        verbose_name="managed locally",
                    ),
                ),
                ("missing_upstream", models.BooleanField(default=False, verbose_name="missing upstream")),
            ],
            options={
                "verbose_name": "decision-maker sync state",
                "verbose_name_plural": "decision-maker sync states",
            },
        ),
        migrations.CreateModel(
            name="LetterTemplate",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("name", models.CharField(max_length=255, verbose_name="name")),
                ("notes", models.TextField(blank=True, verbose_name="notes for editors")),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        help_text="Upload the .docx as a document, then choose it here. Without one, the app's own letter is used.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtaildocs.document",
                        verbose_name="Word template (.docx)",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "letter template",
                "verbose_name_plural": "letter templates",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.CreateModel(
            name="ResourceIndexPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "resource listing",
                "verbose_name_plural": "resource listings",
            },
            bases=(
                soroptimist_advocacy.models.public.SharedCacheMixin,
                soroptimist_advocacy.models.public.PublicPageMixin,
                "wagtailcore.page",
                models.Model,
            ),
        ),
        migrations.CreateModel(
            name="DecisionMakerCorrection",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("decision_maker_name", models.CharField(max_length=255, verbose_name="decision maker's name")),
                ("position_title", models.CharField(blank=True, max_length=255, verbose_name="post")),
                ("country", django_countries.fields.CountryField(blank=True, max_length=2, verbose_name="country")),
                ("details", models.TextField(verbose_name="what the member knows")),
                ("reporter_name", models.CharField(blank=True, max_length=200, verbose_name="member's name")),
                ("reporter_email", models.EmailField(blank=True, max_length=254, verbose_name="member's email")),
                (
                    "status",
                    models.CharField(
                        choices=[("open", "open"), ("resolved", "resolved")],
                        db_index=True,
                        default="open",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="reported at"),
                ),
                ("resolved_at", models.DateTimeField(blank=True, null=True, verbose_name="resolved at")),
                (
                    "personal_data_purged_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="personal data removed at"
                    ),
                ),
                (
                    "decision_maker",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="advocacy_corrections",
                        to=PAGE_MODEL,
                        verbose_name="decision maker",
                    ),
                ),
                (
                    "resolved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="resolved by",
                    ),
                ),
            ],
            options={
                "verbose_name": "decision-maker correction",
                "verbose_name_plural": "decision-maker corrections",
                "ordering": ["-created_at"],
            },
            bases=(soroptimist_advocacy.models.personal_data.PersonalDataMixin, models.Model),
        ),
        migrations.CreateModel(
            name="ActionKitPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
                ("opens_on", models.DateField(blank=True, null=True, verbose_name="campaign opens on")),
                (
                    "closes_on",
                    models.DateField(
                        blank=True,
                        help_text="After this day the page says the campaign has ended and its forms are disabled.",
                        null=True,
                        verbose_name="campaign closes on",
                    ),
                ),
                (
                    "closed_message",
                    models.TextField(
                        blank=True,
                        help_text="Optional; a standard message is shown when empty.",
                        verbose_name="message once the campaign has ended",
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("paragraph", 0),
                            ("heading", 3),
                            ("resource_list", 9),
                            ("document_link", 13),
                            ("faq", 18),
                            ("call_to_action", 24),
                            ("share_links", 28),
                            ("related_links", 33),
                            ("quote", 36),
                            ("decision_maker_lookup", 38),
                            ("letter_builder", 47),
                            ("campaign_summary", 51),
                        ],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {"label": "Paragraph", "template": "soroptimist_advocacy/blocks/paragraph.html"},
                            ),
                            1: ("wagtail.blocks.CharBlock", (), {"label": "Text", "max_length": 255}),
                            2: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [("h2", "Section heading"), ("h3", "Subheading")],
                                    "help_text": "The page title is the only top-level heading.",
                                    "label": "Level",
                                },
                            ),
                            3: ("wagtail.blocks.StructBlock", [[("text", 1), ("level", 2)]], {}),
                            4: ("wagtail.blocks.CharBlock", (), {"label": "Heading", "required": False}),
                            5: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {"label": "Resource", "page_type": ["soroptimist_advocacy.ResourcePage"]},
                            ),
                            6: ("wagtail.blocks.ListBlock", (5,), {"label": "Resources"}),
                            7: (
                                "wagtail.blocks.BooleanBlock",
                                (),
                                {
                                    "default": False,
                                    "help_text": "A link after the list to the page listing every resource (Project Tools and Resources).",
                                    "label": 'Show a "See all resources" link',
                                    "required": False,
                                },
                            ),
                            8: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {
                                    "help_text": "Defaults to the listing the first resource belongs to.",
                                    "label": "Resource listing",
                                    "page_type": ["soroptimist_advocacy.ResourceIndexPage"],
                                    "required": False,
                                },
                            ),
                            9: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 4), ("resources", 6), ("show_all_link", 7), ("all_resources_page", 8)]],
                                {},
                            ),
                            10: ("wagtail.documents.blocks.DocumentChooserBlock", (), {"label": "Document"}),
                            11: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Defaults to the document's title.",
                                    "label": "Link text",
                                    "required": False,
                                },
                            ),
                            12: ("wagtail.blocks.TextBlock", (), {"label": "Description", "required": False}),
                            13: (
                                "wagtail.blocks.StructBlock",
                                [[("document", 10), ("title", 11), ("description", 12)]],
                                {},
                            ),
                            14: ("wagtail.blocks.CharBlock", (), {"label": "Question"}),
                            15: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {"features": ["bold", "italic", "link", "ol", "ul"], "label": "Answer"},
                            ),
                            16: ("wagtail.blocks.StructBlock", [[("question", 14), ("answer", 15)]], {}),
                            17: ("wagtail.blocks.ListBlock", (16,), {"label": "Questions"}),
                            18: ("wagtail.blocks.StructBlock", [[("heading", 4), ("items", 17)]], {}),
                            19: ("wagtail.blocks.CharBlock", (), {"label": "Heading"}),
                            20: ("wagtail.blocks.TextBlock", (), {"label": "Text", "required": False}),
                            21: ("wagtail.blocks.CharBlock", (), {"label": "Button label"}),
                            22: ("wagtail.blocks.PageChooserBlock", (), {"label": "Page", "required": False}),
                            23: ("wagtail.blocks.URLBlock", (), {"label": "External URL", "required": False}),
                            24: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("heading", 19),
                                        ("text", 20),
                                        ("button_label", 21),
                                        ("page", 22),
                                        ("external_url", 23),
                                    ]
                                ],
                                {},
                            ),
                            25: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"help_text": "The message people share with the link.", "label": "Share text"},
                            ),
                            26: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "For example @SoroptiTweet; added to posts on X.",
                                    "label": "Handle",
                                    "max_length": 64,
                                    "required": False,
                                },
                            ),
                            27: (
                                "wagtail.blocks.MultipleChoiceBlock",
                                [],
                                {
                                    "choices": [
                                        ("facebook", "Facebook"),
                                        ("x", "X"),
                                        ("linkedin", "LinkedIn"),
                                        ("whatsapp", "WhatsApp"),
                                        ("email", "Email"),
                                    ],
                                    "label": "Networks",
                                },
                            ),
                            28: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 4), ("share_text", 25), ("handle", 26), ("networks", 27)]],
                                {},
                            ),
                            29: ("wagtail.blocks.CharBlock", (), {"label": "Title"}),
                            30: ("wagtail.blocks.DateBlock", (), {"label": "Date", "required": False}),
                            31: (
                                "wagtail.blocks.StructBlock",
                                [[("title", 29), ("page", 22), ("external_url", 23), ("date", 30)]],
                                {},
                            ),
                            32: ("wagtail.blocks.ListBlock", (31,), {"label": "Links"}),
                            33: ("wagtail.blocks.StructBlock", [[("heading", 4), ("links", 32)]], {}),
                            34: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                            35: ("wagtail.blocks.CharBlock", (), {"label": "Attribution", "required": False}),
                            36: ("wagtail.blocks.StructBlock", [[("quote", 34), ("attribution", 35)]], {}),
                            37: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {
                                    "help_text": "Defaults to the campaign's directory.",
                                    "label": "Directory",
                                    "page_type": ["soroptimist_advocacy.DecisionMakerIndexPage"],
                                    "required": False,
                                },
                            ),
                            38: ("wagtail.blocks.StructBlock", [[("heading", 4), ("text", 20), ("directory", 37)]], {}),
                            39: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"default": "Write to your decision maker", "label": "Heading"},
                            ),
                            40: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {"features": ["bold", "italic", "link"], "label": "Introduction", "required": False},
                            ),
                            41: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "default": "",
                                    "help_text": "The subject line of the letter, translated with the page; without one the page title is used.",
                                    "label": "Subject",
                                    "required": False,
                                },
                            ),
                            42: ("wagtail.blocks.TextBlock", (), {"label": "Paragraph"}),
                            43: (
                                "wagtail.blocks.ListBlock",
                                (42,),
                                {
                                    "help_text": "The paragraphs of the letter. You may use {{ member.name }}, {{ member.club }}, {{ member.town }}, {{ member.country }}, {{ recipient.name }}, {{ recipient.title }}, {{ recipient.organisation }}, {{ recipient.country }} and {{ campaign.title }}.",
                                    "label": "Letter text",
                                },
                            ),
                            44: (
                                "wagtail.snippets.blocks.SnippetChooserBlock",
                                ("soroptimist_advocacy.LetterTemplate",),
                                {
                                    "help_text": "A Word template for the letter; without one the app's own plain letter is used.",
                                    "label": "Letter template",
                                    "required": False,
                                },
                            ),
                            45: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "default": "Dear Minister",
                                    "label": "Salutation for a country without a decision maker",
                                },
                            ),
                            46: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "default": "The Minister responsible for women's and gender equality",
                                    "label": "Addressee for a country without a decision maker",
                                },
                            ),
                            47: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("heading", 39),
                                        ("intro", 40),
                                        ("subject", 41),
                                        ("paragraphs", 43),
                                        ("template", 44),
                                        ("generic_salutation", 45),
                                        ("generic_addressee", 46),
                                    ]
                                ],
                                {},
                            ),
                            48: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"default": "What members have done so far", "label": "Heading", "required": False},
                            ),
                            49: ("wagtail.blocks.TextBlock", (), {"label": "Introduction", "required": False}),
                            50: (
                                "wagtail.blocks.BooleanBlock",
                                (),
                                {
                                    "help_text": "Add the figures of the partner feeds of this campaign, with each partner's freshness.",
                                    "label": "Include partner sites",
                                    "required": False,
                                },
                            ),
                            51: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 48), ("intro", 49), ("include_partners", 50)]],
                                {},
                            ),
                        },
                        verbose_name="body",
                    ),
                ),
                (
                    "privacy_text",
                    wagtail.fields.RichTextField(
                        blank=True,
                        help_text="What members agree to before reporting: who sees their report and how long it is kept. A standard text is shown when empty.",
                        verbose_name="privacy text of the report form",
                    ),
                ),
                (
                    "target_countries",
                    django_countries.fields.CountryField(
                        blank=True,
                        help_text='The countries this campaign wants to reach; leave empty for every country. The "countries reached" figure is shown against them and the directory\'s coverage page lists them.',
                        max_length=1000,
                        multiple=True,
                        verbose_name="countries to reach",
                    ),
                ),
                (
                    "sources",
                    wagtail.fields.StreamField(
                        [("source", 2)],
                        blank=True,
                        block_lookup={
                            0: (
                                "soroptimist_advocacy.blocks.sources.SourceSlugBlock",
                                (),
                                {
                                    "help_text": "Lower-case letters, digits and hyphens, e.g. newsletter-nov. Links carry it as ?source=.",
                                    "label": "Slug",
                                    "max_length": 50,
                                    "validators": [
                                        django.core.validators.RegexValidator(
                                            re.compile("^[-a-zA-Z0-9_]+\\Z"),
                                            "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.",
                                            "invalid",
                                        )
                                    ],
                                },
                            ),
                            1: ("wagtail.blocks.CharBlock", (), {"label": "Label", "max_length": 100}),
                            2: ("wagtail.blocks.StructBlock", [[("slug", 0), ("label", 1)]], {}),
                        },
                        default=list,
                        help_text="Where visitors come from, e.g. a newsletter: share the campaign URL with ?source=<slug> to count letters and reports per source. No personal data is kept.",
                        verbose_name="sources",
                    ),
                ),
                (
                    "share_text",
                    models.TextField(
                        blank=True,
                        help_text="The message members pass on after writing a letter or reporting an action; the link to the campaign is added to it. The campaign title is used when empty.",
                        verbose_name="share text",
                    ),
                ),
                (
                    "hero_image",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="hero image",
                    ),
                ),
                (
                    "share_image",
                    models.ForeignKey(
                        blank=True,
                        help_text="Shown when the campaign is shared on social networks; the hero image is used when empty.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="share image",
                    ),
                ),
                (
                    "directory",
                    models.ForeignKey(
                        blank=True,
                        help_text="Whose decision makers the lookup and the letter builder offer.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="soroptimist_advocacy.decisionmakerindexpage",
                        verbose_name="decision-maker directory",
                    ),
                ),
            ],
            options={
                "verbose_name": "action kit",
                "verbose_name_plural": "action kits",
            },
            bases=(
                soroptimist_advocacy.models.public.SharedCacheMixin,
                soroptimist_advocacy.models.public.PublicPageMixin,
                wagtail.contrib.routable_page.models.RoutablePageMixin,
                "wagtailcore.page",
                models.Model,
            ),
        ),
        migrations.CreateModel(
            name="DecisionMakerPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=PAGE_MODEL,
                    ),
                ),
                (
                    "salutation",
                    models.CharField(
                        blank=True, help_text='For example "Dear Minister".', max_length=120, verbose_name="salutation"
                    ),
                ),
                ("position_title", models.CharField(max_length=255, verbose_name="position title")),
                ("organisation", models.CharField(blank=True, max_length=255, verbose_name="organisation or ministry")),
                ("country", django_countries.fields.CountryField(db_index=True, max_length=2, verbose_name="country")),
                (
                    "rank",
                    models.PositiveSmallIntegerField(
                        default=1,
                        help_text="1 is the primary decision maker; letters list her first.",
                        verbose_name="order within the country",
                    ),
                ),
                ("postal_address", models.TextField(blank=True, verbose_name="postal address")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                ("phone", models.CharField(blank=True, max_length=64, verbose_name="phone")),
                ("website", models.URLField(blank=True, verbose_name="website")),
                ("responsibilities", wagtail.fields.RichTextField(blank=True, verbose_name="responsibilities")),
                (
                    "last_verified",
                    models.DateField(
                        blank=True,
                        help_text="When an editor last checked this person still holds the post.",
                        null=True,
                        verbose_name="last verified",
                    ),
                ),
                (
                    "source_url",
                    models.URLField(blank=True, help_text="Where the details were checked.", verbose_name="source"),
                ),
                (
                    "external_id",
                    models.CharField(
                        blank=True,
                        db_index=True,
                        help_text="Stable identifier used by imports; leave empty for records made by hand.",
                        max_length=100,
                        verbose_name="external ID",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Marks demonstration records; the public page says they are not real.",
                        verbose_name="sample data",
                    ),
                ),
                (
                    "photo",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="photo",
                    ),
                ),
            ],
            options={
                "verbose_name": "decision maker",
                "verbose_name_plural": "decision makers",
            },
            bases=(
                soroptimist_advocacy.models.public.PublicPageMixin,
                wagtail.contrib.routable_page.models.RoutablePageMixin,
                "wagtailcore.page",
                models.Model,
            ),
        ),
        migrations.CreateModel(
            name="DecisionMakerSuggestion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("country", django_countries.fields.CountryField(db_index=True, max_length=2, verbose_name="country")),
                ("name", models.CharField(max_length=255, verbose_name="full name")),
                ("position_title", models.CharField(max_length=255, verbose_name="post")),
                ("office_email", models.EmailField(blank=True, max_length=254, verbose_name="email of the office")),
                ("office_website", models.URLField(blank=True, verbose_name="website of the office")),
                ("evidence", models.TextField(blank=True, verbose_name="source or evidence")),
                ("submitter_name", models.CharField(blank=True, max_length=200, verbose_name="member's name")),
                ("submitter_email", models.EmailField(blank=True, max_length=254, verbose_name="member's email")),
                (
                    "status",
                    models.CharField(
                        choices=[("open", "open"), ("handled", "handled")],
                        db_index=True,
                        default="open",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="suggested at"),
                ),
                ("handled_at", models.DateTimeField(blank=True, null=True, verbose_name="handled at")),
                (
                    "personal_data_purged_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="personal data removed at"
                    ),
                ),
                (
                    "directory",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="advocacy_suggestions",
                        to=PAGE_MODEL,
                        verbose_name="directory",
                    ),
                ),
                (
                    "draft_page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=PAGE_MODEL,
                        verbose_name="draft page",
                    ),
                ),
                (
                    "handled_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="handled by",
                    ),
                ),
            ],
            options={
                "verbose_name": "decision-maker suggestion",
                "verbose_name_plural": "decision-maker suggestions",
                "ordering": ["-created_at"],
            },
            bases=(soroptimist_advocacy.models.personal_data.PersonalDataMixin, models.Model),
        ),
        migrations.CreateModel(
            name="LetterCounter",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("campaign_key", models.UUIDField(db_index=True, verbose_name="campaign")),
                ("country", models.CharField(max_length=2, verbose_name="country")),
                ("language", models.CharField(max_length=12, verbose_name="language")),
                ("day", models.DateField(verbose_name="day")),
                ("source", models.CharField(blank=True, default="", max_length=50, verbose_name="source")),
                ("letters", models.PositiveIntegerField(default=0, verbose_name="letters")),
            ],
            options={
                "verbose_name": "letter count",
                "verbose_name_plural": "letter counts",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("campaign_key", "country", "language", "day", "source"), name="sa_letter_counter_unique"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="LetterTemplateVersion",
            fields=[
                (
                    "template",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="soroptimist_advocacy.lettertemplate",
                    ),
                ),
                ("sha256", models.CharField(blank=True, max_length=64)),
                ("content", models.BinaryField(blank=True, null=True)),
                ("validated_at", models.DateTimeField(blank=True, null=True)),
                ("problem", models.TextField(blank=True)),
                ("problem_source", models.CharField(blank=True, max_length=64)),
                ("problem_since", models.DateTimeField(blank=True, null=True)),
            ],
            options={
                "verbose_name": "validated letter template",
                "verbose_name_plural": "validated letter templates",
            },
        ),
        migrations.CreateModel(
            name="PartnerFeed",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=255, verbose_name="partner name")),
                (
                    "feed_url",
                    models.URLField(
                        help_text="The partner campaign's figures.json, e.g. https://example.org/campaign/figures.json. Its host must be listed in the NETWORK_ALLOWED_HOSTS setting.",
                        max_length=500,
                        verbose_name="figures feed URL",
                    ),
                ),
                ("active", models.BooleanField(default=True, verbose_name="active")),
                ("snapshot", models.JSONField(blank=True, editable=False, null=True, verbose_name="last good figures")),
                (
                    "fetched_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="last good fetch"),
                ),
                (
                    "last_attempt_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="last attempt"),
                ),
                ("last_error", models.TextField(blank=True, editable=False, verbose_name="last error")),
                ("etag", models.CharField(blank=True, editable=False, max_length=255)),
                ("last_modified", models.CharField(blank=True, editable=False, max_length=64)),
                (
                    "campaign",
                    models.ForeignKey(
                        help_text="The campaign whose totals include this partner's figures.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=PAGE_MODEL,
                        verbose_name="our campaign",
                    ),
                ),
            ],
            options={
                "verbose_name": "partner feed",
                "verbose_name_plural": "partner feeds",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="ResourcePage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=PAGE_MODEL,
                    ),
                ),
                (
                    "resource_type",
                    models.CharField(
                        choices=[
                            ("statement", "Statement"),
                            ("joint_statement", "Joint statement"),
                            ("letter", "Letter"),
                            ("faq", "FAQ"),
                            ("toolkit", "Toolkit"),
                            ("report", "Report"),
                            ("other", "Other"),
                        ],
                        db_index=True,
                        default="other",
                        max_length=32,
                        verbose_name="resource type",
                    ),
                ),
                ("publication_date", models.DateField(blank=True, null=True, verbose_name="publication date")),
                ("summary", models.TextField(blank=True, verbose_name="summary")),
                ("external_url", models.URLField(blank=True, verbose_name="external URL")),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [("paragraph", 0), ("heading", 3), ("faq", 9), ("quote", 12)],
                        blank=True,
                        block_lookup={
                            0: ("wagtail.blocks.RichTextBlock", (), {"label": "Paragraph"}),
                            1: ("wagtail.blocks.CharBlock", (), {"label": "Text", "max_length": 255}),
                            2: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [("h2", "Section heading"), ("h3", "Subheading")],
                                    "help_text": "The page title is the only top-level heading.",
                                    "label": "Level",
                                },
                            ),
                            3: ("wagtail.blocks.StructBlock", [[("text", 1), ("level", 2)]], {}),
                            4: ("wagtail.blocks.CharBlock", (), {"label": "Heading", "required": False}),
                            5: ("wagtail.blocks.CharBlock", (), {"label": "Question"}),
                            6: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {"features": ["bold", "italic", "link", "ol", "ul"], "label": "Answer"},
                            ),
                            7: ("wagtail.blocks.StructBlock", [[("question", 5), ("answer", 6)]], {}),
                            8: ("wagtail.blocks.ListBlock", (7,), {"label": "Questions"}),
                            9: ("wagtail.blocks.StructBlock", [[("heading", 4), ("items", 8)]], {}),
                            10: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                            11: ("wagtail.blocks.CharBlock", (), {"label": "Attribution", "required": False}),
                            12: ("wagtail.blocks.StructBlock", [[("quote", 10), ("attribution", 11)]], {}),
                        },
                        help_text='FAQ or glossary content, such as "explanations of some of the language used".',
                        verbose_name="body",
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtaildocs.document",
                        verbose_name="document",
                    ),
                ),
            ],
            options={
                "verbose_name": "resource",
                "verbose_name_plural": "resources",
            },
            bases=(soroptimist_advocacy.models.public.PublicPageMixin, "wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="ActionReport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "campaign_key",
                    models.UUIDField(
                        db_index=True,
                        editable=False,
                        help_text="Shared by every translation of the campaign page.",
                        verbose_name="campaign key",
                    ),
                ),
                ("campaign_title", models.CharField(max_length=255, verbose_name="campaign")),
                (
                    "language",
                    models.CharField(
                        help_text="The language of the page she reported on.", max_length=12, verbose_name="language"
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="The campaign source (?source=) the report form was opened from.",
                        max_length=50,
                        verbose_name="source",
                    ),
                ),
                ("country", django_countries.fields.CountryField(db_index=True, max_length=2, verbose_name="country")),
                ("club", models.CharField(max_length=200, verbose_name="club")),
                ("name", models.CharField(blank=True, max_length=200, verbose_name="name")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                (
                    "action_type",
                    models.CharField(
                        choices=[
                            ("letter_posted", "Letter posted"),
                            ("letter_emailed", "Letter emailed"),
                            ("delivered_by_hand", "Letter delivered by hand"),
                            ("meeting", "Meeting"),
                            ("phone_call", "Phone call"),
                            ("social_media", "Social media"),
                            ("other", "Other"),
                        ],
                        db_index=True,
                        max_length=32,
                        verbose_name="action",
                    ),
                ),
                ("action_date", models.DateField(db_index=True, verbose_name="date of the action")),
                (
                    "decision_maker_key",
                    models.UUIDField(
                        blank=True, db_index=True, editable=False, null=True, verbose_name="decision maker key"
                    ),
                ),
                (
                    "decision_maker_name",
                    models.CharField(blank=True, max_length=255, verbose_name="decision maker's name"),
                ),
                ("notes", models.TextField(blank=True, max_length=2000, verbose_name="notes")),
                (
                    "response_status",
                    models.CharField(
                        choices=[
                            ("no_reply", "No reply yet"),
                            ("acknowledgement", "Acknowledgement only"),
                            ("positive", "Positive, or a commitment"),
                            ("negative", "Negative"),
                            ("other", "Other"),
                        ],
                        db_index=True,
                        default="no_reply",
                        max_length=32,
                        verbose_name="response",
                    ),
                ),
                ("response_date", models.DateField(blank=True, null=True, verbose_name="date of the response")),
                (
                    "response_summary",
                    models.TextField(blank=True, max_length=2000, verbose_name="summary of the response"),
                ),
                ("consent", models.BooleanField(default=False, verbose_name="agreed to the privacy text")),
                (
                    "privacy_text_version",
                    models.CharField(
                        help_text="SHA-256 of the privacy text she agreed to, as it was shown to her.",
                        max_length=80,
                        verbose_name="privacy text version",
                    ),
                ),
                (
                    "email_consent",
                    models.BooleanField(
                        default=False, verbose_name="agreed to receive the link and one reminder by email"
                    ),
                ),
                ("token_seed", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "token_hash",
                    models.CharField(
                        blank=True,
                        editable=False,
                        help_text="Empty once the private link is revoked.",
                        max_length=64,
                        null=True,
                        unique=True,
                        verbose_name="private link hash",
                    ),
                ),
                (
                    "reminder_sent_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="reminder sent at"),
                ),
                (
                    "personal_data_purged_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="personal data erased at"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="reported at")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                (
                    "campaign",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=PAGE_MODEL,
                        verbose_name="campaign page",
                    ),
                ),
                (
                    "decision_maker",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="soroptimist_advocacy.decisionmakerpage",
                        verbose_name="decision maker",
                    ),
                ),
            ],
            options={
                "verbose_name": "action report",
                "verbose_name_plural": "action reports",
                "ordering": ["-created_at", "-pk"],
                "permissions": [
                    (
                        "view_personal_data_actionreport",
                        "Can see the names, emails, notes and response summaries of action reports",
                    )
                ],
                "indexes": [
                    models.Index(fields=["campaign_key", "country"], name="sa_report_campaign_country"),
                    models.Index(fields=["country", "action_type"], name="sa_report_country_action"),
                ],
            },
            bases=(soroptimist_advocacy.models.personal_data.PersonalDataMixin, models.Model),
        ),
        migrations.CreateModel(
            name="DirectorySyncSource",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("url", models.URLField(max_length=500)),
                ("etag", models.CharField(blank=True, max_length=255)),
                ("last_modified", models.CharField(blank=True, max_length=64)),
                ("last_synced_at", models.DateTimeField(blank=True, null=True)),
                (
                    "directory",
                    models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=PAGE_MODEL),
                ),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("directory", "url"), name="sa_unique_sync_source")],
            },
        ),
    ]
