"""The code on a letter counts it as sent: once, in her language, with nothing about her kept."""

from __future__ import annotations

import datetime
import io
import re
import zipfile

import pytest
import zxingcpp
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext
from PIL import Image
from wagtail.models import Locale

from soroptimist_advocacy.campaigns.reference_codes import ALPHABET, BITS, display_code, new_code, parse_code
from soroptimist_advocacy.campaigns.references import issue_references
from soroptimist_advocacy.letters.images import MEDIA_MEMBER
from soroptimist_advocacy.models import LetterCounter, LetterReference
from soroptimist_advocacy.web.localize import translate
from tests import factories
from tests.letter_helpers import docx_text, letter_data, post_letter

LANGUAGES = ("en", "fr", "es", "ar", "zh-hans", "ru")


def letter_code(document: bytes) -> str:
    """The code printed in the letter's footer."""
    codes = re.findall(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}\b", docx_text(document))
    assert len(codes) == 1, codes
    return codes[0]


def qr_urls(document: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(document)) as package:
        png = package.read(MEDIA_MEMBER)
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def form_token(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)


def confirm(client, url, channel="post", sent_on=None, **extra):
    data = {
        "csrfmiddlewaretoken": form_token(client, url),
        "channel": channel,
        "sent_on": (sent_on or timezone.localdate()).isoformat(),
        **extra,
    }
    return client.post(url, data)


def sent_total() -> int:
    return sum(LetterCounter.objects.values_list("letters_sent", flat=True))


@pytest.fixture
def letter(csrf_client, action_kit, claire):
    response = post_letter(csrf_client, action_kit, letter_data(decision_maker=[claire.pk]))
    assert response.status_code == 200
    return response.content


def test_codes_are_typable_and_carry_enough_chance(action_kit):
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert BITS >= 50 and len(ALPHABET) ** 11 >= 2**BITS
    assert not set("01OILU") & set(ALPHABET)
    code = codes.pop()
    assert parse_code(display_code(code).lower().replace("-", " ")) == code
    assert parse_code(f"  {display_code(code)} ") == code
    for malformed in ("", "K7QF-3MXD-92", "K7QF-3MXD-92AA", "O7QF-3MXD-92A", "../../etc/passwd", "<b>x</b>", "x" * 500):
        assert parse_code(malformed) is None


def test_the_letter_prints_its_code_and_a_qr_code_opening_its_sent_page(letter, action_kit):
    code = letter_code(letter)
    assert qr_urls(letter) == [f"{action_kit.get_full_url()}sent/{code}/"]  # the site's own address
    assert LetterReference.objects.get().code == parse_code(code)


def test_a_letter_to_two_decision_makers_has_two_codes(csrf_client, action_kit, directory, claire):
    second = factories.make_decision_maker(directory, "FR", "Anne Martin")
    response = post_letter(csrf_client, action_kit, letter_data(decision_maker=[claire.pk, second.pk]))

    codes = set(re.findall(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}\b", docx_text(response.content)))
    assert len(codes) == 2
    assert {display_code(code) for code in LetterReference.objects.values_list("code", flat=True)} == codes
    assert set(LetterReference.objects.values_list("decision_maker_key", flat=True)) == {
        claire.translation_key,
        second.translation_key,
    }


def test_confirming_counts_a_letter_sent_once_and_offers_the_report_form(letter, action_kit, claire):
    code = letter_code(letter)
    url = f"{action_kit.url}sent/{code}/"
    client = Client(enforce_csrf_checks=True)

    page = client.get(url)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert "How did you send it?" in html and 'type="date"' in html
    assert f'value="{timezone.localdate().isoformat()}"' in html  # today, unless she says otherwise

    sent_on = timezone.localdate() - datetime.timedelta(days=1)
    response = confirm(client, url, channel="email", sent_on=sent_on)
    assert response.status_code == 200
    thanks = response.content.decode()
    assert "is now counted as sent" in thanks
    assert f"{action_kit.url}report/?country=FR&amp;decision_maker={claire.pk}" in thanks

    counter = LetterCounter.objects.get(day=sent_on)
    assert (counter.letters_sent, counter.letters, counter.country, counter.language) == (1, 0, "FR", "en")
    reference = LetterReference.objects.get()
    assert (reference.sent_on, reference.channel) == (sent_on, "email")

    # Replayed: the same POST, the GET, a typed variant of the code: thanked, not counted again.
    again = client.post(url, {"channel": "post", "sent_on": sent_on.isoformat()})
    assert again.status_code in (200, 403)  # 403 without a fresh token; either way nothing counts
    assert "already counted as sent, thank you" in client.get(url).content.decode()
    assert "already counted" in client.get(f"{action_kit.url}sent/{code.lower()}/").content.decode()
    assert sent_total() == 1

    report = client.get(f"{action_kit.url}report/?country=FR&decision_maker={claire.pk}").content.decode()
    assert f'<option value="{claire.pk}" selected>' in report


def test_a_second_confirmation_with_its_own_token_says_already_counted(letter, action_kit):
    url = f"{action_kit.url}sent/{letter_code(letter)}/"
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    second_token = form_token(second, url)  # both opened the form before either confirmed
    assert confirm(first, url).status_code == 200
    response = second.post(
        url, {"csrfmiddlewaretoken": second_token, "channel": "post", "sent_on": timezone.localdate().isoformat()}
    )
    assert response.status_code == 200
    assert "already counted as sent, thank you" in response.content.decode()
    assert sent_total() == 1


# Wagtail routes only paths of word characters and hyphens to pages; anything under sent/ reaches hers.
@pytest.mark.parametrize("code", ["K7QF-3MXD-92A", "not-a-code", "0000-0000-000", "K7QF/3MXD/92A", "x" * 300])
def test_unknown_or_malformed_codes_get_a_friendly_404(client, action_kit, code):
    response = client.get(f"{action_kit.url}sent/{code}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We do not know this letter code" in html
    assert "x" * 41 not in html  # a long code is shown cut short
    assert "no-store" in response["Cache-Control"]


def test_a_code_of_another_campaign_is_unknown_here(client, action_kit, directory):
    other = factories.make_action_kit(directory=directory, slug="other-campaign", title="Other")
    (code,) = issue_references(campaign_key=other.translation_key, country="FR", language="en")
    assert client.get(f"{action_kit.url}sent/{code}/").status_code == 404
    assert client.get(f"{other.url}sent/{code}/").status_code == 200


def test_the_confirmation_needs_the_csrf_token(letter, action_kit):
    url = f"{action_kit.url}sent/{letter_code(letter)}/"
    response = Client(enforce_csrf_checks=True).post(
        url, {"channel": "post", "sent_on": timezone.localdate().isoformat()}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 403
    assert sent_total() == 0


@pytest.mark.parametrize(
    "channel, sent_on, message",
    [
        ("", None, "Please say how you sent your letter."),
        ("pigeon", None, "Select a valid choice."),
        ("post", timezone.localdate() + datetime.timedelta(days=5), "That day is still to come"),
        ("post", datetime.date(2001, 1, 1), "That day is before the letter was made"),
    ],
)
def test_a_wrong_answer_is_explained_and_counts_nothing(letter, action_kit, channel, sent_on, message):
    client = Client(enforce_csrf_checks=True)
    response = confirm(client, f"{action_kit.url}sent/{letter_code(letter)}/", channel=channel, sent_on=sent_on)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert sent_total() == 0 and LetterReference.objects.get().sent_on is None


def test_the_sent_page_is_rate_limited(client, action_kit, settings):
    settings.SOROPTIMIST_ADVOCACY = {"SENT_RATE_LIMIT": 3}
    statuses = [client.get(f"{action_kit.url}sent/{new_code()}/").status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]


def test_codes_are_purged_after_the_retention_period_and_their_counts_stay(letter, action_kit):
    url = f"{action_kit.url}sent/{letter_code(letter)}/"
    confirm(Client(enforce_csrf_checks=True), url)
    (fresh,) = issue_references(campaign_key=action_kit.translation_key, country="KE", language="en")
    LetterReference.objects.exclude(code=fresh).update(made_at=timezone.now() - datetime.timedelta(days=400))

    call_command("purge_personal_data", verbosity=0)

    assert list(LetterReference.objects.values_list("code", flat=True)) == [fresh]
    assert sent_total() == 1
    assert Client().get(url).status_code == 404


@pytest.fixture
def six_language_campaign(db, action_kit, directory, django_capture_on_commit_callbacks):
    pages = {"en": action_kit}
    for language in LANGUAGES[1:]:
        Locale.objects.get_or_create(language_code=language)
        with django_capture_on_commit_callbacks(execute=True):
            translate(directory, language, {}, publish_now=False)
        with django_capture_on_commit_callbacks(execute=True):
            translate(action_kit, language, {}, publish_now=False)
        pages[language] = action_kit.get_translation(Locale.objects.get(language_code=language)).specific
    return pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sent_page_answers_in_each_language_and_counts_for_the_whole_campaign(six_language_campaign, language):
    page = six_language_campaign[language]
    (code,) = issue_references(campaign_key=page.translation_key, country="KE", language=language)
    url = f"{page.url}sent/{display_code(code)}/"
    client = Client(enforce_csrf_checks=True)

    form = client.get(url).content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'lang="{language}" dir="{direction}"' in form
    with translation.override(language):
        heading = gettext("I sent my letter")
    assert f"<h1>{heading}</h1>" in form and (language == "en" or heading != "I sent my letter")
    assert confirm(client, url, channel="handed_in").status_code == 200
    assert client.get(f"{page.url}sent/{new_code()}/").status_code == 404

    counter = LetterCounter.objects.get()
    assert (counter.campaign_key, counter.language, counter.letters_sent) == (page.translation_key, language, 1)
