"""Test settings: the example site's, on SQLite in memory unless TEST_DATABASE_URL says otherwise."""

import os
import tempfile

import dj_database_url

from example_site.settings import *  # noqa: F401,F403

DATABASES = {
    "default": dj_database_url.parse(os.environ["TEST_DATABASE_URL"])
    if os.environ.get("TEST_DATABASE_URL")
    else {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="sa-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEBUG = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# A site's own page types built on the app's mixins (tests/test_extension_points.py).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp_ext"]  # noqa: F405
