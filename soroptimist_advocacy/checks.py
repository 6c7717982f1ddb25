"""System checks for settings the app depends on."""

from django.conf import settings
from django.core.checks import Info, Warning, register
from django.utils.module_loading import import_string
from wagtail.coreutils import get_content_languages

from soroptimist_advocacy.letter_builder.documents import DOCUMENT_FORM_BASE_PATH, LetterSafeDocumentForm

MIDDLEWARE_PATH = "soroptimist_advocacy.middleware.LetterCsrfMiddleware"
CSRF_MIDDLEWARE_PATH = "django.middleware.csrf.CsrfViewMiddleware"


@register()
def check_letter_middleware(app_configs, **kwargs):
    middleware = list(getattr(settings, "MIDDLEWARE", []))
    hint = f"Add {MIDDLEWARE_PATH!r} to MIDDLEWARE just before {CSRF_MIDDLEWARE_PATH!r}."
    if MIDDLEWARE_PATH not in middleware:
        return [
            Warning(
                "The letter form cannot be posted: LetterCsrfMiddleware is not installed, so "
                "CsrfViewMiddleware refuses the token-less letter POST of the cacheable Action Kit page.",
                hint=hint,
                id="soroptimist_advocacy.W001",
            )
        ]
    if CSRF_MIDDLEWARE_PATH in middleware and middleware.index(MIDDLEWARE_PATH) > middleware.index(
        CSRF_MIDDLEWARE_PATH
    ):
        return [
            Warning(
                "LetterCsrfMiddleware comes after CsrfViewMiddleware, so it runs too late to let the letter POST through.",
                hint=hint,
                id="soroptimist_advocacy.W002",
            )
        ]
    return []


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
