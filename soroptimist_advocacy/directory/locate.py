"""Find the directory a command works on, from a page ID or a URL path, in a language."""

from __future__ import annotations

from django.utils.translation import gettext
from wagtail.models import Locale

from soroptimist_advocacy.models.decision_maker import directory_pages
from soroptimist_advocacy.web.privacy import publicly_visible
from soroptimist_advocacy.web.translations import translation_in


class DirectoryNotFound(Exception):
    """The reference names no directory, or several; the message says which and why."""


def find_locale(language_code: str) -> Locale:
    try:
        return Locale.objects.get_for_language(language_code)
    except (Locale.DoesNotExist, LookupError):
        known = ", ".join(Locale.objects.values_list("language_code", flat=True).order_by("language_code"))
        raise DirectoryNotFound(
            gettext("No locale “%(code)s”; the site has: %(known)s.") % {"code": language_code, "known": known}
        ) from None


def _normalise_path(path: str) -> str:
    return "/" + path.strip().strip("/") + "/" if path.strip("/ ") else "/"


def _paths_of(directory) -> set[str]:
    """The tree path (``/home/decision-makers/``) and the site URL path (``/fr/decision-makers/``)."""
    paths = {directory.url_path}
    url_parts = directory.get_url_parts()
    if url_parts:
        paths.add(_normalise_path(url_parts[2]))
    return paths


def find_directory(reference: str | None, language_code: str | None = None):
    """The directory that *reference* (page ID or URL path) names, in *language_code* when given:
    a page of any directory page type (a site's own included), as its own type.

    Without a reference the site's only directory is used; with several, the
    message lists them so the editor can choose.
    """
    directories = directory_pages().select_related("locale").specific()
    if not reference:
        if language_code:
            directories = directories.filter(locale=find_locale(language_code))
        found = list(directories[:2])
        if len(found) != 1:
            listing = "; ".join(f"{page.pk} {page.url_path}" for page in directories.order_by("path")[:20])
            raise DirectoryNotFound(
                gettext("Choose the directory with --directory (a page ID or URL path): %(listing)s")
                % {"listing": listing or gettext("there is none yet")}
            )
        return found[0]
    reference = reference.strip()
    if reference.isdigit():
        found = [page for page in directories.filter(pk=int(reference))]
    else:
        wanted = _normalise_path(reference)
        found = [page for page in directories if wanted in _paths_of(page)]
    if not found:
        raise DirectoryNotFound(gettext("No decision-maker directory at “%(reference)s”.") % {"reference": reference})
    if len(found) > 1:
        raise DirectoryNotFound(
            gettext("“%(reference)s” names several directories; use a page ID: %(ids)s.")
            % {"reference": reference, "ids": ", ".join(str(page.pk) for page in found)}
        )
    directory = found[0]
    if language_code and directory.locale.language_code != language_code:
        translation = translation_in(directory, find_locale(language_code), live_only=False, fallback=None)
        if translation is None:
            raise DirectoryNotFound(
                gettext("The directory “%(title)s” has no %(code)s translation.")
                % {"title": directory.title, "code": language_code}
            )
        directory = translation
    return directory


def decision_makers_for_export(directory=None, language_code: str | None = None) -> list:
    """Publicly visible decision makers of *directory*, or of every directory in *language_code*,
    in directory order (country, rank, name): an export file travels, so nobody under a view
    restriction is in it. Each directory's are of its own decision-maker type (its
    ``get_decision_maker_model()``)."""
    if directory is not None:
        directories = [directory]
    else:
        locale = find_locale(language_code) if language_code else Locale.get_default()
        directories = list(directory_pages().filter(locale=locale).order_by("path").specific())
    pages = []
    for each in directories:
        decision_makers = publicly_visible(each.get_decision_maker_model().objects.child_of(each))
        pages.extend(decision_makers.order_by("country", "rank", "title", "pk"))
    if len(directories) > 1:
        pages.sort(key=lambda page: (page.country.code, page.rank, page.title, page.pk))
    return pages
