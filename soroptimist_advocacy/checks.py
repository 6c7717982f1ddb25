"""System checks for settings the app depends on."""

import difflib
from collections.abc import Mapping

from django.conf import settings
from django.core.checks import CheckMessage, Error, Info, Warning, register
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.module_loading import import_string
from wagtail.coreutils import get_content_languages

from soroptimist_advocacy.conf import SETTING_NAME, AppSettings
from soroptimist_advocacy.letter_builder.documents import DOCUMENT_FORM_BASE_PATH, LetterSafeDocumentForm
from soroptimist_advocacy.network.paths import NetworkFilesMiddleware
from soroptimist_advocacy.web.csrf import LetterCsrfViewMiddleware

LETTER_CSRF_PATH = "soroptimist_advocacy.middleware.LetterCsrfViewMiddleware"
NETWORK_FILES_PATH = "soroptimist_advocacy.middleware.NetworkFilesMiddleware"
DEPRECATED_PATH = "soroptimist_advocacy.middleware.LetterCsrfMiddleware"
CSRF_MIDDLEWARE_PATH = "django.middleware.csrf.CsrfViewMiddleware"
INSTALL_HINT = (
    f"Put {LETTER_CSRF_PATH!r} in MIDDLEWARE in place of {CSRF_MIDDLEWARE_PATH!r}, followed by "
    f"{NETWORK_FILES_PATH!r} (see the README's 'Install in a Wagtail site')."
)


def middleware_classes() -> list[tuple[str, type | None]]:
    """Each entry of MIDDLEWARE with its class (None when it cannot be imported: Django says so itself)."""
    found: list[tuple[str, type | None]] = []
    for path in getattr(settings, "MIDDLEWARE", None) or []:
        try:
            found.append((path, import_string(path)))
        except ImportError:
            found.append((path, None))
    return found


def _positions(classes, wanted: type, *, unless: type | None = None) -> list[int]:
    return [
        index
        for index, (_path, found) in enumerate(classes)
        if isinstance(found, type) and issubclass(found, wanted) and not (unless and issubclass(found, unless))
    ]


@register()
def check_letter_middleware(app_configs, **kwargs):
    """The letter form posts without a token: Django's CSRF check refuses it unless the app's
    subclass of it decides (or the deprecated middleware before it marks the request)."""
    classes = middleware_classes()
    paths = [path for path, _found in classes]
    letter_csrf = _positions(classes, LetterCsrfViewMiddleware)
    other_csrf = _positions(classes, CsrfViewMiddleware, unless=LetterCsrfViewMiddleware)
    messages: list[CheckMessage] = []
    if DEPRECATED_PATH in paths:
        messages.append(
            Warning(
                "LetterCsrfMiddleware is deprecated and will be removed in 0.2: it lets the letter form through "
                "by a switch private to Django, and rewrites the network files' paths too.",
                hint=INSTALL_HINT + f" Then remove {DEPRECATED_PATH!r}.",
                id="soroptimist_advocacy.W006",
            )
        )
        if other_csrf and paths.index(DEPRECATED_PATH) > other_csrf[0]:
            messages.append(
                Warning(
                    "LetterCsrfMiddleware comes after CsrfViewMiddleware, so it runs too late to let the letter "
                    "POST through.",
                    hint=INSTALL_HINT,
                    id="soroptimist_advocacy.W002",
                )
            )
        return messages
    if not letter_csrf:
        return [
            Warning(
                "The letter form cannot be posted: LetterCsrfViewMiddleware is not installed, so Django's CSRF "
                "check refuses the token-less letter POST of the cacheable Action Kit page.",
                hint=INSTALL_HINT,
                id="soroptimist_advocacy.W001",
            )
        ]
    if other_csrf:
        return [
            Warning(
                f"{paths[other_csrf[0]]} is installed as well as LetterCsrfViewMiddleware, so it refuses the "
                "letter POST that LetterCsrfViewMiddleware lets through.",
                hint=f"LetterCsrfViewMiddleware is Django's CSRF middleware: remove {paths[other_csrf[0]]!r}.",
                id="soroptimist_advocacy.W002",
            )
        ]
    return []


@register()
def check_network_files_middleware(app_configs, **kwargs):
    """Without the path rewrite, figures.json and the directory's exports are 404s."""
    classes = middleware_classes()
    if _positions(classes, NetworkFilesMiddleware) or DEPRECATED_PATH in [path for path, _found in classes]:
        return []
    return [
        Warning(
            "NetworkFilesMiddleware is not installed, so campaigns' figures.json and directories' export.csv and "
            "export.json answer 404 (partner sites cannot roll up figures or sync directories from this one).",
            hint=f"Add {NETWORK_FILES_PATH!r} to MIDDLEWARE right after {LETTER_CSRF_PATH!r}.",
            id="soroptimist_advocacy.W007",
        )
    ]


PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
    "django.core.cache.backends.db.DatabaseCache",
)


@register()
def check_shared_cache(app_configs, **kwargs):
    """Rate limits count in the default cache: per-process caches let each worker count
    alone, and a database cache turns every form post into extra writes."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if settings.DEBUG or backend not in PER_PROCESS_CACHES:
        return []
    return [
        Warning(
            f"The default cache ({backend}) is not shared between processes or is database-backed, so the "
            "report and correction rate limits are not enforced across workers.",
            hint="Use a shared cache such as django.core.cache.backends.redis.RedisCache in production.",
            id="soroptimist_advocacy.W003",
        )
    ]


@register()
def check_document_form_base(app_configs, **kwargs):
    """Recommend the document form that refuses a bad replacement of a letter template's file."""
    configured = getattr(settings, "WAGTAILDOCS_DOCUMENT_FORM_BASE", "")
    try:
        safe = bool(configured) and issubclass(import_string(configured), LetterSafeDocumentForm)
    except ImportError:
        safe = False
    if safe:
        return []
    # Info, not Warning: the setting is optional (render-time validation already keeps letters
    # safe), and `check --fail-level WARNING` must pass on the README's three install steps.
    return [
        Info(
            "Replacing the document of a letter template is not checked in the document form: editors who may "
            "change documents can upload a file that letters cannot use (letters then fall back to the last "
            "good version and editors are warned).",
            hint=f"Set WAGTAILDOCS_DOCUMENT_FORM_BASE = {DOCUMENT_FORM_BASE_PATH!r} (or a subclass of it).",
            id="soroptimist_advocacy.I001",
        )
    ]


@register()
def check_content_languages(app_configs, **kwargs):
    """A site with one content language cannot translate campaigns, so the letter form never
    offers a choice of language and its language field stays hidden, without a word."""
    i18n = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
    languages = list(get_content_languages()) if i18n else []
    if len(languages) >= 2:
        return []
    return [
        Warning(
            "Campaigns can only be in one language on this site (WAGTAIL_I18N_ENABLED is off or "
            "WAGTAIL_CONTENT_LANGUAGES has one language), so members are never offered a letter in "
            "their own language and the letter form hides its language field.",
            hint="Set WAGTAIL_I18N_ENABLED = True, LANGUAGES and WAGTAIL_CONTENT_LANGUAGES, add "
            "LocaleMiddleware and i18n_patterns: see the README's 'Install in a Wagtail site'.",
            id="soroptimist_advocacy.W004",
        )
    ]


@register()
def check_app_settings(app_configs, **kwargs):
    """Names every key of SOROPTIMIST_ADVOCACY the app does not know, with the closest one it
    does, and every value of a type the app cannot use.

    An unknown key is a Warning: the app runs safely on the default it falls back to, and an
    Error would stop ``migrate`` on a deploy whose settings still name a key a newer release
    dropped (``check --fail-level WARNING`` in CI catches it). A value of the wrong type is an
    Error: the app would fail on it at request time (a string compared with a count, a host
    list read letter by letter), so it must not start."""
    configured = getattr(settings, SETTING_NAME, None)
    if configured is None:
        return []
    if not isinstance(configured, Mapping):
        return [
            Error(
                f"{SETTING_NAME} must be a dict, not {type(configured).__name__}.",
                hint="See the README's 'Settings'.",
                id="soroptimist_advocacy.E001",
            )
        ]
    declared = AppSettings.declared()
    messages: list[CheckMessage] = []
    for key, value in configured.items():
        setting = declared.get(key)
        if setting is None:
            close = difflib.get_close_matches(str(key), declared, n=1)
            messages.append(
                Warning(
                    f"{SETTING_NAME} has an unknown key {key!r}; the app ignores it.",
                    hint=f"Did you mean {close[0]!r}?" if close else "The README's 'Settings' lists every key.",
                    id="soroptimist_advocacy.W005",
                )
            )
        elif not setting.accepts(value):
            messages.append(
                Error(
                    f"{SETTING_NAME}[{key!r}] is {type(value).__name__} {value!r}; it must be {setting.expected()}.",
                    hint=f"{key}: {setting.doc} Default: {setting.default!r}.",
                    id="soroptimist_advocacy.E001",
                )
            )
    return messages
