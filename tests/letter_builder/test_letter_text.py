"""The letter as a page (letter/text/): the confirmation after a letter, with its e-mail link."""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.utils import translation
from django.utils.translation import gettext

from soroptimist_advocacy.letter_builder.mailto import MAILTO_MAX_LENGTH, mailto_link
from soroptimist_advocacy.models import LetterCounter, SectionChoiceCounter
from tests import factories
from tests.letter_builder.sections_fixture import (
    LANGUAGES,
    WORDING,
    letter_block_with_sections,
    localized,
    make_campaign,
)
from tests.letter_helpers import ORIGIN, docx_text, letter_data, post_letter

HOSTILE = "{{ member.name }} {% if 1 %}x{% endif %} a < b & c </w:t><w:p/>\nSecond line"


def post_text(client, page, data, origin=ORIGIN, **headers):
    if origin is not None:
        headers["HTTP_ORIGIN"] = origin
    return client.post(page.url + "letter/text/", data, **headers)


def plain_texts(html: str) -> list[str]:
    """The text areas' letters, as a member selects and copies them."""
    return [
        html_lib.unescape(text)
        for text in re.findall(r'<textarea id="sa-letter-plain-\d+"[^>]*>(.*?)</textarea>', html, re.S)
    ]


def mailto_links(html: str) -> list[str]:
    return [html_lib.unescape(href) for href in re.findall(r'href="(mailto:[^"?]+\?[^"]+)"', html)]


def mailto_parts(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
    return unquote(parts.path), query


@pytest.fixture
def campaign(directory):
    return factories.make_action_kit(directory=directory, body=[letter_block_with_sections()])


def test_the_text_view_is_the_letter_of_the_docx(csrf_client, campaign, claire):
    data = letter_data(decision_maker=[claire.pk], section_1="2", own_words=HOSTILE)
    page = post_text(csrf_client, campaign, data)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    [text] = plain_texts(html)
    docx = docx_text(post_letter(csrf_client, campaign, data).content)
    # Every line of the .docx's letter is in the page's text, in the same order (one context, one letter).
    docx_lines = [line for line in docx.split("\n") if line.strip()][:-2]  # the footer (campaign title, code) aside
    text_lines = [line for line in text.split("\n") if line.strip()]
    assert docx_lines == text_lines
    # Her words are text: escaped in the page, never read as a template.
    assert "{{ member.name }} {% if 1 %}x{% endif %} a &lt; b &amp; c &lt;/w:t&gt;&lt;w:p/&gt;<br>Second line" in html
    assert "<w:p/>" not in html
    assert "Please visit a project in Paris." in html


def test_the_text_view_counts_one_letter_and_its_download_no_more(csrf_client, campaign, claire):
    data = letter_data(decision_maker=[claire.pk], section_1="2")
    html = post_text(csrf_client, campaign, data).content.decode()
    assert sum(LetterCounter.objects.values_list("letters", flat=True)) == 1
    assert SectionChoiceCounter.objects.get().letters == 1
    # The page's own download carries the letter back, marked as counted.
    form = html[html.index('action="/action-kit/letter/"') :]
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.split("</form>")[0]))
    assert fields["counted"] == "1" and fields["name"] == "Marie Curie" and fields["section_1"] == "2"
    assert "source" not in fields  # no campaign source was posted
    response = post_letter(csrf_client, campaign, {**data, "counted": "1"})
    assert response["Content-Disposition"].startswith("attachment;")
    assert sum(LetterCounter.objects.values_list("letters", flat=True)) == 1


def test_the_text_view_has_the_letters_csrf_protection(csrf_client, campaign, claire):
    data = letter_data(decision_maker=[claire.pk])
    assert post_text(csrf_client, campaign, data, origin="https://evil.example").status_code == 403
    assert post_text(csrf_client, campaign, data, origin=None).status_code == 403
    assert post_text(csrf_client, campaign, data, origin=None, HTTP_SEC_FETCH_SITE="same-origin").status_code == 200
    assert not LetterCounter.objects.filter(letters__gt=1).exists()


def test_a_get_goes_back_to_the_campaign_and_errors_show_the_form(csrf_client, campaign, claire):
    assert csrf_client.get(campaign.url + "letter/text/").status_code == 302
    response = post_text(csrf_client, campaign, letter_data(decision_maker=[claire.pk], own_words="x" * 1501))
    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]
    assert not LetterCounter.objects.exists()


def test_the_email_link_carries_the_letter(csrf_client, campaign, claire):
    html = post_text(csrf_client, campaign, letter_data(decision_maker=[claire.pk])).content.decode()
    [url] = mailto_links(html)
    assert len(url) < MAILTO_MAX_LENGTH
    address, query = mailto_parts(url)
    assert address == "claire@example.org"
    assert query["subject"] == "Post CSW Advocacy Action Kit"  # the letter's subject (the block sets none here)
    assert query["body"].replace("\r\n", "\n") == plain_texts(html)[0]
    assert "E-mail it to Ministry of Equality" in html


def test_the_letters_subject_not_the_campaign_title_is_the_emails(csrf_client, directory, claire):
    block = letter_block_with_sections()
    block["value"]["subject"] = "Violence against women: what we ask"
    page = factories.make_action_kit(directory=directory, body=[block])
    html = post_text(csrf_client, page, letter_data(decision_maker=[claire.pk])).content.decode()
    assert mailto_parts(mailto_links(html)[0])[1]["subject"] == "Violence against women: what we ask"


def test_the_share_step_comes_after_the_letter(csrf_client, client, campaign, claire):
    assert "data-sa-share-prompt" not in client.get(campaign.url, {"country": "FR"}).content.decode()
    html = post_text(csrf_client, campaign, letter_data(decision_maker=[claire.pk])).content.decode()
    steps = html[html.index("data-sa-next-steps") :]
    assert "Report your action" in steps and "data-sa-share-prompt" in steps


@pytest.mark.parametrize("language", LANGUAGES)
def test_six_languages_text_view_and_email_link(
    csrf_client, directory, claire, django_capture_on_commit_callbacks, language
):
    page = localized(make_campaign(directory, django_capture_on_commit_callbacks), language)
    # A long letter: her own words at their longest, in her script.
    own = {"en": "Women ", "fr": "Femmes ", "es": "Mujeres ", "ar": "النساء ", "zh-hans": "妇女", "ru": "Женщины "}[
        language
    ]
    own_words = (own * 300)[:1500].strip()
    for words in ("", own_words):
        data = letter_data(decision_maker=[claire.pk], language=language, section_1="2", own_words=words)
        response = post_text(csrf_client, page, data)
        assert response.status_code == 200, response.content[:300]
        html = response.content.decode()
        rtl = "rtl" if language == "ar" else "ltr"
        assert f'<div class="sa-letter-sheet" lang="{language}" dir="{rtl}">' in html
        [text] = plain_texts(html)
        assert WORDING[language][2].split("{{")[0] in text
        [url] = mailto_links(html)
        assert len(url) < MAILTO_MAX_LENGTH
        _address, query = mailto_parts(url)
        if words:  # never fits: the note, and the member copies the text
            assert query["body"].startswith("[") and own_words[:20] not in query["body"]
            with translation.override(language):
                note = gettext(
                    "This letter is too long to go into the e-mail by itself: copy its text below and paste it "
                    "into the e-mail."
                )
            assert note in html_lib.unescape(html)  # in her language
        elif query["body"].startswith("["):
            assert language in ("ar", "zh-hans", "ru")  # percent-encoding makes these 5-9 times longer
        else:
            assert query["body"].replace("\r\n", "\n") == text


def test_the_arabic_text_view_is_right_to_left(csrf_client, directory, claire, django_capture_on_commit_callbacks):
    page = localized(make_campaign(directory, django_capture_on_commit_callbacks, ("en", "ar")), "ar")
    html = post_text(csrf_client, page, letter_data(decision_maker=[claire.pk], language="ar")).content.decode()
    assert 'dir="rtl"' in html.split('class="sa-page sa-letter-text"')[1].split(">")[0]
    assert '<textarea id="sa-letter-plain-1" class="sa-letter-plain" rows="12" readonly lang="ar" dir="rtl">' in html
    assert "<script" not in html.split("</textarea>")[0].split("<article")[1]  # no inline script in the letter


def test_mailto_link_falls_back_under_the_limit():
    short = mailto_link("a@example.org", "Subject", "Body\nline", "note")
    assert short.complete and short.url == "mailto:a@example.org?subject=Subject&body=Body%0D%0Aline"
    long = mailto_link("a@example.org", "Тема " * 100, "Письмо " * 500, "[note]")
    assert not long.complete and len(long.url) < MAILTO_MAX_LENGTH
    assert long.url.endswith("&body=%5Bnote%5D")
