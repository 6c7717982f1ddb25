"""Exporting the directory: the import's own CSV (a round trip changes nothing) and Popolo JSON."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from soroptimist_advocacy.directory.importer import import_decision_makers
from soroptimist_advocacy.models import DecisionMakerPage
from soroptimist_advocacy.web.spreadsheet import neutralise_formula, restore_formula_text
from tests import factories

from .conftest import FR_DEPUTY_LINE, FR_LINE, HEADER, KE_LINE, csv_bytes


def export(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("export_decision_makers", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def test_export_writes_the_import_columns_in_directory_order(empty_directory, valid_csv):
    import_decision_makers(empty_directory, valid_csv)

    text, _err = export("--directory", str(empty_directory.pk))

    # Every column, the optional address line among them (the files above leave it out).
    assert text.startswith("\ufeff" + HEADER.replace(",position_title,", ",position_title,address_line,") + "\r\n")
    rows = rows_of(text)
    assert [row["external_id"] for row in rows] == ["fr-equality", "fr-deputy", "ke-gender"]
    aurore = rows[0]
    assert aurore["postal_address"] == "20 avenue de Ségur\n75007 Paris"
    assert aurore["last_verified"] == "2026-01-15"
    assert aurore["is_sample"] == "false"
    assert rows[2]["is_sample"] == "true" and rows[2]["rank"] == "1"


def test_round_trip_import_export_import_changes_nothing(empty_directory, valid_csv, tmp_path):
    import_decision_makers(empty_directory, valid_csv)
    path = tmp_path / "export.csv"
    export("--directory", str(empty_directory.pk), "--output", str(path))

    plan = import_decision_makers(empty_directory, path.read_bytes())

    assert plan.is_valid, plan.errors
    assert [change.action for change in plan.changes] == ["unchanged"] * 3


def test_round_trip_into_an_empty_directory_recreates_the_same_records(empty_directory, valid_csv):
    import_decision_makers(empty_directory, valid_csv)
    text, _err = export("--directory", str(empty_directory.pk))
    other = factories.make_directory(title="Copy", slug="copy")

    import_decision_makers(other, text.encode("utf-8"))
    second, _err = export("--directory", str(other.pk))

    assert second == text


def test_cells_that_look_like_formulas_are_neutralised_and_restored(empty_directory, tmp_path):
    data = csv_bytes(
        'evil,=HYPERLINK("http://evil.example"),@SUM(1),-2+3 Minister,+Org,FR,,"=cmd|calc\n2nd line",,+33 1 23,,,,',
    )
    import_decision_makers(empty_directory, data)
    page = DecisionMakerPage.objects.get(external_id="evil")
    assert page.title == '=HYPERLINK("http://evil.example")' and page.phone == "+33 1 23"

    text, _err = export("--directory", str(empty_directory.pk))
    row = rows_of(text)[0]

    assert row["full_name"] == '\'=HYPERLINK("http://evil.example")'
    assert row["salutation"] == "'@SUM(1)"
    assert row["position_title"] == "'-2+3 Minister"
    assert row["organisation"] == "'+Org"
    assert row["postal_address"] == "'=cmd|calc\n2nd line"
    assert row["phone"] == "'+33 1 23"
    plan = import_decision_makers(empty_directory, text.encode())
    assert [change.action for change in plan.changes] == ["unchanged"]


@pytest.mark.parametrize("value", ["=1+1", "'=1+1", "''@x", "'plain", "plain", "-", "+", "\tx", "", "'"])
def test_formula_neutralising_is_reversible(value):
    assert restore_formula_text(neutralise_formula(value)) == value
    assert not neutralise_formula(value).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_export_warns_about_records_without_external_id(directory):
    text, err = export("--directory", str(directory.pk))

    assert [row["full_name"] for row in rows_of(text)] == ["Claire Dubois", "Grace Wanjiru"]
    assert "2 decision maker(s) have no external_id" in err


def test_export_leaves_out_unpublished_records(empty_directory, valid_csv):
    import_decision_makers(empty_directory, valid_csv)
    DecisionMakerPage.objects.get(external_id="fr-deputy").unpublish()

    text, _err = export("--directory", str(empty_directory.pk))

    assert [row["external_id"] for row in rows_of(text)] == ["fr-equality", "ke-gender"]


def test_export_without_directory_covers_every_directory_of_the_default_locale(empty_directory, directory, valid_csv):
    import_decision_makers(empty_directory, valid_csv)

    text, _err = export()

    assert len(rows_of(text)) == 5


# -- Popolo ----------------------------------------------------------------------------


@pytest.fixture
def popolo(empty_directory, valid_csv):
    import_decision_makers(empty_directory, valid_csv)
    factories.make_decision_maker(
        empty_directory,
        "KE",
        "Amina Otieno",
        organisation="",
        external_id="ke-2",
        rank=2,
        slug="amina",
        position_title="Principal Secretary",
    )
    text, _err = export("--directory", str(empty_directory.pk), "--format", "popolo")
    return json.loads(text)


def test_popolo_document_has_persons_organizations_posts_memberships_and_areas(popolo):
    assert set(popolo) == {"persons", "organizations", "posts", "memberships", "areas"}
    # The sample record (ke-gender) is not a real person and is left out.
    assert [person["name"] for person in popolo["persons"]] == ["Aurore Bergé", "Marie Martin", "Amina Otieno"]


def test_popolo_areas_are_iso_countries(popolo):
    areas = {area["id"]: area for area in popolo["areas"]}
    assert set(areas) == {"ocd-division/country:fr", "ocd-division/country:ke"}
    france = areas["ocd-division/country:fr"]
    assert france["name"] == "France" and france["classification"] == "country"
    assert france["iso_3166_1"] == "FR"
    assert france["identifiers"] == [{"scheme": "iso_3166_1", "identifier": "FR"}]


def test_popolo_references_are_consistent(popolo):
    persons = {person["id"] for person in popolo["persons"]}
    organizations = {organization["id"] for organization in popolo["organizations"]}
    posts = {post["id"]: post for post in popolo["posts"]}
    areas = {area["id"] for area in popolo["areas"]}
    assert len(popolo["memberships"]) == len(persons) == len(posts) == 3
    for membership in popolo["memberships"]:
        assert membership["person_id"] in persons
        assert membership["organization_id"] in organizations
        assert membership["post_id"] in posts
        assert membership["area_id"] in areas
        assert posts[membership["post_id"]]["organization_id"] == membership["organization_id"]
    for post in posts.values():
        assert {"id", "label", "role", "organization_id"} <= set(post)
    for organization in popolo["organizations"]:
        assert organization["area_id"] in areas


def test_popolo_groups_one_ministry_and_names_a_government_when_none_is_given(popolo):
    names = sorted(organization["name"] for organization in popolo["organizations"])
    assert names == ["Government of Kenya", "Ministry of Equality"]


def test_popolo_person_carries_contacts_identifier_and_source(popolo):
    aurore = popolo["persons"][0]
    assert aurore["email"] == "contact@example.fr"
    assert aurore["identifiers"] == [{"scheme": "soroptimist-advocacy:external_id", "identifier": "fr-equality"}]
    contacts = {detail["type"]: detail["value"] for detail in aurore["contact_details"]}
    assert contacts == {
        "address": "20 avenue de Ségur\n75007 Paris",
        "email": "contact@example.fr",
        "voice": "+33 1 23 45 67 89",
    }
    assert aurore["links"] == [{"url": "https://example.fr", "note": "Website"}]
    assert aurore["sources"] == [{"url": "https://example.fr/source", "note": "Last verified 2026-01-15"}]


def test_popolo_export_to_a_file(empty_directory, valid_csv, tmp_path):
    import_decision_makers(empty_directory, csv_bytes(FR_LINE, FR_DEPUTY_LINE, KE_LINE))
    path = tmp_path / "directory.json"

    _out, err = export("--directory", str(empty_directory.pk), "--format", "popolo", "--output", str(path))

    assert "3 decision maker(s) written" in err
    assert len(json.loads(path.read_text("utf-8"))["persons"]) == 2
