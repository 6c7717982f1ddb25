"""Settings of the example site: SQLite by default, DATABASE_URL for anything else."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from .env import email_settings, env_float, env_list

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "example-site-only-not-for-production")
DEBUG = os.environ.get("DEBUG", "1") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")

INSTALLED_APPS = [
    "demo",
    "soroptimist_advocacy",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",  # the sitemap.xml template of wagtail.contrib.sitemaps
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "soroptimist_advocacy.middleware.LetterCsrfViewMiddleware",  # Django's CsrfViewMiddleware, letters by origin
    "soroptimist_advocacy.middleware.NetworkFilesMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Before the page cache, so that its process_response also stamps the pages the cache serves.
    "csp.middleware.CSPMiddleware",
    "soroptimist_advocacy.web.page_cache.PageCacheMiddleware",
]

# A strict Content-Security-Policy on public pages: no inline script or style, nothing from another
# origin (the app's pages use none; the map is inline SVG without style attributes). No nonce: the
# campaign pages are cached whole, and a nonce frozen into a cached page protects nothing. The admin
# (and its previews) is left to Wagtail, whose editor needs inline styles.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # CSP_MEDIA_ORIGINS: where images are served from when not this site (a CDN, an S3 bucket).
        "img-src": [SELF, *env_list("CSP_MEDIA_ORIGINS")],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
    },
}

ROOT_URLCONF = "example_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "example_site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "example_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the letter counter's short writes overlap; in WAL mode
    # synchronous=NORMAL is still corruption-safe and spares an fsync per commit.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index then uses PostgreSQL's full-text fields, which Django 6's checks
    # refuse without django.contrib.postgres (postgres.E005).
    INSTALLED_APPS.append("django.contrib.postgres")

REDIS_URL = os.environ.get("REDIS_URL")
CACHES = {
    "default": (
        # CACHE_KEY_PREFIX: sites (or test runs) sharing one Redis database keep apart.
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", ""),
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# The task queue (README "Task queue"): report e-mails, reminders, directory syncs and partner
# fetches. "immediate" runs them inside the request, for the demo only; "database" queues them in
# this database for `manage.py db_worker`; "rq" queues them in Redis (REDIS_URL) for
# `manage.py rqworker --job-class django_tasks_rq.Job default`. Both need the `queue` extra.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
if TASKS_BACKEND == "database":
    INSTALLED_APPS.append("django_tasks_db")
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "rq":
    if not REDIS_URL:
        raise ValueError("TASKS_BACKEND=rq queues the tasks in Redis: set REDIS_URL too.")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ValueError(f"TASKS_BACKEND must be immediate, database or rq, not {TASKS_BACKEND!r}.")

AUTH_PASSWORD_VALIDATORS = []

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
    ("zh-hans", "简体中文"),
    ("ru", "Русский"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The example site's own strings (header, footer, skip link); the app brings its own catalog.
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "example_site" / "static"]  # the site's own stylesheet
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

WAGTAIL_SITE_NAME = "Soroptimist advocacy (example)"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# Replacing the file of a document used as a letter template is validated in the document form.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "soroptimist_advocacy.letter_builder.documents.LetterSafeDocumentForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "csv", "txt"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"  # the demo prints its mail
if os.environ.get("EMAIL_URL"):
    globals().update(email_settings(os.environ["EMAIL_URL"]))
DEFAULT_FROM_EMAIL = "advocacy@example.org"

SOROPTIMIST_ADVOCACY = {
    "BASE_TEMPLATE": "base.html",
}
if os.environ.get("LETTER_RATE_LIMIT"):
    # Letters per client per window; load benchmarks set it high (one client, many letters).
    SOROPTIMIST_ADVOCACY["LETTER_RATE_LIMIT"] = int(os.environ["LETTER_RATE_LIMIT"])
if os.environ.get("NETWORK_ALLOWED_HOSTS"):
    # Partner sites this one may fetch from (`host` or `host:port`, comma-separated): two example
    # sites on one machine try the network commands with NETWORK_ALLOWED_HOSTS=127.0.0.1:8001.
    SOROPTIMIST_ADVOCACY["NETWORK_ALLOWED_HOSTS"] = env_list("NETWORK_ALLOWED_HOSTS")
if os.environ.get("NETWORK_TIMEOUT"):
    SOROPTIMIST_ADVOCACY["NETWORK_TIMEOUT"] = env_float("NETWORK_TIMEOUT", 0)
if os.environ.get("PAGE_CACHE") == "0":
    SOROPTIMIST_ADVOCACY["PAGE_CACHE"] = False
