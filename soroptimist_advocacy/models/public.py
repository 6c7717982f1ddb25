"""What every public page of the app shares."""

from django.utils.cache import patch_cache_control

from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.web.page_cache import normalised_query, serve_with_cache


class PublicPageMixin:
    """Puts ``base_template`` (the host site's base, setting ``BASE_TEMPLATE``) in the context."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = settings.BASE_TEMPLATE
        return context


class SharedCacheMixin:
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
