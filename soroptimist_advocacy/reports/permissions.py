"""Who may do what with action reports.

Members make reports and only members change them (through their private
link), so no staff user, superusers included, can add or edit one in the
admin. ``view`` opens the listing, exports and campaign figures without
personal data; ``view_personal_data`` adds names, emails, notes and response
summaries (the rule is ``web.admin.permissions.can_view_personal_data``, which
also decides for corrections and suggestions); ``delete`` deletes a report or
erases its personal data on request.
"""

from __future__ import annotations

from wagtail.permission_policies import ModelPermissionPolicy

MEMBER_ONLY_ACTIONS = frozenset({"add", "change"})


class ActionReportPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in MEMBER_ONLY_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action not in MEMBER_ONLY_ACTIONS])
