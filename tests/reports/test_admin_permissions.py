"""Every admin URL of reports and campaign figures: who gets in, who gets a 403."""

from __future__ import annotations

import uuid

import pytest
from django.urls import NoReverseMatch, reverse
from wagtail.models import ModelLogEntry

from soroptimist_advocacy.models import ActionReport


@pytest.fixture
def report(action_kit, make_report) -> ActionReport:
    return make_report(action_kit)[0]


def view_urls(report, action_kit) -> list[str]:
    """What the "view" permission opens."""
    key = action_kit.translation_key
    return [
        reverse("action_reports:index"),
        reverse("action_reports:index_results"),
        reverse("action_reports:index") + "?export=csv",
        reverse("action_reports:index") + "?export=xlsx",
        reverse("action_reports:inspect", args=[report.pk]),
        reverse("campaign_impact:index"),
        reverse("campaign_impact:impact", args=[key]),
        reverse("campaign_impact:response_board", args=[key]),
    ]


def delete_urls(report) -> list[str]:
    """What the "delete" permission opens (the history is the audit trail of erasures)."""
    return [
        reverse("action_reports:erase", args=[report.pk]),
        reverse("action_reports:delete", args=[report.pk]),
        reverse("action_reports:history", args=[report.pk]),
    ]


def test_anonymous_visitors_are_sent_to_the_login_page(client, report, action_kit):
    for url in view_urls(report, action_kit) + delete_urls(report):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url


def test_staff_without_the_permission_get_403(client, report, action_kit, editor_without_report_access):
    client.force_login(editor_without_report_access)
    for url in view_urls(report, action_kit) + delete_urls(report):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "you do not have permission" in response.content.decode(), url
    assert client.post(reverse("action_reports:erase", args=[report.pk])).status_code == 403
    report.refresh_from_db()
    assert report.has_personal_data


def test_viewers_see_listing_and_figures_but_cannot_erase_or_delete(client, report, action_kit, report_viewer):
    client.force_login(report_viewer)
    for url in view_urls(report, action_kit):
        assert client.get(url).status_code == 200, url
    for url in delete_urls(report):
        assert client.get(url).status_code == 403, url
        assert client.post(url).status_code == 403, url
    assert ActionReport.objects.filter(pk=report.pk, name="Marie Martin").exists()


def test_privacy_officer_can_erase_and_delete(client, report, action_kit, privacy_officer):
    client.force_login(privacy_officer)
    for url in view_urls(report, action_kit) + delete_urls(report):
        assert client.get(url).status_code == 200, url


def test_reports_cannot_be_added_or_edited_in_the_admin_even_by_a_superuser(admin_client, report):
    for name, args in (
        ("action_reports:add", []),
        ("action_reports:edit", [report.pk]),
        ("action_reports:copy", [report.pk]),
        ("action_reports:usage", [report.pk]),
    ):
        with pytest.raises(NoReverseMatch):
            reverse(name, args=args)
    html = admin_client.get(reverse("action_reports:inspect", args=[report.pk])).content.decode()
    assert "Erase personal data" in html
    assert admin_client.get(reverse("action_reports:index")).status_code == 200


def test_unknown_campaign_or_report_is_404(admin_client):
    assert admin_client.get(reverse("campaign_impact:impact", args=[uuid.uuid4()])).status_code == 404
    assert admin_client.get(reverse("action_reports:inspect", args=[999999])).status_code == 404
    assert admin_client.get(reverse("action_reports:erase", args=[999999])).status_code == 404


def test_menu_shows_reports_only_to_viewers(client, report_viewer, editor_without_report_access, report):
    client.force_login(report_viewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("action_reports:index") in html and reverse("campaign_impact:index") in html
    client.force_login(editor_without_report_access)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("action_reports:index") not in html and reverse("campaign_impact:index") not in html


def test_personal_data_is_shown_only_with_its_own_permission(client, report, report_viewer, privacy_officer):
    inspect = reverse("action_reports:inspect", args=[report.pk])
    client.force_login(report_viewer)
    html = client.get(inspect).content.decode()
    assert "Marie Martin" not in html and "marie@example.org" not in html
    assert "SI Paris Est" in html
    client.force_login(privacy_officer)
    html = client.get(inspect).content.decode()
    assert "Marie Martin" in html and "marie@example.org" in html


def test_search_by_name_needs_the_personal_data_permission(client, report, report_viewer, privacy_officer):
    url = reverse("action_reports:index")
    client.force_login(report_viewer)
    assert reverse("action_reports:inspect", args=[report.pk]) not in client.get(url, {"q": "Marie"}).content.decode()
    assert reverse("action_reports:inspect", args=[report.pk]) in client.get(url, {"q": "Paris Est"}).content.decode()
    client.force_login(privacy_officer)
    assert reverse("action_reports:inspect", args=[report.pk]) in client.get(url, {"q": "Marie"}).content.decode()


def test_erase_on_request_blanks_personal_fields_and_is_logged(client, report, privacy_officer):
    client.force_login(privacy_officer)
    erase = reverse("action_reports:erase", args=[report.pk])
    assert "This blanks the following fields" in client.get(erase).content.decode()
    response = client.post(erase)
    assert response.status_code == 302
    assert response["Location"] == reverse("action_reports:inspect", args=[report.pk])
    report.refresh_from_db()
    assert (report.name, report.email, report.notes, report.response_summary) == ("", "", "", "")
    assert report.token_hash is None
    assert report.country.code == "FR" and report.club == "SI Paris Est"
    entry = ModelLogEntry.objects.get(action="soroptimist_advocacy.erase_personal_data")
    assert entry.user_id == privacy_officer.pk and "Marie" not in entry.label
    # Erasing again changes nothing and says so.
    assert "was erased on" in client.get(erase).content.decode()


def test_listing_filters(admin_client, action_kit, make_report):
    make_report(action_kit, country="FR", action_type="meeting", response_status="positive", club="Club A")
    make_report(action_kit, country="KE", action_type="letter_posted", club="Club B")
    url = reverse("action_reports:index")
    html = admin_client.get(url, {"country": "KE"}).content.decode()
    assert "Club B" in html and "Club A" not in html
    html = admin_client.get(url, {"response_status": "positive"}).content.decode()
    assert "Club A" in html and "Club B" not in html
    html = admin_client.get(url, {"action_type": "letter_posted"}).content.decode()
    assert "Club B" in html and "Club A" not in html
    html = admin_client.get(url, {"campaign_key": str(action_kit.translation_key)}).content.decode()
    assert "Club A" in html and "Club B" in html
