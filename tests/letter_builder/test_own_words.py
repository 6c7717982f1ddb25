"""Her own words: the sections' alternatives she chooses and her own paragraph reach the letter."""

from __future__ import annotations

import html as html_lib

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from soroptimist_advocacy.letters import validate
from soroptimist_advocacy.models import SectionChoiceCounter
from tests import factories
from tests.letter_builder.sections_fixture import (
    FIRST_ID,
    LANGUAGES,
    SECOND_ID,
    SECTION_ID,
    WORDING,
    letter_block_with_sections,
    localized,
    make_campaign,
)
from tests.letter_helpers import docx_text, letter_data, post_letter

HOSTILE = "{{ member.name }} {% if 1 %}x{% endif %} a < b & c </w:t><w:p/>\nSecond line"


@pytest.fixture
def campaign(directory):
    return factories.make_action_kit(directory=directory, body=[letter_block_with_sections()])


def test_the_form_shows_each_alternative_in_full_the_first_chosen(client, campaign):
    html = client.get(campaign.url).content.decode()
    assert "What we ask" in html
    assert 'name="section_1" value="1"' in html and "checked" in html.split('value="1"')[1].split(">")[0]
    assert "Please report on your progress." in html
    assert "Please visit a project in {{ member.town }}." in html
    assert 'name="own_words"' in html


def test_chosen_alternative_and_own_words_reach_the_docx_as_typed(csrf_client, campaign, claire):
    data = letter_data(decision_maker=[claire.pk], section_1="2", own_words=HOSTILE)
    response = post_letter(csrf_client, campaign, data)
    assert response.status_code == 200, response.content[:500]
    text = docx_text(response.content)
    assert "Please visit a project in Paris." in text  # the placeholder of the editor's text is filled
    assert "Please report on your progress." not in text
    # Her words are printed as typed: escaped, never read as template syntax, line breaks kept.
    assert "{{ member.name }} {% if 1 %}x{% endif %} a < b & c </w:t><w:p/>\nSecond line" in text
    assert text.index("Please act for the women") < text.index("Please visit") < text.index("Second line")


def test_the_choice_is_counted_without_who_made_it(csrf_client, campaign, claire):
    for choice in ("2", "2", "1"):
        post_letter(csrf_client, campaign, letter_data(decision_maker=[claire.pk], section_1=choice))
    counts = {row.alternative: row.letters for row in SectionChoiceCounter.objects.all()}
    assert counts == {SECOND_ID: 2, FIRST_ID: 1}
    assert set(SectionChoiceCounter.objects.values_list("section", flat=True)) == {SECTION_ID}
    fields = {field.name for field in SectionChoiceCounter._meta.get_fields()}
    assert fields == {"id", "campaign_key", "section", "alternative", "letters"}


def test_without_own_words_the_letter_has_no_empty_paragraph(csrf_client, campaign, claire):
    response = post_letter(csrf_client, campaign, letter_data(decision_maker=[claire.pk]))
    text = docx_text(response.content)
    assert "Please report on your progress." in text
    assert "Please report on your progress.\nYours" in text


@pytest.mark.parametrize("choice", ["3", "0", "x", "1 "])
def test_an_unknown_choice_is_refused_with_a_message(csrf_client, campaign, claire, choice):
    response = post_letter(csrf_client, campaign, letter_data(decision_maker=[claire.pk], section_1=choice))
    assert response.status_code == 400
    assert "Choose one of these paragraphs." in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_too_long_own_words_are_refused_in_her_language(
    csrf_client, directory, claire, django_capture_on_commit_callbacks, language
):
    page = localized(make_campaign(directory, django_capture_on_commit_callbacks, ("en", language)), language)
    data = letter_data(decision_maker=[claire.pk], language=language, own_words="é" * 1501)
    response = post_letter(csrf_client, page, data)
    assert response.status_code == 400
    # Django's own message, as its catalogue words it in the page's language.
    with translation.override(language), pytest.raises(ValidationError) as refused:
        forms.CharField(max_length=1500).clean("é" * 1501)
    message = refused.value.messages[0]
    if language != "en":
        assert "Ensure this value" not in message
    assert html_lib.escape(message) in response.content.decode()
    assert not SectionChoiceCounter.objects.exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_gets_its_own_wording_of_the_chosen_alternative(
    csrf_client, directory, claire, django_capture_on_commit_callbacks, language
):
    page = localized(make_campaign(directory, django_capture_on_commit_callbacks), language)
    assert WORDING[language][0] in csrf_client.get(page.url).content.decode()
    data = letter_data(decision_maker=[claire.pk], language=language, section_1="2", own_words="Mes mots à moi.")
    response = post_letter(csrf_client, page, data)
    assert response.status_code == 200, response.content[:400]
    text = docx_text(response.content)
    # An Arabic letter keeps a Latin name left to right (isolated, ``contexts.keep_ltr_lines_in_order``).
    town = "\u202aParis\u202c" if language == "ar" else "Paris"
    assert WORDING[language][2].replace("{{ member.town }}", town) in text
    assert "Mes mots à moi." in text


def test_a_template_may_loop_over_the_sections_but_not_print_them_whole():
    import io

    import docx

    def template(*lines):
        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    validate(
        template(
            "{%p for paragraph in letter.sections %}", "{{ paragraph }}", "{%p endfor %}", "{{ letter.own_words }}"
        )
    )
    with pytest.raises(Exception, match="whole list"):
        validate(template("{{ letter.sections }}"))
    with translation.override("en"), pytest.raises(Exception, match="letter.nothing"):
        validate(template("{{ letter.nothing }}"))


def test_the_impact_view_shows_which_alternatives_members_choose(admin_client, csrf_client, campaign, claire):
    from django.urls import reverse

    for choice in ("2", "2", "2", "1"):
        post_letter(csrf_client, campaign, letter_data(decision_maker=[claire.pk], section_1=choice))
    html = admin_client.get(reverse("campaign_impact:impact", args=[campaign.translation_key])).content.decode()
    assert "Which paragraphs members choose" in html
    assert "What we ask (4 letters)" in html
    assert '<th scope="row">Please report on your progress.</th><td>1</td><td>25%</td>' in html
    assert '<th scope="row">Please visit a project in {{ member.town }}.</th><td>3</td><td>75%</td>' in html


def test_a_language_whose_sections_are_not_translated_is_not_offered(directory, django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    from soroptimist_advocacy.letter_builder.setup import LetterSetup
    from soroptimist_advocacy.web.localize import translate
    from tests.letter_builder.sections_fixture import PARAGRAPHS

    Locale.objects.get_or_create(language_code="fr")
    page = factories.make_action_kit(directory=directory, body=[letter_block_with_sections()])
    # The letter text is translated, its section is not: a French letter would be half English.
    with django_capture_on_commit_callbacks(execute=True):
        translate(page, "fr", dict(zip(factories.LETTER_PARAGRAPHS, PARAGRAPHS["fr"])), publish_now=False)
    assert [code for code, _name in LetterSetup(page).languages()] == ["en"]
