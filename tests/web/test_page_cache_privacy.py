"""Privacy wins over the caches: a page under a view restriction (its own or a parent's) is never
stored or served from the page cache, with or without the middleware that answers before Wagtail's
own check, and adding, changing or removing a restriction purges the frontend cache too."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from soroptimist_advocacy.models import ActionKitPage, DecisionMakerIndexPage
from soroptimist_advocacy.web import page_cache
from tests import factories
from tests.letter_builder.test_localisation import campaign, localized  # noqa: F401 - the translated campaign fixture
from tests.web.test_caching import FRONTEND_CACHE

MIDDLEWARE = "soroptimist_advocacy.web.page_cache.PageCacheMiddleware"
SECRET_TEXT = "Claire Dubois"  # the French minister, shown by the campaign and the directory for ?country=FR
COUNTRY = {"country": "FR"}


@pytest.fixture
def purged(settings, monkeypatch):
    """The URLs purged from the frontend cache."""
    settings.WAGTAILFRONTENDCACHE = FRONTEND_CACHE
    urls: list[str] = []
    monkeypatch.setattr("wagtail.contrib.frontend_cache.backends.HTTPBackend.purge", lambda self, url: urls.append(url))
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.backends.HTTPBackend.purge_batch", lambda self, batch: urls.extend(batch)
    )
    return urls


@pytest.fixture(params=["with middleware", "without middleware"])
def middleware(request, settings):
    if request.param == "without middleware":
        settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != MIDDLEWARE]
    return request.param


@pytest.fixture
def renders(monkeypatch):
    """The pages rendered (rather than served from the page cache), by id."""
    rendered: list[int] = []
    for model in (ActionKitPage, DecisionMakerIndexPage):
        original = model.get_context

        def counting(self, request, *args, _original=original, **kwargs):
            rendered.append(self.pk)
            return _original(self, request, *args, **kwargs)

        monkeypatch.setattr(model, "get_context", counting)
    return rendered


@pytest.fixture
def restrict(django_capture_on_commit_callbacks):
    """Add a view restriction as the admin's privacy dialog does: committed, then its callbacks run."""

    def add(page, kind):
        with django_capture_on_commit_callbacks(execute=True):
            return PageViewRestriction.objects.create(
                page=page, restriction_type=kind, password="secret" if kind == PageViewRestriction.PASSWORD else ""
            )

    return add


@pytest.fixture
def lift(django_capture_on_commit_callbacks):
    def remove(restriction):
        with django_capture_on_commit_callbacks(execute=True):
            restriction.delete()

    return remove


def section():
    """A plain page under the site root, as editors make one to hold members-only pages."""
    return factories.add(factories.home(), Page(title="Members", slug="members"))


def make_page(kind: str, under):
    """The campaign or the directory, with the French minister both show for ?country=FR."""
    directory = factories.make_directory(parent=under)
    factories.make_decision_maker(directory, "FR", SECRET_TEXT)
    if kind == "directory":
        return directory
    return factories.make_action_kit(parent=under, directory=directory)


def assert_kept_private(response):
    """The anonymous visitor gets Wagtail's password form or login redirect, never the page."""
    assert response.status_code in (200, 302)
    assert SECRET_TEXT not in response.content.decode()
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("page_kind", ["campaign", "directory"])
@pytest.mark.parametrize("restriction_kind", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
@pytest.mark.parametrize("restricted", ["the page", "its parent"])
def test_a_restricted_page_is_never_served_from_the_page_cache(
    db, middleware, page_kind, restriction_kind, restricted, renders, purged, restrict, lift
):
    parent = section()
    page = make_page(page_kind, under=parent)
    # Stored while public.
    assert SECRET_TEXT in Client().get(page.url, COUNTRY).content.decode()
    assert SECRET_TEXT in Client().get(page.url, COUNTRY).content.decode()
    assert renders == [page.pk]

    purged.clear()
    restriction = restrict(page if restricted == "the page" else parent, restriction_kind)

    assert any(url.endswith(page.url) for url in purged), purged
    for _ in range(2):
        assert_kept_private(Client().get(page.url, COUNTRY))

    purged.clear()
    lift(restriction)

    assert any(url.endswith(page.url) for url in purged), purged
    renders.clear()
    for _ in range(2):
        assert SECRET_TEXT in Client().get(page.url, COUNTRY).content.decode()
    assert renders == [page.pk], "public again, the page is rendered once and then served from the cache"


def test_no_view_stored_before_a_restriction_is_served_even_where_the_purge_did_not_reach(
    action_kit, restrict, monkeypatch
):
    # A site's own page showing the campaign's content, or a purge that failed half way:
    # the entry carries the privacy version it was stored under, and that changed.
    Client().get(action_kit.url, COUNTRY)
    monkeypatch.setattr("soroptimist_advocacy.signal_handlers.pages_to_purge_for_restriction", lambda page: [])

    restrict(action_kit, PageViewRestriction.PASSWORD)

    assert_kept_private(Client().get(action_kit.url, COUNTRY))


def test_a_restriction_committed_during_the_render_orphans_the_stored_view(action_kit, renders, restrict, monkeypatch):
    original = ActionKitPage.get_context

    def restricted_meanwhile(self, request, *args, **kwargs):
        # Another process (an editor in the admin) restricts the page while this one renders it.
        monkeypatch.setattr(ActionKitPage, "get_context", original)
        restrict(self, PageViewRestriction.LOGIN)
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(ActionKitPage, "get_context", restricted_meanwhile)
    Client().get(action_kit.url, COUNTRY)

    assert_kept_private(Client().get(action_kit.url, COUNTRY))


def test_a_restriction_committed_after_wagtails_check_keeps_the_page_out_of_the_cache(
    action_kit, restrict, monkeypatch
):
    original = page_cache.current_version

    def restricted_just_before(request):
        # Wagtail has checked the page (no restriction yet); an editor's restriction lands now.
        monkeypatch.setattr(page_cache, "current_version", original)
        restrict(action_kit, PageViewRestriction.PASSWORD)
        return original(request)

    monkeypatch.setattr(page_cache, "current_version", restricted_just_before)
    Client().get(action_kit.url, COUNTRY)

    assert_kept_private(Client().get(action_kit.url, COUNTRY))


def test_restricting_a_decision_maker_refreshes_the_campaign_the_directory_and_their_exports(
    action_kit, directory, claire, restrict, purged
):
    for url in (action_kit.url, directory.url):
        assert SECRET_TEXT in Client().get(url, COUNTRY).content.decode()
    purged.clear()

    restrict(claire, PageViewRestriction.PASSWORD)

    for url in (action_kit.url, directory.url):
        assert SECRET_TEXT not in Client().get(url, COUNTRY).content.decode()
    for path in (action_kit.url, directory.url, directory.url + "export.csv", directory.url + "export.json"):
        assert any(url.endswith(path) for url in purged), (path, purged)


def test_changing_a_restrictions_groups_purges_the_page(
    action_kit, restrict, purged, django_capture_on_commit_callbacks
):
    restriction = restrict(action_kit, PageViewRestriction.GROUPS)
    group = Group.objects.get(name="Editors")
    for change in (lambda: restriction.groups.add(group), lambda: group.pageviewrestriction_set.clear()):
        purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        assert any(url.endswith(action_kit.url) for url in purged), purged


def test_restricting_a_campaign_purges_every_translation(campaign, restrict, purged):  # noqa: F811
    restrict(campaign, PageViewRestriction.PASSWORD)
    for code in ("fr", "es"):
        assert any(url.endswith(localized(campaign, code).url) for url in purged), (code, purged)
