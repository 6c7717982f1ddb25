"""The editors' side: the decision-maker listing, the CSV upload, the corrections."""

import base64
import csv
import datetime
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse

from soroptimist_advocacy.models import DecisionMakerCorrection, DecisionMakerPage
from tests import factories

from .conftest import FR_LINE, KE_LINE, csv_bytes

LISTING = "advocacy_decision_makers:index"
IMPORT = "advocacy_decision_makers:import"
CORRECTIONS = "advocacy_corrections:index"


@pytest.fixture
def stale_and_fresh(directory):
    """Claire verified today; Grace never; Amina three years ago, with two open corrections and a resolved one."""
    DecisionMakerPage.objects.filter(title="Grace Wanjiru").update(last_verified=None)
    amina = factories.make_decision_maker(
        directory, "NG", "Amina Bello", last_verified=datetime.date.today() - datetime.timedelta(days=3 * 365)
    )
    for details in ("She left office.", '=HYPERLINK("http://evil.example")'):
        DecisionMakerCorrection.for_page(amina, details=details, reporter_email="ana@example.org").save()
    resolved = DecisionMakerCorrection.for_page(amina, details="Old address.")
    resolved.status = DecisionMakerCorrection.Status.RESOLVED
    resolved.save()
    return amina


def login(client, user):
    client.force_login(user)
    return client


def is_denied(response) -> bool:
    return response.status_code == 403


# -- who may see what ---------------------------------------------------------------------


@pytest.mark.parametrize("url_name", [LISTING, IMPORT, CORRECTIONS])
def test_anonymous_visitors_are_sent_to_the_login(client, db, url_name):
    response = client.get(reverse(url_name))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("url_name", [LISTING, IMPORT, CORRECTIONS])
def test_admin_users_without_page_permissions_get_403(client, directory, outsider, url_name):
    login(client, outsider)

    assert is_denied(client.get(reverse(url_name)))
    assert is_denied(client.get(reverse(url_name), headers={"x-requested-with": "XMLHttpRequest"}))


@pytest.mark.parametrize("url_name", [LISTING, IMPORT, CORRECTIONS])
def test_editors_who_may_publish_get_every_view(client, directory, moderator, url_name):
    assert login(client, moderator).get(reverse(url_name)).status_code == 200


def test_adding_a_decision_maker_starts_by_choosing_her_directory(client, directory, moderator, outsider):
    url = reverse("advocacy_decision_makers:choose_parent")

    assert url in login(client, moderator).get(reverse(LISTING)).content.decode()
    # One directory: straight to the form under it.
    add_url = reverse("wagtailadmin_pages:add", args=["soroptimist_advocacy", "decisionmakerpage", directory.pk])
    assert client.get(url)["Location"] == add_url
    client.logout()
    assert is_denied(login(client, outsider).get(url))


def test_editors_who_may_not_publish_see_the_listing_but_may_not_import(client, directory, editor):
    login(client, editor)

    assert client.get(reverse(LISTING)).status_code == 200
    assert client.get(reverse(CORRECTIONS)).status_code == 200
    assert is_denied(client.get(reverse(IMPORT)))


def test_the_admin_menu_offers_the_directory_only_to_its_editors(client, directory, moderator, outsider):
    assert "Decision makers" in login(client, moderator).get(reverse("wagtailadmin_home")).content.decode()
    client.logout()
    assert "advocacy/decision-makers" not in login(client, outsider).get(reverse("wagtailadmin_home")).content.decode()


# -- the listing ----------------------------------------------------------------------------


def row_of(html: str, name: str) -> str:
    return next(row for row in re.findall(r"<tr.*?</tr>", html, re.S) if name in row)


def test_listing_shows_country_post_last_verified_and_flags_stale_records(client, moderator, stale_and_fresh):
    html = login(client, moderator).get(reverse(LISTING)).content.decode()

    claire, grace, amina = row_of(html, "Claire Dubois"), row_of(html, "Grace Wanjiru"), row_of(html, "Amina Bello")
    assert "France" in claire and "Minister for Equality, Ministry of Equality" in claire
    assert "May be out of date" not in claire
    assert "May be out of date" in grace and "Never" in grace
    assert "May be out of date" in amina and "Nigeria" in amina
    assert "2 open" in amina and f"decision_maker={stale_and_fresh.pk}" in amina
    assert "Import CSV" in html


def test_listing_filters_out_of_date_records(client, moderator, stale_and_fresh):
    html = login(client, moderator).get(reverse(LISTING), {"out_of_date": "true"}).content.decode()

    assert "Grace Wanjiru" in html and "Amina Bello" in html and "Claire Dubois" not in html


def test_listing_filters_records_with_open_corrections(client, moderator, stale_and_fresh):
    html = login(client, moderator).get(reverse(LISTING), {"has_open_corrections": "true"}).content.decode()

    assert "Amina Bello" in html and "Grace Wanjiru" not in html


def test_listing_exports_csv_with_stale_flags_and_neutralised_formulas(client, moderator, stale_and_fresh):
    DecisionMakerPage.objects.filter(title="Claire Dubois").update(organisation="=1+1")

    response = login(client, moderator).get(reverse(LISTING), {"export": "csv"})

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_name = {row["Name"]: row for row in rows}
    assert set(by_name) == {"Claire Dubois", "Grace Wanjiru", "Amina Bello"}
    assert by_name["Amina Bello"]["May be out of date"] == "True"
    assert by_name["Claire Dubois"]["May be out of date"] == "False"
    assert by_name["Amina Bello"]["Open corrections"] == "2"
    assert by_name["Amina Bello"]["Country code"] == "NG"
    assert by_name["Claire Dubois"]["Organisation or ministry"] == "'=1+1"


def test_listing_exports_xlsx(client, moderator, stale_and_fresh):
    response = login(client, moderator).get(reverse(LISTING), {"export": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_listing_only_lists_pages_the_editor_may_edit(client, directory, db):
    html = login(client, editor_of_another_directory()).get(reverse(LISTING)).content.decode()

    assert "Ana Redondo" in html and "Claire Dubois" not in html


# -- the upload ---------------------------------------------------------------------------------


def upload(client, directory, data: bytes, name="directory.csv"):
    return client.post(reverse(IMPORT), {"directory": directory.pk, "file": SimpleUploadedFile(name, data, "text/csv")})


def test_upload_shows_a_preview_and_writes_nothing(client, moderator, empty_directory, valid_csv):
    response = upload(login(client, moderator), empty_directory, valid_csv)

    assert response.status_code == 200
    html = response.content.decode()
    assert "What the import would change" in html
    assert "3 new, 0 updated, 0 unchanged" in html
    assert "Aurore Bergé" in html and "fr-equality" in html
    assert 'name="confirm"' in html
    assert not DecisionMakerPage.objects.child_of(empty_directory).exists()


def test_confirming_the_preview_imports_and_publishes(client, moderator, empty_directory, valid_csv):
    login(client, moderator)
    preview = upload(client, empty_directory, valid_csv)
    confirm_form = preview.context["confirm_form"]

    response = client.post(
        reverse(IMPORT),
        {
            "directory": confirm_form["directory"].value(),
            "csv_data": confirm_form["csv_data"].value(),
            "confirm": "1",
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Import finished: 3 created, 0 updated, 0 unchanged." in html
    pages = DecisionMakerPage.objects.child_of(empty_directory)
    assert pages.count() == 3 and all(page.live for page in pages)
    aurore = pages.get(external_id="fr-equality")
    assert aurore.owner == moderator
    assert aurore.get_latest_revision().user == moderator


def test_preview_of_a_reimport_lists_changed_columns(client, moderator, empty_directory, valid_csv):
    from soroptimist_advocacy.directory.importer import import_decision_makers

    import_decision_makers(empty_directory, valid_csv)
    changed = FR_LINE.replace("contact@example.fr", "new@example.fr")

    html = upload(login(client, moderator), empty_directory, csv_bytes(changed, KE_LINE)).content.decode()

    assert "0 new, 1 updated, 1 unchanged" in html
    assert re.search(r"Aurore Bergé.*?email", html, re.S)


def test_upload_of_an_invalid_file_lists_line_numbered_problems(client, moderator, empty_directory):
    response = upload(
        login(client, moderator), empty_directory, csv_bytes(KE_LINE, "fr-1,Aurore,,Minister,,ZZ,,,bad,,,,,")
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "The file has 2 problems; nothing was imported." in html
    assert "Line 3, column “country”" in html and "Line 3, column “email”" in html
    assert 'name="confirm"' not in html
    assert not DecisionMakerPage.objects.child_of(empty_directory).exists()


def test_upload_of_a_workbook_says_how_to_save_as_csv(client, moderator, empty_directory):
    response = upload(login(client, moderator), empty_directory, b"PK\x03\x04 an xlsx", name="directory.xlsx")

    assert response.status_code == 400
    assert "CSV UTF-8" in response.content.decode()


def test_upload_without_a_file_is_explained(client, moderator, empty_directory):
    response = login(client, moderator).post(reverse(IMPORT), {"directory": empty_directory.pk})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_a_tampered_confirmation_imports_nothing(client, moderator, empty_directory):
    response = login(client, moderator).post(
        reverse(IMPORT), {"directory": empty_directory.pk, "csv_data": "not base64!!", "confirm": "1"}
    )

    assert response.status_code == 400
    assert not DecisionMakerPage.objects.child_of(empty_directory).exists()


def test_a_confirmed_file_is_validated_again(client, moderator, empty_directory):
    data = base64.b64encode(csv_bytes("fr-1,Aurore,,Minister,,ZZ,,,,,,,,")).decode()

    response = login(client, moderator).post(
        reverse(IMPORT), {"directory": empty_directory.pk, "csv_data": data, "confirm": "1"}
    )

    assert response.status_code == 400
    assert "Line 2, column “country”" in response.content.decode()
    assert not DecisionMakerPage.objects.child_of(empty_directory).exists()


def test_importing_into_a_directory_the_editor_may_not_publish_in_is_forbidden(client, db, empty_directory, valid_csv):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from .conftest import make_user

    allowed = factories.make_directory(title="Allowed", slug="allowed")
    group = Group.objects.create(name="Allowed directory")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=allowed, permission=Permission.objects.get(codename=codename)
        )
    user = make_user("limited", groups=["Allowed directory"])
    login(client, user)

    assert client.get(reverse(IMPORT)).status_code == 200
    assert is_denied(upload(client, empty_directory, valid_csv))
    data = base64.b64encode(valid_csv).decode()
    assert is_denied(client.post(reverse(IMPORT), {"directory": empty_directory.pk, "csv_data": data, "confirm": "1"}))
    assert not DecisionMakerPage.objects.child_of(empty_directory).exists()
    assert upload(client, allowed, valid_csv).status_code == 200


def test_directory_csv_download_round_trips_through_the_upload(client, moderator, empty_directory, valid_csv):
    from soroptimist_advocacy.directory.importer import import_decision_makers

    import_decision_makers(empty_directory, valid_csv)
    login(client, moderator)

    download = client.get(reverse("advocacy_decision_makers:export", args=[empty_directory.pk]))
    html = upload(client, empty_directory, download.content).content.decode()

    assert download["Content-Disposition"].startswith('attachment; filename="decision-makers-en.csv"')
    assert "0 new, 0 updated, 3 unchanged" in html
    assert "There is nothing to import." in html


def test_directory_csv_download_needs_import_rights(client, editor, empty_directory):
    response = login(client, editor).get(reverse("advocacy_decision_makers:export", args=[empty_directory.pk]))

    assert is_denied(response)


# -- corrections ----------------------------------------------------------------------------


def test_corrections_listing_shows_open_corrections_with_what_members_know(client, moderator, stale_and_fresh):
    html = login(client, moderator).get(reverse(CORRECTIONS), {"status": "open"}).content.decode()

    assert html.count("Mark resolved") == 2
    assert "She left office." in html and "Old address." not in html


def test_an_editor_marks_a_correction_resolved(client, moderator, stale_and_fresh):
    correction = DecisionMakerCorrection.objects.filter(details="She left office.").get()
    login(client, moderator)

    response = client.post(
        reverse("advocacy_corrections:resolve", args=[correction.pk]), {"next": reverse(CORRECTIONS) + "?status=open"}
    )

    assert response.status_code == 302 and response["Location"] == reverse(CORRECTIONS) + "?status=open"
    correction.refresh_from_db()
    assert not correction.is_open and correction.handled_by == moderator and correction.handled_at
    html = client.get(reverse(LISTING)).content.decode()
    assert "1 open" in row_of(html, "Amina Bello")


def test_resolving_needs_a_post_and_permission_and_ignores_foreign_next_urls(
    client, moderator, outsider, stale_and_fresh
):
    correction = DecisionMakerCorrection.objects.filter(details="She left office.").get()
    url = reverse("advocacy_corrections:resolve", args=[correction.pk])

    assert login(client, moderator).get(url).status_code == 405
    response = client.post(url, {"next": "https://evil.example/"})
    assert response["Location"] == reverse(CORRECTIONS)
    client.logout()
    other = DecisionMakerCorrection.objects.filter(status="open").get()
    # No right to any correction: a 403, as for every admin view of the app.
    assert is_denied(login(client, outsider).post(reverse("advocacy_corrections:resolve", args=[other.pk])))
    other.refresh_from_db()
    assert other.is_open


def editor_of_another_directory():
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from .conftest import make_user

    other = factories.make_directory(title="Other", slug="other")
    factories.make_decision_maker(other, "ES", "Ana Redondo")
    group = Group.objects.create(name="Other directory editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=other, permission=Permission.objects.get(codename="change_page")
    )
    return make_user("limited", groups=["Other directory editors"])


def test_an_editor_of_another_directory_cannot_see_or_resolve_its_corrections(client, stale_and_fresh):
    correction = DecisionMakerCorrection.objects.filter(details="She left office.").get()
    login(client, editor_of_another_directory())

    assert "She left office." not in client.get(reverse(CORRECTIONS)).content.decode()
    assert client.get(reverse("advocacy_corrections:inspect", args=[correction.pk])).status_code == 404
    assert client.post(reverse("advocacy_corrections:resolve", args=[correction.pk])).status_code == 404
    correction.refresh_from_db()
    assert correction.is_open


def test_a_correction_is_inspected_whole_and_never_edited_or_deleted(client, moderator, outsider, stale_and_fresh):
    long_details = "She moved to the Ministry of Health. " * 20
    correction = DecisionMakerCorrection.for_page(
        stale_and_fresh, details=long_details, reporter_email="ana@example.org"
    )
    correction.save()
    url = reverse("advocacy_corrections:inspect", args=[correction.pk])

    html = login(client, moderator).get(url).content.decode()

    assert long_details.strip() in html
    for view in ("add", "edit", "delete", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"advocacy_corrections:{view}", args=[] if view == "add" else [correction.pk])
    client.logout()
    assert is_denied(login(client, outsider).get(url))


def test_corrections_follow_the_policy_registered_for_them(directory, moderator, outsider, editor):
    from soroptimist_advocacy.compat import get_permission_policy
    from soroptimist_advocacy.web.admin.permissions import CorrectionPermissionPolicy

    policy = get_permission_policy(DecisionMakerCorrection)

    assert isinstance(policy, CorrectionPermissionPolicy)
    assert policy.user_has_permission(moderator, "change") and policy.user_has_permission(editor, "view")
    assert not policy.user_has_any_permission(moderator, ["add", "delete"])
    assert not policy.user_has_any_permission(outsider, ["view", "change"])
    assert {moderator, editor} <= set(policy.users_with_permission("view"))
    assert outsider not in policy.users_with_permission("change")
    assert not policy.users_with_permission("delete").exists()


def test_corrections_export_neutralises_formulas(client, moderator, stale_and_fresh):
    response = login(client, moderator).get(reverse(CORRECTIONS), {"export": "csv"})

    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_dashboard_shows_the_open_corrections_count(client, moderator, outsider, stale_and_fresh):
    html = login(client, moderator).get(reverse("wagtailadmin_home")).content.decode()

    assert re.search(r"2\s+open corrections", html)
    assert reverse(CORRECTIONS) + "?status=open" in html
    client.logout()
    assert "open correction" not in login(client, outsider).get(reverse("wagtailadmin_home")).content.decode()


def test_corrections_of_a_deleted_decision_maker_stay_listed(client, moderator, stale_and_fresh):
    stale_and_fresh.delete()

    html = login(client, moderator).get(reverse(CORRECTIONS)).content.decode()

    assert "Amina Bello" in html and "She left office." in html
