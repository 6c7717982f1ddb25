import pytest
from django.test import Client

from tests import factories


@pytest.fixture
def directory(db):
    directory = factories.make_directory()
    factories.make_decision_maker(directory, "FR", "Claire Dubois", email="claire@example.org")
    factories.make_decision_maker(directory, "KE", "Grace Wanjiru")
    return directory


@pytest.fixture
def action_kit(directory):
    return factories.make_action_kit(directory=directory)


@pytest.fixture
def csrf_client():
    """A client that enforces CSRF as browsers meet it (Django's test Client skips it otherwise)."""
    return Client(enforce_csrf_checks=True)
