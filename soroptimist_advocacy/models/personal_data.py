"""Erasing what a member typed about herself: the one rule shared by action reports and
decision-maker corrections, used by "delete my report", the admin's erase action and
retention (``manage.py purge_personal_data``).

A model using it lists its ``PERSONAL_FIELDS`` (blanked to ""), may add ``ERASED_VALUES``
(other fields set on erasure, such as a revoked link), has a nullable
``personal_data_purged_at`` field and a manager built from ``PersonalDataQuerySet``.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, ClassVar, cast

from django.db import models
from django.utils import timezone


class PersonalDataQuerySet(models.QuerySet):
    def with_personal_data(self):
        return self.filter(personal_data_purged_at__isnull=True)

    def erase_personal_data(self, now: datetime.datetime | None = None) -> int:
        """Blank the personal fields of every record in the queryset in one UPDATE; return how
        many. The UPDATE is conditional (personal data still there), so a record erased meanwhile
        by its member or by an overlapping run is not counted twice."""
        model = cast("type[PersonalDataMixin]", self.model)
        return self.with_personal_data().update(**model.personal_data_blanks(now or timezone.now()))


# The mixin goes before models.Model in a model's bases; the type checker is told so.
if TYPE_CHECKING:
    _ModelBase = models.Model
else:
    _ModelBase = object


class PersonalDataMixin(_ModelBase):
    """A record with personal data that can be erased while its aggregate facts stay."""

    personal_data_purged_at: datetime.datetime | None  # a field each model declares

    # What a member typed about herself or in her own words.
    PERSONAL_FIELDS: ClassVar[tuple[str, ...]] = ()
    # Other fields set when the personal data goes.
    ERASED_VALUES: ClassVar[dict[str, Any]] = {}

    @classmethod
    def personal_data_blanks(cls, now: datetime.datetime) -> dict[str, Any]:
        """The field values of a record whose personal data is erased at *now*."""
        return {**{field: "" for field in cls.PERSONAL_FIELDS}, **cls.ERASED_VALUES, "personal_data_purged_at": now}

    @property
    def has_personal_data(self) -> bool:
        return self.personal_data_purged_at is None

    def erase_personal_data(self, now: datetime.datetime | None = None) -> None:
        """Blank the personal fields (and set ERASED_VALUES) of this record and save them."""
        blanks = self.personal_data_blanks(now or timezone.now())
        for field, value in blanks.items():
            setattr(self, field, value)
        # An auto_now "updated_at" is only written when named in update_fields.
        touched = [field.name for field in self._meta.concrete_fields if getattr(field, "auto_now", False)]
        self.save(update_fields=[*blanks, *touched])
