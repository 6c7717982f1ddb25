"""The campaign page: an Action Kit with its resources, lookup and letter builder."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from django_countries import countries
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index

from soroptimist_advocacy.blocks import ActionKitBodyBlock
from soroptimist_advocacy.campaigns.figures_json import figures_json_response
from soroptimist_advocacy.campaigns.sources import CampaignSourceBlock, source_query_value
from soroptimist_advocacy.conf import get_setting
from soroptimist_advocacy.directory.countries import parse_country
from soroptimist_advocacy.letter_builder import delivery
from soroptimist_advocacy.letter_builder.form_context import build_letter_form
from soroptimist_advocacy.letter_builder.placeholders import letter_placeholder_errors
from soroptimist_advocacy.letter_builder.sample_letters import sample_letter_for_page
from soroptimist_advocacy.letter_builder.setup import get_letter_setup
from soroptimist_advocacy.models.public import PublicPageMixin, SharedCacheMixin
from soroptimist_advocacy.reports import responses as report_pages
from soroptimist_advocacy.reports.forms import DeleteReportForm, ResponseForm, build_report_form
from soroptimist_advocacy.reports.links import report_link
from soroptimist_advocacy.reports.privacy_text import default_privacy_text
from soroptimist_advocacy.reports.submission import save_report
from soroptimist_advocacy.reports.tokens import find_report
from soroptimist_advocacy.web.caching import no_store

# Room for every ISO code, comma-separated (about 250 x 3), with some to spare.
TARGET_COUNTRIES_MAX_LENGTH = 1000


class ActionKitMixin(SharedCacheMixin, PublicPageMixin, RoutablePageMixin, models.Model):
    """A campaign page. Its sub-pages (``letter/``, ``report/``) are routes, so a
    site needs no URLconf changes. Hooks marked "may be overridden" are the
    supported extension points, as in ``wagtail.contrib.forms``."""

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
    target_countries = CountryField(
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
        MultiFieldPanel([FieldPanel("privacy_text"), FieldPanel("target_countries")], heading=_("Action reports")),
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

    def get_directory_page_model(self):
        """The page model of the directory a campaign offers (the ``directory`` field's); may be overridden."""
        return self._meta.get_field("directory").related_model

    def get_directory(self):
        """The directory whose decision makers this campaign offers, in the page's language
        when it is translated and live; may be overridden."""
        if self.directory_id is None:
            return None
        cached = getattr(self, "_sa_directory", None)
        if cached is None:
            # One query for the chosen directory and its translation into this page's language.
            chosen_key = Page.objects.filter(pk=self.directory_id).values("translation_key")[:1]
            candidates = self.get_directory_page_model().objects.filter(
                models.Q(pk=self.directory_id)
                | models.Q(translation_key=models.Subquery(chosen_key), locale_id=self.locale_id, live=True)
            )
            by_locale = {directory.locale_id: directory for directory in candidates}
            cached = by_locale.get(self.locale_id) or next(
                (directory for directory in by_locale.values() if directory.pk == self.directory_id), None
            )
            self._sa_directory = cached
        return cached

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
            return sample_letter_for_page(self)
        return super().serve_preview(request, mode_name)

    # -- serving ----------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaign_state"] = self.campaign_state()
        return context

    def cache_public_response(self, response):
        """Mark a page view as publicly cacheable, never past the next open/close date."""
        max_age = get_setting("PAGE_MAX_AGE")
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

    def get_letter_form(self, data=None, initial=None, decision_makers_for_country=None):
        """The member's letter form, offering this campaign's decision makers and languages; may be overridden."""
        return build_letter_form(
            self, data=data, initial=initial, decision_makers_for_country=decision_makers_for_country
        )

    def get_letter_contexts(self, form) -> list[dict]:
        """The letter engine's context per recipient of a valid letter *form*; may be overridden to add a value."""
        return delivery.letter_contexts(self, form, get_letter_setup(self))

    def get_letter_template(self, language: str) -> bytes:
        """The .docx template bytes of the letter in *language* (a language code); may be overridden."""
        return get_letter_setup(self).template_bytes(language)

    def serve_letter(self, request, form):
        """The .docx response for a valid letter *form* (or the page again if it is too long); may be overridden."""
        return delivery.letter_response(request, self, form)

    @path("letter/")
    @method_decorator(sensitive_post_parameters("name", "club", "town", "email"))
    def letter_route(self, request):
        """POST: the member's letter as a .docx, or the page with the form's errors."""
        if request.method != "POST":
            return HttpResponseRedirect(self.get_url(request))
        setup = get_letter_setup(self)  # cached per process; primes the page's directory and translations
        if setup.block_value is None:
            raise Http404
        if not self.is_open():
            response = self.render(request)
            response.status_code = 403
            return no_store(response)
        if not delivery.within_letter_rate_limit(request):
            return delivery.letter_rate_limited(request, self)
        form = self.get_letter_form(data=request.POST, decision_makers_for_country=setup.decision_makers)
        if not form.is_valid():
            return delivery.form_again(request, self, form)
        return self.serve_letter(request, form)

    # -- the member's report: hooks, then the routes ------------------------------

    def get_report_form(self, data=None, initial=None):
        """The member's report form, offering this campaign's decision makers; may be overridden."""
        return build_report_form(self, data=data, initial=initial)

    def process_report(self, request, form):
        """Save the report of a valid *form*; return ``(report, private token)``; may be overridden."""
        return save_report(self, form)

    @path("report/")
    @method_decorator(sensitive_post_parameters(*report_pages.PERSONAL_POST_FIELDS))
    def report_route(self, request):
        """GET: the report form (or why it is closed). POST: save the report and thank her."""
        if request.method != "POST":
            if not self.is_open():
                return report_pages.render_report_form(request, self, None)
            country = parse_country(request.GET.get("country"))
            form = self.get_report_form(initial={"country": country or ""})
            return report_pages.render_report_form(request, self, form)
        if not self.is_open():
            return report_pages.render_report_form(request, self, None, status=403)
        if not report_pages.within_rate_limit(request, "report"):
            return report_pages.rate_limited(request, self)
        form = self.get_report_form(data=request.POST)
        if form.is_spam():
            # Thank the bot as if it had succeeded, so it learns nothing; nothing is saved or emailed.
            return report_pages.render_report_page(
                request, self, report_pages.THANKS_TEMPLATE, {"report_link": None, "emailed": False}
            )
        if not form.is_valid():
            return report_pages.render_report_form(request, self, form, status=400)
        report, token = self.process_report(request, form)
        return report_pages.render_report_page(
            request,
            self,
            report_pages.THANKS_TEMPLATE,
            {"report_link": report_link(self, token, request), "emailed": report.email_consent and bool(report.email)},
        )

    @path("report/<str:token>/")
    @method_decorator(sensitive_post_parameters(*report_pages.PERSONAL_POST_FIELDS))
    def report_token_route(self, request, token):
        """GET/POST: her private page, to add the response later or delete her report."""
        report = find_report(token)
        if report is None or report.campaign_key != self.translation_key:
            raise Http404
        response_form = ResponseForm(instance=report)
        delete_form = DeleteReportForm()
        saved = False
        status = 200
        if request.method == "POST":
            if not report_pages.within_rate_limit(request, "report-update"):
                return report_pages.private(report_pages.rate_limited(request, self))
            if request.POST.get("intent") == "delete":
                delete_form = DeleteReportForm(request.POST)
                if delete_form.is_valid():
                    report.erase_personal_data()
                    return report_pages.private(
                        report_pages.render_report_page(request, self, report_pages.DELETED_TEMPLATE, {})
                    )
            else:
                response_form = ResponseForm(request.POST, instance=report)
                if response_form.is_valid():
                    with transaction.atomic():
                        response_form.save()
                    response_form = ResponseForm(instance=report)
                    saved = True
            status = 200 if saved else 400
        return report_pages.private(
            report_pages.render_report_page(
                request,
                self,
                report_pages.RESPONSE_TEMPLATE,
                {"response_form": response_form, "delete_form": delete_form, "saved": saved},
                status=status,
            )
        )

    # -- federation network (figures.json) --------------------------------------

    @path("figures.json", name="figures_route")
    @path("figures_json/", name="figures_alias")  # What the middleware rewrites figures.json to.
    def figures_route(self, request):
        """GET: the campaign's anonymous figures as JSON, for partner sites' roll-ups."""
        return figures_json_response(request, self)


class ActionKitPage(ActionKitMixin, Page):  # noqa: DJ008 - Page.__str__ (the title) comes first in the MRO
    subpage_types: list[str] = []
    template = "soroptimist_advocacy/pages/action_kit_page.html"

    class Meta:
        verbose_name = _("action kit")
        verbose_name_plural = _("action kits")
