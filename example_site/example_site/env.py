"""Reading the example site's settings from the environment: lists, flags and EMAIL_URL.

Kept apart from the settings modules so both (settings.py for the demo, production.py for a
deployment) read the same variables the same way, and so a test can call them directly.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated variable as a list, blanks dropped: ``a, b,`` is ``["a", "b"]``."""
    return split_list(os.environ.get(name, default))


def split_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def env_flag(name: str, default: bool) -> bool:
    """``1/true/yes/on`` or ``0/false/no/off``; anything else is a mistake worth stopping for."""
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in TRUE:
        return True
    if value.strip().lower() in FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0 (true/false, yes/no, on/off), not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number of seconds, not {value!r}.") from None


def env_required(name: str) -> str:
    """A variable production cannot guess (a secret, the site's host names)."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set {name} in the environment (see the README's Deploy section).")
    return value


# Schemes of EMAIL_URL and the Django backend each selects. smtp:// speaks plain SMTP and upgrades
# with STARTTLS (port 587, "submission"); smtps:// opens TLS at once (port 465).
EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "submission": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def email_settings(url: str) -> dict[str, object]:
    """Django's EMAIL_* settings from one URL, as DATABASE_URL does for databases:
    ``smtp://user:password@mail.example.org:587`` (STARTTLS), ``smtps://...:465`` (TLS),
    ``console://`` (printed, for a demo). Quote a password's ``@`` or ``/`` as ``%40``, ``%2F``."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in EMAIL_BACKENDS:
        raise ImproperlyConfigured(
            f"EMAIL_URL's scheme must be one of {', '.join(sorted(EMAIL_BACKENDS))}, not {parts.scheme!r}."
        )
    values: dict[str, object] = {"EMAIL_BACKEND": EMAIL_BACKENDS[scheme]}
    if scheme not in ("smtp", "submission", "smtps"):
        return values
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL names no mail server: smtp://user:password@host:port")
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured("EMAIL_URL's port is not a number.") from None
    options = {key.lower(): values[-1] for key, values in parse_qs(parts.query).items()}
    values.update(
        EMAIL_HOST=parts.hostname,
        EMAIL_PORT=port or {"smtps": 465, "submission": 587}.get(scheme, 25),
        EMAIL_HOST_USER=unquote(parts.username or ""),
        EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
        EMAIL_USE_SSL=scheme == "smtps",
        # STARTTLS unless the URL says ?tls=0 (a relay on localhost) or the connection is already TLS.
        EMAIL_USE_TLS=scheme != "smtps" and options.get("tls", "1").lower() not in FALSE,
        EMAIL_TIMEOUT=_timeout(options.get("timeout", "10")),
    )
    return values


def _timeout(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"EMAIL_URL's ?timeout= must be a whole number of seconds, not {value!r}.") from None
