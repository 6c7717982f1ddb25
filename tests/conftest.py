from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from soroptimist_advocacy.models import DecisionMakerPage
from soroptimist_advocacy.models.campaign_sources import forget_defined_sources
from tests import factories

ROOT = Path(__file__).resolve().parent.parent

# Tests of the example site itself: its demo campaign and the browser journeys through it. They
# need the example site's apps (``demo``), which the suite's own settings (tests/testapp) do not
# install, and pytest-django configures one settings module per process. So the main run skips
# them here and tests/demo_site/test_example_site.py runs them in a second pytest process on
# tests.testapp.example_site_settings: ``python -m pytest`` still runs every test.
EXAMPLE_SITE_SETTINGS = "tests.testapp.example_site_settings"
EXAMPLE_SITE_TESTS = (
    "tests/demo_site/test_demo_languages.py",
    "tests/demo_site/test_content_security_policy.py",
    "tests/demo_site/test_demo_bundle.py",
    "tests/browser",
)
EXAMPLE_SITE_RUNNER = "tests/demo_site/test_example_site.py"
# The second process's skips, with their reasons, for the main run's summary.
EXAMPLE_SITE_SKIPS = pytest.StashKey[list[str]]()


def on_example_site_settings() -> bool:
    return "demo" in settings.INSTALLED_APPS


def pytest_ignore_collect(collection_path, config):
    relative = collection_path.resolve().relative_to(ROOT).as_posix() if collection_path.is_relative_to(ROOT) else ""
    if on_example_site_settings():
        # The second process runs only the example site's tests, never the runner again.
        return True if relative == EXAMPLE_SITE_RUNNER else None
    if relative in EXAMPLE_SITE_TESTS:
        return True
    return None


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skips = config.stash.get(EXAMPLE_SITE_SKIPS, [])
    if skips:
        terminalreporter.section("skipped in the example site's pytest process (tests/demo_site/test_example_site.py)")
        for line in skips:
            terminalreporter.line(f"SKIPPED {line}")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Every test client shares 127.0.0.1: start each test with no hits counted."""
    cache.clear()
    forget_defined_sources()  # each test's campaigns define their own ?source= slugs
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language_after_each_test():
    """A request or ``translation.activate`` in one test leaves its language active in the
    thread; the next test starts in the site's default language whatever ran before."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
    forget_defined_sources()


@pytest.fixture
def directory(db):
    directory = factories.make_directory()
    factories.make_decision_maker(directory, "FR", "Claire Dubois", email="claire@example.org")
    factories.make_decision_maker(directory, "KE", "Grace Wanjiru")
    return directory


@pytest.fixture
def claire(directory) -> DecisionMakerPage:
    """The French minister of the ``directory`` fixture."""
    return DecisionMakerPage.objects.get(title="Claire Dubois")


@pytest.fixture
def action_kit(directory):
    return factories.make_action_kit(directory=directory)


@pytest.fixture
def csrf_client():
    """A client that enforces CSRF as browsers meet it (Django's test Client skips it otherwise)."""
    return Client(enforce_csrf_checks=True)


# The smoke subset the version matrix's smoke cells run (about two minutes): one
# module per layer a Wagtail or Django release could break (models and
# migrations, page serving, letters end to end, report form, admin permissions).
SMOKE_MODULES = {
    "tests/models/test_page_types.py",
    "tests/letter_builder/test_letter_form.py",
    "tests/letters/test_engine_render.py",
    "tests/reports/test_report_form.py",
    "tests/reports/test_admin_permissions.py",
    "tests/support/test_checks.py",
}
SMOKE_TESTS = {"tests/support/test_packaging.py::test_models_and_migrations_agree"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        module = item.nodeid.split("::")[0]
        if module in SMOKE_MODULES or item.nodeid in SMOKE_TESTS:
            item.add_marker(pytest.mark.smoke)
