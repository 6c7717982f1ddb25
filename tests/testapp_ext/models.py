"""Page types a site might build on the app's mixins, each overriding one hook."""

from django.db import models
from wagtail.models import Page

from soroptimist_advocacy.models import ActionKitMixin, DecisionMakerIndexMixin, DecisionMakerMixin


class DistrictCampaignPage(ActionKitMixin, Page):
    """A district's campaign: its letters name the district, its reports are tagged with it."""

    district = models.CharField(max_length=100, blank=True)

    template = "soroptimist_advocacy/pages/action_kit_page.html"

    def get_letter_contexts(self, form):
        contexts = super().get_letter_contexts(form)
        for context in contexts:
            context["district"] = self.district
            context["body"] = [*context["body"], f"Written on behalf of the {self.district} district."]
        return contexts

    def process_report(self, request, form):
        report, token = super().process_report(request, form)
        report.notes = f"[{self.district}] {report.notes}".strip()
        report.save(update_fields=["notes"])
        return report, token


class RegionalDecisionMakerPage(DecisionMakerMixin, Page):
    """A decision maker whose corrections say they came from the regional directory."""

    template = "soroptimist_advocacy/pages/decision_maker_page.html"

    def save_correction(self, request, form):
        correction = super().save_correction(request, form)
        correction.details = f"[regional] {correction.details}"
        correction.save(update_fields=["details"])
        return correction


class RegionalDirectoryPage(DecisionMakerIndexMixin, Page):
    """Lists any page type's children, but takes its decision makers from the hook; its suggestion
    form starts on the region's country and its suggestions say they came from the region."""

    template = "soroptimist_advocacy/pages/decision_maker_index_page.html"

    @classmethod
    def get_decision_maker_model(cls):
        return RegionalDecisionMakerPage

    def get_suggestion_form(self, data=None, initial=None):
        initial = initial or {}
        return super().get_suggestion_form(data=data, initial={**initial, "country": initial.get("country") or "PT"})

    def save_suggestion(self, request, form):
        suggestion = super().save_suggestion(request, form)
        suggestion.evidence = f"[regional] {suggestion.evidence}"
        suggestion.save(update_fields=["evidence"])
        return suggestion


class RegionalCampaignPage(ActionKitMixin, Page):
    """A campaign whose letters go to the regional directory's own decision makers."""

    directory = models.ForeignKey(
        RegionalDirectoryPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    template = "soroptimist_advocacy/pages/action_kit_page.html"
