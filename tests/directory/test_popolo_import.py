"""Popolo in, not only out: ``import_decision_makers`` and the admin's import read Popolo JSON as
the sync does, EveryPolitician's files included (no posts, constituencies without a country, one
membership per term), with a default country for records whose area names none."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from soroptimist_advocacy.directory.popolo_read import PopoloError, import_csv, popolo_to_csv
from soroptimist_advocacy.models import DecisionMakerPage
from tests.directory.test_admin import IMPORT, login

# The shape of EveryPolitician's ep-popolo-v1.0.json (Nigeria's Senate): persons with UUIDs, the
# legislature and parties as organizations, a membership per term (and party), constituencies as
# areas with no country, no posts.
EVERYPOLITICIAN = {
    "persons": [
        {
            "id": "0a1b2c3d-0000-4000-8000-000000000001",
            "name": "Oluremi Tinubu",
            "email": "remi@example.ng",
            "identifiers": [{"scheme": "wikidata", "identifier": "Q7086876"}],
            "other_names": [{"lang": "ar", "name": "أولوريمي تينوبو", "note": "multilingual"}],
            "contact_details": [{"type": "phone", "value": "+234 800 000 0001"}, {"type": "twitter", "value": "x"}],
            "links": [{"url": "https://example.ng/tinubu", "note": "website"}],
        },
        {"id": "0a1b2c3d-0000-4000-8000-000000000002", "name": "Biodun Olujimi"},
    ],
    "organizations": [
        {"id": "legislature", "name": "Senate", "classification": "legislature"},
        {"id": "party/apc", "name": "All Progressives Congress", "classification": "party"},
        {"id": "party/pdp", "name": "Peoples Democratic Party", "classification": "party"},
    ],
    "areas": [
        {"id": "area/lagos_central", "name": "Lagos Central", "type": "constituency"},
        {"id": "area/ekiti_south", "name": "Ekiti South", "type": "constituency"},
    ],
    "memberships": [
        {
            "person_id": "0a1b2c3d-0000-4000-8000-000000000001",
            "organization_id": "legislature",
            "on_behalf_of_id": "party/apc",
            "area_id": "area/lagos_central",
            "legislative_period_id": "term/8",
            "role": "member",
            "start_date": "2015-06-09",
            "end_date": "2019-06-09",
        },
        {
            "person_id": "0a1b2c3d-0000-4000-8000-000000000001",
            "organization_id": "legislature",
            "on_behalf_of_id": "party/apc",
            "area_id": "area/lagos_central",
            "legislative_period_id": "term/9",
            "role": "Senator",
            "start_date": "2019-06-11",
        },
        {
            "person_id": "0a1b2c3d-0000-4000-8000-000000000002",
            "organization_id": "legislature",
            "on_behalf_of_id": "party/pdp",
            "area_id": "area/ekiti_south",
            "legislative_period_id": "term/8",
        },
    ],
}


@pytest.fixture
def everypolitician(tmp_path):
    path = tmp_path / "ep-popolo-v1.0.json"
    path.write_text(json.dumps(EVERYPOLITICIAN), encoding="utf-8")
    return path


def test_one_row_per_person_from_the_current_membership():
    rows = popolo_to_csv(json.dumps(EVERYPOLITICIAN).encode(), default_country="NG").decode().splitlines()
    assert rows[0].startswith("external_id,full_name,position_title,organisation,country,")
    assert len(rows) == 3
    tinubu, olujimi = rows[1], rows[2]
    assert tinubu.startswith("0a1b2c3d-0000-4000-8000-000000000001,Oluremi Tinubu,Senator,Senate,NG,,remi@example.ng,")
    assert "+234 800 000 0001" in tinubu and "https://example.ng/tinubu" in tinubu
    # No role: the body's name is her position.
    assert olujimi.startswith("0a1b2c3d-0000-4000-8000-000000000002,Biodun Olujimi,Senate,Senate,NG,")


def test_an_area_with_an_open_civic_data_id_names_its_country():
    document = {**EVERYPOLITICIAN, "areas": [{"id": "ocd-division/country:ng/state:lagos", "name": "Lagos"}]}
    document["memberships"] = [{**EVERYPOLITICIAN["memberships"][1], "area_id": "ocd-division/country:ng/state:lagos"}]
    rows = popolo_to_csv(json.dumps(document).encode(), default_country="FR").decode().splitlines()
    assert ",Senator,Senate,NG," in rows[1]  # the file's own country wins over the default


def test_the_command_reads_an_everypolitician_file_with_a_default_country(empty_directory, everypolitician, capsys):
    call_command(
        "import_decision_makers", str(everypolitician), "--directory", str(empty_directory.pk), "--country", "ng"
    )
    pages = DecisionMakerPage.objects.child_of(empty_directory).order_by("title")
    assert [(page.title, page.position_title, page.country.code, page.live) for page in pages] == [
        ("Biodun Olujimi", "Senate", "NG", True),
        ("Oluremi Tinubu", "Senator", "NG", True),
    ]
    assert "2 created, 0 updated, 0 unchanged" in capsys.readouterr().out


def test_without_a_country_every_record_is_named_and_nothing_written(empty_directory, everypolitician, capsys):
    with pytest.raises(CommandError, match="2 problem"):
        call_command("import_decision_makers", str(everypolitician), "--directory", str(empty_directory.pk))
    errors = capsys.readouterr().err
    assert "country" in errors and "Line 2" in errors and "Line 3" in errors
    assert not DecisionMakerPage.objects.child_of(empty_directory).exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--country", "ZZ"), "not an ISO 3166-1 country code"),
        ((), "not valid JSON"),
    ],
)
def test_wrong_country_or_broken_json_is_refused(empty_directory, tmp_path, arguments, message):
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"persons": [')
    with pytest.raises(CommandError, match=message):
        call_command("import_decision_makers", str(path), "--directory", str(empty_directory.pk), *arguments)


def test_csv_passes_through_and_oversized_json_is_refused(monkeypatch):
    assert import_csv(b"external_id,full_name\r\n", "directory.csv") == b"external_id,full_name\r\n"
    monkeypatch.setattr("soroptimist_advocacy.directory.popolo_read.MAX_JSON_BYTES", 10)
    with pytest.raises(PopoloError, match="larger than"):
        import_csv(b'{"persons": []}', "big.json")


def test_the_admin_import_reads_popolo_with_the_chosen_country(client, moderator, empty_directory):
    login(client, moderator)
    upload = SimpleUploadedFile("ep-popolo-v1.0.json", json.dumps(EVERYPOLITICIAN).encode(), "application/json")
    preview = client.post(reverse(IMPORT), {"directory": empty_directory.pk, "file": upload, "country": "NG"})
    assert preview.status_code == 200
    assert "2 new, 0 updated, 0 unchanged" in preview.content.decode()
    confirm_form = preview.context["confirm_form"]
    done = client.post(
        reverse(IMPORT),
        {"directory": confirm_form["directory"].value(), "data": confirm_form["data"].value(), "confirm": "1"},
    )
    assert "Import finished: 2 created, 0 updated, 0 unchanged." in done.content.decode()
    assert set(DecisionMakerPage.objects.child_of(empty_directory).values_list("country", flat=True)) == {"NG"}


def test_the_admin_names_a_broken_json_file(client, moderator, empty_directory):
    login(client, moderator)
    upload = SimpleUploadedFile("directory.json", b'{"persons": 3}', "application/json")
    response = client.post(reverse(IMPORT), {"directory": empty_directory.pk, "file": upload})
    assert response.status_code == 400
    assert "“persons” in the Popolo file is not a list." in response.content.decode()
    assert not DecisionMakerPage.objects.child_of(empty_directory).exists()
