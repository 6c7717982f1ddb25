"""Settings for the tests of the example site itself (its demo campaign and the browser
journeys through it): the example site's settings with the test suite's database, media,
cache and mail. tests/conftest.py collects those tests only under these settings, and
tests/demo_site/test_example_site.py runs them in a second pytest process from the main run."""

import os
import tempfile

import dj_database_url
from example_site.settings import *  # noqa: F403

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
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    # The main run (tests/demo_site/test_example_site.py's parent process) holds its own test database
    # open: this run creates and drops another one.
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_example_site"}
