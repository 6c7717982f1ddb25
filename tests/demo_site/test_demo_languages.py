"""The example site's demo campaign: it builds, building it again duplicates nothing, and in
Arabic, Chinese and Russian it serves a member as she uses it: the page in her language, a
letter in her language that Word and LibreOffice lay out right, and the example site's pages
costing the same queries however many languages it has. The demo is built once for the module."""

from __future__ import annotations

import html as html_module
import io
import re
import shutil
import subprocess
import zipfile

import pytest
from demo import content
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from freezegun import freeze_time
from lxml import etree
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from soroptimist_advocacy.models import ActionKitPage, DecisionMakerPage, ResourcePage
from tests.letter_helpers import docx_text, letter_data, post_letter

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = shutil.which("soffice")

# language: (w:lang slot, tag, right to left, date line, a word of its salutation, her address lines)
LETTERS = {
    "ar": ("bidi", "ar-SA", True, "30 نوفمبر 2026", "معالي الوزيرة المحترمة،", "Rania Haddad\nوزيرة التنمية"),
    "zh-hans": ("eastAsia", "zh-CN", False, "2026年11月30日", "尊敬的部长：", "Rania Haddad\n社会发展大臣"),
    # A Russian letter addresses her in the dative, post first, as the demo's address line says.
    "ru": (
        "val",
        "ru-RU",
        False,
        "30 ноября 2026 г.",
        "Уважаемая госпожа министр!",
        "Министру социального развития, председателю Министерского комитета по расширению прав и "
        "возможностей женщин\nР. Хаддад\nМинистерство социального развития",
    ),
}
MEMBER = "Margaret O'Neill-Adeyemi"


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker):
    """The demo, built once for this module (it takes about a minute) inside a transaction
    rolled back at the end; each test runs in its own savepoint within it, as with ``db``."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(demo_database, db):
    return ActionKitPage.objects.get(locale__language_code="en")


def counts():
    return (
        Page.objects.count(),
        DecisionMakerPage.objects.count(),
        ResourcePage.objects.count(),
        get_document_model().objects.count(),
    )


def test_load_demo_is_idempotent_and_complete(demo, client):
    first = counts()  # after the module's load_demo
    call_command("load_demo", verbosity=0)
    assert counts() == first

    campaign = ActionKitPage.objects.get(locale__language_code="en")
    countries = set(DecisionMakerPage.objects.filter(locale__language_code="en").values_list("country", flat=True))
    assert len(countries) >= 8
    # Every region: Africa, Americas, Asia, Europe, Oceania, Middle East.
    assert {"KE", "BR", "IN", "GB", "AU", "JO"} <= countries
    assert all(DecisionMakerPage.objects.values_list("is_sample", flat=True))
    assert ResourcePage.objects.filter(locale__language_code="en").count() >= 4

    response = client.get(campaign.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Post CSW Advocacy Action Kit" in html
    assert "PDF" in html


def in_language(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def letter_for(page, language) -> bytes:
    minister = DecisionMakerPage.objects.get(locale__language_code=language, external_id="demo-jo-1")
    data = letter_data(
        language=language, country="JO", name=MEMBER, club="SI Amman", town="Amman", decision_maker=[minister.pk]
    )
    with freeze_time("2026-11-30 10:00:00"):
        response = post_letter(Client(enforce_csrf_checks=True), page, data)
    assert response.status_code == 200, response.content.decode()[:1000]
    return response.content


@pytest.mark.parametrize("language", list(LETTERS))
def test_the_campaign_page_and_its_letter_are_in_the_members_language(demo, client, language):
    page = in_language(demo, language)
    html = client.get(page.url).content.decode()
    assert f'<html lang="{language}"' in html
    with translation.override(language):
        name_label = translation.gettext("Your name")
        button = translation.gettext("Download my letter")
    assert name_label != "Your name" and name_label in html
    # The file type is a Latin run kept apart, so that it reads "(.docx)" in Arabic too.
    assert button != "Download my letter" and f"{button} <bdi>(.docx)</bdi>" in html

    letter = letter_for(page, language)
    slot, tag, rtl, date, salutation, address = LETTERS[language]
    text = docx_text(letter)
    assert date in text
    assert MEMBER in text
    assert salutation in text
    assert address in re.sub("[\u202a-\u202e]", "", text)
    for english in (*content.CAMPAIGN["letter_paragraphs"], content.CAMPAIGN["letter_subject"]):
        assert english.split("{{")[0][:40] not in text, english
    for english_word in ("Yours sincerely", "Dear Minister"):
        assert english_word not in text
    with zipfile.ZipFile(io.BytesIO(letter)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    for run in body.iter(W + "r"):
        assert run.find(f"{W}rPr/{W}lang").get(W + slot) == tag
        assert (run.find(f"{W}rPr/{W}rtl") is not None) is rtl
    for paragraph in body.iter(W + "p"):
        assert (paragraph.find(f"{W}pPr/{W}bidi") is not None) is rtl
    assert all((section.find(W + "bidi") is not None) is rtl for section in body.iter(W + "sectPr"))
    # The sender's name and the subject line are bold in Arabic too (w:bCs beside w:b).
    with zipfile.ZipFile(io.BytesIO(letter)) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
    for properties in [*body.iter(W + "rPr"), *styles.iter(W + "rPr")]:
        for latin, twin in (("b", "bCs"), ("i", "iCs"), ("sz", "szCs")):
            assert properties.find(W + latin) is None or properties.find(W + twin) is not None, latin


def test_an_english_letter_to_the_french_minister_is_english(demo):
    minister = DecisionMakerPage.objects.get(locale__language_code="en", external_id="demo-fr-1")
    data = letter_data(language="en", country="FR", name=MEMBER, decision_maker=[minister.pk])
    response = post_letter(Client(enforce_csrf_checks=True), demo, data)
    text = docx_text(response.content)
    assert "\nDear Minister,\n" in text and "Yours sincerely," in text
    assert "Ms Claire Dubois\nMinister for Equality between Women and Men" in text
    assert "Madame" not in text and "Ministre" not in text

    french = post_letter(Client(enforce_csrf_checks=True), demo, dict(data, language="fr"))
    assert "\nMadame la Ministre,\n" in docx_text(french.content)


def test_the_home_page_lists_the_six_languages(demo, client):
    html = client.get("/").content.decode()
    for code, name in (
        ("en", "English"),
        ("fr", "français"),
        ("es", "español"),
        ("ar", "العربيّة"),
        ("zh-hans", "简体中文"),
        ("ru", "Русский"),
    ):
        assert f'hreflang="{code}"' in html, code
        assert name in html, name


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None, reason="needs soffice and pdftotext")
def test_libreoffice_lays_out_each_letter_in_reading_order(demo, tmp_path):
    expected = {
        # Words of the letter in their logical order, as pdftotext extracts right-to-left text
        # (phrases without a lam-alef ligature, which pdftotext gives back as alef-lam).
        "ar": ["معالي الوزيرة المحترمة،", "أكتب إليكم بصفتي عضوة في", "SI Amman", "وتفضلوا بقبول فائق", "نوفمبر 2026"],
        "zh-hans": ["尊敬的部长：", "我是SI Amman的社员", "此致", "敬礼！"],
        "ru": ["Уважаемая госпожа министр!", "Обращаюсь к Вам как член клуба «SI Amman»", "С уважением,"],
    }
    for language, phrases in expected.items():
        folder = tmp_path / language
        folder.mkdir()
        (folder / "letter.docx").write_bytes(letter_for(in_language(demo, language), language))
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{folder / 'profile'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(folder / "letter.docx"),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        text = subprocess.run(
            ["pdftotext", str(folder / "letter.pdf"), "-"], check=True, capture_output=True, text=True
        ).stdout
        # pdftotext wraps right-to-left runs in bidi embedding marks; the words between them are what count.
        text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
        flat = re.sub(r"\s+", " ", text)
        assert MEMBER in text, language  # the member's Latin name, intact and in order
        for phrase in phrases:
            # LibreOffice spaces Latin words out from Chinese ones on the page; pdftotext keeps the gap.
            squeezed = re.sub(r"\s+", "", phrase)
            assert phrase in flat or squeezed in re.sub(r"\s+", "", text), (language, phrase, text[:1500])


def page_queries(url: str) -> int:
    client = Client()
    client.get(url)  # warm per-process caches (site root paths, locales)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


# The example site's real pages, its language switcher included (one query for every language).
# The campaign counts three queries for "which letter languages are translated" and one for
# "which texts fell back to the source language", the same with 3 languages or 60.
EXAMPLE_HOME_BUDGET = 12
EXAMPLE_CAMPAIGN_BUDGET = 26


def test_example_site_pages_cost_the_same_queries_with_three_or_six_languages(demo):
    six = (page_queries("/"), page_queries(demo.url))
    for language in ("ar", "zh-hans", "ru"):
        for page in Page.objects.filter(locale__language_code=language, live=True).order_by("-depth"):
            page.unpublish()
    three = (page_queries("/"), page_queries(demo.url))
    assert six == three, (six, three)
    assert six[0] <= EXAMPLE_HOME_BUDGET and six[1] <= EXAMPLE_CAMPAIGN_BUDGET, six


# The example site's own strings (example_site/locale): skip link, header, footer, page title.
SITE_CHROME = {
    "fr": ("Aller au contenu", "site d’exemple", "Un site d’exemple de soroptimist-advocacy."),
    "es": ("Ir al contenido", "sitio de ejemplo", "Un sitio de ejemplo de soroptimist-advocacy."),
    "ar": ("انتقل إلى المحتوى", "موقع تجريبي", "موقع تجريبي لتطبيق soroptimist-advocacy."),
    "zh-hans": ("跳到正文", "示例网站", "soroptimist-advocacy 的示例网站。"),
    "ru": ("Перейти к содержанию", "демонстрационный сайт", "Демонстрационный сайт soroptimist-advocacy."),
}


@pytest.mark.parametrize("language", sorted(SITE_CHROME))
def test_the_example_sites_own_strings_are_in_the_page_language(demo, client, language):
    skip, header, footer = SITE_CHROME[language]
    html = client.get(demo.get_translation(Locale.objects.get(language_code=language)).url).content.decode()
    assert f'<a class="skip-link" href="#main">{skip}</a>' in html
    assert f"· {header}</p>" in html and f'<footer class="site-footer"><p>{footer}</p>' in html
    assert "Skip to content" not in html and "An example site" not in html


def test_the_demo_command_refuses_an_address_it_cannot_serve():
    from demo.site_address import parse_addrport

    assert parse_addrport("8123") == ("127.0.0.1", 8123)
    assert parse_addrport("0.0.0.0:8000") == ("localhost", 8000)
    assert parse_addrport("[::1]:8000") == ("[::1]", 8000)
    assert parse_addrport("example.local:9000") == ("example.local", 9000)
    for wrong in ("localhost", "127.0.0.1:99999", "a:b:80", ""):
        with pytest.raises(ValueError):
            parse_addrport(wrong)


@pytest.mark.parametrize("language", ["en", "es", "ar", "zh-hans"])
def test_demo_links_use_the_address_it_serves(demo, client, language, django_capture_on_commit_callbacks):
    from demo.site_address import serve_site_at

    with django_capture_on_commit_callbacks(execute=True):
        serve_site_at("127.0.0.1:8123")
    page = demo.get_translation(Locale.objects.get(language_code=language))
    html = client.get(page.url).content.decode()
    [canonical] = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    assert canonical == f"http://127.0.0.1:8123{page.url}"
    alternates = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)">', html)
    assert len(alternates) == 7 and all(url.startswith("http://127.0.0.1:8123/") for url in alternates)
    # Share links (the e-mail one included) carry the page's address, URL-encoded.
    shared = [
        html_module.unescape(url)
        for url in re.findall(
            r'href="((?:https://(?:www\.facebook\.com|x\.com|www\.linkedin\.com|wa\.me)/|mailto:\?)[^"]*)"', html
        )
    ]
    # The share block and the share prompt after the letter form: five networks each.
    assert len(shared) == 10 and all("127.0.0.1%3A8123" in url for url in shared), shared
    assert "http://localhost/" not in html and "localhost%2F" not in html


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar", "zh-hans", "ru"])
def test_every_campaign_translation_shows_its_hero_image_when_shared(demo, client, language):
    page = demo.get_translation(Locale.objects.get(language_code=language))
    assert page.hero_image_id == demo.hero_image_id is not None
    html = client.get(page.url).content.decode()
    images = re.findall(r'<meta property="og:image" content="([^"]+)">', html)
    assert len(images) == 1 and "/media/images/csw56-hero" in images[0] and ".fill-1200x630" in images[0]
    assert re.findall(r'<meta property="og:site_name" content="([^"]+)">', html) == ["Soroptimist advocacy (example)"]
    assert '<img class="sa-hero"' in html or 'class="sa-hero"' in html
