"""System checks tell a site what it is missing instead of failing silently."""

from django.test import override_settings

from soroptimist_advocacy.checks import check_content_languages

LANGUAGES = [("en", "English"), ("fr", "French")]


def ids(messages) -> list[str]:
    return [message.id for message in messages]


@override_settings(WAGTAIL_I18N_ENABLED=False)
def test_a_site_without_wagtail_i18n_is_warned_its_letters_have_one_language():
    assert ids(check_content_languages(None)) == ["soroptimist_advocacy.W004"]


@override_settings(WAGTAIL_I18N_ENABLED=True, LANGUAGES=LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=[("en", "English")])
def test_a_site_with_one_content_language_is_warned():
    (warning,) = check_content_languages(None)
    assert warning.id == "soroptimist_advocacy.W004"
    assert "README" in warning.hint


@override_settings(WAGTAIL_I18N_ENABLED=True, LANGUAGES=LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=LANGUAGES)
def test_a_multilingual_site_is_not_warned():
    assert check_content_languages(None) == []
