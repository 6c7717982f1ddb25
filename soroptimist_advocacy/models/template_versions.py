"""Which bytes a letter template renders from: validated ones, always.

The engine validates whatever bytes it prepares; this module decides what to
do when a live template's document fails (its file gone, damaged, or replaced
by one the checks refuse): the member gets her letter from the template's last
good version, kept by the app in the database, or else from the app's default
template. The failure is logged once per cause and recorded for editors, who
see it on the template snippet and on the campaigns using it. A member never
gets a 500 for a template.
"""

from __future__ import annotations

import hashlib
import logging
import threading

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from soroptimist_advocacy.letters import default_template_bytes, prepare

logger = logging.getLogger(__name__)

MISSING = "missing"

# Per process: template pk -> hash of the bytes last recorded as good, so an
# unchanged template costs no query per letter once it has been recorded.
_recorded_good: dict[int, str] = {}
_lock = threading.Lock()


class LetterTemplateVersion(models.Model):
    """The app's own copy of a letter template's last validated bytes, and its current problem.

    Kept in the database, not in a process: "the last good version" survives
    restarts, other processes, and Wagtail's document form deleting the file it
    replaces. ``problem`` is what editors are shown while the live document
    cannot be used.
    """

    template = models.OneToOneField(
        "soroptimist_advocacy.LetterTemplate", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    sha256 = models.CharField(max_length=64, blank=True)
    content = models.BinaryField(null=True, blank=True)
    validated_at = models.DateTimeField(null=True, blank=True)
    problem = models.TextField(blank=True)
    # What the problem was found in (a content hash, or "missing"): it is logged once per cause.
    problem_source = models.CharField(max_length=64, blank=True)
    problem_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("validated letter template")
        verbose_name_plural = _("validated letter templates")

    def __str__(self) -> str:
        return str(self.template)


def read_document_bytes(document) -> bytes:
    """Read a Wagtail document's file whatever the storage (local disk, S3...)."""
    with document.open_file() as handle:
        return handle.read()


def usable_template_bytes(letter_template) -> bytes:
    """The bytes to render *letter_template*'s letters from; never bytes that failed validation."""
    if letter_template.document_id is None:
        return default_template_bytes(letter_template.locale.language_code)
    try:
        data = read_document_bytes(letter_template.document)
    except Exception:
        logger.debug("Letter template %s: document file unreadable", letter_template.pk, exc_info=True)
        return _fall_back(letter_template, MISSING, gettext("The document's file cannot be found or read."))
    digest = hashlib.sha256(data).hexdigest()
    try:
        prepare(data)  # validated once per content hash and process
    except ValidationError as error:
        return _fall_back(letter_template, digest, " ".join(error.messages))
    if _recorded_good.get(letter_template.pk) != digest:
        _record_good(letter_template, digest, data)
    return data


def _record_good(letter_template, digest: str, data: bytes) -> None:
    with transaction.atomic():
        LetterTemplateVersion.objects.update_or_create(
            template=letter_template,
            defaults={
                "sha256": digest,
                "content": data,
                "validated_at": timezone.now(),
                "problem": "",
                "problem_source": "",
                "problem_since": None,
            },
        )
    with _lock:
        _recorded_good[letter_template.pk] = digest


def _fall_back(letter_template, source: str, problem: str) -> bytes:
    """The last good bytes, else the default template; the problem logged and recorded once per cause."""
    with _lock:
        _recorded_good.pop(letter_template.pk, None)
    version = LetterTemplateVersion.objects.filter(template=letter_template).first()
    if version is None or version.problem_source != source:
        logger.error(
            "Letter template %r (pk %s) cannot be used (%s): %s Letters use %s until it is fixed.",
            str(letter_template),
            letter_template.pk,
            source[:12],
            problem,
            "its last good version" if version is not None and version.content else "the default template",
        )
        LetterTemplateVersion.objects.update_or_create(
            template=letter_template,
            defaults={"problem": problem, "problem_source": source, "problem_since": timezone.now()},
        )
    if version is not None and version.content:
        last_good = bytes(version.content)
        try:
            prepare(last_good)
            return last_good
        except ValidationError:  # refused by today's rules: the default is safer
            pass
    return default_template_bytes(letter_template.locale.language_code)


def template_problem(letter_template) -> str:
    """The problem editors should see for *letter_template*, or ""."""
    version = LetterTemplateVersion.objects.filter(template=letter_template).only("problem").first()
    return version.problem if version is not None else ""


def forget_recorded(template_pk: int | None = None) -> None:
    """Forget what this process recorded (tests, or after restoring a database)."""
    with _lock:
        if template_pk is None:
            _recorded_good.clear()
        else:
            _recorded_good.pop(template_pk, None)
