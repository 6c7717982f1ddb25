"""Only a change to what letters are made of resets every process's letter setup.

The setup's version in the shared cache is bumped when a row a setup reads is saved
(campaign pages and their translations, directories, decision makers, letter templates,
their documents, the string translations of a page's body), once the save is committed;
saving a report, a session, a resource page or a document no template uses leaves it alone.
"""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import caches
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from soroptimist_advocacy.conf import settings as app_settings
from soroptimist_advocacy.letter_builder import setup as letter_setup
from soroptimist_advocacy.models import LetterTemplate
from tests import factories
from tests.letter_builder.test_localisation import marked_template
from tests.reports.conftest import make_report  # noqa: F401 (fixture)


def setup_version():
    return caches[app_settings.PAGE_CACHE_ALIAS].get(letter_setup.VERSION_KEY)


@pytest.fixture
def saved(django_capture_on_commit_callbacks):
    """Saves *instance* as its own transaction would, and tells whether the letter setups were reset."""

    def save(instance) -> bool:
        letter_setup.bump_version()
        before = setup_version()
        with django_capture_on_commit_callbacks(execute=True):
            instance.save()
        return setup_version() != before

    return save


@pytest.fixture
def template(db):
    document = factories.make_document("letter.docx", "letter.docx", marked_template("OUR TEMPLATE"))
    return LetterTemplate.objects.create(name="Letter", document=document)


def test_saving_what_letters_are_not_made_of_resets_no_setup(action_kit, template, make_report, saved):  # noqa: F811
    report, _token = make_report(action_kit)
    session = SessionStore()
    session["seen"] = True
    session.create()
    _index, (resource,) = factories.make_resources(count=1)
    statement = factories.make_document("Statement", "statement.pdf")

    assert not saved(report)
    assert not saved(session.model.objects.get(session_key=session.session_key))
    assert not saved(resource)  # a resource page is no part of a letter
    assert not saved(Page.objects.get(pk=resource.pk))  # nor as a plain Page
    assert not saved(statement)  # a document no letter template uses
    assert not saved(Page.objects.get(depth=2))  # the site's home page


def test_saving_what_letters_are_made_of_resets_every_setup(action_kit, directory, claire, template, saved):
    assert saved(template)
    assert saved(template.document)  # a replaced .docx
    assert saved(action_kit)
    assert saved(Page.objects.get(pk=action_kit.pk))  # the campaign saved as a plain Page (a move, a script)
    assert saved(directory)
    assert saved(claire)


def test_translating_the_letter_text_resets_every_setup_and_its_title_does_not(action_kit, saved):
    french = Locale.objects.create(language_code="fr")
    source, _created = TranslationSource.get_or_create_from_instance(action_kit)
    segments = {segment.context.path: segment for segment in StringSegment.objects.filter(source=source)}
    letter_path = next(path for path in segments if path.startswith("body.") and ".paragraphs." in path)

    def translation_of(path):
        return StringTranslation(
            translation_of=segments[path].string, locale=french, context=segments[path].context, data="Traduit"
        )

    assert saved(translation_of(letter_path))
    assert not saved(translation_of("title"))


def test_the_reset_comes_once_the_change_is_committed(action_kit, django_capture_on_commit_callbacks):
    """Before the commit, a process rebuilding its setup reads the rows as they were: a reset then
    would leave it with the old letter until the next change."""
    letter_setup.bump_version()
    before = setup_version()
    with django_capture_on_commit_callbacks() as on_commit:
        action_kit.save()
        assert setup_version() == before
    for callback in on_commit:
        callback()
    assert setup_version() != before


@pytest.fixture
def published(django_capture_on_commit_callbacks):
    """Publishes *page* as the admin does, and tells whether the letter setups were reset."""

    def publish(page) -> bool:
        letter_setup.bump_version()
        before = setup_version()
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return setup_version() != before

    return publish


def test_publishing_a_page_letters_are_not_made_of_resets_no_setup(action_kit, published):
    _index, (resource,) = factories.make_resources(count=1)
    assert not published(resource)
    assert not published(Page.objects.get(depth=2).specific)  # the site's home page
    assert published(action_kit)  # the campaign's letter text is what letters are made of
