"""Translate content the way an editor does with wagtail-localize: a translation
source, string translations per segment, optional overrides, then publish.

For scripts that load translated content (the example site's demo is built with it, and
the tests translate their pages with it), never called by a request."""

from __future__ import annotations

import json

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue


def translate(
    instance, language: str, strings: dict[str, str], overrides: dict[str, object] | None = None, publish_now=True
):
    """Create or update *instance*'s translation into *language* and publish it.

    *strings* maps source segment text (as stored, or as plain text) to its translation
    (segments without one keep the source text); *overrides* maps a synchronised field's path (such as
    ``"document"``) to the value the translation uses instead. With *publish_now*
    false, a page is published in ``transaction.on_commit`` exactly as the
    admin's "Publish" does.
    """
    locale = Locale.objects.get(language_code=language)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text is None:
            # A plain-text segment with a line break is stored as HTML ("<br/>"): key it as typed,
            # and store its translation as wagtail-localize's editor does.
            text = strings.get(StringValue(segment.string.data).render_text())
            if text is None:
                continue
            text = StringValue.from_plaintext(text).data
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    for path, value in (overrides or {}).items():
        segment = OverridableSegment.objects.get(source=source, context__path=path)
        SegmentOverride.objects.update_or_create(
            locale=locale, context=segment.context, defaults={"data_json": json.dumps(value)}
        )
    if isinstance(instance, Page) and publish_now:
        # Publish now rather than in transaction.on_commit (what publish=True does):
        # a revision published on commit would save its parent's stale tree data
        # (numchild) when a whole tree is translated in one transaction.
        translation.save_target(publish=False)
        instance.get_translation(locale).get_latest_revision().publish()
    else:
        translation.save_target(publish=True)
    return instance.get_translation(locale)
