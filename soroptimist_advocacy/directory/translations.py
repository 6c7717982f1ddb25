"""Keep a decision maker's wagtail-localize translations in step with her source page.

Import, sync and "Create draft page" write the directory's source language only; a member
reading ``/zh-hans/decision-makers/`` must still find her. So every written page is
translated (wagtail-localize's ``Translation`` records, the same ones "Translate this page"
makes) into each locale its directory is translated into, and re-synchronised from the
source when it changes. A translator's string translations live in wagtail-localize's
translation memory, keyed by the source string, so a re-import that changes her phone
number keeps the translated job title; segments nobody translated show the source text
until someone does.

Wagtail-localize's own "synchronise content" locale option reacts only to pages created in
the admin, and ``copy_for_translation`` leaves no source to sync from: hence this module.
"""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

logger = logging.getLogger(__name__)


def directory_locales(directory) -> list[Locale]:
    """The locales, other than its own, that *directory* is translated into."""
    locale_ids = (
        Page.objects.filter(translation_key=directory.translation_key)
        .exclude(locale_id=directory.locale_id)
        .values_list("locale_id", flat=True)
    )
    return list(Locale.objects.filter(pk__in=list(locale_ids)).order_by("language_code"))


def is_translation_target(page) -> bool:
    """True when *page* is itself a wagtail-localize translation of a page in another language:
    it is synchronised from there, never used as a source."""
    return Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id).exists()


def _save(translation: Translation, user, publish: bool) -> bool:
    """Write *translation*'s page; publish it at once (not on commit) when *publish*. False when
    the translation itself is invalid: it stays as it was, for its translator."""
    try:
        with transaction.atomic():
            # Publishing in this transaction rather than on commit (what save_target(publish=True)
            # does) lets the import's own transaction hold every language or none.
            translation.save_target(user=user, publish=False)
            if publish:
                target = translation.get_target_instance()
                revision = target.get_latest_revision()
                if revision is not None:
                    revision.publish(user=user)
    except ValidationError:
        logger.warning("Could not sync %s into %s", translation.source, translation.target_locale)
        return False
    return True


def translate_decision_maker(page, user=None, locales: list[Locale] | None = None) -> int:
    """Create or update *page*'s translations in every locale its directory is translated into
    (*locales*, when the caller, writing many pages of one directory, knows them already).

    Translations are published when *page* is live, saved as drafts when it is not. Pages
    that already exist in a language without wagtail-localize (copied or written by hand)
    are left as they are. Returns the number of languages written. A directory in one
    language costs one query.
    """
    page = page.specific
    if locales is None:
        locales = directory_locales(page.get_parent())
    source = TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id).first()
    if source is None and not locales:
        return 0  # Nothing to translate into, nothing to keep in step.
    if is_translation_target(page):
        return 0
    if source is None:
        source, _created = TranslationSource.get_or_create_from_instance(page)
    else:
        source.update_from_db()
    existing = set(
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .values_list("locale_id", flat=True)
    )
    live = set(Page.objects.filter(translation_key=page.translation_key, live=True).values_list("locale_id", flat=True))
    managed = {translation.target_locale_id: translation for translation in source.translations.filter(enabled=True)}
    for locale in locales:
        if locale.pk not in existing and locale.pk not in managed:
            managed[locale.pk] = Translation.objects.update_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )[0]
    written = 0
    for locale_id, translation in sorted(managed.items()):
        # A translation someone unpublished stays unpublished; a new one follows the source.
        # (*page* may be an instance published through a revision: the database knows, not it.)
        publish = page.locale_id in live and (locale_id not in existing or locale_id in live)
        written += _save(translation, user, publish=publish)
    return written


def publish_first_translations(page, user=None) -> int:
    """Publish *page*'s wagtail-localize translations that were never published (the drafts
    "Create draft page" or a draft import made), now that *page* itself is published.

    Only never-published drafts: a translation someone took offline stays offline. One
    query when there is nothing to do.
    """
    targets = Page.objects.filter(
        translation_key=page.translation_key,
        first_published_at__isnull=True,
        locale__in=Translation.objects.filter(
            source__object_id=page.translation_key, source__locale_id=page.locale_id, enabled=True
        ).values("target_locale"),
    ).exclude(pk=page.pk)
    published = 0
    for target in targets:
        revision = target.get_latest_revision()
        if revision is not None:
            revision.publish(user=user)
            published += 1
    return published
