"""Import a campaign bundle from the admin: upload it, see what it would change, confirm.

The preview is the command's dry run (the same import, rolled back), so it shows
the same refusals with the same messages. The confirmation applies the very file
that was previewed, under the same parent and mode, kept meanwhile by
:mod:`.uploads`; the import checks everything again against the database as it
is then. Importing takes the ``soroptimist_advocacy.import_campaign_bundle``
permission (superusers hold it) and the page permissions the import uses under the
chosen parent.
"""

from __future__ import annotations

import io

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from soroptimist_advocacy.bundle.errors import BundleRefused
from soroptimist_advocacy.bundle.importer import import_campaign
from soroptimist_advocacy.bundle.uploads import keep_upload, take_upload
from soroptimist_advocacy.web.admin import url_names
from soroptimist_advocacy.web.admin.forbidden import refusals_as_403

PERMISSION = "soroptimist_advocacy.import_campaign_bundle"
# Larger bundles (they may reach the import's 200 MB) go through the command.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
TEMPLATE = "soroptimist_advocacy/admin/campaign_bundle_import.html"


def can_import_bundles(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def may_import_under(user, parent, live: bool) -> bool:
    """The import adds pages under *parent* and changes those already there; published at once only with *live*."""
    tester = parent.permissions_for_user(user)
    if not tester.can_add_subpage() or not (user.is_superuser or "change" in tester.permissions):
        return False
    return not live or tester.can_publish_subpage()


class UploadForm(forms.Form):
    bundle = forms.FileField(
        label=_("Campaign bundle (.zip)"),
        help_text=_(
            "A bundle written by export_campaign on a partner site, at most 50 MB. You will see what it would "
            "create and update before anything is saved."
        ),
    )
    parent = forms.ModelChoiceField(
        queryset=Page.objects.all(),
        widget=AdminPageChooser(),
        label=_("Parent page"),
        help_text=_("The campaign, its directory and its resources go under this page, and only there."),
    )
    live = forms.BooleanField(
        label=_("Publish at once"),
        required=False,
        help_text=_(
            "Leave unticked to review first: pages are saved as drafts and new letter template documents "
            "wait for your approval, so visitors and members see nothing until you publish."
        ),
    )

    bundle_name = ""  # the uploaded file's name, once the form is valid

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bundle"].widget.attrs["accept"] = ".zip,application/zip"

    def clean_bundle(self) -> bytes:
        upload = self.cleaned_data["bundle"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                gettext("The bundle is larger than %(size)s MB; import it with the import_campaign command.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        self.bundle_name = upload.name or ""  # kept with the upload for its confirmation
        return upload.read()


class CampaignBundleImportView(WagtailAdminTemplateMixin, View):
    page_title = _("Import a campaign bundle")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not can_import_bundles(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get(self, request):
        return self.render(UploadForm())

    def post(self, request):
        if "token" in request.POST:
            return self.confirm()
        return self.preview()

    def preview(self):
        form = UploadForm(self.request.POST, self.request.FILES)
        if not form.is_valid():
            return self.render(form, status=400)
        parent, live, data = (
            form.cleaned_data["parent"].specific,
            form.cleaned_data["live"],
            form.cleaned_data["bundle"],
        )
        if not may_import_under(self.request.user, parent, live):
            raise PermissionDenied
        try:
            result = import_campaign(io.BytesIO(data), parent, live=live, user=self.request.user, dry_run=True)
        except BundleRefused as refused:
            return self.render(form, refusals=refused.messages, status=400)
        token = None
        if result.has_changes:
            token = keep_upload(self.request.user, parent, live, form.bundle_name, data)
        return self.render(form, result=result, parent=parent, token=token)

    def confirm(self):
        upload = take_upload(self.request.user, self.request.POST.get("token", ""))
        if upload is None:
            messages.error(
                self.request, gettext("The preview has expired or was already imported; upload the bundle again.")
            )
            return self.render(UploadForm(), status=400)
        parent = upload.parent.specific
        if not may_import_under(self.request.user, parent, upload.live):
            raise PermissionDenied
        try:
            result = import_campaign(io.BytesIO(bytes(upload.data)), parent, live=upload.live, user=self.request.user)
        except BundleRefused as refused:
            return self.render(UploadForm(), refusals=refused.messages, status=400)
        summary = gettext("“%(title)s” imported under “%(parent)s”: %(summary)s") % {
            "title": result.campaign_page.title,
            "parent": parent.title,
            "summary": result.summary(),
        }
        if not upload.live:
            summary += " " + gettext("Review the drafts and publish them when they are ready.")
        edit_campaign = messages.button(
            reverse("wagtailadmin_pages:edit", args=[result.campaign_page.pk]), gettext("Edit")
        )
        messages.success(self.request, summary, buttons=[edit_campaign])
        return redirect("wagtailadmin_explore", parent.pk)

    def render(self, form, *, result=None, parent=None, token=None, refusals=None, status=200):
        context = self.get_context_data(form=form, result=result, parent=parent, token=token, refusals=refusals)
        return TemplateResponse(self.request, TEMPLATE, context, status=status)


class CampaignBundleMenuItem(MenuItem):
    """Shown only to those who may import bundles."""

    def is_shown(self, request):
        return can_import_bundles(request.user)


class CampaignBundleViewSet(ViewSet):
    name = url_names.CAMPAIGN_BUNDLE
    url_prefix = "advocacy/campaign-bundle"
    icon = "upload"
    menu_label = _("Import a campaign bundle")
    add_to_admin_menu = True
    menu_item_class = CampaignBundleMenuItem

    def get_urlpatterns(self):
        return refusals_as_403([path("", CampaignBundleImportView.as_view(), name="import")])
