"""Production settings of the example site: ``DJANGO_SETTINGS_MODULE=example_site.production``.

Everything that differs between deployments comes from the environment (the README's "Deploy"
section lists the variables); what production cannot guess (the secret key, the host names, the
database, the shared cache, the mail server) must be set, and a missing one stops the process at
start with its name rather than running half-configured. ``manage.py check --deploy`` is silent on
these settings (tests/demo_site/test_production_settings.py).
"""

import os
from pathlib import Path

from .env import email_settings, env_flag, env_int, env_list, env_required, split_list
from .settings import *  # noqa: F403
from .settings import DATABASES, DEFAULT_FROM_EMAIL, STATIC_ROOT

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = split_list(env_required("ALLOWED_HOSTS"))
# A form posted from https://advocacy.example.org is checked against this list (Django 4+ compares
# the Origin header's scheme and host); by default every allowed host over HTTPS.
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS") or [
    f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if host != "*"
]
WAGTAILADMIN_BASE_URL = env_required("WAGTAILADMIN_BASE_URL")

# The database: required (settings.py falls back to a SQLite file for the demo). Connections are
# kept for a minute by default, so a request does not pay for a new one.
env_required("DATABASE_URL")
DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# The shared cache: rate limits, the page cache, letter setups and locks are shared by every app
# process through it (settings.py selects RedisCache when REDIS_URL is set).
REDIS_URL = env_required("REDIS_URL")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}

# Mail: report e-mails and reminders. EMAIL_URL=smtp://user:password@mail.example.org:587
globals().update(email_settings(env_required("EMAIL_URL")))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = [("Admins", address) for address in env_list("ADMINS")]

# Django's security.W003 looks for the literal name django.middleware.csrf.CsrfViewMiddleware; the
# site lists LetterCsrfViewMiddleware, a subclass of it that keeps the whole check for every form but
# the letter's (README, "The middleware lines"), and the app's own checks W001/W002 say when it is
# missing or doubled. So that one warning says nothing true here.
SILENCED_SYSTEM_CHECKS = ["security.W003"]

# HTTPS. Behind a proxy that ends TLS (nginx, a load balancer), set
# SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO and make the proxy set X-Forwarded-Proto itself
# (never pass on the client's), or every request looks like plain HTTP and is redirected forever.
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["SECURE_PROXY_SSL_HEADER"], "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# A year of HSTS, subdomains and preload, as `check --deploy` asks. A federation whose other
# subdomains are not all on HTTPS yet sets SECURE_HSTS_INCLUDE_SUBDOMAINS=0 and SECURE_HSTS_PRELOAD=0
# (and reads Django's W005 and W021): preloading is hard to undo.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", True)

# Static files with hashed names (collectstatic), so a CDN or the browser can keep them a year.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", STATIC_ROOT))

# A CDN or Varnish in front: published pages are purged through Wagtail's frontend cache.
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    # Varnish, Fastly's or nginx's purge endpoint: Wagtail sends PURGE <url> to it.
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }
elif os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env_required("CLOUDFLARE_BEARER_TOKEN"),
            "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
        }
    }

# The task queue: TASKS_BACKEND, read by settings.py (`database` runs report e-mails, reminders and
# fetches in django-tasks-db's worker, out of the request; see the README's Deploy section).

# Errors to stderr (the process manager's log); ADMINS get a mail for each 500.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"handlers": ["console", "mail_admins"], "level": "ERROR", "propagate": False}},
}
