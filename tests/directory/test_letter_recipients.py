"""Several decision makers in the letter form: freshness shown, corrections one click away,
and one .docx with one letter per recipient, each starting on a new page."""

import datetime
import io
import re

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn

from soroptimist_advocacy.models import DecisionMakerPage
from tests import factories

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def french_ministers(directory):
    """Claire (rank 1, verified today) and a stale deputy (rank 2) for France."""
    claire = DecisionMakerPage.objects.get(title="Claire Dubois")
    marie = factories.make_decision_maker(
        directory,
        "FR",
        "Marie Martin",
        rank=2,
        position_title="Delegate Minister for Women",
        salutation="Dear Delegate Minister",
        last_verified=datetime.date.today() - datetime.timedelta(days=800),
    )
    return claire, marie


def recipients_html(html: str) -> str:
    return re.search(r"<fieldset class=\"sa-recipients.*?</fieldset>", html, re.S).group(0)


def test_letter_form_lists_primary_first_with_freshness_and_correction_links(client, action_kit, french_ministers):
    claire, marie = french_ministers

    html = recipients_html(client.get(action_kit.url, {"country": "FR"}).content.decode())

    assert html.index("Claire Dubois") < html.index("Marie Martin")
    choices = re.findall(r'<div class="sa-choice">.*?</div>', html, re.S)
    assert len(choices) == 2
    assert "Last verified" in choices[0] and "This information may be out of date." not in choices[0]
    assert "This information may be out of date." in choices[1]
    assert f'href="{claire.url}correction/"' in choices[0]
    assert f'href="{marie.url}correction/"' in choices[1]
    assert "Report out-of-date information" in choices[1]


def test_never_verified_decision_maker_is_flagged_in_the_letter_form(client, action_kit, directory):
    DecisionMakerPage.objects.filter(title="Claire Dubois").update(last_verified=None)

    html = recipients_html(client.get(action_kit.url, {"country": "FR"}).content.decode())

    assert "Not verified yet" in html and "This information may be out of date." in html


def letters_in(content: bytes) -> list[str]:
    """The text of each letter: the body split at its section breaks."""
    document = docx.Document(io.BytesIO(content))
    letters, current = [], []
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            current.append("".join(node.text or "" for node in block.iter(qn("w:t"))))
            if block.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                letters.append("\n".join(current))
                current = []
        elif block.tag == qn("w:tbl"):
            current.append("".join(node.text or "" for node in block.iter(qn("w:t"))))
    if any(text.strip() for text in current):
        letters.append("\n".join(current))
    return letters


def test_two_decision_makers_give_one_docx_with_one_letter_each_on_its_own_page(
    csrf_client, action_kit, french_ministers
):
    claire, marie = french_ministers
    data = {
        "name": "Marie Curie",
        "club": "SI Paris Club",
        "town": "Paris",
        "email": "",
        "country": "FR",
        "language": "en",
        "decision_maker": [str(marie.pk), str(claire.pk)],
    }

    response = csrf_client.post(action_kit.url + "letter/", data, HTTP_ORIGIN="http://testserver")

    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    document = docx.Document(io.BytesIO(response.content))
    assert len(document.sections) == 2
    assert all(section.start_type == WD_SECTION.NEW_PAGE for section in document.sections[1:])
    letters = letters_in(response.content)
    assert len(letters) == 2
    # Primary first, whatever order the boxes were ticked in; each letter names only its recipient.
    assert "Claire Dubois" in letters[0] and "Marie Martin" not in letters[0]
    assert "Marie Martin" in letters[1] and "Claire Dubois" not in letters[1]
    assert "Dear Minister" in letters[0] and "Dear Delegate Minister" in letters[1]
    assert all("Marie Curie" in letter for letter in letters)


def test_one_decision_maker_gives_a_single_letter(csrf_client, action_kit, french_ministers):
    claire, _marie = french_ministers
    data = {
        "name": "Marie Curie",
        "club": "SI Paris Club",
        "town": "Paris",
        "email": "",
        "country": "FR",
        "language": "en",
        "decision_maker": [str(claire.pk)],
    }

    response = csrf_client.post(action_kit.url + "letter/", data, HTTP_ORIGIN="http://testserver")

    assert response.status_code == 200
    assert len(docx.Document(io.BytesIO(response.content)).sections) == 1
    assert "Claire Dubois" in letters_in(response.content)[0]
