"""The few places where Wagtail 7.4 LTS and Wagtail 8 differ, behind one code path.

Supported: Wagtail 7.4 LTS and 8.x. Keep every version test here so the rest
of the app reads as if there were one Wagtail; drop a branch when its version
leaves the supported range.
"""

from __future__ import annotations

from django.db import models
from django.utils.functional import cached_property
from wagtail.permission_policies import ModelPermissionPolicy

try:
    import swapper  # a dependency of Wagtail 8 only
except ImportError:  # Wagtail 7.4: the page model is not swappable.
    swapper = None

try:
    # Wagtail 8 keeps one permission policy per model in a registry that every
    # admin view (viewsets, menus, reports) consults.
    from wagtail.permissions import policy_registry as _policy_registry
    from wagtail.permissions import register_permission_policy as _register_permission_policy
except ImportError:  # Wagtail 7.4: each viewset carries its own ``permission_policy``.
    _policy_registry = None
    _register_permission_policy = None

HAS_POLICY_REGISTRY = _policy_registry is not None

# Wagtail 7.4 has no registry: the policies the app registers are kept here and
# handed to its viewsets through their ``permission_policy`` (see get_permission_policy).
_policies: dict[type, object] = {}


def register_permission_policy(model, policy) -> None:
    """Make ``policy`` the one every admin view uses for ``model``, on Wagtail 7.4 and 8."""
    if HAS_POLICY_REGISTRY:
        _register_permission_policy(model, policy)
    else:
        _policies[model] = policy


def get_permission_policy(model):
    """The policy registered for ``model`` (the registry's on Wagtail 8, ours on 7.4), else Wagtail's default."""
    if HAS_POLICY_REGISTRY:
        return _policy_registry.get_by_type(model)
    return _policies.get(model) or ModelPermissionPolicy(model)


def page_model_name() -> str:
    """``app_label.Model`` of the site's base page: swappable on Wagtail 8 (WAGTAIL_PAGE_MODEL), fixed on 7.4."""
    if swapper is None:
        return "wagtailcore.Page"
    return swapper.get_model_name("wagtailcore", "Page")


class RegisteredPolicyMixin:
    """Put before Wagtail's PermissionCheckedMixin: checks with the policy registered for the view's ``model``.

    Wagtail 8's mixin finds the policy from ``model`` in its registry; Wagtail
    7.4's has ``permission_policy = None``, which lets *every* user through, so
    a view that relies on ``model`` alone would be unprotected there.
    """

    model: type[models.Model] | None  # the view's, given by its class or its viewset

    @cached_property  # a cached_property, not a property: viewsets may pass permission_policy to the view
    def permission_policy(self):
        return get_permission_policy(self.model)
