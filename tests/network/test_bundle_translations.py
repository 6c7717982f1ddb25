"""A bundle carries every live translation of its campaign, and the import recreates each one as a
wagtail-localize translation of the imported page, through the same doors as the source."""

from __future__ import annotations

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from soroptimist_advocacy.bundle.errors import BundleRefused
from soroptimist_advocacy.bundle.importer import import_campaign
from soroptimist_advocacy.models import (
    ActionKitPage,
    DecisionMakerIndexPage,
    DecisionMakerPage,
    LetterTemplate,
    ResourceIndexPage,
    ResourcePage,
)
from tests import factories

from .bundles import changed, export, site_campaign

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "es", "ar", "zh-hans", "ru")


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def home() -> Page:
    """The site's home page in its own language (its translations are at the same depth)."""
    return Page.objects.get(depth=2, locale=Locale.get_default())


def translate_home(codes=LANGUAGES) -> None:
    """The site's home page in each language, as a site translating its campaigns has it."""
    english = factories.home()
    for code in codes:
        english.copy_for_translation(locale(code)).save_revision().publish()


def translated(text: str, code: str) -> str:
    return f"[{code}] {text}"


def translate_page(page, codes=LANGUAGES) -> None:
    """What a translator does in wagtail-localize's editor: every string of *page* translated, then published."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    for code in codes:
        for segment in source.stringsegment_set.select_related("string", "context"):
            if segment.context.path.endswith(".slug"):
                continue  # A source's slug names it in links (?source=): the same in every language.
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale(code),
                context=segment.context,
                defaults={"data": translated(segment.string.data, code)},
            )
        translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale(code))
        translation.save_target(publish=False)
        page.get_translation(locale(code)).get_latest_revision().publish()


def fresh_site() -> None:
    """The partner's pages, templates, documents and translation memory gone: a fresh tree under the homes."""
    Page.objects.filter(depth__gt=2).delete()
    LetterTemplate.objects.all().delete()
    get_document_model().objects.all().delete()
    TranslationSource.objects.all().delete()


@pytest.fixture
def six_language_bundle(tmp_path):
    translate_home()
    page = site_campaign(home())
    page.share_text = "I wrote to my minister."
    page.sources = [("source", {"slug": "newsletter", "label": "Our newsletter"})]
    page.save_revision().publish()
    page.refresh_from_db()
    directory = page.get_directory()
    resource = ResourcePage.objects.get()
    for translatable in (directory, *DecisionMakerPage.objects.all(), resource.get_parent(), resource, page):
        translate_page(translatable)
    bundle = export(page, tmp_path / "six.zip")
    fresh_site()
    return bundle


def test_each_language_arrives_as_a_wagtail_localize_translation(six_language_bundle):
    result = import_campaign(six_language_bundle, home(), live=True)

    source = ActionKitPage.objects.get(locale__language_code="en")
    assert source.title == "Write to your minister" or source.title  # The source as it was exported.
    translation_source = TranslationSource.objects.get(object_id=source.translation_key, locale=source.locale)
    for code in LANGUAGES:
        page = ActionKitPage.objects.get(translation_key=source.translation_key, locale__language_code=code)
        assert page.live
        assert page.title == translated(source.title, code)
        assert translated("Write to your minister before the end of June.", code) in page.intro
        assert page.get_parent().locale.language_code == code
        assert Translation.objects.filter(source=translation_source, target_locale=page.locale).exists()
        assert page.share_text == translated("I wrote to my minister.", code)
        assert [(source.value["slug"], source.value["label"]) for source in page.sources] == [
            ("newsletter", translated("Our newsletter", code))
        ]
        paragraph = next(block for block in page.body if block.block_type == "paragraph")
        assert translated("Members in every country can help.", code) in str(paragraph.value)
    assert len([item for item in result.items if item.object is not None and item.kind == "campaign"]) == 6


def test_resources_directory_and_decision_makers_arrive_in_every_language(six_language_bundle):
    import_campaign(six_language_bundle, home(), live=True)

    for code in LANGUAGES:
        directory = DecisionMakerIndexPage.objects.get(locale__language_code=code)
        listing = ResourceIndexPage.objects.get(locale__language_code=code)
        resource = ResourcePage.objects.get(locale__language_code=code)
        claire = DecisionMakerPage.objects.get(external_id="fr-1", locale__language_code=code)
        assert claire.position_title.startswith(f"[{code}] ")  # Her name is synchronised, not translated.
        for page in (directory, listing, resource, claire):
            assert page.live
            assert page is claire or page.title.startswith(f"[{code}] "), (code, page.title)
            english = page.get_translation(Locale.get_default())
            assert TranslationSource.objects.filter(object_id=english.translation_key, locale=english.locale).exists()
        assert claire.get_parent().pk == directory.pk and resource.get_parent().pk == listing.pk
        assert claire.email == "claire@example.org"  # A synchronised field, copied from her source page.


def test_without_live_the_translations_are_drafts(six_language_bundle):
    import_campaign(six_language_bundle, home())

    for code in LANGUAGES:
        page = ActionKitPage.objects.get(locale__language_code=code)
        assert not page.live
        assert page.get_latest_revision_as_object().title.startswith(f"[{code}]")


def test_a_language_the_site_lacks_is_skipped_with_a_note(six_language_bundle, tmp_path):
    def add_german(manifest):
        manifest["translations"]["campaign"]["de"] = manifest["translations"]["campaign"]["fr"]

    bundle = changed(six_language_bundle, tmp_path / "german.zip", add_german)

    result = import_campaign(bundle, home(), live=True)

    assert not ActionKitPage.objects.filter(locale__language_code="de").exists()
    assert ActionKitPage.objects.filter(locale__language_code="fr").exists()
    campaign = next(item for item in result.items if item.object is not None and item.object.pk == result.page.pk)
    assert "translations into de were skipped: this site has no such language" in campaign.note


@pytest.mark.parametrize(
    ("hostile", "message"),
    [
        ("<script>alert(1)</script>", "tag is not allowed"),
        ('<a href="javascript:alert(1)">Cliquez</a>', "attributes"),
        ('<a id="a9">Cliquez</a>', "Unrecognised id"),
        ("x" * 20_001, "longer than 20000 characters"),
    ],
)
def test_a_hostile_translation_is_refused_and_nothing_is_imported(six_language_bundle, tmp_path, hostile, message):
    def poison(manifest):
        manifest["translations"]["campaign"]["fr"]["intro"] = [hostile]

    bundle = changed(six_language_bundle, tmp_path / "hostile.zip", poison)

    with pytest.raises(BundleRefused) as refused:
        import_campaign(bundle, home(), live=True)

    assert any("translations.campaign.fr" in text and message in text for text in refused.value.messages)
    assert not ActionKitPage.objects.exists()
    assert not StringTranslation.objects.exists()


def test_a_translated_title_too_long_for_the_page_is_refused(six_language_bundle, tmp_path):
    def poison(manifest):
        manifest["translations"]["campaign"]["es"]["title"] = ["T" * 300]

    bundle = changed(six_language_bundle, tmp_path / "long.zip", poison)

    with pytest.raises(BundleRefused) as refused:
        import_campaign(bundle, home(), live=True)

    assert any(text.startswith("translations.campaign.es") for text in refused.value.messages)
    assert not ActionKitPage.objects.exists()


def test_a_hostile_decision_maker_translation_is_refused(six_language_bundle, tmp_path):
    def poison(manifest):
        manifest["translations"]["decision_makers"]["fr-1"]["ar"]["position_title"] = ["<img src=x onerror=alert(1)>"]

    bundle = changed(six_language_bundle, tmp_path / "hostile.zip", poison)

    with pytest.raises(BundleRefused) as refused:
        import_campaign(bundle, home(), live=True)

    assert any(
        text.startswith("translations.decision_makers.fr-1.ar.position_title") for text in refused.value.messages
    )
    assert not DecisionMakerPage.objects.exists()


def test_a_translated_source_label_is_checked_as_the_block_checks_it(six_language_bundle, tmp_path):
    def poison(manifest):
        (label,) = [path for path in manifest["translations"]["campaign"]["ru"] if path.startswith("sources.")]
        manifest["translations"]["campaign"]["ru"][label] = ["Л" * 101]  # The label block holds 100 at most.

    bundle = changed(six_language_bundle, tmp_path / "label.zip", poison)

    with pytest.raises(BundleRefused) as refused:
        import_campaign(bundle, home(), live=True)

    assert any(text.startswith("translations.campaign.ru.sources") for text in refused.value.messages)
    assert not ActionKitPage.objects.exists()


def test_translations_of_the_wrong_shape_are_refused(six_language_bundle, tmp_path):
    def poison(manifest):
        manifest["translations"]["campaign"]["fr"] = ["not", "segments"]

    bundle = changed(six_language_bundle, tmp_path / "shape.zip", poison)

    with pytest.raises(BundleRefused) as refused:
        import_campaign(bundle, home(), live=True)

    assert any("translations.campaign.fr" in text for text in refused.value.messages)


def test_reimporting_updates_the_translations_in_place(six_language_bundle):
    import_campaign(six_language_bundle, home(), live=True)
    import_campaign(six_language_bundle, home(), live=True)

    assert ActionKitPage.objects.filter(locale__language_code="fr").count() == 1


def test_without_live_a_published_translation_keeps_what_visitors_see(six_language_bundle, tmp_path):
    import_campaign(six_language_bundle, home(), live=True)

    def retitle(manifest):
        manifest["translations"]["campaign"]["fr"]["title"] = ["Nouveau titre"]

    result = import_campaign(changed(six_language_bundle, tmp_path / "retitled.zip", retitle), home())

    french = ActionKitPage.objects.get(locale__language_code="fr")
    assert french.title.startswith("[fr] ") and french.live and not french.has_unpublished_changes
    assert StringTranslation.objects.filter(locale__language_code="fr", data="Nouveau titre").exists()
    (item,) = [item for item in result.items if item.object is not None and item.object.pk == french.pk]
    assert "published version kept" in item.note
