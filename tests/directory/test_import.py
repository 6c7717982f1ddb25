"""Importing a decision-maker CSV: everything or nothing, never twice the same person."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.models import PageLogEntry, Revision

from soroptimist_advocacy.directory import importer
from soroptimist_advocacy.directory.csv_format import MAX_FILE_BYTES, read_decision_makers
from soroptimist_advocacy.directory.importer import import_decision_makers
from soroptimist_advocacy.models import DecisionMakerPage

from .conftest import FR_DEPUTY_LINE, FR_LINE, HEADER, KE_LINE, csv_bytes


def pages_of(directory):
    return DecisionMakerPage.objects.child_of(directory).order_by("external_id")


def test_valid_file_creates_published_pages_with_every_column(empty_directory, valid_csv):
    plan = import_decision_makers(empty_directory, valid_csv)

    assert plan.applied and plan.is_valid
    assert [change.action for change in plan.changes] == ["create", "create", "create"]
    aurore = DecisionMakerPage.objects.get(external_id="fr-equality")
    assert aurore.get_parent().pk == empty_directory.pk
    assert aurore.live and not aurore.has_unpublished_changes
    assert Revision.page_revisions.filter(object_id=str(aurore.pk)).count() == 1
    assert PageLogEntry.objects.filter(page=aurore, action="wagtail.publish").exists()
    assert aurore.title == "Aurore Bergé"
    assert aurore.slug == "aurore-bergé"  # as Wagtail's editor makes it (WAGTAIL_ALLOW_UNICODE_SLUGS)
    assert aurore.salutation == "Dear Minister"
    assert aurore.position_title == "Minister for Equality"
    assert aurore.organisation == "Ministry of Equality"
    assert aurore.country.code == "FR"
    assert aurore.rank == 1
    assert aurore.postal_address == "20 avenue de Ségur\n75007 Paris"
    assert aurore.email == "contact@example.fr"
    assert aurore.phone == "+33 1 23 45 67 89"
    assert aurore.website == "https://example.fr"
    assert aurore.source_url == "https://example.fr/source"
    assert aurore.last_verified == datetime.date(2026, 1, 15)
    assert aurore.is_sample is False
    deputy = DecisionMakerPage.objects.get(external_id="fr-deputy")
    assert deputy.country.code == "FR" and deputy.rank == 2
    grace = DecisionMakerPage.objects.get(external_id="ke-gender")
    assert grace.rank == 1 and grace.last_verified is None and grace.is_sample is True


def test_reimporting_the_same_file_changes_nothing(empty_directory, valid_csv):
    import_decision_makers(empty_directory, valid_csv)
    revisions = Revision.objects.count()

    plan = import_decision_makers(empty_directory, valid_csv)

    assert [change.action for change in plan.changes] == ["unchanged"] * 3
    assert pages_of(empty_directory).count() == 3
    assert Revision.objects.count() == revisions


def test_reimport_updates_the_record_with_the_same_external_id(empty_directory, valid_csv):
    import_decision_makers(empty_directory, valid_csv)
    aurore_before = DecisionMakerPage.objects.get(external_id="fr-equality")
    changed = FR_LINE.replace("contact@example.fr", "cabinet@example.fr").replace("2026-01-15", "2026-06-01")

    plan = import_decision_makers(empty_directory, csv_bytes(changed, FR_DEPUTY_LINE, KE_LINE))

    assert [(change.action, change.changed) for change in plan.changes] == [
        ("update", ["email", "last_verified"]),
        ("unchanged", []),
        ("unchanged", []),
    ]
    aurore = DecisionMakerPage.objects.get(external_id="fr-equality")
    assert aurore.pk == aurore_before.pk and aurore.email == "cabinet@example.fr"
    assert aurore.last_verified == datetime.date(2026, 6, 1)
    assert pages_of(empty_directory).count() == 3


def test_columns_left_out_of_the_file_stay_as_they_are(empty_directory, valid_csv):
    import_decision_makers(empty_directory, valid_csv)

    plan = import_decision_makers(
        empty_directory,
        csv_bytes(
            "fr-equality,Aurore Bergé,Minister for Equality,FR,new@example.fr",
            header="external_id,full_name,position_title,country,email",
        ),
    )

    assert plan.changes[0].changed == ["email"]
    aurore = DecisionMakerPage.objects.get(external_id="fr-equality")
    assert aurore.email == "new@example.fr" and aurore.phone == "+33 1 23 45 67 89"


def test_unpublished_record_in_the_file_is_published_again(empty_directory, valid_csv):
    import_decision_makers(empty_directory, valid_csv)
    DecisionMakerPage.objects.get(external_id="ke-gender").unpublish()

    plan = import_decision_makers(empty_directory, valid_csv)

    ke = next(change for change in plan.changes if change.external_id == "ke-gender")
    assert ke.action == "update" and ke.changed == ["published"] and ke.notes
    assert DecisionMakerPage.objects.get(external_id="ke-gender").live


def test_dry_run_reports_and_writes_nothing(empty_directory, valid_csv):
    plan = import_decision_makers(empty_directory, valid_csv, dry_run=True)

    assert not plan.applied
    assert [change.action for change in plan.changes] == ["create"] * 3
    assert pages_of(empty_directory).count() == 0


def test_dry_run_of_changes_lists_the_changed_columns(empty_directory, valid_csv):
    import_decision_makers(empty_directory, valid_csv)
    changed = KE_LINE.replace("Grace Wanjiru", "Grace Wanjiru Mwangi").replace(",yes", ",no")

    plan = import_decision_makers(empty_directory, csv_bytes(FR_LINE, changed), dry_run=True)

    assert [(change.action, change.changed) for change in plan.changes] == [
        ("unchanged", []),
        ("update", ["full_name", "is_sample"]),
    ]
    assert DecisionMakerPage.objects.get(external_id="ke-gender").title == "Grace Wanjiru"


@pytest.mark.parametrize("bom", [True, False], ids=["with-bom", "without-bom"])
def test_utf8_with_or_without_byte_order_mark(empty_directory, bom):
    plan = import_decision_makers(empty_directory, csv_bytes(FR_LINE, bom=bom))

    assert plan.is_valid, plan.errors
    assert DecisionMakerPage.objects.get(external_id="fr-equality").title == "Aurore Bergé"


def test_semicolon_separated_file_from_a_french_spreadsheet(empty_directory):
    data = "external_id;full_name;position_title;country\r\nfr-1;Aurore Bergé;Ministre;FR\r\n".encode()

    plan = import_decision_makers(empty_directory, data)

    assert plan.is_valid, plan.errors
    assert DecisionMakerPage.objects.get(external_id="fr-1").position_title == "Ministre"


def test_two_people_with_the_same_name_get_distinct_slugs(empty_directory):
    data = csv_bytes(
        "a,Maria Garcia,Minister,ES", "b,Maria Garcia,Deputy,ES", header="external_id,full_name,position_title,country"
    )

    import_decision_makers(empty_directory, data)

    assert sorted(pages_of(empty_directory).values_list("slug", flat=True)) == ["maria-garcia", "maria-garcia-2"]


# -- invalid files: each problem on its line, nothing written ---------------------------

INVALID_LINES = {
    "unknown-country": ("fr-1,Aurore Bergé,,Minister,,ZZ,,,,,,,,", "country", "not an ISO 3166-1 country code"),
    "three-letter-country": ("fr-1,Aurore Bergé,,Minister,,FRA,,,,,,,,", "country", "not an ISO 3166-1"),
    "bad-email": ("fr-1,Aurore Bergé,,Minister,,FR,,,not-an-email,,,,,", "email", "valid email"),
    "bad-website": ("fr-1,Aurore Bergé,,Minister,,FR,,,,,example.fr,,,", "website", "http://"),
    "script-url": ("fr-1,Aurore Bergé,,Minister,,FR,,,,,javascript:alert(1),,,", "website", "http://"),
    "bad-source": ("fr-1,Aurore Bergé,,Minister,,FR,,,,,,ftp://example.fr/x,,", "source_url", "http://"),
    "bad-date": ("fr-1,Aurore Bergé,,Minister,,FR,,,,,,,15/01/2026,", "last_verified", "YYYY-MM-DD"),
    "impossible-date": ("fr-1,Aurore Bergé,,Minister,,FR,,,,,,,2026-02-30,", "last_verified", "YYYY-MM-DD"),
    "future-date": ("fr-1,Aurore Bergé,,Minister,,FR,,,,,,,2099-01-01,", "last_verified", "future"),
    "missing-name": ("fr-1,,,Minister,,FR,,,,,,,,", "full_name", "required"),
    "blank-name": ("fr-1,   ,,Minister,,FR,,,,,,,,", "full_name", "required"),
    "missing-position": ("fr-1,Aurore Bergé,,,,FR,,,,,,,,", "position_title", "required"),
    "missing-country": ("fr-1,Aurore Bergé,,Minister,,,,,,,,,,", "country", "required"),
    "missing-external-id": (",Aurore Bergé,,Minister,,FR,,,,,,,,", "external_id", "required"),
    "bad-rank": ("fr-1,Aurore Bergé,,Minister,,FR,first,,,,,,,", "rank", "whole number"),
    "zero-rank": ("fr-1,Aurore Bergé,,Minister,,FR,0,,,,,,,", "rank", "whole number"),
    "bad-boolean": ("fr-1,Aurore Bergé,,Minister,,FR,,,,,,,,perhaps", "is_sample", "true or false"),
    "oversized-name": ("fr-1," + "A" * 256 + ",,Minister,,FR,,,,,,,,", "full_name", "at most 255"),
    "oversized-address": (
        'fr-1,Aurore Bergé,,Minister,,FR,,"' + "x" * 1001 + '",,,,,,',
        "postal_address",
        "at most 1000",
    ),
    "control-character": ("fr-1,Aurore\x07 Bergé,,Minister,,FR,,,,,,,,", "full_name", "control characters"),
    "newline-in-name": ('fr-1,"Aurore\nBergé",,Minister,,FR,,,,,,,,', "full_name", "control characters"),
    "tab-in-address": ('fr-1,Aurore Bergé,,Minister,,FR,,"1 rue\tX",,,,,,', "postal_address", "control characters"),
}


@pytest.mark.parametrize("line, column, message", INVALID_LINES.values(), ids=INVALID_LINES.keys())
def test_each_kind_of_invalid_line_is_reported_with_its_line_number(empty_directory, line, column, message):
    # The bad line is the third line of the file: header, a valid record, then it.
    plan = import_decision_makers(empty_directory, csv_bytes(KE_LINE, line, FR_DEPUTY_LINE))

    assert not plan.is_valid and not plan.applied
    assert [(error.line, error.column) for error in plan.errors] == [(3, column)]
    assert message in plan.errors[0].message
    assert f"Line 3, column “{column}”" in str(plan.errors[0])
    assert pages_of(empty_directory).count() == 0


def test_every_problem_is_reported_not_only_the_first(empty_directory):
    data = csv_bytes(
        KE_LINE,
        "fr-1,,,Minister,,ZZ,,,bad,,,,,",
        FR_DEPUTY_LINE,
        "es-1,Ana,,Ministra,,ES,,,,,,,01-01-2026,",
    )

    plan = import_decision_makers(empty_directory, data)

    assert [(error.line, error.column) for error in plan.errors] == [
        (3, "full_name"),
        (3, "country"),
        (3, "email"),
        (5, "last_verified"),
    ]


def test_duplicate_external_id_within_the_file(empty_directory):
    plan = import_decision_makers(empty_directory, csv_bytes(FR_LINE, KE_LINE, FR_LINE.replace("Aurore", "Anne")))

    # FR_LINE spans lines 2-3 (its address), KE_LINE is line 4, the duplicate starts on line 5.
    assert [(error.line, error.column) for error in plan.errors] == [(5, "external_id")]
    assert "also used on line 2" in plan.errors[0].message
    assert pages_of(empty_directory).count() == 0


def test_line_numbers_count_lines_inside_quoted_cells(empty_directory):
    # FR_LINE's address spans two lines, so the next record starts on line 4.
    plan = import_decision_makers(empty_directory, csv_bytes(FR_LINE, "xx,Nobody,,Minister,,QQ,,,,,,,,"))

    assert [(error.line, error.column) for error in plan.errors] == [(4, "country")]


def test_valid_lines_of_an_invalid_file_are_not_written_and_existing_ones_not_changed(empty_directory, valid_csv):
    import_decision_makers(empty_directory, valid_csv)
    changed = FR_LINE.replace("contact@example.fr", "cabinet@example.fr")

    plan = import_decision_makers(empty_directory, csv_bytes(changed, "new-1,New Person,,Minister,,ZZ,,,,,,,,"))

    assert not plan.is_valid
    assert DecisionMakerPage.objects.get(external_id="fr-equality").email == "contact@example.fr"
    assert pages_of(empty_directory).count() == 3


def test_a_write_refused_late_undoes_the_earlier_writes(empty_directory, valid_csv, monkeypatch):
    """If saving the third page fails, the first two are rolled back: never a half import."""
    real_create = importer._create
    calls = []

    def create_then_fail(directory, change, user):
        calls.append(change.line)
        if len(calls) == 3:
            raise ValidationError({"slug": ["This slug is taken."]})
        return real_create(directory, change, user)

    monkeypatch.setattr(importer, "_create", create_then_fail)

    plan = import_decision_makers(empty_directory, valid_csv)

    assert not plan.applied
    assert [(error.line, error.column) for error in plan.errors] == [(5, "slug")]
    assert pages_of(empty_directory).count() == 0


def test_two_existing_pages_with_one_external_id_are_refused(empty_directory):
    from tests import factories

    factories.make_decision_maker(empty_directory, "FR", "Aurore Bergé", external_id="fr-equality")
    factories.make_decision_maker(empty_directory, "FR", "Anne Bergé", external_id="fr-equality", slug="anne")

    plan = import_decision_makers(empty_directory, csv_bytes(FR_LINE))

    assert [(error.line, error.column) for error in plan.errors] == [(2, "external_id")]
    assert pages_of(empty_directory).count() == 2


def test_records_of_another_directory_are_never_matched(empty_directory, valid_csv, directory):
    import_decision_makers(directory, valid_csv)

    plan = import_decision_makers(empty_directory, valid_csv)

    assert [change.action for change in plan.changes] == ["create"] * 3
    assert pages_of(directory).filter(external_id__gt="").count() == 3


# -- files that are not what they should be ------------------------------------------


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"\r\n  \r\n", "empty"),
        (HEADER.encode() + b"\r\n", "no decision makers"),
        (b"PK\x03\x04\x14\x00\x06\x00rest-of-an-xlsx", "spreadsheet workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old-xls", "old Excel workbook"),
        ("external_id,full_name".encode("utf-16"), "UTF-16"),
        (b"%PDF-1.4 a pdf", "PDF"),
        (b"external_id,full_name,position_title,country\r\na,b\x00c,d,FR\r\n", "binary data"),
    ],
    ids=["empty", "blank", "header-only", "xlsx", "xls", "utf-16", "pdf", "nul-bytes"],
)
def test_a_file_that_is_not_a_usable_csv_gives_one_clear_message(empty_directory, data, message):
    plan = import_decision_makers(empty_directory, data)

    assert len(plan.errors) == 1 and message in plan.errors[0].message
    assert pages_of(empty_directory).count() == 0


def test_latin1_file_is_refused_on_the_line_that_is_not_utf8(empty_directory):
    data = csv_bytes(KE_LINE, "fr-1,Aurore Bergé,,Minister,,FR,,,,,,,,").decode().encode("latin-1")

    plan = import_decision_makers(empty_directory, data)

    assert [error.line for error in plan.errors] == [3]
    assert "UTF-8" in plan.errors[0].message


def test_missing_required_header_is_reported_on_line_one(empty_directory):
    plan = import_decision_makers(empty_directory, csv_bytes("a,Aurore,FR", header="external_id,full_name,country"))

    assert [(error.line, error.message) for error in plan.errors] == [
        (1, "Required column(s) missing: position_title.")
    ]


def test_unknown_and_duplicated_headers_are_reported(empty_directory):
    plan = import_decision_makers(
        empty_directory,
        csv_bytes("a,b,c,FR,x,y", header="external_id,full_name,position_title,country,emial,email"),
    )
    assert "“emial”" in plan.errors[0].message and plan.errors[0].line == 1

    plan = import_decision_makers(
        empty_directory, csv_bytes("a,b,c,FR,FR", header="external_id,full_name,position_title,country,country")
    )
    assert "more than once" in plan.errors[0].message


def test_header_names_tolerate_case_and_spaces(empty_directory):
    data = csv_bytes("fr-1,Aurore,Minister,fr", header=" External ID , Full Name,POSITION_TITLE,Country")

    assert import_decision_makers(empty_directory, data).is_valid


def test_a_line_with_too_many_cells_or_an_unclosed_quote(empty_directory):
    plan = import_decision_makers(empty_directory, csv_bytes(KE_LINE, KE_LINE.replace("ke-gender", "ke-2") + ",extra"))
    assert [error.line for error in plan.errors] == [3] and "14" in plan.errors[0].message

    plan = import_decision_makers(empty_directory, csv_bytes(KE_LINE, 'fr-1,"Aurore Bergé,,Minister,,FR,,,,,,,,'))
    assert [error.line for error in plan.errors] == [3] and "quotation mark" in plan.errors[0].message


def test_oversized_file_is_refused_before_reading(empty_directory):
    plan = import_decision_makers(empty_directory, csv_bytes(KE_LINE) + b" " * MAX_FILE_BYTES)

    assert "larger than" in plan.errors[0].message


def test_reading_does_not_stop_at_the_first_bad_line():
    parsed = read_decision_makers(csv_bytes("a,,,,,ZZ,,,,,,,,", "b,,,,,YY,,,,,,,,"))

    assert {error.line for error in parsed.errors} == {2, 3}


# -- the command ---------------------------------------------------------------------


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_decision_makers", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write(tmp_path, data: bytes):
    path = tmp_path / "directory.csv"
    path.write_bytes(data)
    return str(path)


def test_command_imports_and_reports(empty_directory, valid_csv, tmp_path):
    out, _err = run(write(tmp_path, valid_csv), "--directory", str(empty_directory.pk))

    assert "Line 2: create 'Aurore Bergé' (fr-equality)" in out
    assert "3 created, 0 updated, 0 unchanged." in out
    assert pages_of(empty_directory).count() == 3


def test_command_dry_run_writes_nothing(empty_directory, valid_csv, tmp_path):
    out, _err = run(write(tmp_path, valid_csv), "--directory", str(empty_directory.pk), "--dry-run")

    assert "Dry run, nothing written: 3 to create, 0 to update, 0 unchanged." in out
    assert pages_of(empty_directory).count() == 0


def test_command_finds_the_directory_by_url_path_and_locale(empty_directory, valid_csv, tmp_path):
    run(write(tmp_path, valid_csv), "--directory", "/directory/", "--locale", "en")
    assert pages_of(empty_directory).count() == 3

    changed = FR_LINE.replace("+33 1 23 45 67 89", "+33 1 00 00 00 00")
    out, _err = run(
        write(tmp_path, csv_bytes(changed, FR_DEPUTY_LINE, KE_LINE)), "--directory", empty_directory.url_path
    )
    assert "Line 2: update 'Aurore Bergé' (fr-equality): phone" in out
    assert "0 created, 1 updated, 2 unchanged." in out


def test_command_lists_problems_and_fails(empty_directory, tmp_path):
    path = write(tmp_path, csv_bytes(KE_LINE, "fr-1,Aurore,,Minister,,ZZ,,,,,,,,"))
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_decision_makers", path, "--directory", str(empty_directory.pk), stdout=out, stderr=err)

    assert "Line 3, column “country”" in err.getvalue()
    assert pages_of(empty_directory).count() == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["--directory", "999999"], "No decision-maker directory"),
        (["--directory", "/nowhere/"], "No decision-maker directory"),
        (["--directory", "/directory/", "--locale", "xx"], "No locale"),
        (["--directory", "/directory/", "--locale", "fr"], "no fr translation"),
    ],
)
def test_command_explains_a_wrong_directory(empty_directory, valid_csv, tmp_path, args, message):
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="fr")
    with pytest.raises(CommandError, match=message):
        run(write(tmp_path, valid_csv), *args)


def test_command_without_directory_asks_which_when_there_are_several(empty_directory, directory, valid_csv, tmp_path):
    with pytest.raises(CommandError, match="Choose the directory"):
        run(write(tmp_path, valid_csv))


def test_command_reports_an_unreadable_file(empty_directory, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "missing.csv"), "--directory", str(empty_directory.pk))


def test_an_update_reaches_the_wagtail_localize_translations(
    empty_directory, valid_csv, django_capture_on_commit_callbacks
):
    """Names and contact details are synchronised fields: a French page must not keep an old email.
    (wagtail-localize publishes translations once the transaction commits.)"""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    import_decision_makers(empty_directory, valid_csv)
    aurore = DecisionMakerPage.objects.get(external_id="fr-equality")
    french = Locale.objects.create(language_code="fr")
    source, _created = TranslationSource.get_or_create_from_instance(aurore)
    translation = Translation.objects.create(source=source, target_locale=french)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    french_aurore = aurore.get_translation(french).specific
    assert french_aurore.email == "contact@example.fr"

    changed = FR_LINE.replace("contact@example.fr", "cabinet@example.fr")
    with django_capture_on_commit_callbacks(execute=True):
        plan = import_decision_makers(empty_directory, csv_bytes(changed, FR_DEPUTY_LINE, KE_LINE))

    assert plan.translations_synced == 1
    french_aurore.refresh_from_db()
    assert french_aurore.email == "cabinet@example.fr" and french_aurore.live
