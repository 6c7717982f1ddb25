"""What every public page of the app shares."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.utils.cache import patch_cache_control

from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.web.page_cache import normalised_query, serve_with_cache

# The mixins go before Wagtail's Page in a page model's bases and call it through super():
# the type checker is told so.
if TYPE_CHECKING:
    from wagtail.models import Page as _PageBase
    from wagtail.models import PageManager
else:
    _PageBase = object


class PublicPageMixin(_PageBase):
    """Puts ``base_template`` (the host site's base, setting ``BASE_TEMPLATE``) in the context."""

    # Wagtail's, which django-stubs cannot find on its own: Wagtail ships no type information.
    objects: ClassVar[PageManager]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = settings.BASE_TEMPLATE
        return context


class SharedCacheMixin(_PageBase):
    """A page identical for every anonymous visitor: public cache headers, and anonymous
    GETs served from the shared Django cache (``soroptimist_advocacy.web.page_cache``).
    List it before ``RoutablePageMixin`` so it wraps every route."""

    #: The page's public files (``figures.json``...), which a CDN stores as it stores the page.
    public_files: tuple[str, ...] = ()

    def get_cached_paths(self):
        """What ``wagtail.contrib.frontend_cache`` purges when the page changes: the page, its
        public files and their slash-ended aliases (``figures_json/``, which the app's
        middleware serves ``figures.json`` through and which answer publicly too); may be
        overridden (start from its result)."""
        aliases = [name.replace(".", "_") + "/" for name in self.public_files]
        return ["/", *self.public_files, *aliases]

    def cache_public_response(self, response):
        """Mark a page view as publicly cacheable for ``PAGE_MAX_AGE``; may be overridden."""
        patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
        return response

    def serve(self, request, *args, **kwargs):
        return serve_with_cache(self, request, self._serve_public, *args, **kwargs)

    def _serve_public(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if (
            request.method == "GET"
            and response.status_code == 200
            and not response.has_header("Cache-Control")
            and not getattr(request, "is_preview", False)
            and normalised_query(request.GET) is not None
        ):
            response = self.cache_public_response(response)
        return response
