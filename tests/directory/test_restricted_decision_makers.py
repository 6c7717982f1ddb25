"""A decision maker under a view restriction (her own page's or her directory's) is left out of
everything public: the directory's exports, its listing and coverage, the campaign's letter form
(its choices, the no-JS ``?country=`` step and the letters themselves), the lookup block, the
report form and the letter setup cache."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import PageViewRestriction

from soroptimist_advocacy.directory.coverage import directory_coverage
from soroptimist_advocacy.letter_builder.delivery import DOCX_CONTENT_TYPE
from soroptimist_advocacy.letter_builder.setup import get_letter_setup
from soroptimist_advocacy.reports.forms import build_report_form
from tests import factories
from tests.letter_helpers import letter_data, post_letter

HER_NAME, HER_EMAIL = "Claire Dubois", "claire@example.org"  # the ``directory`` fixture's French minister


@pytest.fixture
def restrict(django_capture_on_commit_callbacks):
    """Put a view restriction on *page*, committed as the admin's privacy dialog does."""

    def add(page, kind=PageViewRestriction.PASSWORD):
        with django_capture_on_commit_callbacks(execute=True):
            PageViewRestriction.objects.create(page=page, restriction_type=kind, password="secret")

    return add


@pytest.fixture(params=["her own page", "her directory"])
def hidden(request, restrict, directory, claire):
    """Claire behind a view restriction, her own or inherited from the directory."""
    restrict(claire if request.param == "her own page" else directory)
    return claire


def assert_absent(text: str):
    assert HER_NAME not in text and HER_EMAIL not in text


def test_she_is_not_in_the_directory_exports(restrict, directory, claire):
    restrict(claire)  # the directory stays public: its exports answer
    for name in ("export.csv", "export.json"):
        response = Client().get(directory.url + name)
        assert response.status_code == 200
        text = response.content.decode()
        assert "Grace Wanjiru" in text
        assert_absent(text)


def test_she_is_not_in_the_export_command(restrict, directory, claire):
    restrict(claire)
    for options in (["--directory", str(directory.pk)], []):
        out = io.StringIO()
        call_command("export_decision_makers", *options, stdout=out, stderr=io.StringIO())
        assert "Grace Wanjiru" in out.getvalue()
        assert_absent(out.getvalue())


def test_she_is_not_in_the_directory_listing(restrict, directory, claire):
    restrict(claire)
    listing = Client().get(directory.url)
    assert [code for code, _name in listing.context["country_choices"]] == ["KE"]
    country_step = Client().get(directory.url, {"country": "FR"})
    assert list(country_step.context["decision_makers"]) == []
    assert_absent(country_step.content.decode())


def test_she_is_not_in_the_letter_form_nor_its_country_step(hidden, action_kit):
    response = Client().get(action_kit.url, {"country": "FR"})
    assert response.status_code == 200
    assert_absent(response.content.decode())


def test_a_letter_to_her_is_refused(hidden, action_kit, csrf_client):
    response = post_letter(csrf_client, action_kit, letter_data(decision_maker=[hidden.pk]))
    assert response["Content-Type"] != DOCX_CONTENT_TYPE
    assert_absent(response.content.decode())


def test_the_letter_setup_forgets_her_when_she_is_restricted(restrict, action_kit, claire):
    assert get_letter_setup(action_kit).decision_makers("FR") == [claire]
    restrict(claire)
    assert get_letter_setup(action_kit).decision_makers("FR") == []


def test_she_is_not_offered_by_the_lookup_block(hidden, directory):
    lookup = {"type": "decision_maker_lookup", "value": {"heading": "", "text": "", "directory": directory.pk}}
    page = factories.make_action_kit(directory=directory, body=[lookup], slug="lookup")
    (block,) = page.body
    context = block.block.get_context(block.value, parent_context={"page": page})
    assert "FR" not in [code for code, _name in context["country_choices"]]


def test_she_is_not_in_the_report_form(hidden, action_kit):
    form = build_report_form(action_kit)
    assert hidden.pk not in form.decision_makers
    assert_absent(str(form["decision_maker"]))


def test_her_country_counts_as_not_covered(hidden, directory, action_kit):
    coverage = {row.code: row for row in directory_coverage(directory).countries}
    assert coverage["FR"].decision_makers == 0 and not coverage["FR"].covered
