"""The campaign page: an Action Kit with its resources, lookup and letter builder."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from django_countries import countries
from django_countries.fields import CountryField, MultipleCountriesDescriptor
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index

from soroptimist_advocacy.blocks import ActionKitBodyBlock
from soroptimist_advocacy.blocks.sources import CampaignSourceBlock
from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.models.campaign_sources import source_query_value
from soroptimist_advocacy.models.letter_text import letter_placeholder_errors
from soroptimist_advocacy.models.privacy_text import default_privacy_text
from soroptimist_advocacy.models.public import PublicPageMixin, SharedCacheMixin
from soroptimist_advocacy.models.report import PERSONAL_POST_FIELDS
from soroptimist_advocacy.web.caching import no_store
from soroptimist_advocacy.web.countries import parse_country
from soroptimist_advocacy.web.country_checkboxes import CountryCheckboxes
from soroptimist_advocacy.web.ratelimit import hit, rate_limited_page

# Room for every ISO code, comma-separated (about 250 x 3), with some to spare.
TARGET_COUNTRIES_MAX_LENGTH = 1000
LETTER_RATE_LIMITED_TEMPLATE = "soroptimist_advocacy/pages/letter_rate_limited.html"


class ActionKitMixin(SharedCacheMixin, PublicPageMixin, RoutablePageMixin, models.Model):
    """A campaign page. Its sub-pages (``letter/``, ``report/``) are routes, so a
    site needs no URLconf changes. Hooks marked "may be overridden" are the
    supported extension points, as in ``wagtail.contrib.forms``; where their work lives
    above the models (the letter builder, the reports, the campaign figures), one hook
    each hands it over (``get_letter_builder``, ``get_report_pages``, ``get_public_figures``)."""

    # Purged with the page from a CDN (SharedCacheMixin.get_cached_paths): its figures and maps.
    public_files = ("figures.json", "map.svg", "map.png")

    intro = RichTextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opens_on = models.DateField(_("campaign opens on"), null=True, blank=True)
    closes_on = models.DateField(
        _("campaign closes on"),
        null=True,
        blank=True,
        help_text=_("After this day the page says the campaign has ended and its forms are disabled."),
    )
    closed_message = models.TextField(
        _("message once the campaign has ended"),
        blank=True,
        help_text=_("Optional; a standard message is shown when empty."),
    )
    directory = models.ForeignKey(
        "soroptimist_advocacy.DecisionMakerIndexPage",
        verbose_name=_("decision-maker directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Whose decision makers the lookup and the letter builder offer."),
    )
    body = StreamField(ActionKitBodyBlock(), verbose_name=_("body"), blank=True)
    privacy_text = RichTextField(
        _("privacy text of the report form"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "What members agree to before reporting: who sees their report and how long it is kept. "
            "A standard text is shown when empty."
        ),
    )
    # An explicit max_length keeps the migration stable when django_countries adds a country.
    target_countries: CountryField[Iterable[str], MultipleCountriesDescriptor] = CountryField(
        _("countries to reach"),
        multiple=True,
        blank=True,
        max_length=TARGET_COUNTRIES_MAX_LENGTH,
        help_text=_(
            'The countries this campaign wants to reach; leave empty for every country. The "countries '
            "reached\" figure is shown against them and the directory's coverage page lists them."
        ),
    )

    sources = StreamField(
        [("source", CampaignSourceBlock())],
        verbose_name=_("sources"),
        blank=True,
        default=list,
        help_text=_(
            "Where visitors come from, e.g. a newsletter: share the campaign URL with ?source=<slug> "
            "to count letters and reports per source. No personal data is kept."
        ),
    )

    show_responses_page = models.BooleanField(
        _("show the responses page"),
        default=False,
        help_text=_(
            "A public page (responses/) listing, per country, whether a government responded and how. "
            "It shows no names or emails, and a response's summary only where the member agreed to publish it."
        ),
    )

    # Per translation: wagtail-localize offers the text as a segment and lets a translation
    # override the image (a synchronised, overridable foreign key by default).
    share_text = models.TextField(
        _("share text"),
        blank=True,
        help_text=_(
            "The message members pass on after writing a letter or reporting an action; the link to the "
            "campaign is added to it. The campaign title is used when empty."
        ),
    )
    share_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the campaign is shared on social networks; the hero image is used when empty."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]), FieldPanel("closed_message")],
            heading=_("Campaign dates"),
        ),
        FieldPanel("directory"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("privacy_text"),
                FieldPanel("target_countries", widget=CountryCheckboxes),
                FieldPanel("show_responses_page"),
            ],
            heading=_("Action reports"),
        ),
        FieldPanel("sources"),
        MultiFieldPanel([FieldPanel("share_text"), FieldPanel("share_image")], heading=_("Sharing")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    # The query parameters the page reads, each with its normaliser (see web/page_cache.py).
    cache_query_parameters = {"country": parse_country, "source": source_query_value}

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = letter_placeholder_errors(self)
        if errors:
            raise ValidationError({"body": errors})

    # -- campaign reach ---------------------------------------------------------

    def target_country_codes(self) -> list[str]:
        """The ISO codes of the countries this campaign targets: the editor's list, or every
        country when it is empty; may be overridden (a federation's own country list)."""
        chosen = [country.code for country in self.target_countries]
        return chosen or [code for code, _name in countries]

    def target_country_count(self) -> int:
        """How many countries the campaign targets: the one place figures, the summary block and
        figures.json read the "countries reached" target from."""
        return len(self.target_country_codes())

    # -- campaign state -------------------------------------------------------

    def campaign_state(self, today: datetime.date | None = None) -> str:
        """ "upcoming", "open" or "closed" on *today* (the site's local date)."""
        today = today or timezone.localdate()
        if self.opens_on and today < self.opens_on:
            return "upcoming"
        if self.closes_on and today > self.closes_on:
            return "closed"
        return "open"

    def is_open(self, today: datetime.date | None = None) -> bool:
        return self.campaign_state(today) == "open"

    def seconds_until_state_changes(self, now: datetime.datetime | None = None) -> int | None:
        """Seconds until the next local midnight at which the page opens or closes, or None."""
        now = timezone.localtime(now)
        boundaries = []
        if self.opens_on:
            boundaries.append(self.opens_on)
        if self.closes_on:
            boundaries.append(self.closes_on + datetime.timedelta(days=1))
        upcoming = [
            timezone.make_aware(datetime.datetime.combine(day, datetime.time.min), now.tzinfo) for day in boundaries
        ]
        upcoming = [moment for moment in upcoming if moment > now]
        if not upcoming:
            return None
        return max(1, int((min(upcoming) - now).total_seconds()))

    def get_privacy_text(self) -> str:
        """The privacy text members agree to, as (rich text) HTML; may be overridden."""
        return self.privacy_text or default_privacy_text()

    @classmethod
    def get_directory_page_model(cls):
        """The page model of the directory a campaign offers (the ``directory`` field's); may be overridden."""
        return cls._meta.get_field("directory").related_model

    def get_directory(self):
        """The directory whose decision makers this campaign offers, in the page's language
        when it is translated and live; may be overridden. One query: callers ask once."""
        if self.directory_id is None:
            return None
        # The chosen directory and its translation into this page's language.
        chosen_key = Page.objects.filter(pk=self.directory_id).values("translation_key")[:1]
        candidates = self.get_directory_page_model().objects.filter(
            models.Q(pk=self.directory_id)
            | models.Q(translation_key=models.Subquery(chosen_key), locale_id=self.locale_id, live=True)
        )
        by_locale = {directory.locale_id: directory for directory in candidates}
        return by_locale.get(self.locale_id) or next(
            (directory for directory in by_locale.values() if directory.pk == self.directory_id), None
        )

    def get_share_text(self) -> str:
        """The message the share links prefill, without the link itself; may be overridden."""
        return self.share_text.strip() or self.title

    def get_share_image(self):
        """The image social networks show for this campaign, or None; may be overridden."""
        return self.share_image or self.hero_image

    # -- preview ----------------------------------------------------------------

    @property
    def preview_modes(self):
        return super().preview_modes + [("sample_letter", _("Sample letter (.docx)"))]

    def serve_preview(self, request, mode_name):
        """The "Sample letter" preview mode downloads the letter a member would get."""
        if mode_name == "sample_letter":
            return self.get_letter_builder().sample_letter()
        return super().serve_preview(request, mode_name)

    # -- serving ----------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaign_state"] = self.campaign_state()
        context["campaign_links"] = self.get_campaign_links(request)
        return context

    def get_campaign_links(self, request) -> list[tuple[str, str]]:
        """(label, URL) of the campaign's public pages beyond this one: its responses page when the
        editor shows it, its directory's coverage page; may be overridden. Identical for every
        visitor, so the page stays cacheable."""
        page_url = self.get_url(request)
        links = []
        if self.show_responses_page and page_url:
            links.append((str(_("Which governments responded")), page_url + self.reverse_subpage("responses_route")))
        directory = self.get_directory()
        directory_url = directory.get_url(request) if directory is not None and directory.live else None
        if directory_url and hasattr(directory, "coverage_route"):
            links.append(
                (
                    str(_("Which countries have a decision maker listed")),
                    directory_url + directory.reverse_subpage("coverage_route"),
                )
            )
        return links

    def cache_public_response(self, response):
        """Mark a page view as publicly cacheable, never past the next open/close date."""
        max_age = settings.PAGE_MAX_AGE
        until_change = self.seconds_until_state_changes()
        if until_change is not None:
            max_age = min(max_age, until_change)
        patch_cache_control(response, public=True, max_age=max_age)
        return response

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The campaign page itself, identical for every anonymous visitor."""
        response = self.render(request)
        if request.method == "GET" and not getattr(request, "is_preview", False):
            response = self.cache_public_response(response)
        return response

    # -- the letter: hooks, then the route --------------------------------------

    def get_letter_builder(self):
        """What the letter hooks below do by default (``letter_builder.delivery.LetterBuilder``:
        the letter setup kept per process, the form, the contexts, the template and the .docx);
        may be overridden to return a subclass."""
        from soroptimist_advocacy.letter_builder.delivery import LetterBuilder  # above the models: imported on use

        return LetterBuilder(self)

    def get_letter_form(self, data=None, initial=None, setup=None):
        """The member's letter form, offering this campaign's decision makers and languages (those of
        the letter *setup* the route passes; else read from the page); may be overridden."""
        return self.get_letter_builder().form(data=data, initial=initial, setup=setup)

    def get_letter_contexts(self, form) -> list[dict]:
        """The letter engine's context per recipient of a valid letter *form*; may be overridden to add a value."""
        return self.get_letter_builder().contexts(form)

    def get_letter_template(self, language: str) -> bytes:
        """The .docx template bytes of the letter in *language* (a language code); may be overridden."""
        return self.get_letter_builder().template(language)

    def serve_letter(self, request, form):
        """The .docx response for a valid letter *form* (or the page again if it is too long); may be overridden."""
        contexts = self.get_letter_contexts(form)
        template = self.get_letter_template(form.cleaned_data["language"])
        response = self.get_letter_builder().deliver(request, form, contexts, template)
        return response if response is not None else self.letter_form_again(request, form)

    def get_letter_form_context(self, request, form=None) -> dict:
        """What the letter builder block shows: *form* (after an invalid POST) or a blank one preset
        to ``?country=``, and the links around it; may be overridden."""
        return self.get_letter_builder().form_context(request, form)

    def letter_form_again(self, request, form):
        """The campaign page again, with the letter form and its messages (400, never cached)."""
        response = self.render(request, context_overrides={"letter_form": form})
        response.status_code = 400
        return no_store(response)

    def letter_rate_limited(self, request):
        """HTTP 429 with a page in the campaign's language saying when to try again."""
        window = int(settings.LETTER_RATE_WINDOW)
        return rate_limited_page(request, self, LETTER_RATE_LIMITED_TEMPLATE, window)

    def serve_letter_text(self, request, form):
        """The letter of a valid *form* as a page to read, copy, print and e-mail (the confirmation
        after a letter), counted; may be overridden."""
        return self.get_letter_builder().text_page(request, form, self.get_letter_contexts(form))

    @path("letter/")
    @method_decorator(sensitive_post_parameters("name", "club", "town", "email", "own_words"))
    def letter_route(self, request):
        """POST: the member's letter as a .docx, or the page with the form's errors."""
        return self.letter_post(request, self.serve_letter)

    @path("letter/text/", name="letter_text_route")
    @method_decorator(sensitive_post_parameters("name", "club", "town", "email", "own_words"))
    def letter_text_route(self, request):
        """POST: the member's letter as a page (``serve_letter_text``), or the page with the form's errors."""
        return self.letter_post(request, self.serve_letter_text)

    def letter_post(self, request, serve):
        """A letter POST: checked (open, rate limit, form) the same way whatever *serve* makes of it."""
        if request.method != "POST":
            return HttpResponseRedirect(self.get_url(request))
        setup = self.get_letter_builder().setup()  # this process's, for the page's live revision
        if setup.block_value is None:
            raise Http404
        if not self.is_open():
            response = self.render(request)
            response.status_code = 403
            return no_store(response)
        # One client can move public figures only this far.
        if not hit(request, "letter", limit=settings.LETTER_RATE_LIMIT, window=settings.LETTER_RATE_WINDOW):
            return self.letter_rate_limited(request)
        form = self.get_letter_form(data=request.POST, setup=setup)
        if not form.is_valid():
            return self.letter_form_again(request, form)
        return serve(request, form)

    @path("sent/<path:code>/", name="sent_route")  # anything under sent/: a mistyped code gets her page
    def sent_route(self, request, code):
        """GET: how and when she sent the letter printed with *code*; POST: count it as sent, once."""
        return self.get_letter_builder().sent(request, code)

    @path("pack/", name="pack_route")
    @method_decorator(sensitive_post_parameters("names", "club", "town"))
    def pack_route(self, request):
        """GET: the club pack form; POST: one .docx with a letter per member named."""
        return self.get_letter_builder().pack(request)

    # -- the member's report: hooks, then the routes ------------------------------

    def get_report_pages(self):
        """What the report hooks and routes below do by default (``reports.responses.ReportPages``:
        the form, saving it, the thank-you and private pages); may be overridden to return a subclass."""
        from soroptimist_advocacy.reports.responses import ReportPages  # above the models: imported on use

        return ReportPages(self)

    def get_report_form(self, data=None, initial=None):
        """The member's report form, offering this campaign's decision makers; may be overridden."""
        return self.get_report_pages().form(data=data, initial=initial)

    def process_report(self, request, form):
        """Save the report of a valid *form*; return ``(report, private token)``; may be overridden."""
        return self.get_report_pages().save(form)

    @path("report/")
    @method_decorator(sensitive_post_parameters(*PERSONAL_POST_FIELDS))
    def report_route(self, request):
        """GET: the report form (or why it is closed). POST: save the report and thank her."""
        pages = self.get_report_pages()
        if request.method != "POST":
            if not self.is_open():
                return pages.form_page(request, None)
            country = parse_country(request.GET.get("country"))
            initial = {"country": country or ""}
            if (decision_maker := request.GET.get("decision_maker", "")).isdigit():
                initial["decision_maker"] = decision_maker  # from a letter counted as sent; unknown ones show none
            return pages.form_page(request, self.get_report_form(initial=initial))
        if not self.is_open():
            return pages.form_page(request, None, status=403)
        if not pages.within_rate_limit(request):
            return pages.rate_limited(request)
        form = self.get_report_form(data=request.POST)
        if form.is_spam():
            # Thank the bot as if it had succeeded, so it learns nothing; nothing is saved or emailed.
            return pages.thanks(request)
        if not form.is_valid():
            return pages.form_page(request, form, status=400)
        report, token = self.process_report(request, form)
        return pages.thanks(request, report, token)

    @path("report/<str:token>/")
    @method_decorator(sensitive_post_parameters(*PERSONAL_POST_FIELDS))
    def report_token_route(self, request, token):
        """GET/POST: her private page, to add the response later or delete her report."""
        return self.get_report_pages().private_page(request, token)

    # -- figures: the summary block, figures.json and the map files --------------

    def get_public_figures(self):
        """The campaign's figures as its summary block shows them and figures.json publishes them
        (``campaigns.public_figures.PublicFigures``: aggregates only, from the shared cache); may be
        overridden to return a subclass."""
        from soroptimist_advocacy.campaigns.public_figures import PublicFigures  # above the models: imported on use

        return PublicFigures(self)

    @path("figures.json", name="figures_route")
    @path("figures_json/", name="figures_alias")  # What the middleware rewrites figures.json to.
    def figures_route(self, request):
        """GET: the campaign's anonymous figures as JSON, for partner sites' roll-ups."""
        return self.get_public_figures().json_response(request)

    @path("map.svg", name="map_svg_route")
    @path("map_svg/", name="map_svg_alias")  # What the middleware rewrites map.svg to.
    def map_svg_route(self, request):
        """GET: the campaign's world map as an SVG file (this site's figures, in the page's language)."""
        return self.get_public_figures().map_svg_response(request)

    @path("map.png", name="map_png_route")
    @path("map_png/", name="map_png_alias")  # What the middleware rewrites map.png to.
    def map_png_route(self, request):
        """GET: the same map as a PNG, where CairoSVG is installed."""
        return self.get_public_figures().map_png_response(request)

    def get_cached_paths(self):
        """The page and its responses page, for ``wagtail.contrib.frontend_cache`` purges: a campaign
        published with the responses page turned off (or translated anew) leaves a CDN's copy too."""
        return [*super().get_cached_paths(), "responses/"]

    @path("responses/", name="responses_route")
    def responses_route(self, request):
        """GET: which governments responded, per country (when the editor shows the page; else 404)."""
        if not self.show_responses_page:
            raise Http404
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        response = self.get_public_figures().responses_response(request)
        return self.cache_public_response(response) if not getattr(request, "is_preview", False) else response


class ActionKitPage(ActionKitMixin, Page):  # noqa: DJ008 - Page.__str__ (the title) comes first in the MRO
    subpage_types: list[str] = []
    template = "soroptimist_advocacy/pages/action_kit_page.html"

    class Meta:
        verbose_name = _("action kit")
        verbose_name_plural = _("action kits")
