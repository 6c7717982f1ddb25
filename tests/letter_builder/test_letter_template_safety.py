"""Nothing renders that was not validated, whoever replaced what: a document replaced by an
Editors-group user, or changed in storage, never reaches a member's letter, and never gives a 500."""

from __future__ import annotations

import io
import logging
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from soroptimist_advocacy.letter_builder.setup import forget_letter_setups
from soroptimist_advocacy.models import LetterTemplate, LetterTemplateVersion
from soroptimist_advocacy.models.template_versions import forget_recorded
from tests import factories
from tests.letter_helpers import docx_text, letter_data, post_letter
from tests.letters.conftest import build_template, member_text, replace_members

DDE = (
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DDEAUTO c:\\\\windows'
    '\\\\system32\\\\cmd.exe "/k calc" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)


def good_template(mark: str = "GOOD TEMPLATE") -> bytes:
    return build_template([mark + " {{ member.name }}", "{% for p in body %}{{ p }}{% endfor %}"])


def with_dde(template: bytes) -> bytes:
    document = member_text(template, "word/document.xml")
    return replace_members(template, {"word/document.xml": document.replace("<w:sectPr", DDE + "<w:sectPr", 1)})


@pytest.fixture(autouse=True)
def nothing_recorded_yet():
    forget_recorded()
    yield
    forget_recorded()


@pytest.fixture
def campaign(directory):
    document = factories.make_document("letter.docx", "letter.docx", good_template())
    template = LetterTemplate.objects.create(name="CSW letter", document=document)
    page = factories.make_action_kit(directory=directory, body=[factories.letter_block(template=template.pk)])
    return page, template, document


@pytest.fixture
def editors_group_user(db):
    user = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def force_into_storage(document, data: bytes) -> None:
    """Change the file under the document, as storage changed behind the app's back would.

    No signal tells the app, so a running worker keeps the validated bytes of its letter
    setup; the change is met by the next worker that builds a setup (a restart here).
    """
    with document.file.storage.open(document.file.name, "wb") as handle:
        handle.write(data)
    forget_letter_setups()


def letter(campaign_page, client=None):
    response = post_letter(client or _client(), campaign_page, letter_data(country="JP"))
    assert response.status_code == 200, response.status_code
    return response


def _client():
    from django.test import Client

    return Client(enforce_csrf_checks=True)


def letter_xml(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        return "".join(
            package.read(name).decode("utf-8", "replace") for name in package.namelist() if name.endswith(".xml")
        )


# Refused in the document form


def test_an_editor_replacing_a_templates_document_with_a_dde_field_is_refused(client, campaign, editors_group_user):
    page, template, document = campaign
    original = document.file.read()
    document.file.close()
    client.force_login(editors_group_user)
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "collection": document.collection_id,
            "file": SimpleUploadedFile("letter.docx", with_dde(good_template())),
        },
    )
    assert response.status_code == 200  # the form again, with its message
    html = response.content.decode()
    assert "This document is a letter template (CSW letter)" in html
    assert "DDEAUTO" in html
    document.refresh_from_db()
    with document.open_file() as handle:
        assert handle.read() == original


def test_an_editor_may_replace_a_templates_document_with_a_valid_one(client, campaign, editors_group_user):
    page, template, document = campaign
    client.force_login(editors_group_user)
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "collection": document.collection_id,
            "file": SimpleUploadedFile("letter2.docx", good_template("NEW VERSION")),
        },
    )
    assert response.status_code == 302
    assert "NEW VERSION" in docx_text(letter(page).content)


def test_a_system_check_recommends_the_document_form(settings):
    from soroptimist_advocacy.checks import check_document_form_base

    assert check_document_form_base(None) == []
    settings.WAGTAILDOCS_DOCUMENT_FORM_BASE = ""
    assert [warning.id for warning in check_document_form_base(None)] == ["soroptimist_advocacy.I001"]


# Caught at render time


def test_a_bad_file_forced_into_storage_still_gives_members_the_last_good_letter(campaign, caplog):
    page, template, document = campaign
    assert "GOOD TEMPLATE" in docx_text(letter(page).content)
    force_into_storage(document, with_dde(good_template("EVIL VERSION")))
    forget_recorded()  # another process, or a restart: the last good version comes from the database

    with caplog.at_level(logging.ERROR, logger="soroptimist_advocacy.models.template_versions"):
        first, second = letter(page), letter(page)
    for response in (first, second):
        assert "GOOD TEMPLATE" in docx_text(response.content)
        assert "EVIL VERSION" not in docx_text(response.content)
        assert "DDEAUTO" not in letter_xml(response.content)
    assert len([record for record in caplog.records if "cannot be used" in record.getMessage()]) == 1  # logged once
    assert "DDEAUTO" in LetterTemplateVersion.objects.get(template=template).problem


@pytest.mark.parametrize(
    "replacement",
    [b"not a zip at all", b"PK\x03\x04 truncated"],
    ids=["not-a-docx", "truncated-zip"],
)
def test_a_file_that_is_not_a_template_never_gives_a_500(campaign, replacement):
    page, template, document = campaign
    letter(page)
    force_into_storage(document, replacement)
    assert "GOOD TEMPLATE" in docx_text(letter(page).content)


def test_a_missing_file_falls_back_to_the_default_template_without_a_last_good_version(campaign):
    page, template, document = campaign
    document.file.storage.delete(document.file.name)
    text = docx_text(letter(page).content)
    assert "GOOD TEMPLATE" not in text
    assert "Marie Curie" in text  # the app's default letter, filled in
    assert LetterTemplateVersion.objects.get(template=template).problem


def test_the_last_good_version_survives_wagtails_form_deleting_the_replaced_file(campaign):
    page, template, document = campaign
    letter(page)
    document.file.storage.delete(document.file.name)
    forget_recorded()
    assert "GOOD TEMPLATE" in docx_text(letter(page).content)


def test_editors_see_the_problem_on_the_snippet_and_on_the_campaign(client, campaign):
    page, template, document = campaign
    letter(page)
    force_into_storage(document, with_dde(good_template()))
    letter(page)
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "pw"))
    snippet = client.get(reverse(template.snippet_viewset.get_url_name("edit"), args=[template.pk])).content.decode()
    assert "Letters cannot use this template" in snippet and "DDEAUTO" in snippet
    page_edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "The letter template “CSW letter”" in page_edit
