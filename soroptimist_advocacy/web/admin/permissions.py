"""Who may see and change what in the app's admin views: the directory's on Wagtail's page
permissions, members' personal data on one model permission."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from soroptimist_advocacy.compat import get_permission_policy
from soroptimist_advocacy.models.correction import DecisionMakerCorrection
from soroptimist_advocacy.models.decision_maker import decision_maker_models, directory_pages
from soroptimist_advocacy.models.report import ActionReport
from soroptimist_advocacy.models.suggestion import DecisionMakerSuggestion

EDITING_ACTIONS = {"add", "change", "publish"}

# The action of ActionReport's "view_personal_data_actionreport" permission.
PERSONAL_DATA_ACTION = "view_personal_data"


def can_view_personal_data(user) -> bool:
    """Whether *user* may see what identifies a member (her name, email, and in reports her notes
    and response summary) wherever the admin shows it: action reports, corrections, suggestions.

    One permission for all three, so that granting or withholding it means the same everywhere. It
    is the action reports' custom permission (superusers have it, Wagtail's Editors and Moderators
    groups do not), asked of the policy registered for ActionReport so that a site's own policy
    decides for corrections and suggestions too.
    """
    return get_permission_policy(ActionReport).user_has_permission(user, PERSONAL_DATA_ACTION)


def editable_decision_makers(user):
    """Decision makers of every decision-maker page type (a site's own included) that *user* may
    edit or publish (superusers: all), as ``Page``."""
    # The policy is built on Page, not a decision-maker type: page permissions are
    # Page's (add_page, ...) and Wagtail 7.4 derives the codenames from the
    # policy's model, so a DecisionMakerPage policy would find none there.
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, EDITING_ACTIONS)
    return Page.objects.type(*decision_maker_models()).filter(pk__in=pages.values("pk"))


def can_edit_decision_makers(user) -> bool:
    return editable_decision_makers(user).exists() or user_can_import_anywhere(user)


def can_import_into(user, directory) -> bool:
    """An import creates, changes and publishes pages under *directory*: it takes all three rights."""
    tester = directory.permissions_for_user(user)
    if not (tester.can_add_subpage() and tester.can_publish_subpage()):
        return False
    return user.is_superuser or "change" in tester.permissions


def directories_for_import(user) -> list:
    return [
        directory
        for directory in directory_pages().select_related("locale").order_by("path").specific()
        if can_import_into(user, directory)
    ]


def user_can_import_anywhere(user) -> bool:
    return bool(directories_for_import(user))


def visible_corrections(user):
    """Corrections of the decision makers *user* may edit; those whose page was deleted go to
    everyone who edits some decision maker, so that they are not lost."""
    corrections = DecisionMakerCorrection.objects.all()
    if user.is_superuser:
        return corrections
    editable = editable_decision_makers(user)
    visible = Q(decision_maker__in=editable.values("pk"))
    if editable.exists():
        visible |= Q(decision_maker__isnull=True)
    return corrections.filter(visible)


def visible_suggestions(user):
    """Suggestions for the directories *user* may add pages to; those whose directory was
    deleted go to everyone who edits some decision maker, so that they are not lost."""
    suggestions = DecisionMakerSuggestion.objects.all()
    if user.is_superuser:
        return suggestions
    addable = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"add"})
    visible = Q(directory__in=addable.values("pk"))
    if can_edit_decision_makers(user):
        visible |= Q(directory__isnull=True)
    return suggestions.filter(visible)


class DecisionMakerEditorsMenuItem(MenuItem):
    """Shown only to those who may edit decision makers, so others never see a dead end."""

    def is_shown(self, request):
        # Also to those who may add pages: before any directory exists the menu leads to creating one.
        return can_edit_decision_makers(request.user) or PagePermissionPolicy().user_has_permission(request.user, "add")


class MemberSubmissionPermissionPolicy(BasePermissionPolicy):
    """What members sent about the directory follows page permissions: who may edit a decision maker
    may see and handle what members sent about the directory, the ones ``visible`` to her. Members
    write them, so nobody adds or deletes one."""

    EDITOR_ACTIONS = frozenset({"view", "change"})

    def visible(self, user):
        raise NotImplementedError

    def user_has_permission(self, user, action):
        return action in self.EDITOR_ACTIONS and user.is_active and can_edit_decision_makers(user)

    def user_has_any_permission(self, user, actions):
        return bool(self.EDITOR_ACTIONS.intersection(actions)) and user.is_active and can_edit_decision_makers(user)

    def users_with_any_permission(self, actions):
        if not self.EDITOR_ACTIONS.intersection(actions):
            return get_user_model().objects.none()
        # Those with some page editing right, narrowed to those who reach a decision maker.
        candidates = PagePermissionPolicy().users_with_any_permission(EDITING_ACTIONS)
        return candidates.filter(pk__in=[user.pk for user in candidates if can_edit_decision_makers(user)])

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.visible(user)

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions)


class CorrectionPermissionPolicy(MemberSubmissionPermissionPolicy):
    """Corrections go to the editors of the decision maker they are about (see visible_corrections)."""

    def visible(self, user):
        return visible_corrections(user)


class SuggestionPermissionPolicy(MemberSubmissionPermissionPolicy):
    """Suggestions go to those who may add pages to their directory (see visible_suggestions)."""

    def visible(self, user):
        return visible_suggestions(user)
