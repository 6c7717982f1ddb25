"""translation_in: the one rule for a page's or snippet's language version."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from soroptimist_advocacy.models import DecisionMakerPage
from soroptimist_advocacy.web.translations import in_active_language, translation_in


@pytest.fixture
def french(db):
    return Locale.objects.get_or_create(language_code="fr")[0]


@pytest.fixture
def claire_in_french(claire, french):
    page = claire.copy_for_translation(french, copy_parents=True)
    page.save_revision().publish()
    return DecisionMakerPage.objects.get(pk=page.pk)


def test_a_live_translation_is_found_as_its_specific_page(claire, claire_in_french, french):
    found = translation_in(claire, french)
    assert found == claire_in_french and isinstance(found, DecisionMakerPage)
    assert translation_in(claire, claire.locale) is claire


def test_a_draft_translation_is_only_found_when_asked(claire, claire_in_french, french):
    claire_in_french.unpublish()
    assert translation_in(claire, french) is claire
    assert translation_in(claire, french, fallback=None) is None
    assert translation_in(claire, french, live_only=False) == claire_in_french


def test_without_a_translation_the_fallback_is_returned(claire, french):
    assert translation_in(claire, french) is claire
    assert translation_in(claire, french, fallback=None) is None


def test_the_active_language_picks_the_translation(claire, claire_in_french):
    with translation.override("fr"):
        assert in_active_language(claire) == claire_in_french
    with translation.override("en"):
        assert in_active_language(claire) == claire
