"""Members suggest a decision maker for a country nobody covers; editors turn it into a draft page."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from soroptimist_advocacy.directory.coverage import directory_coverage
from soroptimist_advocacy.models import DecisionMakerPage, DecisionMakerSuggestion

LISTING = "advocacy_suggestions:index"


def suggest_url(directory):
    return directory.url + "suggest/"


def form_data(csrf_client, directory, **fields):
    """A first GET, as a browser would, for the CSRF cookie and token."""
    response = csrf_client.get(suggest_url(directory))
    data = {
        "csrfmiddlewaretoken": response.context["csrf_token"],
        "country": "BR",
        "name": "Ana Souza",
        "position_title": "Minister for Women",
        "office_email": "gabinete@example.gov.br",
        "office_website": "https://example.gov.br/mulheres",
        "evidence": "https://example.gov.br/noticias/nova-ministra",
        "submitter_name": "",
        "submitter_email": "",
        "website_url": "",
    }
    data.update(fields)
    return data


def make_suggestion(directory, **fields):
    fields.setdefault("country", "BR")
    fields.setdefault("name", "Ana Souza")
    fields.setdefault("position_title", "Minister for Women")
    return DecisionMakerSuggestion.objects.create(directory=directory, **fields)


# -- the member's side ----------------------------------------------------------------------


def test_letter_form_offers_a_suggestion_link_when_nobody_is_listed(client, action_kit, directory):
    html = client.get(action_kit.url, {"country": "BR"}).content.decode()

    assert "Nobody is listed for this country yet" in html  # The generic letter, as before.
    assert f'href="{suggest_url(directory)}?country=BR"' in html


def test_letter_form_offers_no_suggestion_link_when_someone_is_listed(client, action_kit, directory):
    html = client.get(action_kit.url, {"country": "FR"}).content.decode()

    assert "Claire Dubois" in html and suggest_url(directory) not in html


def test_suggestion_form_is_preset_to_the_country_and_private(client, directory):
    response = client.get(suggest_url(directory), {"country": "br"})

    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="BR" selected>' in html
    assert 'name="csrfmiddlewaretoken"' in html and 'class="sa-honeypot" aria-hidden="true"' in html
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_suggestion_is_stored_for_the_editors(csrf_client, directory):
    data = form_data(csrf_client, directory, submitter_name="Lucia", submitter_email="lucia@example.org")

    response = csrf_client.post(suggest_url(directory), data)

    assert response.status_code == 302 and response["Location"] == suggest_url(directory) + "thanks/"
    suggestion = DecisionMakerSuggestion.objects.get()
    assert suggestion.directory_id == directory.pk and suggestion.country.code == "BR"
    assert (suggestion.name, suggestion.position_title) == ("Ana Souza", "Minister for Women")
    assert suggestion.office_email == "gabinete@example.gov.br"
    assert (suggestion.submitter_name, suggestion.submitter_email) == ("Lucia", "lucia@example.org")
    assert suggestion.is_open
    thanks = csrf_client.get(response["Location"])
    assert thanks.status_code == 200 and "Thank you for your suggestion" in thanks.content.decode()
    assert "no-store" in thanks["Cache-Control"]


def test_post_without_csrf_token_is_refused(csrf_client, directory):
    response = csrf_client.post(suggest_url(directory), {"country": "BR", "name": "Ana", "position_title": "Minister"})

    assert response.status_code == 403
    assert not DecisionMakerSuggestion.objects.exists()


def test_honeypot_answers_like_a_success_but_stores_nothing(csrf_client, directory):
    data = form_data(csrf_client, directory, website_url="http://spam.example")

    response = csrf_client.post(suggest_url(directory), data)

    assert response.status_code == 302 and response["Location"].endswith("suggest/thanks/")
    assert not DecisionMakerSuggestion.objects.exists()


@override_settings(SOROPTIMIST_ADVOCACY={"CORRECTION_RATE_LIMIT": 2, "CORRECTION_RATE_WINDOW": 600})
def test_too_many_suggestions_get_a_friendly_429(csrf_client, directory):
    data = form_data(csrf_client, directory)
    assert csrf_client.post(suggest_url(directory), data).status_code == 302
    assert csrf_client.post(suggest_url(directory), data).status_code == 302

    response = csrf_client.post(suggest_url(directory), data)

    assert response.status_code == 429 and response["Retry-After"] == "600"
    assert "You have sent several suggestions in a short time." in response.content.decode()
    assert DecisionMakerSuggestion.objects.count() == 2


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"country": ""}, "Please choose the country."),
        ({"country": "XX"}, "Choose your country from the list."),
        ({"name": "  "}, "Please give the decision maker&#x27;s name."),
        ({"position_title": ""}, "Please give the decision maker&#x27;s post."),
        ({"office_email": "not-an-email"}, "Enter a valid email address."),
        ({"office_website": "javascript:alert(1)"}, "Enter a valid URL."),
        ({"name": "Ana\x07 Souza"}, "invisible control characters"),
    ],
    ids=["no-country", "bad-country", "no-name", "no-post", "bad-email", "bad-url", "control"],
)
def test_bad_input_is_explained_and_nothing_is_stored(csrf_client, directory, fields, message):
    response = csrf_client.post(suggest_url(directory), form_data(csrf_client, directory, **fields))

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'class="sa-error-summary"' in html
    assert not DecisionMakerSuggestion.objects.exists()


# -- the editors' side ----------------------------------------------------------------------


def test_editors_see_suggestions_beside_corrections(client, moderator, directory):
    make_suggestion(directory, submitter_email="lucia@example.org", evidence='=HYPERLINK("http://evil.example")')
    client.force_login(moderator)

    html = client.get(reverse(LISTING)).content.decode()
    assert "Ana Souza" in html and "Brazil" in html and "Create draft page" in html
    assert "Suggestions" in client.get(reverse("wagtailadmin_home")).content.decode()
    csv_text = b"".join(client.get(reverse(LISTING), {"export": "csv"}).streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text


def test_those_who_edit_no_decision_maker_are_refused(client, outsider, directory):
    suggestion = make_suggestion(directory)
    client.force_login(outsider)

    assert client.get(reverse(LISTING)).status_code == 403
    assert client.post(reverse("advocacy_suggestions:create_page", args=[suggestion.pk])).status_code == 404
    assert not DecisionMakerPage.objects.filter(title="Ana Souza").exists()


def test_create_draft_page_makes_an_unpublished_page_under_the_directory(client, moderator, directory):
    suggestion = make_suggestion(
        directory,
        office_email="gabinete@example.gov.br",
        office_website="https://example.gov.br",
        evidence="https://example.gov.br/noticias",
    )
    client.force_login(moderator)

    response = client.post(reverse("advocacy_suggestions:create_page", args=[suggestion.pk]))

    page = DecisionMakerPage.objects.get(title="Ana Souza")
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and page.get_parent().pk == directory.pk
    assert (page.country.code, page.position_title) == ("BR", "Minister for Women")
    assert (page.email, page.website, page.source_url) == (
        "gabinete@example.gov.br",
        "https://example.gov.br",
        "https://example.gov.br/noticias",
    )
    assert page.latest_revision is not None
    suggestion.refresh_from_db()
    assert not suggestion.is_open and suggestion.draft_page_id == page.pk and suggestion.handled_by == moderator
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    # A draft is not public: the coverage still says Brazil has nobody.
    assert "BR" not in {row.code for row in directory_coverage(directory).covered}

    # A second click creates nothing more.
    client.post(reverse("advocacy_suggestions:create_page", args=[suggestion.pk]))
    assert DecisionMakerPage.objects.filter(title="Ana Souza").count() == 1


def test_create_draft_page_needs_the_right_to_add_pages_to_the_directory(client, editor, directory):
    """Editors add pages but may not publish: they may create the draft (publishing is for moderators)."""
    suggestion = make_suggestion(directory)
    client.force_login(editor)

    response = client.post(reverse("advocacy_suggestions:create_page", args=[suggestion.pk]))

    assert response.status_code == 302
    assert DecisionMakerPage.objects.filter(title="Ana Souza", live=False).exists()


def test_create_draft_page_is_post_only(client, moderator, directory):
    suggestion = make_suggestion(directory)
    client.force_login(moderator)

    assert client.get(reverse("advocacy_suggestions:create_page", args=[suggestion.pk])).status_code == 405
    assert not DecisionMakerPage.objects.filter(title="Ana Souza").exists()


# -- retention ---------------------------------------------------------------------------------


def test_retention_blanks_the_suggesters_personal_data_but_keeps_the_suggestion(directory):
    old = make_suggestion(
        directory, evidence="My cousin works there", submitter_name="Lucia", submitter_email="lucia@example.org"
    )
    old.created_at = timezone.now() - datetime.timedelta(days=400)
    old.save()
    recent = make_suggestion(directory, submitter_name="Bea")

    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)

    assert "Personal data erased from 1 decision-maker suggestion(s)." in out.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.evidence, old.submitter_name, old.submitter_email) == ("", "", "")
    assert old.name == "Ana Souza" and old.country.code == "BR" and old.personal_data_purged_at is not None
    assert recent.submitter_name == "Bea" and recent.personal_data_purged_at is None


def test_evidence_that_is_no_link_stays_in_the_suggestion_only(client, moderator, directory):
    suggestion = make_suggestion(directory, evidence="Announced on the radio in May")
    client.force_login(moderator)

    client.post(reverse("advocacy_suggestions:create_page", args=[suggestion.pk]))

    assert DecisionMakerPage.objects.get(title="Ana Souza").source_url == ""


def test_a_suggestion_made_on_a_translated_directory_becomes_a_draft_in_the_source_language(
    client, moderator, directory
):
    french_directory = directory.copy_for_translation(Locale.objects.create(language_code="fr"), copy_parents=True)
    french_directory.save_revision().publish()
    suggestion = make_suggestion(french_directory)
    client.force_login(moderator)

    client.post(reverse("advocacy_suggestions:create_page", args=[suggestion.pk]))

    assert DecisionMakerPage.objects.get(title="Ana Souza", locale=directory.locale).get_parent().pk == directory.pk
    # Translated from there into the directory's other languages, as a draft like her page.
    french_ana = DecisionMakerPage.objects.get(title="Ana Souza", locale__language_code="fr")
    assert french_ana.get_parent().pk == french_directory.pk and not french_ana.live
