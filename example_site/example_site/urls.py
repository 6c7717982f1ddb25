from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from soroptimist_advocacy.web.sitemap import TranslatedSitemap


def healthz(request):
    """A constant answer: the load benchmark's plain Django view baseline, and a health check."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("healthz/", healthz),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Every live page in every language, with hreflang alternates (Wagtail's own lists one language).
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
