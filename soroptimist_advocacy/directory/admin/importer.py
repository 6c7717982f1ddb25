"""The CSV import for editors: upload, see what would change (a dry run), confirm.

A Popolo JSON file is read as the CSV it converts to (``popolo_read.import_csv``), with the
country the editor picks for records whose area names none; the preview and the confirmation
then carry that CSV.

The confirmation carries the previewed file itself (base64, in a hidden field)
rather than keeping it on the server: nothing personal lingers in a cache or a
temporary folder, and any app process can answer. The file is read and checked
again in full on confirmation, and the plan made afresh against the database.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from django_countries import countries
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from soroptimist_advocacy.directory.csv_format import MAX_FILE_BYTES
from soroptimist_advocacy.directory.importer import import_decision_makers
from soroptimist_advocacy.directory.popolo_read import MAX_JSON_BYTES, PopoloError, import_csv
from soroptimist_advocacy.models.decision_maker import directory_pages
from soroptimist_advocacy.web.admin import url_names
from soroptimist_advocacy.web.admin.permissions import can_import_into, directories_for_import

TEMPLATE = "soroptimist_advocacy/admin/decision_maker_import.html"


class DirectoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, directory):
        return f"{directory.title} ({directory.locale.get_display_name()}) – {directory.url_path}"


class UploadForm(forms.Form):
    directory = DirectoryChoiceField(queryset=Page.objects.none(), label=_("Directory"))  # set per user
    file = forms.FileField(
        label=_("CSV or Popolo JSON file"),
        help_text=_(
            "UTF-8 CSV (“CSV UTF-8” in spreadsheet programs), at most 1 MB, or a Popolo JSON file (such as "
            "EveryPolitician's). You will see what would change before anything is saved."
        ),
    )
    country = forms.TypedChoiceField(
        label=_("Country of records without one"),
        required=False,
        empty_value="",
        help_text=_(
            "For a Popolo file whose areas name no country (EveryPolitician's constituencies): the country of "
            "its decision makers. A CSV file gives each record's country itself."
        ),
    )

    def __init__(self, *args, directories, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["directory"]).queryset = (
            directory_pages().filter(pk__in=[directory.pk for directory in directories]).select_related("locale")
        )
        self.fields["file"].widget.attrs["accept"] = ".csv,text/csv,.json,application/json"
        cast(forms.ChoiceField, self.fields["country"]).choices = [("", "---------"), *countries]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        if upload.size > MAX_JSON_BYTES:
            self.add_error("file", self.too_large(MAX_JSON_BYTES))
            return cleaned
        try:
            data = import_csv(upload.read(), upload.name or "", default_country=cleaned.get("country") or "")
        except PopoloError as error:
            self.add_error("file", str(error))
            return cleaned
        if len(data) > MAX_FILE_BYTES:
            self.add_error("file", self.too_large(MAX_FILE_BYTES))
            return cleaned
        cleaned["data"] = data  # CSV, whatever was uploaded
        return cleaned

    @staticmethod
    def too_large(limit: int) -> str:
        return gettext("The file is larger than %(size)s MB; split it into smaller files.") % {
            "size": limit // 1_000_000
        }


class ConfirmForm(forms.Form):
    directory: forms.ModelChoiceField = forms.ModelChoiceField(queryset=Page.objects.none(), widget=forms.HiddenInput)
    # Not "data", the name of the form's own submitted values.
    csv_data = forms.CharField(widget=forms.HiddenInput, max_length=MAX_FILE_BYTES * 2)

    def __init__(self, *args, directories, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["directory"]).queryset = directory_pages().filter(
            pk__in=[directory.pk for directory in directories]
        )

    def clean_csv_data(self) -> bytes:
        try:
            return base64.b64decode(self.cleaned_data["csv_data"], validate=True)
        except (binascii.Error, ValueError):
            raise forms.ValidationError(
                gettext("The previewed file was damaged on the way; upload it again.")
            ) from None


class DecisionMakerImportView(WagtailAdminTemplateMixin, View):
    page_title = _("Import decision makers")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.directories = directories_for_import(request.user)
        if not self.directories:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(url_names.DECISION_MAKERS_INDEX), "label": gettext("Decision makers")},
            {"url": "", "label": self.get_page_title()},
        ]

    def check_posted_directory(self):
        """A directory the editor may not import into is refused outright, not just invalid."""
        directory_id = self.request.POST.get("directory", "")
        if not directory_id.isdigit():
            return
        directory = directory_pages().filter(pk=int(directory_id)).first()
        if directory is not None and not can_import_into(self.request.user, directory):
            raise PermissionDenied

    def get(self, request):
        initial = {}
        if request.GET.get("directory", "").isdigit():
            initial["directory"] = int(request.GET["directory"])
        elif len(self.directories) == 1:
            initial["directory"] = self.directories[0].pk
        return self.render(UploadForm(directories=self.directories, initial=initial))

    def post(self, request):
        self.check_posted_directory()
        if "confirm" in request.POST:
            return self.confirm()
        return self.preview()

    def preview(self):
        form = UploadForm(self.request.POST, self.request.FILES, directories=self.directories)
        if not form.is_valid():
            return self.render(form, status=400)
        directory, data = form.cleaned_data["directory"].specific, form.cleaned_data["data"]
        plan = import_decision_makers(directory, data, dry_run=True)
        confirm_form = None
        if plan.is_valid and plan.has_changes:
            confirm_form = ConfirmForm(
                initial={"directory": directory.pk, "csv_data": base64.b64encode(data).decode("ascii")},
                directories=self.directories,
            )
        return self.render(form, plan=plan, confirm_form=confirm_form, status=200 if plan.is_valid else 400)

    def confirm(self):
        form = ConfirmForm(self.request.POST, directories=self.directories)
        if not form.is_valid():
            messages.error(self.request, gettext("The preview has expired or was changed; upload the file again."))
            return self.render(UploadForm(directories=self.directories), status=400)
        directory = form.cleaned_data["directory"].specific
        plan = import_decision_makers(directory, form.cleaned_data["csv_data"], dry_run=False, user=self.request.user)
        if plan.applied:
            messages.success(
                self.request,
                gettext("Import finished: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.")
                % {
                    "created": len(plan.created),
                    "updated": len(plan.updated),
                    "unchanged": len(plan.unchanged),
                },
            )
        upload_form = UploadForm(directories=self.directories, initial={"directory": directory.pk})
        return self.render(upload_form, plan=plan, status=200 if plan.is_valid else 400)

    def render(self, form, *, plan=None, confirm_form=None, status=200):
        context = self.get_context_data(
            form=form,
            plan=plan,
            confirm_form=confirm_form,
            listing_url=reverse(url_names.DECISION_MAKERS_INDEX),
            export_urls=[
                (directory, reverse(url_names.DECISION_MAKERS_EXPORT, args=[directory.pk]))
                for directory in self.directories
            ],
        )
        return TemplateResponse(self.request, TEMPLATE, context, status=status)
