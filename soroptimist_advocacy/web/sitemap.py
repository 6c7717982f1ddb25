"""A ``wagtail.contrib.sitemaps`` sitemap that lists every live translation.

Wagtail's own sitemap lists the pages under the site's root page only, and with
wagtail-localize each language has its own copy of that root: translated
campaign, resource and directory pages would be missing. This one walks the
root page's live translations too and gives each ``<url>`` its ``xhtml:link``
alternates (every live translation of the page, plus ``x-default``).
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from soroptimist_advocacy.web.social_meta import default_language_code


class TranslatedSitemap(Sitemap):
    """Use it where Wagtail's ``Sitemap`` would go, e.g. ``{"sitemaps": {"pages": TranslatedSitemap}}``."""

    def live_pages(self):
        """Live, public pages under the site's root page or any of its translations."""
        root = self.get_wagtail_site().root_page
        roots = root.get_translations(inclusive=True).live().only("path")
        under_a_root = reduce(or_, (Q(path__startswith=translation.path) for translation in roots), Q(pk=root.pk))
        return Page.objects.filter(under_a_root).live().public()

    def items(self):
        return self.live_pages().order_by("path").defer_streamfields().specific()

    def alternates_by_url(self) -> dict[str, list[dict]]:
        """Each page's URL -> ``[{"lang_code", "location"}]`` of its group of live translations."""
        # Plain pages and one query for the locales: the URL needs only the tree path.
        pages = self.live_pages().only("url_path", "translation_key", "locale_id", "path", "depth")
        language_codes = dict(Locale.objects.values_list("pk", "language_code"))
        groups: dict = {}
        for page in pages:
            url = page.get_full_url(self.request)
            if url:
                groups.setdefault(page.translation_key, []).append((language_codes[page.locale_id], url))
        default_code = default_language_code()
        by_url = {}
        for translations in groups.values():
            if len(translations) < 2:
                continue  # A page in one language has no alternates.
            alternates = [{"lang_code": code, "location": url} for code, url in translations]
            alternates += [
                {"lang_code": "x-default", "location": url} for code, url in translations if code == default_code
            ]
            for _code, url in translations:
                by_url[url] = alternates
        return by_url

    def _urls(self, page, protocol, domain):
        # Wagtail builds each <url> from the page's get_sitemap_urls(); add the alternates to it.
        urls = super()._urls(page, protocol, domain)
        if getattr(self, "_alternates", None) is None:
            self._alternates = self.alternates_by_url()
        for url_info in urls:
            url_info.setdefault("alternates", self._alternates.get(url_info.get("location"), []))
        return urls
