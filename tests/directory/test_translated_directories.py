"""Import, sync and "Create draft page" reach every language the directory is translated into,
as wagtail-localize translations kept in step with the source page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from soroptimist_advocacy.directory.importer import import_decision_makers
from soroptimist_advocacy.directory.translation_coverage import untranslated_by_country
from soroptimist_advocacy.models import DecisionMakerPage, DecisionMakerSuggestion
from tests import factories
from tests.directory.conftest import FR_DEPUTY_LINE, FR_LINE, KE_LINE, csv_bytes

LANGUAGES = ("fr", "zh-hans")


@pytest.fixture
def translated_directory(empty_directory):
    """The directory, translated by hand into French and Chinese (as a site that copied it would), at /zh-hans/directory/ and so on."""
    for code in LANGUAGES:
        copy = empty_directory.copy_for_translation(
            Locale.objects.get_or_create(language_code=code)[0], copy_parents=True
        )
        copy.save_revision().publish()
    return empty_directory


def aurore_in(code: str) -> DecisionMakerPage:
    return DecisionMakerPage.objects.get(external_id="fr-equality", locale__language_code=code)


def translate_segments(page, code: str, texts: dict[str, str]) -> None:
    """What a translator does in wagtail-localize's editor: translate segments (by field) and publish."""
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.context.path in texts:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=Locale.objects.get(language_code=code),
                context=segment.context,
                defaults={"data": texts[segment.context.path]},
            )
    Translation.objects.get(source=source, target_locale__language_code=code).save_target(publish=False)
    page.get_translation(Locale.objects.get(language_code=code)).get_latest_revision().publish()


def translate_job_title(page, code: str, text: str) -> None:
    translate_segments(page, code, {"position_title": text})


def test_an_import_reaches_every_language_of_the_directory(client, translated_directory, valid_csv):
    plan = import_decision_makers(translated_directory, valid_csv)

    assert plan.translations_synced == 3 * len(LANGUAGES)
    for code in LANGUAGES:
        aurore = aurore_in(code)
        assert aurore.live and aurore.get_parent().locale.language_code == code
        assert aurore.email == "contact@example.fr"  # A synchronised field, copied from the source.
    chinese = client.get("/zh-hans/directory/?country=FR")
    assert chinese.status_code == 200
    assert "Aurore Bergé" in chinese.content.decode()


def test_a_directory_in_one_language_gets_no_translations(empty_directory, valid_csv):
    import_decision_makers(empty_directory, valid_csv)

    assert not Translation.objects.exists()
    assert DecisionMakerPage.objects.count() == 3


def test_a_translators_job_title_survives_a_reimport_that_changes_another_field(translated_directory, valid_csv):
    import_decision_makers(translated_directory, valid_csv)
    translate_job_title(aurore_in("en"), "fr", "Ministre de l’Égalité")

    changed = FR_LINE.replace("contact@example.fr", "cabinet@example.fr")
    plan = import_decision_makers(translated_directory, csv_bytes(changed, FR_DEPUTY_LINE, KE_LINE))

    assert plan.is_valid and [change.changed for change in plan.updated] == [["email"]]
    french = aurore_in("fr")
    assert french.email == "cabinet@example.fr" and french.live
    assert french.position_title == "Ministre de l’Égalité"
    # Untranslated segments show the source's words until someone translates them.
    assert aurore_in("zh-hans").position_title == "Minister for Equality"


def test_a_changed_job_title_reaches_the_languages_nobody_translated(translated_directory, valid_csv):
    import_decision_makers(translated_directory, valid_csv)

    changed = FR_LINE.replace("Minister for Equality", "Minister for Gender Equality")
    import_decision_makers(translated_directory, csv_bytes(changed, FR_DEPUTY_LINE, KE_LINE))

    assert aurore_in("zh-hans").position_title == "Minister for Gender Equality"


def test_a_language_added_to_the_directory_later_is_filled_by_the_next_import(empty_directory, valid_csv):
    import_decision_makers(empty_directory, valid_csv)
    russian = empty_directory.copy_for_translation(
        Locale.objects.get_or_create(language_code="ru")[0], copy_parents=True
    )
    russian.save_revision().publish()

    changed = FR_LINE.replace("+33 1 23 45 67 89", "+33 1 00 00 00 00")
    import_decision_makers(empty_directory, csv_bytes(changed, FR_DEPUTY_LINE, KE_LINE))

    # Only the changed page is written: the others reach Russian on their next change.
    assert aurore_in("ru").phone == "+33 1 00 00 00 00"


def test_a_translation_made_by_hand_is_never_overwritten(empty_directory, valid_csv):
    import_decision_makers(empty_directory, valid_csv)
    french_locale = Locale.objects.get_or_create(language_code="fr")[0]
    empty_directory.copy_for_translation(french_locale, copy_parents=True).save_revision().publish()
    by_hand = aurore_in("en").copy_for_translation(french_locale)
    by_hand.position_title = "Ministre chargée de l’Égalité"
    by_hand.save_revision().publish()

    changed = FR_LINE.replace("contact@example.fr", "cabinet@example.fr")
    import_decision_makers(empty_directory, csv_bytes(changed, FR_DEPUTY_LINE, KE_LINE))

    assert aurore_in("fr").position_title == "Ministre chargée de l’Égalité"


def test_a_draft_import_makes_draft_translations_published_with_her(translated_directory, valid_csv):
    import_decision_makers(translated_directory, valid_csv, publish=False)

    assert not aurore_in("fr").live and not aurore_in("zh-hans").live
    aurore_in("en").get_latest_revision().publish()

    assert aurore_in("fr").live and aurore_in("zh-hans").live
    assert not DecisionMakerPage.objects.get(external_id="fr-deputy", locale__language_code="fr").live


def test_a_suggestion_becomes_a_draft_in_every_language(client, moderator, translated_directory):
    suggestion = DecisionMakerSuggestion.objects.create(
        directory=translated_directory, country="BR", name="Ana Souza", position_title="Minister for Women"
    )
    client.force_login(moderator)

    client.post(reverse("advocacy_suggestions:create_page", args=[suggestion.pk]))

    pages = DecisionMakerPage.objects.filter(title="Ana Souza")
    assert sorted(page.locale.language_code for page in pages) == ["en", "fr", "zh-hans"]
    assert not any(page.live for page in pages)
    pages.get(locale__language_code="en").get_latest_revision().publish()
    assert all(page.live for page in DecisionMakerPage.objects.filter(title="Ana Souza"))


# -- the coverage report: who lacks a translation in a campaign language -------------------------


@pytest.fixture
def campaign_in_three_languages(empty_directory, valid_csv):
    """A campaign in English, French and Chinese whose translated directory lists three people."""
    campaign = factories.make_action_kit(directory=empty_directory, target_countries=["FR", "KE"])
    for code in LANGUAGES:
        locale = Locale.objects.get_or_create(language_code=code)[0]
        empty_directory.copy_for_translation(locale, copy_parents=True).save_revision().publish()
        campaign.copy_for_translation(locale).save_revision().publish()
    import_decision_makers(empty_directory, valid_csv)
    return campaign


AURORE_IN_FRENCH = {
    "salutation": "Madame la Ministre",
    "position_title": "Ministre de l’Égalité",
    "organisation": "Ministère de l’Égalité",
}


def test_the_report_names_who_lacks_a_translation_in_each_campaign_language(
    client, moderator, campaign_in_three_languages, empty_directory
):
    translate_segments(aurore_in("en"), "fr", AURORE_IN_FRENCH)
    client.force_login(moderator)

    html = client.get(reverse("advocacy_coverage:index")).content.decode()

    # Live in French and Chinese, but only Aurore's French strings are translated.
    assert "Aurore Bergé (简体中文)" in html
    assert "Marie Martin (Français, 简体中文)" in html
    assert "3 decision makers lack a translation in a campaign language" in html


def test_a_half_translated_page_still_lacks_its_translation(campaign_in_three_languages, empty_directory):
    """wagtail-localize publishes untranslated segments in English: the strings decide, not the page."""
    translate_segments(aurore_in("en"), "fr", {"position_title": "Ministre de l’Égalité"})

    french_campaign = campaign_in_three_languages.get_translation(Locale.objects.get(language_code="fr"))

    found = untranslated_by_country(empty_directory, [french_campaign])

    assert aurore_in("fr").position_title == "Ministre de l’Égalité"
    assert [(name, [locale.language_code for locale in locales]) for name, locales in found["FR"]] == [
        ("Aurore Bergé", ["fr"]),
        ("Marie Martin", ["fr"]),
    ]


def test_the_translation_check_costs_the_same_queries_whatever_the_directory_size(
    campaign_in_three_languages, empty_directory
):
    campaigns = list(campaign_in_three_languages.get_translations(inclusive=True))
    with CaptureQueriesContext(connection) as three:
        untranslated_by_country(empty_directory, campaigns)
    for number in range(5):
        factories.make_decision_maker(empty_directory, "KE", f"Extra {number}")
    with CaptureQueriesContext(connection) as eight:
        untranslated_by_country(empty_directory, campaigns)

    assert len(eight) == len(three) <= 5
