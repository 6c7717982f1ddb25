"""Settings of the worker processes the deploy tests start: the suite's own settings (so the
worker sees the test database's schema as the test does), the database queue, e-mails written
to files the test reads, and the partner hosts the test serves on loopback ports.

Environment: TEST_DATABASE_URL (the session's test database), EMAIL_FILE_PATH, NETWORK_ALLOWED_HOSTS,
and RQ_URL for RQ's worker instead of the database queue's.
"""

import os

from tests.testapp.settings import *  # noqa: F403

if os.environ.get("RQ_URL"):
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq", "django_tasks_rq"]  # noqa: F405
    RQ_QUEUES = {"default": {"URL": os.environ["RQ_URL"]}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
SOROPTIMIST_ADVOCACY = {
    **SOROPTIMIST_ADVOCACY,  # noqa: F405
    "NETWORK_ALLOWED_HOSTS": [host for host in os.environ.get("NETWORK_ALLOWED_HOSTS", "").split(",") if host],
}
