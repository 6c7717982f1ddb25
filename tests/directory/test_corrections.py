"""Members report out-of-date information; editors get it, bots and floods do not."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from soroptimist_advocacy.models import DecisionMakerCorrection, DecisionMakerPage
from soroptimist_advocacy.models.text_limits import LONG_TEXT_MAX
from tests import factories


def correction_url(page):
    return page.url + "correction/"


def form_data(csrf_client, page, **fields):
    """A first GET, as a browser would, for the CSRF cookie and token."""
    response = csrf_client.get(correction_url(page))
    data = {
        "csrfmiddlewaretoken": response.context["csrf_token"],
        "details": "She left office in May.",
        "reporter_name": "",
        "reporter_email": "",
        "website_url": "",
    }
    data.update(fields)
    return data


def test_decision_maker_page_links_to_the_correction_form(client, claire):
    html = client.get(claire.url).content.decode()

    assert f'href="{correction_url(claire)}"' in html
    assert "Report out-of-date information" in html


def test_correction_form_shows_the_current_details_and_is_private(client, claire):
    response = client.get(correction_url(claire))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Claire Dubois" in html and "Minister for Equality" in html and "France" in html
    assert 'name="details"' in html and 'name="csrfmiddlewaretoken"' in html
    assert 'class="sa-honeypot" aria-hidden="true"' in html
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_correction_is_stored_with_a_copy_of_who_it_is_about(csrf_client, claire):
    data = form_data(csrf_client, claire, reporter_name="Ana", reporter_email="ana@example.org")

    response = csrf_client.post(correction_url(claire), data)

    assert response.status_code == 302
    assert response["Location"] == correction_url(claire) + "thanks/"
    correction = DecisionMakerCorrection.objects.get()
    assert correction.decision_maker.pk == claire.pk
    assert correction.decision_maker_name == "Claire Dubois"
    assert correction.position_title == "Minister for Equality"
    assert correction.country.code == "FR"
    assert correction.details == "She left office in May."
    assert (correction.reporter_name, correction.reporter_email) == ("Ana", "ana@example.org")
    assert correction.is_open
    thanks = csrf_client.get(response["Location"])
    assert thanks.status_code == 200 and "Thank you for your correction" in thanks.content.decode()
    assert "no-store" in thanks["Cache-Control"]


def test_post_without_csrf_token_is_refused(csrf_client, claire):
    response = csrf_client.post(correction_url(claire), {"details": "She left."})

    assert response.status_code == 403
    assert not DecisionMakerCorrection.objects.exists()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"details": ""}, "Please tell us what is out of date."),
        ({"details": "   \n  "}, "Please tell us what is out of date."),
        ({"details": "x" * (LONG_TEXT_MAX + 1)}, f"at most {LONG_TEXT_MAX} characters"),
        ({"details": "She left\x00 office"}, "Null characters are not allowed."),
        ({"details": "She left\x07 office"}, "invisible control characters"),
        ({"reporter_email": "not-an-email"}, "Enter a valid email address."),
        ({"reporter_name": "A" * 201}, "at most 200 characters"),
    ],
    ids=["empty", "blank", "oversized", "nul", "control", "bad-email", "long-name"],
)
def test_bad_input_is_explained_and_nothing_is_stored(csrf_client, claire, fields, message):
    response = csrf_client.post(correction_url(claire), form_data(csrf_client, claire, **fields))

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'class="sa-error-summary"' in html
    assert "no-store" in response["Cache-Control"]
    assert not DecisionMakerCorrection.objects.exists()


def test_what_the_member_typed_is_kept_in_the_form_after_an_error(csrf_client, claire):
    response = csrf_client.post(
        correction_url(claire), form_data(csrf_client, claire, details="", reporter_name="Ana <b>Lopez</b>")
    )

    html = response.content.decode()
    assert 'value="Ana &lt;b&gt;Lopez&lt;/b&gt;"' in html and "<b>Lopez" not in html


def test_honeypot_answers_like_a_success_but_stores_nothing(csrf_client, claire):
    response = csrf_client.post(
        correction_url(claire), form_data(csrf_client, claire, website_url="http://spam.example")
    )

    assert response.status_code == 302 and response["Location"].endswith("correction/thanks/")
    assert not DecisionMakerCorrection.objects.exists()


@override_settings(SOROPTIMIST_ADVOCACY={"CORRECTION_RATE_LIMIT": 2, "CORRECTION_RATE_WINDOW": 600})
def test_too_many_corrections_get_a_friendly_429(csrf_client, claire):
    data = form_data(csrf_client, claire)
    assert csrf_client.post(correction_url(claire), data).status_code == 302
    assert csrf_client.post(correction_url(claire), data).status_code == 302

    response = csrf_client.post(correction_url(claire), data)

    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    html = response.content.decode()
    assert "You have sent several corrections in a short time." in html
    assert 'name="details"' not in html
    assert "no-store" in response["Cache-Control"]
    assert DecisionMakerCorrection.objects.count() == 2


@override_settings(SOROPTIMIST_ADVOCACY={"CORRECTION_RATE_LIMIT": 1, "CORRECTION_RATE_WINDOW": 600})
def test_invalid_posts_count_towards_the_rate_limit(csrf_client, claire):
    csrf_client.post(correction_url(claire), form_data(csrf_client, claire, details=""))

    assert csrf_client.post(correction_url(claire), form_data(csrf_client, claire)).status_code == 429
    assert not DecisionMakerCorrection.objects.exists()


def test_a_forged_decision_maker_in_the_post_is_ignored(csrf_client, directory, claire):
    grace = DecisionMakerPage.objects.get(title="Grace Wanjiru")
    data = form_data(
        csrf_client, claire, decision_maker=str(grace.pk), decision_maker_name="Someone else", status="resolved"
    )

    csrf_client.post(correction_url(claire), data)

    correction = DecisionMakerCorrection.objects.get()
    assert correction.decision_maker.pk == claire.pk
    assert correction.decision_maker_name == "Claire Dubois" and correction.is_open


def test_no_correction_form_for_an_unpublished_decision_maker(client, csrf_client, claire):
    url = correction_url(claire)
    claire.unpublish()

    assert client.get(url).status_code == 404
    assert csrf_client.post(url, {"details": "x"}).status_code in (403, 404)
    assert not DecisionMakerCorrection.objects.exists()


def test_other_methods_and_paths_are_refused(client, claire):
    assert client.put(correction_url(claire)).status_code == 405
    assert client.get(claire.url + "correction/elsewhere/").status_code == 404


def test_deleting_the_decision_maker_keeps_the_correction_and_its_copied_name(csrf_client, claire):
    csrf_client.post(correction_url(claire), form_data(csrf_client, claire))

    claire.delete()

    correction = DecisionMakerCorrection.objects.get()
    assert correction.decision_maker is None
    assert correction.decision_maker_name == "Claire Dubois" and correction.country.code == "FR"


def test_retention_blanks_what_members_typed_but_keeps_the_history(claire):
    old = DecisionMakerCorrection.for_page(
        claire, details="Old news", reporter_name="Ana", reporter_email="a@example.org"
    )
    old.created_at = timezone.now() - datetime.timedelta(days=400)
    old.save()
    recent = DecisionMakerCorrection.for_page(claire, details="New", reporter_name="Bea")
    recent.save()

    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)  # the daily cron job covers corrections too

    assert "and 1 decision-maker correction(s)." in out.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.details, old.reporter_name, old.reporter_email) == ("", "", "")
    assert old.decision_maker_name == "Claire Dubois" and old.personal_data_purged_at is not None
    assert recent.reporter_name == "Bea"


def test_corrections_in_other_languages_use_that_pages_url(client, directory):
    """A page of another locale gets its own correction route (no wrong language prefix)."""
    from wagtail.models import Locale

    french = Locale.objects.create(language_code="fr")
    claire = DecisionMakerPage.objects.get(title="Claire Dubois", locale__language_code="en")
    french_claire = claire.copy_for_translation(french, copy_parents=True)
    # The parents are copied as aliases of the English pages, live as they are.
    french_claire.save_revision().publish()
    french_claire.refresh_from_db()

    html = client.get(french_claire.url).content.decode()

    assert french_claire.url.startswith("/fr/")
    assert f'href="{french_claire.url}correction/"' in html
    assert client.get(french_claire.url + "correction/").status_code == 200


def test_factories_sample_data_pages_can_be_corrected_too(client, directory):
    sample = factories.make_decision_maker(directory, "NG", "Amina Bello", is_sample=True)

    assert client.get(correction_url(sample)).status_code == 200


def test_a_correction_is_erased_as_a_report_is(claire):
    """Corrections and reports share one erasing rule (models/personal_data.py)."""
    correction = DecisionMakerCorrection.for_page(
        claire, details="Old news", reporter_name="Ana", reporter_email="a@example.org"
    )
    correction.save()
    assert correction.has_personal_data

    correction.erase_personal_data()

    correction.refresh_from_db()
    assert [getattr(correction, name) for name in DecisionMakerCorrection.PERSONAL_FIELDS] == ["", "", ""]
    assert not correction.has_personal_data
    assert DecisionMakerCorrection.objects.erase_personal_data() == 0  # nothing left to erase
