"""Who sent a correction or a suggestion: shown only to those who may see members' personal data.

A member may leave her name and email with a correction or a suggestion so that an editor can ask
her about it. Every editor of decision makers needs what she reported, but not who she is: her
name and email are listed, inspected, searched and exported only for users with the personal-data
permission (``can_view_personal_data``, the rule the action reports follow too). For the others
those fields are left out, not blanked: no column, heading, inspect row or search match reveals
them, so probing with a search for an address finds nothing either.

What she wrote about the post (a correction's details, a suggestion's evidence) stays visible to
every editor who sees the record: it is what they check and act on, and the forms ask there for
facts about the decision maker (a new name, an address, a link to an announcement), while her own
name and email have their own fields. Retention still blanks that text with her name and email
(the models' ``PERSONAL_FIELDS``), because free text may hold anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.functional import cached_property

from soroptimist_advocacy.models.member_submission import MemberSubmission
from soroptimist_advocacy.web.admin.permissions import can_view_personal_data


def fields_for(user, names: Iterable[str] | None, identity_fields: Iterable[str]) -> list[str]:
    """*names* (export columns, inspect rows or search fields) without the member's identity
    fields, unless *user* may see members' personal data."""
    names = list(names or [])
    if can_view_personal_data(user):
        return names
    hidden = set(identity_fields)
    return [name for name in names if name not in hidden]


# The mixin goes before Wagtail's IndexView in a view's bases; the type checker is told so.
if TYPE_CHECKING:
    from wagtail.admin.views.generic import IndexView as _ViewBase
else:
    _ViewBase = object


class MemberIdentityListingMixin(_ViewBase):
    """For a listing of what members sent (a ``MemberSubmission`` model): its search and CSV/XLSX
    export lose the model's ``MEMBER_FIELDS`` for users without the personal-data permission;
    ``shows_member`` tells the listing's columns."""

    model: type[MemberSubmission]
    request: HttpRequest  # set by the view's setup
    list_export: list[str]  # given by the viewset
    search_fields: list[str] | None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.list_export = fields_for(request.user, self.list_export, self.model.MEMBER_FIELDS)
        self.search_fields = fields_for(request.user, self.search_fields, self.model.MEMBER_FIELDS)

    @cached_property
    def shows_member(self) -> bool:
        return can_view_personal_data(self.request.user)
