"""The example site's production settings (example_site/example_site/production.py): Django's
deployment checks are silent on them, what production cannot guess must be set, and the
environment is read as the README's Deploy section says."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from example_site.env import email_settings, env_flag, env_list

from tests.conftest import ROOT

PRODUCTION_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "example_site.production",
    "SECRET_KEY": "k7#Qz!w2Lr9@Tn4$Vb8^Xc1&Hm6*Pd3(Jf5)Gs0-Ya7=Ue2+Oi9?",
    "ALLOWED_HOSTS": "advocacy.example.org, www.advocacy.example.org",
    "WAGTAILADMIN_BASE_URL": "https://advocacy.example.org",
    "DATABASE_URL": "postgres://advocacy:secret@db.internal:5432/advocacy",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "EMAIL_URL": "smtp://advocacy%40example.org:p%40ss@mail.example.org:587",
}


def manage(*arguments: str, without: tuple[str, ...] = (), **extra: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENVIRONMENT}
    environment |= {key: value for key, value in PRODUCTION_ENVIRONMENT.items() if key not in without} | extra
    return subprocess.run(
        [sys.executable, "example_site/manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_value(expression: str, **extra: str) -> str:
    """What *expression* is on the production settings, read by the site's own manage.py."""
    run = manage("shell", "-c", f"from django.conf import settings; print({expression})", **extra)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip().splitlines()[-1]  # after Django 5.2's "N objects imported automatically"


def test_check_deploy_is_silent_on_the_production_settings():
    run = manage("check", "--deploy", "--fail-level", "INFO")
    assert run.returncode == 0, run.stdout + run.stderr
    # The only silenced check is Django's literal CsrfViewMiddleware look-up (the site lists its subclass).
    assert "System check identified no issues (1 silenced)." in run.stdout, run.stdout
    assert run.stderr == ""


def test_production_turns_debug_off_and_reads_the_environment():
    values = production_value(
        "settings.DEBUG, settings.ALLOWED_HOSTS, settings.CSRF_TRUSTED_ORIGINS, settings.DATABASES['default']['ENGINE'],"
        " settings.CACHES['default']['BACKEND'], settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD,"
        " settings.EMAIL_USE_TLS, settings.SILENCED_SYSTEM_CHECKS,"
        " 'soroptimist_advocacy.middleware.LetterCsrfViewMiddleware' in settings.MIDDLEWARE"
    )
    assert values == (
        "False ['advocacy.example.org', 'www.advocacy.example.org'] "
        "['https://advocacy.example.org', 'https://www.advocacy.example.org'] django.db.backends.postgresql "
        "django.core.cache.backends.redis.RedisCache advocacy@example.org p@ss True ['security.W003'] True"
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "EMAIL_URL"])
def test_what_production_cannot_guess_must_be_set(missing):
    run = manage("check", without=(missing,))
    assert run.returncode != 0
    assert f"Set {missing} in the environment" in run.stderr


def test_the_demo_settings_read_the_network_settings_from_the_environment():
    run = manage(
        "shell",
        "-c",
        "from soroptimist_advocacy.conf import settings; print(settings.NETWORK_ALLOWED_HOSTS, settings.NETWORK_TIMEOUT)",
        DJANGO_SETTINGS_MODULE="example_site.settings",
        NETWORK_ALLOWED_HOSTS="127.0.0.1:8001, partner.example.org",
        NETWORK_TIMEOUT="2.5",
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "['127.0.0.1:8001', 'partner.example.org'] 2.5"


def test_email_url():
    assert email_settings("smtps://user:pa%2Fss@mail.example.org") == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 465,
        "EMAIL_HOST_USER": "user",
        "EMAIL_HOST_PASSWORD": "pa/ss",
        "EMAIL_USE_SSL": True,
        "EMAIL_USE_TLS": False,
        "EMAIL_TIMEOUT": 10,
    }
    relay = email_settings("smtp://localhost:25?tls=0&timeout=3")
    assert (relay["EMAIL_PORT"], relay["EMAIL_USE_TLS"], relay["EMAIL_TIMEOUT"], relay["EMAIL_HOST_USER"]) == (
        25,
        False,
        3,
        "",
    )
    assert email_settings("console://") == {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://mail.example.org", "scheme must be one of"),
        ("smtp://", "names no mail server"),
        ("smtp://mail.example.org:port", "port is not a number"),
        ("smtp://mail.example.org?timeout=soon", "timeout= must be a whole number"),
    ],
)
def test_a_wrong_email_url_is_named(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        email_settings(url)


def test_flags_and_lists(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_flag("FLAG", False) is True
    monkeypatch.setenv("FLAG", "0")
    assert env_flag("FLAG", True) is False
    monkeypatch.setenv("FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="FLAG must be 1 or 0"):
        env_flag("FLAG", True)
    monkeypatch.setenv("HOSTS", " a.example.org, ,b.example.org,")
    assert env_list("HOSTS") == ["a.example.org", "b.example.org"]
