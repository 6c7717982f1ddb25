"""Importing a campaign bundle from the admin: its own permission, a dry run first, then the import."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from soroptimist_advocacy.models import ActionKitPage, CampaignBundleUpload, LetterTemplate
from soroptimist_advocacy.web.admin import url_names
from tests import factories

from .bundles import body_block, changed, export, site_campaign

pytestmark = pytest.mark.django_db

URL = reverse(url_names.CAMPAIGN_BUNDLE_IMPORT)


def admin_user(username, *, bundles=False, groups=(), superuser=False):
    user = get_user_model().objects.create_user(username=username, password="password", is_superuser=superuser)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if bundles:
        user.user_permissions.add(Permission.objects.get(codename="import_campaign_bundle"))
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def partner(tmp_path):
    """A partner campaign's bundle and an empty parent to import it under, on a site without its pages."""
    bundle = export(site_campaign(), tmp_path / "partner.zip")
    for page in Page.objects.filter(depth__gt=2).order_by("-depth"):
        page.delete()
    LetterTemplate.objects.all().delete()
    get_document_model().objects.all().delete()
    parent = factories.add(factories.home(), Page(title="Partner campaigns", slug="partners"))
    return bundle, parent


def upload(client, bundle, parent, **data):
    file = SimpleUploadedFile("partner.zip", bundle.read_bytes(), content_type="application/zip")
    return client.post(URL, {"bundle": file, "parent": parent.pk, **data})


def content_counts():
    return Page.objects.count(), Revision.objects.count(), LetterTemplate.objects.count()


@pytest.mark.parametrize(
    "user_kind",
    ["editor without the permission", "moderator without the permission"],
)
def test_the_view_and_its_menu_item_need_the_permission(client, partner, user_kind):
    bundle, parent = partner
    user = admin_user("someone", groups=["Editors"] if "editor" in user_kind else ["Moderators"])
    client.force_login(user)

    assert client.get(URL).status_code == 403
    assert upload(client, bundle, parent).status_code == 403
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert not ActionKitPage.objects.exists()


def test_a_superuser_finds_it_in_the_menu(client):
    client.force_login(admin_user("root", superuser=True))

    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.get(URL)
    assert response.status_code == 200 and "Import a campaign bundle" in response.content.decode()


def test_the_permission_is_offered_in_the_group_editor(client):
    client.force_login(admin_user("root", superuser=True))
    moderators = Group.objects.get(name="Moderators")

    page = client.get(reverse("wagtailusers_groups:edit", args=[moderators.pk])).content.decode()

    permission = Permission.objects.get(codename="import_campaign_bundle")
    assert f'value="{permission.pk}"' in page


def test_the_permission_alone_does_not_reach_a_parent_she_may_not_add_pages_to(client, partner):
    bundle, parent = partner
    client.force_login(admin_user("importer", bundles=True))  # No page permission at all.

    assert client.get(URL).status_code == 200
    assert upload(client, bundle, parent).status_code == 403
    assert not ActionKitPage.objects.exists()


def test_the_dry_run_lists_the_changes_and_writes_nothing(client, partner):
    bundle, parent = partner
    client.force_login(admin_user("root", superuser=True))
    before = content_counts()

    response = upload(client, bundle, parent)

    page = response.content.decode()
    assert response.status_code == 200
    assert "What the import would change under “Partner campaigns”" in page
    assert "Post CSW Advocacy Action Kit" in page and "/home/partners/action-kit/" in page
    assert "9 created, 0 updated, 0 unchanged." in page  # 6 pages (with 2 decision makers), a template, 2 documents.
    assert content_counts() == before
    assert CampaignBundleUpload.objects.count() == 1  # The file, kept for the confirmation.


def test_confirming_imports_the_previewed_bundle_as_drafts(client, partner):
    bundle, parent = partner
    client.force_login(admin_user("root", superuser=True))
    token = upload(client, bundle, parent).context["token"]

    response = client.post(URL, {"token": token})

    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_explore", args=[parent.pk])
    campaign = ActionKitPage.objects.get()
    assert campaign.get_parent().pk == parent.pk and not campaign.live
    assert not CampaignBundleUpload.objects.exists()
    # The token is spent: confirming again imports nothing more.
    assert client.post(URL, {"token": token}).status_code == 400
    assert ActionKitPage.objects.count() == 1


def test_a_moderator_granted_the_permission_imports_under_pages_she_may_edit(client, partner):
    bundle, parent = partner
    client.force_login(admin_user("moderator", bundles=True, groups=["Moderators"]))
    token = upload(client, bundle, parent, live="on").context["token"]

    assert client.post(URL, {"token": token}).status_code == 302
    assert ActionKitPage.objects.get().live


def test_another_user_cannot_confirm_her_upload(client, partner):
    bundle, parent = partner
    client.force_login(admin_user("root", superuser=True))
    token = upload(client, bundle, parent).context["token"]
    client.force_login(admin_user("other", superuser=True))

    assert client.post(URL, {"token": token}).status_code == 400
    assert not ActionKitPage.objects.exists()


def test_a_refused_bundle_shows_the_same_messages_as_the_command(client, partner, tmp_path):
    bundle, parent = partner

    def hostile(manifest):
        body_block(manifest, "call_to_action")["value"]["external_url"] = "javascript:alert(1)"

    client.force_login(admin_user("root", superuser=True))
    response = upload(client, changed(bundle, tmp_path / "hostile.zip", hostile), parent)

    assert response.status_code == 400
    assert "campaign.body[2].value.external_url: Enter a valid URL." in response.content.decode()
    assert not CampaignBundleUpload.objects.exists() and not ActionKitPage.objects.exists()


def test_a_damaged_upload_is_refused_with_the_message(client, partner, tmp_path):
    bundle, parent = partner
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(bundle.read_bytes()[:2000])
    client.force_login(admin_user("root", superuser=True))

    response = upload(client, truncated, parent)

    assert response.status_code == 400
    assert "This bundle is damaged or incomplete; nothing was imported." in response.content.decode()


def test_publishing_at_once_takes_the_right_to_publish_under_the_parent(client, partner):
    bundle, parent = partner
    client.force_login(admin_user("editor", bundles=True, groups=["Editors"]))  # Adds and edits pages; no publishing.

    assert upload(client, bundle, parent, live="on").status_code == 403


def test_an_imported_template_document_waits_on_the_template_until_an_editor_approves_it(client, partner):
    bundle, parent = partner
    client.force_login(admin_user("root", superuser=True))
    client.post(URL, {"token": upload(client, bundle, parent).context["token"]})
    template = LetterTemplate.objects.get()
    review = reverse(template.snippet_viewset.get_url_name("imported_document"), args=[template.pk])

    listing = client.get(reverse(template.snippet_viewset.get_url_name("list"))).content.decode()
    assert "Waiting for approval" in listing and review in listing
    assert client.get(review).status_code == 200
    sample = client.get(review, {"sample": "1"})
    assert sample.status_code == 200 and sample["Content-Type"].startswith("application/vnd.openxml")
    assert template.document is None

    assert client.post(review, {"action": "approve"}).status_code == 302

    template.refresh_from_db()
    assert template.document is not None and template.pending_document is None


def test_an_editor_who_may_not_change_templates_cannot_approve(client, partner):
    bundle, parent = partner
    client.force_login(admin_user("root", superuser=True))
    client.post(URL, {"token": upload(client, bundle, parent).context["token"]})
    template = LetterTemplate.objects.get()
    review = reverse(template.snippet_viewset.get_url_name("imported_document"), args=[template.pk])
    client.force_login(admin_user("visitor"))

    assert client.post(review, {"action": "approve"}).status_code == 403
    template.refresh_from_db()
    assert template.document is None and template.pending_document is not None
