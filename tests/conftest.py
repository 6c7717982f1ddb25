import pytest
from django.core.cache import cache
from django.test import Client

from soroptimist_advocacy.campaigns.sources import forget_defined_sources
from soroptimist_advocacy.models import DecisionMakerPage
from tests import factories


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Every test client shares 127.0.0.1: start each test with no hits counted."""
    cache.clear()
    forget_defined_sources()  # each test's campaigns define their own ?source= slugs
    yield
    cache.clear()
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
    "tests/test_page_types.py",
    "tests/test_letter_form.py",
    "tests/letters/test_engine_render.py",
    "tests/reports/test_report_form.py",
    "tests/reports/test_admin_permissions.py",
    "tests/test_checks.py",
}
SMOKE_TESTS = {"tests/test_packaging.py::test_models_and_migrations_agree"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        module = item.nodeid.split("::")[0]
        if module in SMOKE_MODULES or item.nodeid in SMOKE_TESTS:
            item.add_marker(pytest.mark.smoke)
