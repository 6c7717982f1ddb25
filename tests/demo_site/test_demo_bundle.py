"""The whole demo campaign travels: exported from the example site and imported onto a fresh one,
it arrives in its six languages, each a wagtail-localize translation of the imported campaign.

Run once, in the example site's own test process (tests/conftest.py's EXAMPLE_SITE_TESTS): the
demo takes about a minute to build, so it is built once here and the import runs once."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from soroptimist_advocacy.bundle.export import campaign_bundle
from soroptimist_advocacy.bundle.importer import import_campaign
from soroptimist_advocacy.models import ActionKitPage, DecisionMakerIndexPage, LetterTemplate, ResourcePage

LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh-hans")

pytestmark = pytest.mark.django_db


def _hash(image) -> str | None:
    """The image's content (its SHA-1): the same picture on both sites, whatever its id."""
    return image.get_file_hash() if image is not None else None


def test_the_demo_campaign_arrives_on_a_fresh_site_in_six_languages(tmp_path):
    call_command("load_demo", verbosity=0)
    english = ActionKitPage.objects.get(locale__language_code="en")
    exported = {
        page.locale.language_code: (page.title, page.share_text, _hash(page.hero_image))
        for page in ActionKitPage.objects.filter(live=True).select_related("locale")
    }
    assert set(exported) == set(LANGUAGES)
    bundle = tmp_path / "demo.zip"
    campaign_bundle(english, bundle)
    home = english.get_parent()
    # A fresh site: the homes in six languages, nothing under them, no translation memory.
    Page.objects.filter(depth__gt=home.depth).delete()
    LetterTemplate.objects.all().delete()
    get_document_model().objects.all().delete()
    get_image_model().objects.all().delete()
    TranslationSource.objects.all().delete()

    result = import_campaign(bundle, home, live=True)

    source = ActionKitPage.objects.get(locale__language_code="en")
    translation_source = TranslationSource.objects.get(object_id=source.translation_key, locale=source.locale)
    for code in LANGUAGES:
        page = ActionKitPage.objects.get(translation_key=source.translation_key, locale__language_code=code)
        assert page.live and (page.title, page.share_text, _hash(page.hero_image)) == exported[code]
        assert DecisionMakerIndexPage.objects.filter(locale__language_code=code).exists()
        if code != "en":
            locale = Locale.objects.get(language_code=code)
            assert Translation.objects.filter(source=translation_source, target_locale=locale).exists()
    # The resources the campaign lists travel, each in every language.
    carried = ResourcePage.objects.filter(locale__language_code="en", live=True).count()
    assert carried > 0
    for code in LANGUAGES:
        assert ResourcePage.objects.filter(locale__language_code=code, live=True).count() == carried
    assert result.page.pk == source.pk
