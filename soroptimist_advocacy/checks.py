"""System checks for settings the app depends on."""

from django.conf import settings
from django.core.checks import Warning, register

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
    if CSRF_MIDDLEWARE_PATH in middleware and middleware.index(MIDDLEWARE_PATH) > middleware.index(CSRF_MIDDLEWARE_PATH):
        return [
            Warning(
                "LetterCsrfMiddleware comes after CsrfViewMiddleware, so it runs too late to let the letter POST through.",
                hint=hint,
                id="soroptimist_advocacy.W002",
            )
        ]
    return []
