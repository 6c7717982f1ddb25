"""Recreate a bundle's translations of an imported page as wagtail-localize translations.

Each carried string becomes a string translation of the imported page's segment at the
same path (see :mod:`.translation_strings`), after wagtail-localize's own checks of a
translated string (inline tags only, no attributes, no link the source lacks); then
wagtail-localize builds the translated page (``save_target``), and the page goes through
the same doors as the source: its rich text through the editor's converters, compared
and refused on any difference, its blocks' ``clean`` and its ``full_clean`` (the caller's
*check*). A refusal is recorded and the whole import rolled back by its caller.

A language the importing site does not have, or one its parent page was not translated
into, is skipped with a note: nothing is invented for it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DataError, transaction
from django.utils.translation import gettext
from wagtail.models import Locale
from wagtail_localize.models import SegmentOverride, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue, validate_translation_links

from soroptimist_advocacy.bundle.errors import Refusals
from soroptimist_advocacy.bundle.result import CREATED, UNCHANGED, UPDATED, ImportResult


class TranslationWriter:
    def __init__(self, refusals: Refusals, result: ImportResult, *, live: bool, user):
        self.refusals = refusals
        self.result = result
        self.live = live
        self.user = user
        self.locales = {locale.language_code.lower(): locale for locale in Locale.objects.all()}
        # Said once on the campaign at the end, not on each of a directory's many pages.
        self.notes: set[str] = set()

    def note_skipped(self) -> None:
        """Note on the imported campaign which translations were skipped, and why."""
        for note in sorted(self.notes):
            self.result.note_on(self.result.page, note)

    def translate(
        self, page, languages: dict, path: str, kind, check: Callable[[object, str], None], overrides=None
    ) -> None:
        """Write *languages* (``{code: {segment path: [texts]}}``) as translations of *page*; *check(target,
        path)* validates each translated page as its source was. *overrides* (``{code: {segment path:
        value}}``) are values a translation chose instead of the source's (wagtail-localize's overrides)."""
        overrides = overrides or {}
        if not languages or page is None:
            return
        source, _created = TranslationSource.update_or_create_from_instance(page.get_latest_revision_as_object())
        segments: dict[str, list] = {}
        for segment in source.stringsegment_set.select_related("string", "context").order_by("order"):
            segments.setdefault(segment.context.path, []).append(segment)
        for code, strings in sorted(languages.items()):
            where = f"{path}.{code}"
            locale = self.locales.get(code.lower())
            if locale is None:
                self.notes.add(
                    gettext("translations into %(language)s were skipped: this site has no such language")
                    % {"language": code[:20]}
                )
                continue
            if locale.pk == page.locale_id:
                continue
            parent = page.get_parent()
            if not parent.has_translation(locale):
                self.notes.add(
                    gettext(
                        "pages under “%(parent)s” were not translated into %(language)s: it has no %(language)s version"
                    )
                    % {"parent": parent.title, "language": code}
                )
                continue
            if self._store_strings(page, segments, strings, locale, where):
                self._store_overrides(source, overrides.get(code) or {}, locale)
                self._save(page, source, locale, where, kind, check)

    def _store_strings(self, page, segments: dict, strings: dict, locale, where: str) -> bool:
        """Store *strings* as string translations of *page*'s segments; False (refusals recorded)
        when one is not a translation."""
        valid = True
        for segment_path, texts in strings.items():
            limit = _field_length(page, segment_path)
            for segment, text in zip(segments.get(segment_path, []), texts, strict=False):
                try:
                    if limit is not None and len(text) > limit:
                        # Refused here: PostgreSQL would refuse the row (wagtail-localize may write
                        # the translated page as the string is stored), SQLite would keep it.
                        raise ValueError(gettext("is longer than %(count)d characters.") % {"count": limit})
                    StringValue.from_translated_html(text)  # Inline tags only, without attributes.
                    validate_translation_links(segment.string.data, text)
                except ValueError as error:
                    self.refusals.add(f"{where}.{segment_path}", str(error))
                    valid = False
                    continue
                try:
                    with transaction.atomic():
                        StringTranslation.objects.update_or_create(
                            translation_of=segment.string,
                            locale=locale,
                            context=segment.context,
                            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
                        )
                except DataError:
                    # Any other value the database cannot hold: a refusal, never a server error.
                    self.refusals.add(f"{where}.{segment_path}", gettext("cannot be stored in its field."))
                    valid = False
        return valid

    def _store_overrides(self, source, values: dict, locale) -> None:
        """Store *values* as the translation's overrides of the source's overridable segments of the same path."""
        if not values:
            return
        for segment in source.overridablesegment_set.select_related("context"):
            if segment.context.path in values:
                SegmentOverride.objects.update_or_create(
                    locale=locale,
                    context=segment.context,
                    defaults={"data_json": json.dumps(values[segment.context.path]), "last_translated_by": self.user},
                )

    def _save(self, page, source, locale, where: str, kind, check) -> None:
        existed = page.has_translation(locale)
        # wagtail-localize writes a translation page's row itself, which for a live page is what
        # visitors see: without --live a published translation is built and checked, then undone,
        # and the bundle's strings wait in its translation memory for a translator's sync.
        keep_published = not self.live and page.get_translations().filter(locale=locale, live=True).exists()
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        try:
            with transaction.atomic():
                target = self._build(page, translation, locale, where, check)
                if target is not None and keep_published:
                    raise _KeepPublished(target)
        except _KeepPublished as kept:
            self.result.add(
                kind,
                kept.target.title,
                UNCHANGED,
                where=kept.target.url_path,
                note=locale.get_display_name()
                + ", "
                + gettext("published version kept: its translation waits in the translation editor (sync it)"),
                obj=kept.target,
            )
            return
        if target is None:
            return
        if self.live:
            target.get_latest_revision().publish(user=self.user)
        self.result.add(
            kind,
            target.get_latest_revision_as_object().title,
            UPDATED if existed else CREATED,
            where=target.url_path,
            note=locale.get_display_name() + ("" if self.live else ", " + gettext("draft")),
            obj=target,
        )

    def _build(self, page, translation, locale, where: str, check):
        """The translation page built by wagtail-localize and checked; None (refusals recorded) if refused."""
        try:
            translation.save_target(user=self.user, publish=False)
        except ValidationError as error:
            self.refusals.add_error(where, error)
            return None
        except AttributeError as error:
            # wagtail-localize reads ``error_dict`` of the page's ValidationError, which a page-wide
            # error (raised by a page's own ``clean``) lacks: the page's error is the one to report.
            if not isinstance(error.__context__, ValidationError):
                raise
            self.refusals.add_error(where, error.__context__)
            return None
        target = page.get_translation(locale)
        before = len(self.refusals.messages)
        check(target.get_latest_revision_as_object(), where)
        return target if len(self.refusals.messages) == before else None


class _KeepPublished(Exception):
    """Undoes a published translation's rebuild (see ``_save``)."""

    def __init__(self, target):
        super().__init__()
        self.target = target


def _field_length(page, segment_path: str) -> int | None:
    """The *max_length* of the page's own text field a segment path names (``title``,
    ``seo_title``), None for a block's text or a field without one."""
    if "." in segment_path:
        return None
    try:
        field = type(page)._meta.get_field(segment_path)
    except FieldDoesNotExist:  # a segment that is no model field of its own
        return None
    return getattr(field, "max_length", None)
