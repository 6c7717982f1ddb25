"""The campaign page: an Action Kit with its resources, lookup and letter builder."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index

from soroptimist_advocacy.blocks import ActionKitBodyBlock
from soroptimist_advocacy.campaigns.sources import CampaignSourceBlock
from soroptimist_advocacy.conf import get_setting
from soroptimist_advocacy.models.public import PublicPageMixin, SharedCacheMixin


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
        _("campaign closes on"), null=True, blank=True,
        help_text=_("After this day the page says the campaign has ended and its forms are disabled."),
    )
    closed_message = models.TextField(
        _("message once the campaign has ended"), blank=True,
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
        _("privacy text of the report form"), blank=True, features=["bold", "italic", "link"],
        help_text=_(
            "What members agree to before reporting: who sees their report and how long it is kept. "
            "A standard text is shown when empty."
        ),
    )
    target_countries = models.PositiveSmallIntegerField(
        _("countries to reach"), null=True, blank=True,
        help_text=_(
            'The "countries reached" figure is shown against this target, e.g. 125 for every Soroptimist country.'
        ),
    )

    sources = StreamField(
        [("source", CampaignSourceBlock())], verbose_name=_("sources"), blank=True, default=list,
        help_text=_(
            "Where visitors come from, e.g. a newsletter: share the campaign URL with ?source=<slug> "
            "to count letters and reports per source. No personal data is kept."
        ),
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
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        from soroptimist_advocacy.letter_builder.placeholders import letter_placeholder_errors

        errors = letter_placeholder_errors(self)
        if errors:
            raise ValidationError({"body": errors})

    # -- campaign state -------------------------------------------------------

    def campaign_state(self, today: datetime.date | None = None) -> str:
        """"upcoming", "open" or "closed" on *today* (the site's local date)."""
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
            timezone.make_aware(datetime.datetime.combine(day, datetime.time.min), now.tzinfo)
            for day in boundaries
        ]
        upcoming = [moment for moment in upcoming if moment > now]
        if not upcoming:
            return None
        return max(1, int((min(upcoming) - now).total_seconds()))

    def target_country_count(self) -> int | None:
        """How many countries the campaign means to reach, or None without a target: the one
        place figures, the summary block and figures.json read the target from."""
        return self.target_countries or None

    def get_privacy_text(self) -> str:
        """The privacy text members agree to, as (rich text) HTML; may be overridden."""
        from soroptimist_advocacy.reports.privacy_text import default_privacy_text

        return self.privacy_text or default_privacy_text()

    def get_report_form(self, data=None, initial=None):
        """The member's report form, offering this campaign's decision makers; may be overridden."""
        from soroptimist_advocacy.reports.forms import build_report_form

        return build_report_form(self, data=data, initial=initial)

    def get_directory(self):
        """The directory whose decision makers this campaign offers, in the page's language
        when it is translated and live; may be overridden."""
        if self.directory_id is None:
            return None
        cached = getattr(self, "_sa_directory", None)
        if cached is None:
            from soroptimist_advocacy.models.decision_maker import DecisionMakerIndexPage

            # One query for the chosen directory and its translation into this page's language.
            chosen_key = Page.objects.filter(pk=self.directory_id).values("translation_key")[:1]
            candidates = DecisionMakerIndexPage.objects.filter(
                models.Q(pk=self.directory_id)
                | models.Q(translation_key=models.Subquery(chosen_key), locale_id=self.locale_id, live=True)
            )
            by_locale = {directory.locale_id: directory for directory in candidates}
            cached = by_locale.get(self.locale_id) or next(
                (directory for directory in by_locale.values() if directory.pk == self.directory_id), None
            )
            self._sa_directory = cached
        return cached

    # -- preview ----------------------------------------------------------------

    @property
    def preview_modes(self):
        return super().preview_modes + [("sample_letter", _("Sample letter (.docx)"))]

    def serve_preview(self, request, mode_name):
        """The "Sample letter" preview mode downloads the letter a member would get."""
        if mode_name == "sample_letter":
            from soroptimist_advocacy.letter_builder.sample_letters import sample_letter_for_page

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

    @path("letter/")
    def letter_route(self, request):
        """POST: the member's letter as a .docx, or the page with the form's errors."""
        from soroptimist_advocacy.letter_builder.route import serve_letter

        return serve_letter(request, self)

    @path("report/")
    def report_route(self, request):
        """GET/POST: the member's report of her action and of any response."""
        from soroptimist_advocacy.reports.route import serve_report_form

        return serve_report_form(request, self)

    @path("report/<str:token>/")
    def report_token_route(self, request, token):
        """GET/POST: her private page, to add the response later or delete her report."""
        from soroptimist_advocacy.reports.route import serve_report_token

        return serve_report_token(request, self, token)

    # -- federation network (figures.json) --------------------------------------

    @path("figures.json", name="figures_route")
    @path("figures_json/", name="figures_alias")  # What the middleware rewrites figures.json to.
    def figures_route(self, request):
        """GET: the campaign's anonymous figures as JSON, for partner sites' roll-ups."""
        from soroptimist_advocacy.campaigns.figures_route import serve_figures

        return serve_figures(request, self)


class ActionKitPage(ActionKitMixin, Page):
    subpage_types: list[str] = []
    template = "soroptimist_advocacy/pages/action_kit_page.html"

    class Meta:
        verbose_name = _("action kit")
        verbose_name_plural = _("action kits")
