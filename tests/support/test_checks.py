"""System checks tell a site what it is missing instead of failing silently."""

import ast
import re
from pathlib import Path

import pytest
from django.core.checks import ERROR
from django.test import override_settings

from soroptimist_advocacy.checks import (
    check_app_settings,
    check_content_languages,
    check_letter_middleware,
    check_network_files_middleware,
)
from soroptimist_advocacy.conf import AppSettings
from soroptimist_advocacy.conf import settings as app_settings

README = Path(__file__).resolve().parents[2] / "README.md"

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


# -- SOROPTIMIST_ADVOCACY: every key known, every value of a usable type -------------------


@override_settings(SOROPTIMIST_ADVOCACY={"LETTER_RATE_LIMT": 5, "PAGE_CACHE": False})
def test_a_misspelt_setting_is_named_with_the_key_it_meant():
    (warning,) = check_app_settings(None)
    assert warning.id == "soroptimist_advocacy.W005"
    assert "'LETTER_RATE_LIMT'" in warning.msg
    assert warning.hint == "Did you mean 'LETTER_RATE_LIMIT'?"


@override_settings(SOROPTIMIST_ADVOCACY={"SOMETHING_ELSE": 1})
def test_an_unknown_setting_like_no_other_points_to_the_readme():
    (warning,) = check_app_settings(None)
    assert warning.id == "soroptimist_advocacy.W005" and "README" in warning.hint


@override_settings(
    SOROPTIMIST_ADVOCACY={
        "BASE_TEMPLATE": "federation_base.html",
        "LETTER_RATE_LIMIT": 60,
        "NETWORK_ALLOWED_HOSTS": ["example.org", "10.0.0.5:8000"],
        "NETWORK_TIMEOUT": 2.5,
        "FROM_EMAIL": None,
        "PAGE_CACHE": False,
    }
)
def test_a_correct_settings_dict_gives_nothing():
    assert check_app_settings(None) == []


@pytest.mark.parametrize(
    "key, value, expected",
    [
        ("LETTER_RATE_LIMIT", "30", "must be int"),  # from an environment variable, unconverted
        ("PAGE_MAX_AGE", 300.5, "must be int"),
        ("PAGE_CACHE", "False", "must be bool"),  # a non-empty string is true
        ("NETWORK_ALLOWED_HOSTS", "example.org", "must be a list of str"),  # read letter by letter
        ("NETWORK_ALLOWED_HOSTS", ["example.org", 8000], "must be a list of str"),
        ("FROM_EMAIL", 1, "must be str or None"),
        ("STALE_AFTER_DAYS", True, "must be int"),
    ],
)
def test_a_value_of_the_wrong_type_is_an_error(settings, key, value, expected):
    settings.SOROPTIMIST_ADVOCACY = {key: value}
    (error,) = check_app_settings(None)
    assert error.id == "soroptimist_advocacy.E001" and error.level == ERROR
    assert f"[{key!r}]" in error.msg and expected in error.msg


@override_settings(SOROPTIMIST_ADVOCACY=[("LETTER_RATE_LIMIT", 5)])
def test_settings_that_are_not_a_dict_are_an_error():
    assert ids(check_app_settings(None)) == ["soroptimist_advocacy.E001"]


def test_settings_are_read_as_typed_attributes_and_follow_override_settings(settings):
    assert app_settings.LETTER_RATE_LIMIT == 30  # the default
    settings.SOROPTIMIST_ADVOCACY = {"LETTER_RATE_LIMIT": 5}
    assert app_settings.LETTER_RATE_LIMIT == 5
    with override_settings(SOROPTIMIST_ADVOCACY={"LETTER_RATE_LIMIT": 7}):
        assert app_settings.LETTER_RATE_LIMIT == 7
    assert app_settings.LETTER_RATE_LIMIT == 5
    settings.SOROPTIMIST_ADVOCACY = {}
    assert app_settings.LETTER_RATE_LIMIT == 30 and app_settings.BASE_TEMPLATE == "base.html"


def readme_settings() -> dict:
    """The dict the README's "Settings" section shows."""
    section = README.read_text().split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```python\nSOROPTIMIST_ADVOCACY = (\{.*?\n\})\n```", section, re.S)
    assert block, "the README's Settings section changed shape"
    return ast.literal_eval(block.group(1))


def test_the_readme_lists_every_setting_with_its_default():
    declared = {name: setting.default for name, setting in AppSettings.declared().items()}
    assert readme_settings() == declared


# -- the middleware lines ---------------------------------------------------------------

LETTER_CSRF = "soroptimist_advocacy.middleware.LetterCsrfViewMiddleware"
NETWORK_FILES = "soroptimist_advocacy.middleware.NetworkFilesMiddleware"
DEPRECATED = "soroptimist_advocacy.middleware.LetterCsrfMiddleware"
DJANGO_CSRF = "django.middleware.csrf.CsrfViewMiddleware"


def middleware_ids():
    return ids(check_letter_middleware(None)) + ids(check_network_files_middleware(None))


def replaced(middleware, old, *new):
    at = middleware.index(old)
    return [*middleware[:at], *new, *middleware[at + 1 :]]


def test_the_readme_middleware_lines_give_no_warning(settings):
    assert LETTER_CSRF in settings.MIDDLEWARE and DJANGO_CSRF not in settings.MIDDLEWARE
    assert middleware_ids() == []


def test_django_csrf_middleware_in_place_of_the_apps_is_named(settings):
    settings.MIDDLEWARE = replaced(settings.MIDDLEWARE, LETTER_CSRF, DJANGO_CSRF)
    assert middleware_ids() == ["soroptimist_advocacy.W001"]


def test_django_csrf_middleware_beside_the_apps_is_named(settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, DJANGO_CSRF]
    (warning,) = check_letter_middleware(None)
    assert warning.id == "soroptimist_advocacy.W002" and DJANGO_CSRF in warning.msg


def test_missing_network_files_middleware_is_named(settings):
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != NETWORK_FILES]
    assert middleware_ids() == ["soroptimist_advocacy.W007"]


def test_the_deprecated_middleware_before_csrf_is_named_and_after_it_too(settings):
    settings.MIDDLEWARE = replaced(settings.MIDDLEWARE, LETTER_CSRF, DEPRECATED, DJANGO_CSRF)
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != NETWORK_FILES]
    assert middleware_ids() == ["soroptimist_advocacy.W006"]
    settings.MIDDLEWARE = replaced(settings.MIDDLEWARE, DEPRECATED)
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, DEPRECATED]
    assert middleware_ids() == ["soroptimist_advocacy.W006", "soroptimist_advocacy.W002"]
