"""The address line on a letter (how a letter in the directory's language names her above the
postal address) travels through the directory's files: an optional CSV column, kept by an
export and re-import, and carried in Popolo as one of the person's other names."""

import csv
import io
import json

from django.core.management import call_command

from soroptimist_advocacy.directory.importer import import_decision_makers
from soroptimist_advocacy.directory.popolo import ADDRESS_LINE_NOTE
from soroptimist_advocacy.directory.popolo_read import popolo_to_csv
from soroptimist_advocacy.models import DecisionMakerPage

from .conftest import FR_LINE, HEADER, csv_bytes

WITH_ADDRESS_LINE = HEADER + ",address_line"
RUSSIAN = "Министру по вопросам равенства\nА. Берже"


def export(directory, *options) -> str:
    out = io.StringIO()
    call_command("export_decision_makers", "--directory", str(directory.pk), *options, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_csv_column_sets_the_address_line_with_its_line_breaks(empty_directory):
    plan = import_decision_makers(empty_directory, csv_bytes(f'{FR_LINE},"{RUSSIAN}"', header=WITH_ADDRESS_LINE))

    assert plan.is_valid, plan.errors
    assert DecisionMakerPage.objects.get(external_id="fr-equality").address_line == RUSSIAN


def test_a_file_without_the_column_leaves_the_address_line_as_it_is(empty_directory):
    import_decision_makers(empty_directory, csv_bytes(f'{FR_LINE},"{RUSSIAN}"', header=WITH_ADDRESS_LINE))

    plan = import_decision_makers(empty_directory, csv_bytes(FR_LINE.replace("Dear Minister", "Dear Madam")))

    assert plan.changes[0].changed == ["salutation"]
    assert DecisionMakerPage.objects.get(external_id="fr-equality").address_line == RUSSIAN


def test_an_address_line_too_long_or_with_control_characters_is_refused_with_its_line(empty_directory):
    too_long = "Министру " * 60
    # The first record spans lines 2 and 3 (its quoted postal address has a line break).
    plan = import_decision_makers(
        empty_directory,
        csv_bytes(f"{FR_LINE},{too_long}", f"{FR_LINE.replace('fr-equality', 'fr-2')},A\tB", header=WITH_ADDRESS_LINE),
    )

    assert not plan.is_valid
    messages = [str(error) for error in plan.errors]
    assert any(message.startswith("Line 2, column “address_line”: Use at most 500 characters") for message in messages)
    assert any(message.startswith("Line 4, column “address_line”: Remove the invisible") for message in messages)
    assert not DecisionMakerPage.objects.exists()


def test_the_export_writes_it_and_imports_back_unchanged(empty_directory):
    import_decision_makers(empty_directory, csv_bytes(f'{FR_LINE},"{RUSSIAN}"', header=WITH_ADDRESS_LINE))

    text = export(empty_directory)

    [row] = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    assert row["address_line"] == RUSSIAN
    assert [change.action for change in import_decision_makers(empty_directory, text.encode()).changes] == ["unchanged"]


def test_popolo_carries_it_as_another_name_and_reads_it_back(empty_directory):
    import_decision_makers(empty_directory, csv_bytes(f'{FR_LINE},"{RUSSIAN}"', header=WITH_ADDRESS_LINE))

    document = export(empty_directory, "--format", "popolo")

    [person] = json.loads(document)["persons"]
    assert person["other_names"] == [{"name": RUSSIAN, "note": ADDRESS_LINE_NOTE}]
    [row] = csv.DictReader(io.StringIO(popolo_to_csv(document.encode()).decode(), newline=""))
    assert row["address_line"] == RUSSIAN


def test_a_popolo_file_without_address_lines_leaves_them_alone(empty_directory):
    import_decision_makers(empty_directory, csv_bytes(FR_LINE))

    converted = popolo_to_csv(export(empty_directory, "--format", "popolo").encode()).decode()

    assert "address_line" not in converted.splitlines()[0]
