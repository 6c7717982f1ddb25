# The test app's page types. Depends only on migrations that exist in Wagtail 7.4 as well as 8.

import django.core.validators
import django.db.models.deletion
import django_countries.fields
import re
import soroptimist_advocacy.models.public
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

# Wagtail 8 lets a site swap its base page model (WAGTAIL_PAGE_MODEL); Wagtail 7.4 has no such setting.
PAGE_MODEL = getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("soroptimist_advocacy", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.CreateModel(
            name="RegionalDirectoryPage",
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
                "abstract": False,
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
            name="DistrictCampaignPage",
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
                ("district", models.CharField(blank=True, max_length=100)),
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
            ],
            options={
                "abstract": False,
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
            name="RegionalDecisionMakerPage",
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
                "abstract": False,
            },
            bases=(
                soroptimist_advocacy.models.public.PublicPageMixin,
                wagtail.contrib.routable_page.models.RoutablePageMixin,
                "wagtailcore.page",
                models.Model,
            ),
        ),
    ]
