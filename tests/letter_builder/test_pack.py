"""A club evening's pack: one .docx, a letter and a code per member, no names kept, every letter counted."""

from __future__ import annotations

import io
import re
import zipfile

from django.test import Client

from soroptimist_advocacy.letter_builder.pack import MAX_MEMBERS
from soroptimist_advocacy.models import LetterCounter, LetterReference
from tests.letter_helpers import docx_text

CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}\b")


def token(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)


def post_pack(client, page, names, decision_makers, **extra):
    url = page.url + "pack/"
    data = {
        "csrfmiddlewaretoken": token(client, url + "?country=FR"),
        "names": names,
        "club": "SI Lyon",
        "town": "Lyon",
        "country": "FR",
        "language": "en",
        "decision_maker": decision_makers,
        **extra,
    }
    return client.post(url, data)


def test_a_pack_has_a_letter_and_a_code_per_member_and_keeps_no_name(action_kit, claire):
    names = ["Zélie Martin", "Aïcha Benali", "", "  Rosa Parks-Unique  "]
    response = post_pack(Client(enforce_csrf_checks=True), action_kit, "\n".join(names), [claire.pk])

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = docx_text(response.content)
    for name in ("Zélie Martin", "Aïcha Benali", "Rosa Parks-Unique"):
        assert name in text
    codes = set(CODE.findall(text))
    assert len(codes) == 3
    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        assert len([name for name in package.namelist() if name.endswith(".png")]) == 3
    assert LetterReference.objects.count() == 3
    stored = " ".join(
        str(getattr(reference, field.attname))
        for reference in LetterReference.objects.all()
        for field in LetterReference._meta.fields
    )
    assert "Zélie" not in stored and "Rosa" not in stored and "Lyon" not in stored
    assert LetterCounter.objects.get().letters == 3


def test_too_many_names_are_refused_in_words(action_kit, claire):
    names = "\n".join(f"Member {number}" for number in range(MAX_MEMBERS + 1))
    response = post_pack(Client(enforce_csrf_checks=True), action_kit, names, [claire.pk])
    assert response.status_code == 400
    assert f"A pack holds at most {MAX_MEMBERS} names: please make two packs." in response.content.decode()
    assert not LetterReference.objects.exists() and not LetterCounter.objects.exists()


def test_no_name_is_refused(action_kit, claire):
    response = post_pack(Client(enforce_csrf_checks=True), action_kit, " \n \n", [claire.pk])
    assert response.status_code == 400
    assert "Please give at least one name, one per line." in response.content.decode()


def test_the_pack_needs_the_csrf_token(action_kit, claire):
    response = Client(enforce_csrf_checks=True).post(
        action_kit.url + "pack/",
        {"names": "A", "country": "FR", "language": "en", "decision_maker": [claire.pk]},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 403


def test_packs_have_their_own_rate_limit(action_kit, claire, settings):
    settings.SOROPTIMIST_ADVOCACY = {"PACK_RATE_LIMIT": 1}
    client = Client(enforce_csrf_checks=True)
    assert post_pack(client, action_kit, "A", [claire.pk]).status_code == 200
    assert post_pack(client, action_kit, "B", [claire.pk]).status_code == 429


def test_the_campaign_page_leads_club_organisers_to_the_pack(action_kit):
    html = Client().get(action_kit.url).content.decode()
    assert f'<p class="sa-pack-prompt"><a href="{action_kit.url}pack/">' in html
