"""What a page says about itself to social networks and search engines.

Open Graph and Twitter card values, the canonical URL and the ``hreflang``
alternates of its live translations (plus ``x-default``, the default-locale
page), all as absolute URLs from Wagtail's own site root paths, never from the
request's path: a private or query-carrying address is never echoed.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.conf import settings as django_settings
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import to_locale
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site

from soroptimist_advocacy.conf import settings
from soroptimist_advocacy.web.translations import live_translations

# The size Facebook, LinkedIn and X recommend for a large preview (1.91:1).
SHARE_IMAGE_SPEC = "fill-1200x630"
DESCRIPTION_MAX_CHARS = 300
# The app's own default share image (scripts/build_share_image.py) and its size.
PACKAGED_SHARE_IMAGE = ("soroptimist_advocacy/share.png", 1200, 630)
logger = logging.getLogger(__name__)


@dataclass
class Alternate:
    language_code: str
    url: str


@dataclass
class PageMeta:
    title: str
    url: str
    description: str = ""
    locale: str = ""
    site_name: str = ""
    image_url: str = ""
    image_width: int | None = None
    image_height: int | None = None
    image_alt: str = ""
    alternates: list[Alternate] = field(default_factory=list)
    x_default_url: str = ""

    @property
    def alternate_locales(self) -> list[str]:
        """``og:locale:alternate`` values: every other translation's locale."""
        return [to_locale(alternate.language_code) for alternate in self.alternates if alternate.url != self.url]

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image_url else "summary"


def default_language_code() -> str:
    return get_supported_content_language_variant(django_settings.LANGUAGE_CODE)


def page_description(page) -> str:
    """The search description, else the page's introduction or summary, as plain text."""
    intro = getattr(page, "intro", "")
    # Rich text is stored HTML: strip its tags, then undo its entities so they are escaped once.
    intro = html.unescape(strip_tags(str(intro or "")))
    for text in (getattr(page, "search_description", ""), intro, getattr(page, "summary", "")):
        plain = " ".join(str(text or "").split())
        if plain:
            return Truncator(plain).chars(DESCRIPTION_MAX_CHARS)
    return ""


def share_image(page):
    """The page's share image (``get_share_image()``), else its hero image, else None."""
    get_share_image = getattr(page, "get_share_image", None)
    if get_share_image is not None:
        return get_share_image()
    return getattr(page, "hero_image", None)


def add_image(meta: PageMeta, image) -> None:
    try:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    except OSError:  # The file is gone from storage: the page still renders, without a preview image.
        logger.warning("No share image for %s: image %s cannot be read", meta.url, image.pk)
        return
    # Storage URLs may be relative (/media/...): join them to the page's own origin.
    meta.image_url = urljoin(meta.url, rendition.url)
    meta.image_width, meta.image_height = rendition.width, rendition.height
    meta.image_alt = getattr(image, "description", "") or ""


def add_default_image(meta: PageMeta) -> None:
    """The site-wide ``DEFAULT_SHARE_IMAGE`` (a static file), so a shared link always shows a picture."""
    path = settings.DEFAULT_SHARE_IMAGE
    if not path:
        return
    try:
        image_url = static(path)
    except ValueError:  # Manifest storage without this file: collectstatic has not run, or the path is wrong.
        logger.warning("No default share image: %s is not among the static files", path)
        return
    meta.image_url = urljoin(meta.url, image_url)
    if path == PACKAGED_SHARE_IMAGE[0]:
        meta.image_width, meta.image_height = PACKAGED_SHARE_IMAGE[1:]


def page_meta(page, request=None) -> PageMeta:
    """Everything the meta tags of *page* say, with absolute URLs."""
    # A new page's preview has no tree path yet, so no address to give.
    url = (page.get_full_url(request) or "") if page.url_path else ""
    meta = PageMeta(title=page.seo_title or page.title, url=url, description=page_description(page))
    # Shared with the letter form and the language switcher: no extra query on a campaign page.
    translations = live_translations(page, request) if page.pk else {}
    default_code = default_language_code()
    for code, translation in translations.items():
        if not translation.live:  # The page itself in a preview: no alternate of the live ones.
            continue
        translation_url = url if translation.pk == page.pk else translation.get_full_url(request)
        if not translation_url:
            continue
        meta.alternates.append(Alternate(code, translation_url))
        if code == default_code:
            meta.x_default_url = translation_url
    if page.locale_id:
        meta.locale = to_locale(page.locale.language_code)  # fetched along with the translations
    site = Site.find_for_request(request) if request is not None else None
    # The Wagtail Site's name, else the site-wide WAGTAIL_SITE_NAME, so og:site_name is always there.
    meta.site_name = (site.site_name if site is not None else "") or getattr(django_settings, "WAGTAIL_SITE_NAME", "")
    image = share_image(page)
    if image is not None and url:
        add_image(meta, image)
    if not meta.image_url and url:
        add_default_image(meta)
    return meta
