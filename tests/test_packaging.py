"""The package installs from its wheel with everything it needs, and its migrations are complete."""

import io
import subprocess
import sys
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def test_models_and_migrations_agree(db):
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


def fresh_venv_with_running_dependencies(env_dir: Path) -> Path:
    """A new virtualenv that sees the dependencies of the environment running the tests, nothing else.

    ``system_site_packages`` would give the *system* interpreter's packages, which
    a user's own virtualenv does not have. Instead a ``.pth`` file lists this
    environment's own site-packages directories: no download, and the package
    itself still comes only from the wheel, because the new venv's site-packages
    is searched first and ``.pth`` files (editable installs of the checkout) in
    the listed directories are not run.
    """
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    running = [p for p in sys.path if p.rstrip("/").endswith(("site-packages", "dist-packages")) and Path(p).is_dir()]
    (Path(purelib) / "_running_environment.pth").write_text("\n".join(running) + "\n")
    return python


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
    )
    (wheel,) = out.glob("soroptimist_advocacy-*.whl")
    return wheel


@pytest.mark.slow
def test_wheel_ships_templates_static_migrations_locales_and_the_default_letter(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = [
        "soroptimist_advocacy/templates/soroptimist_advocacy/pages/action_kit_page.html",
        "soroptimist_advocacy/static/soroptimist_advocacy/css/advocacy.css",
        "soroptimist_advocacy/static/soroptimist_advocacy/js/letter-form.js",
        "soroptimist_advocacy/migrations/0001_initial.py",
        "soroptimist_advocacy/locale/fr/LC_MESSAGES/django.mo",
        "soroptimist_advocacy/locale/es/LC_MESSAGES/django.mo",
        "soroptimist_advocacy/letters/default_template.docx",
    ]
    missing = [name for name in expected if name not in names]
    assert not missing, missing
    assert not any(name.startswith(("tests/", "example_site/", "benchmarks/")) for name in names)


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_virtualenv_and_migrates(wheel, tmp_path):
    """A federation's three steps: pip install, INSTALLED_APPS, migrate."""
    env_dir = tmp_path / "venv"
    python = fresh_venv_with_running_dependencies(env_dir)
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)], check=True
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "fedsite_settings.py").write_text(textwrap.dedent(f"""
        SECRET_KEY = "x"
        INSTALLED_APPS = [
            "soroptimist_advocacy", "wagtail_localize", "wagtail_localize.locales",
            "wagtail.contrib.routable_page", "wagtail.sites", "wagtail.users", "wagtail.snippets",
            "wagtail.documents", "wagtail.images", "wagtail.search", "wagtail.admin", "wagtail",
            "modelcluster", "taggit", "django_countries", "django.contrib.auth", "django.contrib.contenttypes",
            "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
        ]
        # The README's multilingual settings (system check W004 warns without them).
        WAGTAIL_I18N_ENABLED = True
        LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("fr", "French")]
        MIDDLEWARE = [
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.locale.LocaleMiddleware",
            "soroptimist_advocacy.middleware.LetterCsrfMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
        ]
        DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": r"{site / 'db.sqlite3'}"}}}}
        ROOT_URLCONF = "wagtail.urls"
        STATIC_URL = "/static/"
        USE_TZ = True
        WAGTAIL_SITE_NAME = "Federation"
        WAGTAILADMIN_BASE_URL = "https://federation.example.org"
        CACHES = {{"default": {{"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0"}}}}
        TEMPLATES = [{{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True, "OPTIONS": {{}}}}]
    """))
    script = textwrap.dedent("""
        import django, os, pathlib, sys
        os.environ["DJANGO_SETTINGS_MODULE"] = "fedsite_settings"
        django.setup()
        import soroptimist_advocacy
        assert "site-packages" in soroptimist_advocacy.__file__, soroptimist_advocacy.__file__
        from django.core.management import call_command
        call_command("migrate", verbosity=0)
        call_command("check", fail_level="WARNING")
        from soroptimist_advocacy.models import ActionKitPage, DecisionMakerPage, LetterTemplate
        from soroptimist_advocacy.letters import default_template_bytes
        assert default_template_bytes()[:2] == b"PK"
        from django.template.loader import get_template
        get_template("soroptimist_advocacy/pages/action_kit_page.html")
        from django.utils import translation
        with translation.override("fr"):
            assert translation.gettext("Your country") != "Your country"
        print("ok")
    """)
    result = subprocess.run(
        [str(python), "-c", script], cwd=site, env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")
