"""The directory listing's "Sync" column and the "managed locally" switch."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column
from wagtail.models import Page

from soroptimist_advocacy.models.decision_maker import decision_maker_models
from soroptimist_advocacy.models.sync_state import DecisionMakerSyncState
from soroptimist_advocacy.web.admin import url_names


def sync_state_of(page) -> DecisionMakerSyncState | None:
    try:
        return page.sa_sync_state
    except DecisionMakerSyncState.DoesNotExist:
        return None


class SyncColumn(Column):
    """Where a record was synced from and when, "managed locally" with its switch."""

    cell_template_name = "soroptimist_advocacy/network/sync_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["state"] = sync_state_of(instance)
        context["toggle_url"] = reverse(url_names.DECISION_MAKERS_MANAGED_LOCALLY, args=[instance.pk])
        return context


def sync_column():
    return SyncColumn("sync", label=_("Sync"), accessor=lambda page: "")


@require_POST
def toggle_managed_locally(request, page_id: int):
    """Mark a decision maker as managed locally (a sync leaves it alone), or undo it."""
    page = get_object_or_404(Page.objects.type(*decision_maker_models()), pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    state, _created = DecisionMakerSyncState.objects.get_or_create(page_id=page.pk)
    state.managed_locally = request.POST.get("managed_locally") == "1"
    state.save(update_fields=["managed_locally"])
    if state.managed_locally:
        messages.success(
            request, gettext("“%(name)s” is managed locally: a sync leaves it alone.") % {"name": page.title}
        )
    else:
        messages.success(request, gettext("“%(name)s” follows its sync source again.") % {"name": page.title})
    return redirect(url_names.DECISION_MAKERS_INDEX)
