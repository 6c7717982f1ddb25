"""The six UN languages: letters marked with their language and direction, worded as each
language writes a letter, and offered only when their letter text is really translated."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.test import Client
from lxml import etree
from wagtail.models import Locale

from soroptimist_advocacy.letter_builder.setup import LetterSetup
from soroptimist_advocacy.letter_builder.wording import closing_formula, letter_date
from soroptimist_advocacy.letters import default_template_bytes, prepare, render, sample_context
from soroptimist_advocacy.web.localize import translate
from tests import factories
from tests.letter_helpers import letter_data, post_letter

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC_LANGUAGE = "{http://purl.org/dc/elements/1.1/}language"


def letter_languages(page) -> list[tuple[str, str]]:
    """The languages *page*'s letter form offers, read from the page as it is now."""
    return LetterSetup(page).languages()


def part(docx: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return etree.fromstring(package.read(name))


def assert_marked(docx: bytes, slot: str, tag: str, rtl: bool) -> None:
    """Every paragraph and run of the letter carries *tag* in the *slot* of w:lang."""
    body = part(docx, "word/document.xml")
    paragraphs, runs = list(body.iter(W + "p")), list(body.iter(W + "r"))
    assert paragraphs and runs
    for paragraph in paragraphs:
        properties = paragraph.find(W + "pPr")
        assert properties.find(f"{W}rPr/{W}lang").get(W + slot) == tag
        assert (properties.find(W + "bidi") is not None) is rtl
    for run in runs:
        properties = run.find(W + "rPr")
        assert properties.find(W + "lang").get(W + slot) == tag
        assert (properties.find(W + "rtl") is not None) is rtl
    for section in body.iter(W + "sectPr"):
        assert (section.find(W + "bidi") is not None) is rtl
    assert part(docx, "docProps/core.xml").find(DC_LANGUAGE).text == tag


@pytest.mark.parametrize(
    "language, slot, tag, rtl",
    [
        ("ar", "bidi", "ar-SA", True),
        ("zh-hans", "eastAsia", "zh-CN", False),
        ("ru", "val", "ru-RU", False),
        ("fr", "val", "fr-FR", False),
    ],
)
def test_every_paragraph_and_run_carries_the_letters_language(language, slot, tag, rtl):
    letter = render(default_template_bytes(), sample_context(), language)
    assert_marked(letter, slot, tag, rtl)


def test_marking_the_language_keeps_the_fast_path():
    # The marks are applied to the template before preparing, so docxtpl and the fast path agree.
    for language in ("ar", "zh-hans", "ru"):
        assert prepare(default_template_bytes(), language).fast


def test_an_editors_own_template_is_marked_but_keeps_its_look():
    import docx

    document = docx.Document()
    run = document.add_paragraph().add_run("{{ member.name }}")
    run.font.name = "Garamond"
    run.bold = True
    document.add_paragraph("{%p for paragraph in body %}")
    document.add_paragraph("{{ paragraph }}")
    document.add_paragraph("{%p endfor %}")
    out = io.BytesIO()
    document.save(out)

    letter = render(out.getvalue(), sample_context(), "ar")
    assert_marked(letter, "bidi", "ar-SA", True)
    first_run = part(letter, "word/document.xml").find(f".//{W}r/{W}rPr")
    assert first_run.find(W + "rFonts").get(W + "ascii") == "Garamond"
    assert first_run.find(W + "b") is not None
    # Word refuses run properties out of schema order: rFonts and b before rtl, lang last.
    names = [child.tag[len(W) :] for child in first_run]
    assert names.index("rFonts") < names.index("b") < names.index("rtl") < names.index("lang")


def test_dates_are_written_as_each_language_writes_them():
    day = datetime.date(2026, 11, 30)
    assert letter_date("zh-hans", day) == "2026年11月30日"
    assert letter_date("ru", day) == "30 ноября 2026 г."
    assert letter_date("fr", day) == "30 novembre 2026"
    assert letter_date("es", day) == "30 de noviembre de 2026"
    assert letter_date("ar", day) == "30 نوفمبر 2026"
    assert letter_date("en", day) == "30 November 2026"


def test_the_closing_answers_the_salutation():
    assert closing_formula("fr", "Madame la Ministre") == (
        "Veuillez agréer, Madame la Ministre, l'expression de ma haute considération."
    )
    # A salutation that is not a "Madame"/"Monsieur" form is not repeated inside the formula.
    assert (
        closing_formula("fr", "Chère amie,")
        == "Veuillez agréer, Madame, Monsieur, l'expression de ma haute considération."
    )
    assert closing_formula("en", "Dear Minister") == "Yours sincerely,"
    assert closing_formula("en", "Dear Sir or Madam") == "Yours faithfully,"
    assert closing_formula("ru", "Уважаемая госпожа министр") == "С уважением,"
    assert closing_formula("zh-hans", "尊敬的部长") == "此致\n敬礼！"


# A campaign translated with wagtail-localize into Arabic and Chinese in full, and into
# Russian with its page texts but without the letter's paragraphs.
ARABIC = {
    "Members everywhere are writing to their ministers.": "العضوات في كل مكان يكتبن إلى وزرائهن.",
    factories.LETTER_PARAGRAPHS[0]: "بصفتي عضوة في {{ member.club }} في {{ member.town }}، أكتب إليكم.",
    factories.LETTER_PARAGRAPHS[1]: "نرجو أن تعملوا من أجل النساء في {{ recipient.country }}.",
}
CHINESE = {
    "Members everywhere are writing to their ministers.": "各地社员正在致信本国部长。",
    factories.LETTER_PARAGRAPHS[0]: "我是{{ member.town }}{{ member.club }}的社员，谨致函您。",
    factories.LETTER_PARAGRAPHS[1]: "请为{{ recipient.country }}的妇女采取行动。",
}


@pytest.fixture
def campaign(db, django_capture_on_commit_callbacks):
    for code in ("ar", "zh-hans", "ru"):
        Locale.objects.get_or_create(language_code=code)
    directory = factories.make_directory()
    paragraph = {"type": "paragraph", "value": "<p>Members everywhere are writing to their ministers.</p>"}
    page = factories.make_action_kit(directory=directory, body=[paragraph, factories.letter_block()])
    for language, strings in (
        ("ar", ARABIC),
        ("zh-hans", CHINESE),
        ("ru", {"Post CSW Advocacy Action Kit": "Материалы кампании"}),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            translate(directory, language, {}, publish_now=False)
        with django_capture_on_commit_callbacks(execute=True):
            translate(page, language, strings, publish_now=False)
    return page


def test_a_translation_without_its_letter_text_is_not_offered(campaign, client):
    assert [code for code, _ in letter_languages(campaign)] == ["en", "ar", "zh-hans"]
    html = client.get(campaign.url).content.decode()
    assert 'value="ar"' in html and 'value="zh-hans"' in html
    assert 'value="ru"' not in html
    # And a POST asking for it anyway is refused, not answered with an English letter.
    response = post_letter(Client(enforce_csrf_checks=True), campaign, letter_data(language="ru"))
    assert response.status_code == 400


def test_the_russian_page_offers_the_source_language_until_its_letter_is_translated(campaign, client):
    russian = campaign.get_translation(Locale.objects.get(language_code="ru")).specific
    assert {code for code, _ in letter_languages(russian)} == {"en", "ar", "zh-hans"}


def test_a_translated_letter_is_offered_once_published(campaign):
    strings = {
        factories.LETTER_PARAGRAPHS[0]: "Как член клуба «{{ member.club }}» ({{ member.town }}) обращаюсь к Вам.",
        factories.LETTER_PARAGRAPHS[1]: "Просим действовать в интересах женщин: {{ recipient.country }}.",
    }
    translate(campaign, "ru", strings)
    campaign.refresh_from_db()
    assert "ru" in [code for code, _ in letter_languages(campaign)]


def test_editor_is_warned_about_an_untranslated_letter(campaign, admin_client):
    russian = campaign.get_translation(Locale.objects.get(language_code="ru"))
    response = admin_client.get(f"/admin/pages/{russian.pk}/edit/", follow=True)
    assert response.status_code == 200
    messages = [str(message) for message in response.context["messages"]]
    assert any("not fully translated" in message for message in messages), messages
    arabic = campaign.get_translation(Locale.objects.get(language_code="ar"))
    response = admin_client.get(f"/admin/pages/{arabic.pk}/edit/")
    assert not any("not fully translated" in str(message) for message in response.context["messages"])


def test_text_left_in_english_on_a_translated_page_says_so(campaign, client):
    russian = campaign.get_translation(Locale.objects.get(language_code="ru"))
    html = client.get(russian.url).content.decode()
    assert '<div class="sa-block sa-rich-text" lang="en" dir="ltr">' in html
    arabic = campaign.get_translation(Locale.objects.get(language_code="ar"))
    html = client.get(arabic.url).content.decode()
    assert '<div class="sa-block sa-rich-text">' in html and "يكتبن" in html
    assert 'lang="en" dir="ltr"><p>' not in html
