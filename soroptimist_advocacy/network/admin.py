"""The "Partner feeds" snippet: which partners' figures roll up, and how fresh they are."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from soroptimist_advocacy.models.network import PartnerFeed


class PartnerFeedViewSet(SnippetViewSet):
    model = PartnerFeed
    icon = "globe"
    menu_label = _("Partner feeds")
    add_to_admin_menu = False
    list_display = [
        "name",
        Column("campaign", label=_("Our campaign")),
        BooleanColumn("active", label=_("Active")),
        DateColumn("fetched_at", label=_("Last good fetch")),
        DateColumn("last_attempt_at", label=_("Last attempt")),
        BooleanColumn("stale", label=_("Stale")),
        Column("last_error", label=_("Last error")),
    ]
    list_filter = ["active"]
