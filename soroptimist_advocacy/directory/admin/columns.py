"""Listing columns the directory's admin views share."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column


class LastVerifiedColumn(Column):
    """When an editor last checked the record, or "Never"; blank where there is nobody to check
    (a coverage row of a country with nobody listed: ``has_record`` says which rows have one)."""

    def __init__(self, *args, has_record=lambda row: True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.has_record = has_record

    def get_value(self, instance):
        if instance.last_verified is not None:
            return date_format(instance.last_verified, "DATE_FORMAT")
        return gettext("Never") if self.has_record(instance) else ""


def country_column(**kwargs) -> Column:
    """The country's name in the editor's language, sorted by its code."""
    return Column("country", label=_("Country"), accessor=lambda row: row.country.name, sort_key="country", **kwargs)
