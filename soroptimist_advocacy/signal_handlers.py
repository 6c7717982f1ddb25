"""Keep cached pages honest: publishing what a page shows purges that page, in every language.

The Action Kit page is served to anonymous visitors from a CDN or Wagtail's
frontend cache, so a new minister, a corrected template or an edited campaign
must purge every translation of each page that shows it. Purging only runs when
``wagtail.contrib.frontend_cache`` is installed and configured.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_save
from wagtail.documents import get_document_model
from wagtail.signals import page_published, page_unpublished


def frontend_cache_enabled() -> bool:
    return apps.is_installed("wagtail.contrib.frontend_cache") and bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
    )


def with_translations(pages):
    """Every live translation of each page in *pages* (the page itself included)."""
    from wagtail.models import Page

    keys = {page.translation_key for page in pages}
    return Page.objects.live().filter(translation_key__in=keys).specific()


def campaigns_showing_directory(directory):
    """Action Kit pages (all languages) whose letter form or lookup offers *directory*."""
    from soroptimist_advocacy.models import ActionKitPage

    directory_ids = {page.pk for page in with_translations([directory])}
    return [
        page
        for page in ActionKitPage.objects.live()
        if page.directory_id in directory_ids or chosen_in_body(page, "decision_maker_lookup", "directory") & directory_ids
    ]


def chosen_in_body(page, block_type: str, field: str) -> set:
    """Ids chosen in *field* of the *block_type* blocks of *page*'s body, from the raw stream."""
    chosen = set()
    for raw in page.body.raw_data:
        if raw["type"] == block_type:
            value = raw["value"].get(field)
            for item in value if isinstance(value, list) else [value]:
                item = item.get("value") if isinstance(item, dict) else item
                if item:
                    chosen.add(item)
    return chosen


def campaigns_listing_resource(resource):
    """Action Kit pages whose resource lists show *resource* (any translation of it)."""
    from soroptimist_advocacy.models import ActionKitPage

    resource_ids = {page.pk for page in with_translations([resource])}
    return [page for page in ActionKitPage.objects.live() if chosen_in_body(page, "resource_list", "resources") & resource_ids]


def campaigns_using_template(template):
    """Action Kit pages whose letter builder block chooses *template* (any translation of it)."""
    from soroptimist_advocacy.models import ActionKitPage, LetterTemplate

    template_ids = set(
        LetterTemplate.objects.filter(translation_key=template.translation_key).values_list("pk", flat=True)
    )
    return [
        page
        for page in ActionKitPage.objects.live()
        if any(
            block.block_type == "letter_builder" and getattr(block.value.get("template"), "pk", None) in template_ids
            for block in page.body
        )
    ]


def pages_to_purge(instance) -> list:
    """The pages whose cached copies show *instance*, in every language."""
    from soroptimist_advocacy.models import ActionKitPage, DecisionMakerIndexPage, DecisionMakerPage, LetterTemplate, ResourcePage

    if isinstance(instance, ActionKitPage):
        return list(with_translations([instance]))
    if isinstance(instance, DecisionMakerPage):
        directory = instance.get_parent().specific
        return list(with_translations([instance, directory, *campaigns_showing_directory(directory)]))
    if isinstance(instance, DecisionMakerIndexPage):
        return list(with_translations([instance, *campaigns_showing_directory(instance)]))
    if isinstance(instance, LetterTemplate):
        return list(with_translations(campaigns_using_template(instance)))
    if isinstance(instance, ResourcePage):
        index = instance.get_parent().specific
        return list(with_translations([instance, index, *campaigns_listing_resource(instance)]))
    return []


def purge(instance) -> None:
    from soroptimist_advocacy.letter_builder import setup as letter_setup
    from soroptimist_advocacy.web import page_cache

    letter_setup.bump_version()
    if not (page_cache.enabled() or frontend_cache_enabled()):
        return
    pages = pages_to_purge(instance)
    page_cache.invalidate(pages)
    if not pages or not frontend_cache_enabled():
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.purge()


def on_page_change(sender, instance, **kwargs):
    from soroptimist_advocacy.campaigns.sources import forget_defined_sources

    forget_defined_sources()  # a newly defined ?source= slug works at once in this process
    purge(instance.specific)


def on_template_saved(sender, instance, **kwargs):
    purge(instance)


page_published.connect(on_page_change, dispatch_uid="soroptimist_advocacy_purge_published")
page_unpublished.connect(on_page_change, dispatch_uid="soroptimist_advocacy_purge_unpublished")
def on_document_saved(sender, instance, **kwargs):
    """A replaced .docx, or a page saved without a new revision, changes letters (any process)."""
    from wagtail.models import Page

    from soroptimist_advocacy.letter_builder import setup as letter_setup

    if sender is get_document_model() or isinstance(instance, Page):
        letter_setup.bump_version()


post_save.connect(on_document_saved, dispatch_uid="soroptimist_advocacy_letter_setup_document")
post_save.connect(on_template_saved, sender="soroptimist_advocacy.LetterTemplate", dispatch_uid="soroptimist_advocacy_purge_template")
