"""Who sent a correction or a suggestion is personal data: every editor of decision makers sees what
members sent, only those with the "view personal data" permission (the reports' one) see who sent it."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from soroptimist_advocacy.models import DecisionMakerCorrection, DecisionMakerPage, DecisionMakerSuggestion
from soroptimist_advocacy.web.admin.permissions import can_view_personal_data

from .conftest import make_user

MEMBER_NAME = "Lucia Ferreira"
MEMBER_EMAIL = "lucia.ferreira@example.org"
PERSONAL_DATA_PERMISSION = "view_personal_data_actionreport"

CORRECTIONS = "advocacy_corrections:index"
SUGGESTIONS = "advocacy_suggestions:index"
# Per listing: what the member sent (every editor sees it), a word to search it by, the column of who sent it.
LISTINGS = {
    CORRECTIONS: {"sent": "She left office in May.", "search": "left office", "sender_column": "Reported by"},
    SUGGESTIONS: {"sent": "Ana Souza", "search": "Souza", "sender_column": "Suggested by"},
}
MEMBER_HEADINGS = {"Member's name", "Member's email"}


@pytest.fixture
def sent_by_a_member(claire, directory):
    """A correction about Claire and a suggestion for Brazil, both with the member's name and email."""
    correction = DecisionMakerCorrection.for_page(
        claire, details="She left office in May.", reporter_name=MEMBER_NAME, reporter_email=MEMBER_EMAIL
    )
    correction.save()
    suggestion = DecisionMakerSuggestion.objects.create(
        directory=directory,
        country="BR",
        name="Ana Souza",
        position_title="Minister for Women",
        office_email="gabinete@example.gov.br",
        evidence="https://example.gov.br/noticias/nova-ministra",
        submitter_name=MEMBER_NAME,
        submitter_email=MEMBER_EMAIL,
    )
    return {"correction": correction, "suggestion": suggestion}


@pytest.fixture
def sent_by_another_member(claire, directory):
    DecisionMakerCorrection.for_page(claire, details="New address.", reporter_email="bea@example.org").save()
    DecisionMakerSuggestion.objects.create(
        directory=directory,
        country="CL",
        name="Rosa Vidal",
        position_title="Minister",
        submitter_email="bea@example.org",
    )


def grant_personal_data(user):
    user.user_permissions.add(Permission.objects.get(codename=PERSONAL_DATA_PERMISSION))


def page_of(client, user, url_name, **params) -> str:
    client.force_login(user)
    response = client.get(reverse(url_name), params)
    assert response.status_code == 200
    return response.content.decode()


def export_rows(client, user, url_name, export_format) -> list[list[str]]:
    client.force_login(user)
    response = client.get(reverse(url_name), {"export": export_format})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [["" if value is None else str(value) for value in row] for row in sheet.iter_rows(values_only=True)]


def mentions_the_member(text: str) -> bool:
    return MEMBER_NAME in text or MEMBER_EMAIL in text


# -- the rule -------------------------------------------------------------------------------------


def test_one_permission_that_editors_and_moderators_lack_and_superusers_have(editor, moderator, db):
    assert not Group.objects.get(name="Editors").permissions.filter(codename=PERSONAL_DATA_PERMISSION).exists()
    assert not can_view_personal_data(editor) and not can_view_personal_data(moderator)
    assert can_view_personal_data(make_user("root", superuser=True))
    grant_personal_data(editor)
    assert can_view_personal_data(get_user_model().objects.get(pk=editor.pk))


# -- what was sent for every editor, who sent it only with the permission ----------------------


@pytest.mark.parametrize("url_name", [CORRECTIONS, SUGGESTIONS])
def test_the_listing_shows_who_sent_it_only_with_the_permission(client, editor, sent_by_a_member, url_name):
    html = page_of(client, editor, url_name)

    assert LISTINGS[url_name]["sent"] in html
    assert not mentions_the_member(html)
    assert LISTINGS[url_name]["sender_column"] not in html  # the column is absent, not blank

    grant_personal_data(editor)
    html = page_of(client, editor, url_name)

    assert LISTINGS[url_name]["sender_column"] in html
    assert f"{MEMBER_NAME} &lt;{MEMBER_EMAIL}&gt;" in html


@pytest.mark.parametrize("url_name", [CORRECTIONS, SUGGESTIONS])
def test_superusers_see_who_sent_it(client, sent_by_a_member, url_name):
    assert mentions_the_member(page_of(client, make_user("root", superuser=True), url_name))


# Per inspect view: the record of sent_by_a_member it shows, and something of what the member sent.
INSPECTED = {
    "advocacy_corrections:inspect": ("correction", "She left office in May."),
    "advocacy_suggestions:inspect": ("suggestion", "https://example.gov.br/noticias/nova-ministra"),
}


@pytest.mark.parametrize("url_name", INSPECTED)
def test_what_was_sent_is_inspected_with_who_sent_it_only_with_the_permission(
    client, editor, sent_by_a_member, url_name
):
    record, sent = INSPECTED[url_name]
    url = reverse(url_name, args=[sent_by_a_member[record].pk])
    client.force_login(editor)

    response = client.get(url)

    html = response.content.decode()
    assert response.status_code == 200 and sent in html
    assert not mentions_the_member(html) and "Member&#x27;s email" not in html

    grant_personal_data(editor)
    html = client.get(url).content.decode()

    assert MEMBER_NAME in html and MEMBER_EMAIL in html


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("url_name", [CORRECTIONS, SUGGESTIONS])
def test_exports_have_the_members_columns_only_with_the_permission(
    client, editor, sent_by_a_member, url_name, export_format
):
    headings, *rows = export_rows(client, editor, url_name, export_format)

    assert not MEMBER_HEADINGS & set(headings)  # absent, not blank
    assert len(rows) == 1 and LISTINGS[url_name]["sent"] in rows[0]
    assert not any(mentions_the_member(cell) for cell in rows[0])

    grant_personal_data(editor)
    headings, *rows = export_rows(client, editor, url_name, export_format)

    row = dict(zip(headings, rows[0], strict=True))
    assert (row["Member's name"], row["Member's email"]) == (MEMBER_NAME, MEMBER_EMAIL)


@pytest.mark.parametrize("url_name", [CORRECTIONS, SUGGESTIONS])
def test_a_search_matches_the_members_name_and_email_only_with_the_permission(
    client, editor, sent_by_a_member, sent_by_another_member, url_name
):
    sent = LISTINGS[url_name]["sent"]
    # Searching what every editor sees works...
    assert sent in page_of(client, editor, url_name, q=LISTINGS[url_name]["search"])
    # ...but her name or email match nothing, so probing does not tell who sent what.
    for probe in (MEMBER_EMAIL, MEMBER_NAME, "ferreira"):
        assert sent not in page_of(client, editor, url_name, q=probe)

    grant_personal_data(editor)
    html = page_of(client, editor, url_name, q=MEMBER_EMAIL)

    assert sent in html and "bea@example.org" not in html


# -- the draft page made from a suggestion ----------------------------------------------------


def test_a_draft_page_made_from_a_suggestion_holds_nothing_of_the_member(client, editor, sent_by_a_member):
    """Every editor of the directory reads the draft and its revisions, whoever created it."""
    grant_personal_data(editor)
    client.force_login(editor)

    response = client.post(reverse("advocacy_suggestions:create_page", args=[sent_by_a_member["suggestion"].pk]))

    page = DecisionMakerPage.objects.get(title="Ana Souza")
    assert not mentions_the_member(str(page.latest_revision.content))
    edit_page = client.get(response["Location"]).content.decode()  # with the "draft created" message
    assert "Ana Souza" in edit_page and not mentions_the_member(edit_page)
