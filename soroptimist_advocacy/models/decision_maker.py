"""The decision-maker directory: who is responsible for women's and gender
issues in each country."""

from __future__ import annotations

import datetime

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_countries import countries
from django_countries.fields import Country, CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Page, get_page_models
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.models.correction import DecisionMakerCorrection
from soroptimist_advocacy.models.public import PublicPageMixin, SharedCacheMixin
from soroptimist_advocacy.models.suggestion import DecisionMakerSuggestion
from soroptimist_advocacy.web.countries import country_choices_for, parse_country
from soroptimist_advocacy.web.privacy import publicly_visible

# Two or three lines naming her post and name, however long a post's official name.
ADDRESS_LINE_MAX = 500


class DirectoryPagesMixin:
    """What the directory's two page types share: their routes' work (forms, coverage,
    exports, corrections) lives in the ``directory`` domain, above the models."""

    def get_directory_pages(self):
        """The route work of this directory or decision maker (``directory.pages.DirectoryPages``);
        may be overridden to return a subclass."""
        from soroptimist_advocacy.directory.pages import DirectoryPages  # above the models: imported on use

        return DirectoryPages(self)

    def serve_member_form(self, request, form, save, pages):
        """What a member's form route (``correction/``, ``suggest/``) does with *form* (bound to
        the POST, else blank): GET shows it; a POST over the rate limit is refused, a bot's is
        thanked and dropped, an invalid one shown again with its errors, a valid one stored by the
        page's *save* hook and thanked. *pages* are the form's pages (``MemberFormPages``)."""
        if request.method != "POST":
            return pages.form_page(request, form)
        if not pages.within_rate_limit(request):
            return pages.rate_limited(request)
        if form.is_spam():
            # Answer a bot exactly as a person, so it learns nothing; store nothing.
            return pages.sent(request)
        if not form.is_valid():
            return pages.form_page(request, form, status=400)
        save(request, form)
        return pages.sent(request)


class DecisionMakerIndexMixin(DirectoryPagesMixin, SharedCacheMixin, PublicPageMixin, RoutablePageMixin, models.Model):
    """The directory: a country select listing only countries that have decision
    makers; ``?country=XX`` lists that country's decision makers."""

    intro = RichTextField(_("introduction"), blank=True)
    empty_country_message = models.TextField(
        _("message for a country with no decision maker"),
        blank=True,
        help_text=_("Shown when a member picks a country with nobody listed yet."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("empty_country_message"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    # ``?country=XX`` is the only query parameter the directory reads (see web/page_cache.py).
    cache_query_parameters = {"country": parse_country}

    class Meta:
        abstract = True

    @classmethod
    def get_decision_maker_model(cls):
        """The page type of this directory's decision makers (its first DecisionMakerMixin subpage type); may be overridden."""
        for model in cls.allowed_subpage_models():
            if issubclass(model, DecisionMakerMixin):
                return model
        return apps.get_model("soroptimist_advocacy", "DecisionMakerPage")

    def get_decision_makers(self):
        """The directory's publicly visible decision makers (:func:`publicly_visible`), primary
        first: what visitors and letters see; may be overridden (start from its result)."""
        return publicly_visible(self.get_decision_maker_model().objects.child_of(self)).order_by(
            "country", "rank", "title"
        )

    # A decision maker changed, unpublished or made private leaves a CDN's exports and coverage too.
    public_files = ("export.csv", "export.json")

    def get_cached_paths(self):
        return [*super().get_cached_paths(), "coverage/"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        decision_makers = self.get_decision_makers()
        requested = request.GET.get("country", "")
        country = parse_country(requested)
        context.update(
            country_choices=country_choices_for(decision_makers),
            selected_country=country,
            selected_country_name=countries.name(country) if country else "",
            country_error=bool(requested.strip()) and country is None,
            decision_makers=(list(decision_makers.filter(country=country).select_related("photo")) if country else []),
        )
        return context

    # -- coverage and suggestions ------------------------------------------------------

    @path("coverage/", name="coverage_route")
    def coverage_route(self, request):
        """GET: the campaigns' target countries, with whether and when a decision maker is listed."""
        return self.get_directory_pages().coverage(request)

    def get_suggestion_form(self, data=None, initial=None):
        """The member's "suggest a decision maker" form; may be overridden."""
        return self.get_directory_pages().suggestion_form(data=data, initial=initial)

    def save_suggestion(self, request, form):
        """Store the member's suggestion from a valid *form* and return it; may be overridden to notify editors."""
        return form.save()

    @path("suggest/", name="suggest_route")
    @method_decorator(require_http_methods(["GET", "HEAD", "POST"]))
    @method_decorator(sensitive_post_parameters(*DecisionMakerSuggestion.PERSONAL_FIELDS))
    def suggest_route(self, request):
        """GET: the "suggest a decision maker" form (preset to ``?country=``); POST: store the member's suggestion."""
        if request.method == "POST":
            form = self.get_suggestion_form(data=request.POST)
        else:
            form = self.get_suggestion_form(initial={"country": parse_country(request.GET.get("country")) or ""})
        return self.serve_member_form(
            request, form, self.save_suggestion, self.get_directory_pages().suggestion_pages()
        )

    @path("suggest/thanks/", name="suggest_thanks_route")
    @method_decorator(require_http_methods(["GET", "HEAD"]))
    def suggest_thanks_route(self, request):
        """Where a sent suggestion lands, so reloading never sends it twice."""
        return self.get_directory_pages().suggestion_pages().thanks(request)

    # -- federation network: the directory's public export -------------------------

    @path("export.csv", name="export_csv_route")
    @path("export_csv/", name="export_csv_alias")  # The app's middleware rewrites export.csv to it.
    def export_csv_route(self, request):
        """GET: the live, real decision makers in the import CSV format, for other sites' sync."""
        return self.get_directory_pages().export(request, "csv")

    @path("export.json", name="export_json_route")
    @path("export_json/", name="export_json_alias")
    def export_json_route(self, request):
        """GET: the same as Popolo JSON."""
        return self.get_directory_pages().export(request, "json")


class DecisionMakerIndexPage(DecisionMakerIndexMixin, Page):  # noqa: DJ008 - Page.__str__ (the title) comes first in the MRO
    subpage_types = ["soroptimist_advocacy.DecisionMakerPage"]
    template = "soroptimist_advocacy/pages/decision_maker_index_page.html"

    class Meta:
        verbose_name = _("decision-maker directory")
        verbose_name_plural = _("decision-maker directories")


class DecisionMakerMixin(DirectoryPagesMixin, PublicPageMixin, RoutablePageMixin, models.Model):
    """One official: the page title is her full name, which is never translated.

    Its ``correction/`` route lets a member report that the details are out of date.
    """

    salutation = models.CharField(
        _("salutation"), max_length=120, blank=True, help_text=_('For example "Dear Minister".')
    )
    position_title = models.CharField(_("position title"), max_length=255)
    address_line = models.TextField(
        _("address line on a letter"),
        max_length=ADDRESS_LINE_MAX,
        blank=True,
        help_text=_(
            "How a letter in this language names her above the postal address, when her name and post "
            "alone would read wrong (a Russian letter puts both in the dative). Letters show it in place "
            "of her name and post; leave it empty to use them."
        ),
    )
    organisation = models.CharField(_("organisation or ministry"), max_length=255, blank=True)
    country: CountryField[str, Country] = CountryField(_("country"), db_index=True)
    rank = models.PositiveSmallIntegerField(
        _("order within the country"),
        default=1,
        help_text=_("1 is the primary decision maker; letters list her first."),
    )
    postal_address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    website = models.URLField(_("website"), blank=True)
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    responsibilities = RichTextField(_("responsibilities"), blank=True)
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("When an editor last checked this person still holds the post."),
    )
    source_url = models.URLField(_("source"), blank=True, help_text=_("Where the details were checked."))
    external_id = models.CharField(
        _("external ID"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Stable identifier used by imports; leave empty for records made by hand."),
    )
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Marks demonstration records; the public page says they are not real."),
    )

    content_panels = [
        # Wagtail's default says "Page title": editors typed the post ("Minister for Equality") there.
        TitleFieldPanel(
            "title",
            heading=_("Full name"),
            placeholder=_("Full name"),
            help_text=_("Her full name, as shown on the page and in letters, e.g. Claire Dubois. Never translated."),
        ),
        FieldRowPanel([FieldPanel("salutation"), FieldPanel("position_title")]),
        FieldPanel("address_line"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("rank")]),
        MultiFieldPanel(
            [FieldPanel("postal_address"), FieldPanel("email"), FieldPanel("phone"), FieldPanel("website")],
            heading=_("Contact"),
        ),
        FieldPanel("photo"),
        FieldPanel("responsibilities"),
        MultiFieldPanel(
            [FieldPanel("last_verified"), FieldPanel("source_url"), FieldPanel("external_id"), FieldPanel("is_sample")],
            heading=_("Data quality"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("position_title"),
        index.SearchField("organisation"),
        index.FilterField("country"),
    ]
    # Names, contact details and country are facts, not prose: translators never
    # see them and a change in the source reaches every translation.
    override_translatable_fields = [
        SynchronizedField("title"),
        SynchronizedField("country"),
        SynchronizedField("rank"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("website"),
        SynchronizedField("source_url"),
        SynchronizedField("last_verified"),
        SynchronizedField("external_id"),
        SynchronizedField("is_sample"),
        SynchronizedField("postal_address"),
        TranslatableField("salutation"),
        TranslatableField("position_title"),
        TranslatableField("address_line"),
        TranslatableField("organisation"),
        TranslatableField("responsibilities"),
    ]

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return gettext("%(name)s, %(post)s") % {"name": self.title, "post": self.position_title}

    def is_stale(self, today: datetime.date | None = None) -> bool:
        """True when nobody has verified this record within STALE_AFTER_DAYS."""
        if self.last_verified is None:
            return True
        today = today or timezone.localdate()
        return (today - self.last_verified).days > settings.STALE_AFTER_DAYS

    # -- corrections ----------------------------------------------------------------

    def get_correction_form(self, data=None):
        """The member's "this information is out of date" form; may be overridden."""
        return self.get_directory_pages().correction_form(data)

    def save_correction(self, request, form):
        """Store the member's correction from a valid *form* and return it; may be overridden to notify editors."""
        return form.save()

    @path("correction/")
    @method_decorator(require_http_methods(["GET", "HEAD", "POST"]))
    @method_decorator(sensitive_post_parameters(*DecisionMakerCorrection.PERSONAL_FIELDS))
    def correction_route(self, request):
        """GET: the "this information is out of date" form; POST: store the member's correction."""
        form = self.get_correction_form(request.POST if request.method == "POST" else None)
        return self.serve_member_form(
            request, form, self.save_correction, self.get_directory_pages().correction_pages()
        )

    @path("correction/thanks/")
    @method_decorator(require_http_methods(["GET", "HEAD"]))
    def correction_thanks_route(self, request):
        """Where a sent correction lands, so reloading never sends it twice."""
        return self.get_directory_pages().correction_pages().thanks(request)


class DecisionMakerPage(DecisionMakerMixin, Page):
    parent_page_types = ["soroptimist_advocacy.DecisionMakerIndexPage"]
    subpage_types: list[str] = []
    template = "soroptimist_advocacy/pages/decision_maker_page.html"

    class Meta:
        verbose_name = _("decision maker")
        verbose_name_plural = _("decision makers")


def directory_page_models() -> list[type[Page]]:
    """Every directory page type: the app's and a site's own, built on DecisionMakerIndexMixin."""
    return [model for model in get_page_models() if issubclass(model, DecisionMakerIndexMixin)]


def decision_maker_models() -> list[type[Page]]:
    """Every decision-maker page type: the app's and a site's own, built on DecisionMakerMixin."""
    return [model for model in get_page_models() if issubclass(model, DecisionMakerMixin)]


def directory_pages():
    """Every directory page, of every directory page type (as ``Page``: ``.specific()`` gives each
    its own type, which names the type of its decision makers, ``get_decision_maker_model()``)."""
    return Page.objects.type(*directory_page_models())
