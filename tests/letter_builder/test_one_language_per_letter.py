"""One language per letter: every word a letter adds (salutation, closing, date, subject, the
address line) is in the letter's language, whether or not the directory translated the
decision maker; her name and official post stay as the directory holds them, in the address
block only. The campaign is translated into the six UN languages once for the module."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client
from lxml import etree
from wagtail.models import Locale

from soroptimist_advocacy.models import ActionKitPage, DecisionMakerPage
from soroptimist_advocacy.web.localize import translate
from tests import factories
from tests.letter_helpers import docx_text, letter_data, post_letter

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LANGUAGES = ("en", "fr", "es", "ar", "zh-hans", "ru")
SUBJECT = "Women's rights after CSW 56"
GENERIC_ADDRESSEE = "The Minister for Women"


@dataclass(frozen=True)
class Wording:
    """How a letter in one language greets and takes leave of the decision maker."""

    salutation: str  # her salutation as the directory translates it
    closing: str
    neutral: str  # the salutation for a reader the letter cannot title
    neutral_closing: str
    post: str  # her post as the directory translates it
    markers: tuple[str, ...]  # words only this language greets or closes a letter with
    end: str = ","  # what the default letter writes after the salutation in this language


WORDING = {
    "en": Wording(
        "Dear Minister",
        "Yours sincerely,",
        "Dear Sir or Madam",
        "Yours faithfully,",
        "Minister for Equality",
        ("Dear", "Yours"),
    ),
    "fr": Wording(
        "Madame la Ministre",
        "Veuillez agréer, Madame la Ministre, l'expression de ma haute considération.",
        "Madame, Monsieur",
        "Veuillez agréer, Madame, Monsieur, l'expression de ma haute considération.",
        "Ministre de l'Égalité",
        ("Madame", "Monsieur", "Veuillez"),
    ),
    "es": Wording(
        "Estimada Ministra",
        "Atentamente,",
        "Estimada señora, estimado señor",
        "Atentamente,",
        "Ministra de Igualdad",
        ("Estimad", "Atentamente"),
        ":",
    ),
    "ar": Wording(
        "معالي الوزيرة المحترمة",
        "وتفضلوا بقبول فائق الاحترام والتقدير،",
        "تحية طيبة وبعد",
        "وتفضلوا بقبول فائق الاحترام والتقدير،",
        "وزيرة المساواة",
        ("المحترم", "تحية", "وتفضلوا"),
        "،",
    ),
    "zh-hans": Wording(
        "尊敬的部长", "此致\n敬礼！", "尊敬的先生/女士", "此致\n敬礼！", "平等部长", ("尊敬", "此致", "敬礼"), "："
    ),
    "ru": Wording(
        "Уважаемая госпожа министр",
        "С уважением,",
        "Уважаемые дамы и господа",
        "С уважением,",
        "Министр по вопросам равенства",
        ("Уважаем", "С уважением"),
        "!",
    ),
}

# The campaign's words, as its translators entered them in wagtail-localize. The Russian
# translator has not translated the salutation and addressee for a country with nobody listed.
CAMPAIGN = {
    "fr": {
        "Post CSW Advocacy Action Kit": "Kit d'action de plaidoyer",
        SUBJECT: "Les droits des femmes après la CSW 56",
        factories.LETTER_PARAGRAPHS[0]: "Membre du {{ member.club }} à {{ member.town }}, je vous écris.",
        factories.LETTER_PARAGRAPHS[1]: "Agissez pour les femmes du pays {{ recipient.country }}.",
        "Dear Minister": "Madame la Ministre, Monsieur le Ministre",
        GENERIC_ADDRESSEE: "La ministre chargée des droits des femmes",
    },
    "es": {
        "Post CSW Advocacy Action Kit": "Kit de acción de incidencia",
        SUBJECT: "Los derechos de las mujeres después de la CSW 56",
        factories.LETTER_PARAGRAPHS[0]: "Como socia de {{ member.club }} en {{ member.town }}, le escribo.",
        factories.LETTER_PARAGRAPHS[1]: "Actúe por las mujeres de {{ recipient.country }}.",
        "Dear Minister": "Estimada ministra, estimado ministro",
        GENERIC_ADDRESSEE: "La ministra de la Mujer",
    },
    "ar": {
        "Post CSW Advocacy Action Kit": "مجموعة أدوات المناصرة",
        SUBJECT: "حقوق المرأة بعد الدورة السادسة والخمسين",
        factories.LETTER_PARAGRAPHS[0]: "بصفتي عضوة في {{ member.club }} في {{ member.town }}، أكتب إليكم.",
        factories.LETTER_PARAGRAPHS[1]: "نرجو أن تعملوا من أجل النساء في {{ recipient.country }}.",
        "Dear Minister": "معالي الوزير المحترم",
        GENERIC_ADDRESSEE: "الوزير المسؤول عن شؤون المرأة",
    },
    "zh-hans": {
        "Post CSW Advocacy Action Kit": "倡导行动工具包",
        SUBJECT: "第五十六届会议之后的妇女权利",
        factories.LETTER_PARAGRAPHS[0]: "我是{{ member.town }}{{ member.club }}的社员，谨致函您。",
        factories.LETTER_PARAGRAPHS[1]: "请为{{ recipient.country }}的妇女采取行动。",
        "Dear Minister": "尊敬的部长",
        GENERIC_ADDRESSEE: "负责妇女事务的部长",
    },
    "ru": {
        "Post CSW Advocacy Action Kit": "Материалы кампании",
        SUBJECT: "О правах женщин после 56-й сессии КПЖ",
        factories.LETTER_PARAGRAPHS[0]: "Как член клуба «{{ member.club }}» ({{ member.town }}) обращаюсь к Вам.",
        factories.LETTER_PARAGRAPHS[1]: "Просим действовать в интересах женщин: {{ recipient.country }}.",
    },
}
ADDRESS_LINE = "Ms Claire Dubois\nMinister for Equality"
RUSSIAN_ADDRESS_LINE = "Министру по вопросам равенства\nК. Дюбуа"
# Her page as the directory's translators entered it: the address line only in Russian.
MINISTER = {
    language: {"Dear Minister": wording.salutation, "Minister for Equality": wording.post}
    | ({ADDRESS_LINE: RUSSIAN_ADDRESS_LINE} if language == "ru" else {})
    for language, wording in WORDING.items()
    if language != "en"
}


@pytest.fixture(scope="module")
def six_languages(django_db_setup, django_db_blocker):
    """The campaign and its directory in six languages, built once inside a transaction rolled
    back at the end; each test runs in its own savepoint within it, as with ``db``."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            for code in LANGUAGES:
                Locale.objects.get_or_create(language_code=code)
            directory = factories.make_directory()
            minister = factories.make_decision_maker(
                directory, "FR", "Claire Dubois", position_title="Minister for Equality", address_line=ADDRESS_LINE
            )
            # Translated by wagtail-localize without a single string: her pages say "Dear Minister".
            copied = factories.make_decision_maker(
                directory, "KE", "Grace Wanjiru", position_title="Minister for Equality"
            )
            block = factories.letter_block()
            block["value"].update(subject=SUBJECT, generic_addressee=GENERIC_ADDRESSEE)
            campaign = factories.make_action_kit(directory=directory, body=[block])
            for language in LANGUAGES[1:]:
                translate(directory, language, {})
                translate(minister, language, MINISTER[language])
                translate(copied, language, {})
                translate(campaign, language, CAMPAIGN[language])
            # Added to the English directory after its translations: no page in any other language.
            factories.make_decision_maker(directory, "DE", "Greta Schmidt", position_title="Minister for Equality")
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def campaign(six_languages, db) -> ActionKitPage:
    return ActionKitPage.objects.get(locale__language_code="en")


def letter(campaign, language: str, country: str, name: str | None = None) -> bytes:
    """The letter a member gets on the campaign page in *language*, to *name* (her page in
    the directory of that page, or the English directory's when she has none there)."""
    page = campaign.get_translation(Locale.objects.get(language_code=language)).specific
    data = letter_data(language=language, country=country)
    if name is not None:
        decision_maker = DecisionMakerPage.objects.filter(title=name, locale__language_code=language).first()
        if decision_maker is None:
            page, decision_maker = campaign, DecisionMakerPage.objects.get(title=name, locale__language_code="en")
        data["decision_maker"] = [decision_maker.pk]
    response = post_letter(Client(enforce_csrf_checks=True), page, data)
    assert response.status_code == 200, response.content.decode()[:2000]
    return response.content


def letter_text(docx: bytes) -> str:
    """The letter's text without the marks that keep Latin lines left to right in an Arabic letter."""
    return re.sub("[\u202a-\u202e]", "", docx_text(docx))


def assert_in_one_language(text: str, language: str) -> None:
    for other, wording in WORDING.items():
        if other != language:
            borrowed = [word for word in wording.markers if word in text]
            assert not borrowed, f"a {language} letter greets or closes in {other}: {borrowed}\n{text}"


DECISION_MAKERS = {
    "translated": ("FR", "Claire Dubois"),
    "untranslated": ("KE", "Grace Wanjiru"),
    "only in the English directory": ("DE", "Greta Schmidt"),
}


@pytest.mark.parametrize("decision_maker", list(DECISION_MAKERS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_letter_greets_and_closes_in_its_own_language(campaign, language, decision_maker):
    country, name = DECISION_MAKERS[decision_maker]
    text = letter_text(letter(campaign, language, country, name))
    wording = WORDING[language]
    assert_in_one_language(text, language)
    if decision_maker == "translated" or language == "en":
        assert f"\n{wording.salutation}{wording.end}\n" in text
        assert wording.closing in text
    else:
        # Her salutation was not written in this language: the language's own neutral one.
        assert f"\n{wording.neutral}{wording.end}\n" in text
        assert wording.neutral_closing in text
        # Her name and post as the directory holds them, in the address block only.
        assert text.count("Minister for Equality") == 1
        assert f"{name}\nMinister for Equality\nMinistry of Equality" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_country_with_nobody_listed_gets_the_campaigns_words_only_where_translated(campaign, language):
    text = letter_text(letter(campaign, language, "JP"))
    assert_in_one_language(text, language)
    strings = CAMPAIGN.get(language, {})
    if language == "en" or "Dear Minister" in strings:
        assert f"\n{strings.get('Dear Minister', 'Dear Minister')}{WORDING[language].end}\n" in text
        assert strings.get(GENERIC_ADDRESSEE, GENERIC_ADDRESSEE) in text
    else:
        assert f"\n{WORDING[language].neutral}{WORDING[language].end}\n" in text
        assert GENERIC_ADDRESSEE not in text


def test_a_russian_letter_addresses_her_in_the_dative(campaign):
    text = letter_text(letter(campaign, "ru", "FR", "Claire Dubois"))
    # The address line in place of her name and post; her ministry and address follow.
    assert f"{RUSSIAN_ADDRESS_LINE}\nMinistry of Equality\n1 Rue Example" in text
    assert "Claire Dubois" not in text and "Министр по вопросам равенства\n" not in text
    # A language the address line is not translated into names her and her post.
    french = letter_text(letter(campaign, "fr", "FR", "Claire Dubois"))
    assert "Claire Dubois\nMinistre de l'Égalité\n" in french and "Ms Claire Dubois" not in french
    english = letter_text(letter(campaign, "en", "FR", "Claire Dubois"))
    assert f"{ADDRESS_LINE}\nMinistry of Equality\n" in english


def part(docx: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return etree.fromstring(package.read(name))


def test_every_bold_italic_or_sized_run_of_an_arabic_letter_keeps_it_in_arabic(campaign):
    arabic = letter(campaign, "ar", "FR", "Claire Dubois")
    runs = [run.find(W + "rPr") for run in part(arabic, "word/document.xml").iter(W + "r")]
    styles = list(part(arabic, "word/styles.xml").iter(W + "rPr"))
    assert any(rpr.find(W + "b") is not None for rpr in runs), "the sender's name is bold"
    assert any(rpr.find(W + "b") is not None for rpr in styles), "the subject line's style is bold"
    for rpr in runs + styles:
        for latin, complex_script in (("b", "bCs"), ("i", "iCs"), ("sz", "szCs")):
            if rpr.find(W + latin) is not None:
                twin = rpr.find(W + complex_script)
                assert twin is not None, etree.tostring(rpr).decode()
                assert twin.attrib == rpr.find(W + latin).attrib
