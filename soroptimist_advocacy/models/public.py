"""What every public page of the app shares."""

from ..conf import get_setting


class PublicPageMixin:
    """Puts ``base_template`` (the host site's base, setting ``BASE_TEMPLATE``) in the context."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = get_setting("BASE_TEMPLATE")
        return context
