"""Localised campaigns through wagtail-localize's real workflow: French and Spanish pages,
letters in the member's language, placeholders kept, synchronised facts."""

import io
import json

import docx
import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from freezegun import freeze_time
from wagtail.models import Locale

from soroptimist_advocacy.models import DecisionMakerPage, LetterCounter, LetterTemplate
from soroptimist_advocacy.web.localize import translate
from tests import factories
from tests.letter_helpers import docx_text, letter_data, post_letter

FRENCH_LETTER = [
    "En tant que membre du {{ member.club }} à {{ member.town }}, je vous écris.",
    "Agissez pour les femmes du pays {{ recipient.country }}.",
]
SPANISH_LETTER = [
    "Como socia de {{ member.club }} en {{ member.town }}, le escribo.",
    "Actúe por las mujeres de {{ recipient.country }}.",
]


def marked_template(mark: str) -> bytes:
    """A small template whose first line tells which language's template was used."""
    document = docx.Document()
    document.add_paragraph(mark)
    document.add_paragraph("{{ date }}")
    document.add_paragraph("{{ recipient.name }}, {{ recipient.title }}, {{ recipient.country }}")
    document.add_paragraph("{{ member.name }}, {{ member.country }}")
    document.add_paragraph("{%p for paragraph in body %}")
    document.add_paragraph("{{ paragraph }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{{ closing }}")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def campaign(db, django_capture_on_commit_callbacks):
    """An English campaign with its own template, translated to French and Spanish."""
    for code in ("fr", "es"):
        Locale.objects.get_or_create(language_code=code)
    directory = factories.make_directory()
    minister = factories.make_decision_maker(directory, "FR", "Claire Dubois", position_title="Minister for Equality")
    english_template = LetterTemplate.objects.create(
        name="Letter", document=factories.make_document("en.docx", "en.docx", marked_template("ENGLISH TEMPLATE"))
    )
    page = factories.make_action_kit(
        directory=directory,
        body=[factories.letter_block(template=english_template.pk)],
    )
    translations = {
        "fr": (FRENCH_LETTER, "Ministre de l'Égalité", "Kit d'action", "MODÈLE FRANÇAIS"),
        "es": (SPANISH_LETTER, "Ministra de Igualdad", "Kit de acción", "PLANTILLA ESPAÑOLA"),
    }
    for language, (letter, post, title, mark) in translations.items():
        strings = dict(zip(factories.LETTER_PARAGRAPHS, letter))
        strings.update({"Minister for Equality": post, "Post CSW Advocacy Action Kit": title})
        document = factories.make_document(f"{language}.docx", f"{language}.docx", marked_template(mark))
        # Translate as an editor does, publishing in transaction.on_commit as the admin does.
        with django_capture_on_commit_callbacks(execute=True):
            translate(directory, language, strings, publish_now=False)
        with django_capture_on_commit_callbacks(execute=True):
            translate(minister, language, strings, publish_now=False)
        translate(english_template, language, {}, overrides={"document": document.pk})
        with django_capture_on_commit_callbacks(execute=True):
            translate(page, language, strings, publish_now=False)
    return page


def localized(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def test_translated_pages_are_live_with_their_own_urls(campaign, client):
    french = localized(campaign, "fr")
    assert french.live and french.url == "/fr/action-kit/"
    html = client.get(french.url, {"country": "FR"}).content.decode()
    assert '<html lang="fr"' in html
    assert "Kit d&#x27;action" in html or "Kit d'action" in html
    # The form posts to the French page's own letter route, with French labels.
    assert 'action="/fr/action-kit/letter/#sa-letter"' in html
    assert "Votre nom" in html
    assert "Ministre de l&#x27;Égalité" in html or "Ministre de l'Égalité" in html


@freeze_time("2026-11-28 10:00:00")
def test_letter_on_the_french_page_is_french(campaign):
    french = localized(campaign, "fr")
    minister = DecisionMakerPage.objects.get(locale__language_code="fr")
    response = post_letter(
        Client(enforce_csrf_checks=True),
        french,
        letter_data(language="fr", country="FR", decision_maker=[minister.pk]),
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    text = docx_text(response.content)
    assert "MODÈLE FRANÇAIS" in text
    assert "28 novembre 2026" in text
    assert "En tant que membre du SI Paris Club à Paris, je vous écris." in text
    assert "Ministre de l'Égalité" in text
    assert "Claire Dubois" in text
    assert "Veuillez agréer" in text


@freeze_time("2026-11-28 10:00:00")
def test_letter_on_the_spanish_page_is_spanish(campaign):
    spanish = localized(campaign, "es")
    response = post_letter(Client(enforce_csrf_checks=True), spanish, letter_data(language="es", country="DE"))
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "PLANTILLA ESPAÑOLA" in text
    assert "28 de noviembre de 2026" in text
    assert "Actúe por las mujeres de Alemania." in text


@freeze_time("2026-11-28 10:00:00")
def test_member_chooses_the_letter_language_on_the_english_page(campaign, client):
    html = client.get(campaign.url).content.decode()
    assert '<option value="fr">français</option>' in html and '<option value="es">español</option>' in html
    minister = DecisionMakerPage.objects.get(locale__language_code="en")
    response = post_letter(
        Client(enforce_csrf_checks=True), campaign, letter_data(language="fr", decision_maker=[minister.pk])
    )
    text = docx_text(response.content)
    assert "MODÈLE FRANÇAIS" in text and "28 novembre 2026" in text
    assert "Ministre de l'Égalité" in text
    # Counters count every translation of the campaign together.
    assert set(LetterCounter.objects.values_list("campaign_key", flat=True)) == {campaign.translation_key}


def test_letter_language_outside_the_campaigns_translations_is_refused(campaign):
    response = post_letter(Client(enforce_csrf_checks=True), campaign, letter_data(language="de", country="JP"))
    assert response.status_code == 400


def test_translation_that_drops_a_placeholder_is_refused(campaign):
    broken = {factories.LETTER_PARAGRAPHS[0]: "En tant que membre à {{ member.town }}, je vous écris."}
    with pytest.raises(ValidationError) as caught:
        translate(campaign, "fr", broken)
    assert "{{ member.club }}" in str(caught.value)
    # The published French page is unchanged.
    assert "{{ member.club }}" in json.dumps(list(localized(campaign, "fr").body.raw_data))


def test_translation_that_adds_or_misspells_a_placeholder_is_refused(campaign):
    broken = {
        factories.LETTER_PARAGRAPHS[
            1
        ]: "Agissez pour {{ recipient.country }} et {{ recipient.name }}, {{ membre.nom }}."
    }
    with pytest.raises(ValidationError) as caught:
        translate(campaign, "fr", broken)
    message = str(caught.value)
    assert "{{ recipient.name }}" in message and "{{ membre.nom }}" in message


def test_source_text_with_an_unknown_placeholder_is_refused(directory):
    page = factories.make_action_kit(directory=directory)
    page.body = json.dumps([factories.letter_block(paragraphs=["Hello {{ member.nmae }}"])])
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert "{{ member.nmae }}" in str(caught.value)
    assert "{{ member.name }}" in str(caught.value)  # the allowed names are listed


def test_synchronised_country_change_reaches_the_translations(campaign):
    english = DecisionMakerPage.objects.get(locale__language_code="en")
    english.country = "BE"
    english.save_revision().publish()
    translate(english, "fr", {})  # "Sync translated pages", as the admin does
    french = DecisionMakerPage.objects.get(locale__language_code="fr")
    assert french.country.code == "BE"
    assert french.title == "Claire Dubois"  # names are never translated


def test_translation_fields_are_what_translators_should_see(db):
    from wagtail_localize.fields import get_translatable_fields

    fields = {field.field_name: field for field in get_translatable_fields(DecisionMakerPage)}
    for name in ("country", "email", "phone", "website", "title", "source_url"):
        assert not fields[name].is_translated(DecisionMakerPage()), name
    for name in ("position_title", "organisation", "salutation"):
        assert fields[name].is_translated(DecisionMakerPage()), name
    template_fields = {field.field_name: field for field in get_translatable_fields(LetterTemplate)}
    assert template_fields["document"].is_overridable(LetterTemplate())


def test_letter_limit_page_is_in_the_members_language(campaign, settings):
    settings.SOROPTIMIST_ADVOCACY = {**settings.SOROPTIMIST_ADVOCACY, "LETTER_RATE_LIMIT": 1}
    french = localized(campaign, "fr")
    client = Client(enforce_csrf_checks=True)
    assert post_letter(client, french, letter_data(language="fr", country="JP")).status_code == 200
    response = post_letter(client, french, letter_data(language="fr", country="JP"))
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Veuillez réessayer plus tard" in html
