"""Wagtail's privacy setting (a page view restriction) as the public pages' caches and lists read it.

A restriction (password, login, groups) on a page hides that page and every page
under it. Wagtail checks it when it serves a page; anything the app shows or
stores for anonymous visitors outside that check (cached views, listings,
exports, letters) asks here: :func:`publicly_visible` is the one rule for which
decision makers the public sees.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def under_view_restriction() -> Exists:
    """A page-queryset condition: a view restriction sits on the page or on one of its ancestors.

    The same pages as Wagtail's ``PageQuerySet.public()`` leaves out (an ancestor's tree
    path is a prefix of the page's), as a subquery of the query it filters: ``public()``
    reads every restriction of the site in a query of its own each time it is called and
    adds one ``OR`` per restriction to the filter, where this adds no query and the same SQL
    however many restrictions the site has.
    """
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path"))))


def without_view_restrictions(pages):
    """*pages* (a page queryset) less those under a view restriction, their own or inherited."""
    return pages.exclude(under_view_restriction())


def has_view_restriction(page) -> bool:
    """True when *page* or one of its ancestors has a view restriction (one query; an alias
    is judged by the page it shows, as Wagtail's own check does)."""
    return page.get_view_restrictions().exists()


def publicly_visible(pages):
    """The pages of *pages* (a page queryset) anyone may see: live and under no view
    restriction, their own or a parent's (password, login, groups).

    The one rule for every public place that lists a decision maker or her details: the
    directory listing, the letter form and the letter setup, the lookup block, the report
    form, coverage, and ``export.csv``/``export.json`` (which syncs and bundles read).
    """
    return without_view_restrictions(pages.live())
