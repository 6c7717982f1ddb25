"""What a member sends the directory's editors: a correction of a decision maker's details or a
suggestion of one for a country nobody covers. One base for both: open until an editor handles
it, who handled it and when, and what identifies the member, erased by retention
(:mod:`~soroptimist_advocacy.models.personal_data`).

A model built on it declares its ``Status`` (``OPEN`` and its own handled state, named by
``HANDLED``), the fields the member fills in (``SENT_FIELDS``: its form's fields, and the
admin's search, export and inspect read them), her name and email fields among them
(``MEMBER_FIELDS``) and its ``PERSONAL_FIELDS``.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.models.personal_data import PersonalDataMixin, PersonalDataQuerySet

OPEN = "open"


class MemberSubmissionQuerySet(PersonalDataQuerySet):
    def open(self):
        return self.filter(status=OPEN)


# A named manager class, not ``as_manager()`` on the model, so that django-stubs can type
# the reverse relations of the pages these records point to.
MemberSubmissionManager = models.Manager.from_queryset(MemberSubmissionQuerySet)


class SubmissionStatusField(models.CharField):
    """A submission's status, choosing from its own model's ``Status``.

    Django copies an abstract base's fields into each model; a field whose choices differ per
    model overrides ``contribute_to_class`` (Django's own advice, in ``Field.contribute_to_class``).
    Migrations see the plain ``CharField`` it is in the database.
    """

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("max_length", 16)
        kwargs.setdefault("default", OPEN)
        kwargs.setdefault("db_index", True)
        super().__init__(*args, **kwargs)

    def contribute_to_class(self, cls, name, *args, **kwargs):
        self.choices = cls.Status.choices
        super().contribute_to_class(cls, name, *args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs


class MemberSubmission(PersonalDataMixin, models.Model):
    """Something a member sent the directory's editors, open until one of them handles it."""

    class Status(models.TextChoices):
        # Each model declares its own, with OPEN and the state an editor leaves it in.
        OPEN = OPEN, _("open")

    HANDLED: ClassVar[str]
    # What the member fills in, in the order her form shows it.
    SENT_FIELDS: ClassVar[tuple[str, ...]] = ()
    # Her name and her email field, both optional: who she is, shown only to those who may see it.
    MEMBER_FIELDS: ClassVar[tuple[str, str]]

    status = SubmissionStatusField(_("status"))
    created_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    personal_data_purged_at = models.DateTimeField(_("personal data removed at"), null=True, blank=True, editable=False)

    objects = MemberSubmissionManager()

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    def mark_handled(self, user, **fields) -> None:
        """Leave it in its handled state, by *user* now, with *fields* (such as a draft page) set too."""
        values = {"status": self.HANDLED, "handled_at": timezone.now(), "handled_by": user, **fields}
        for field, value in values.items():
            setattr(self, field, value)
        self.save(update_fields=list(values))

    @property
    def member(self) -> str:
        """Who sent it, "Name <email>" or what she gave of the two."""
        name, email = (getattr(self, field) for field in self.MEMBER_FIELDS)
        return f"{name} <{email}>" if name and email else name or email
