"""Keep cached pages honest: publishing what a page shows purges that page, in every language.

The Action Kit page is served to anonymous visitors from a CDN or Wagtail's
frontend cache, so a new minister, a corrected template or an edited campaign
must purge every translation of each page that shows it. Purging only runs when
``wagtail.contrib.frontend_cache`` is installed and configured.

Privacy wins over the caches: adding, changing or removing a view restriction
(Wagtail's "Privacy" setting) purges the page, what the app caches under it and
every page showing any of it. Wagtail sends no signal of its own for that, so
Django's model signals on ``PageViewRestriction`` (and on its ``groups``) do, once
the change is committed.
"""

from __future__ import annotations

from functools import partial

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished

from soroptimist_advocacy.campaigns.pages import campaign_pages
from soroptimist_advocacy.directory.translations import publish_first_translations
from soroptimist_advocacy.letter_builder import setup as letter_setup
from soroptimist_advocacy.letter_builder.setup_sources import changes_letter_setups, setup_source_models
from soroptimist_advocacy.models.action_kit import ActionKitMixin
from soroptimist_advocacy.models.campaign_sources import forget_defined_sources
from soroptimist_advocacy.models.decision_maker import DecisionMakerIndexMixin, DecisionMakerMixin
from soroptimist_advocacy.models.letter_template import LetterTemplateMixin
from soroptimist_advocacy.models.public import SharedCacheMixin
from soroptimist_advocacy.models.resource import ResourceMixin
from soroptimist_advocacy.web import page_cache


def frontend_cache_enabled() -> bool:
    return apps.is_installed("wagtail.contrib.frontend_cache") and bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def with_translations(pages):
    """Every live translation of each page in *pages* (the page itself included)."""
    keys = {page.translation_key for page in pages}
    return Page.objects.live().filter(translation_key__in=keys).specific()


def campaigns_showing_directory(directory):
    """Campaign pages (all languages, any ActionKitMixin type) whose letter form or lookup offers *directory*."""
    directory_ids = {page.pk for page in with_translations([directory])}
    return [
        page
        for page in live_campaign_pages()
        if page.directory_id in directory_ids
        or chosen_in_body(page, "decision_maker_lookup", "directory") & directory_ids
    ]


def live_campaign_pages() -> list:
    """Every live page of every type built on ActionKitMixin, as its specific class."""
    return list(campaign_pages().live().specific())


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
    """Campaign pages whose resource lists show *resource* (any translation of it)."""
    resource_ids = {page.pk for page in with_translations([resource])}
    return [page for page in live_campaign_pages() if chosen_in_body(page, "resource_list", "resources") & resource_ids]


def campaigns_using_template(template):
    """Campaign pages whose letter builder block chooses *template* (any translation of it)."""
    template_ids = set(
        type(template).objects.filter(translation_key=template.translation_key).values_list("pk", flat=True)
    )
    return [
        page
        for page in live_campaign_pages()
        if any(
            block.block_type == "letter_builder" and getattr(block.value.get("template"), "pk", None) in template_ids
            for block in page.body
        )
    ]


def pages_to_purge(instance) -> list:
    """The pages whose cached copies show *instance*, in every language; by mixin, so a site's
    own page types built on the app's mixins are purged too."""
    if isinstance(instance, ActionKitMixin):
        return list(with_translations([instance]))
    if isinstance(instance, DecisionMakerMixin):
        directory = instance.get_parent().specific
        return list(with_translations([instance, directory, *campaigns_showing_directory(directory)]))
    if isinstance(instance, DecisionMakerIndexMixin):
        return list(with_translations([instance, *campaigns_showing_directory(instance)]))
    if isinstance(instance, LetterTemplateMixin):
        return list(with_translations(campaigns_using_template(instance)))
    if isinstance(instance, ResourceMixin):
        index = instance.get_parent().specific
        return list(with_translations([instance, index, *campaigns_listing_resource(instance)]))
    return []


def section_models() -> list:
    """Page types under a restricted page whose purge matters: what the app caches and the
    resources campaigns list (a decision maker's directory is under the same restriction)."""
    return [
        model
        for model in get_page_models()
        if issubclass(model, (SharedCacheMixin, ResourceMixin)) and not issubclass(model, DecisionMakerMixin)
    ]


def pages_to_purge_for_restriction(page) -> list:
    """The pages whose cached copies a view restriction on *page* changes, in every language:
    the page itself, the pages the app caches under it, and every page showing any of them
    (a restricted decision maker or directory leaves the listing and the letter forms)."""
    shown = [page, *Page.objects.descendant_of(page).type(*section_models()).specific()]
    found = {translation.pk: translation for translation in with_translations(shown)}
    for each in shown:
        found.update((affected.pk, affected) for affected in pages_to_purge(each))
    return list(found.values())


def purge(instance, find_pages=pages_to_purge, *, letters_change: bool | None = None) -> None:
    """Purge the pages showing *instance* from the caches; reset every process's letter setups
    when *instance* feeds them (*letters_change* says so where the instance alone cannot tell),
    after the commit, so no process rebuilds a setup from rows about to change."""
    if changes_letter_setups(instance) if letters_change is None else letters_change:
        transaction.on_commit(letter_setup.bump_version, robust=True)
    if not (page_cache.enabled() or frontend_cache_enabled()):
        return
    pages = find_pages(instance)
    page_cache.invalidate(pages)
    if not pages or not frontend_cache_enabled():
        return
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.purge()


def on_page_change(sender, instance, **kwargs):
    forget_defined_sources()  # a newly defined ?source= slug works at once in this process
    purge(instance.specific)


def on_template_saved(sender, instance, **kwargs):
    purge(instance)


page_published.connect(on_page_change, dispatch_uid="soroptimist_advocacy_purge_published")


def on_decision_maker_published(sender, instance, revision=None, **kwargs):
    """A decision maker's first publication publishes her draft translations too (made with her
    draft page), so she reaches every language of the directory at once."""
    if isinstance(instance, DecisionMakerMixin):
        publish_first_translations(instance, getattr(revision, "user", None))


page_published.connect(on_decision_maker_published, dispatch_uid="soroptimist_advocacy_publish_translations")
page_unpublished.connect(on_page_change, dispatch_uid="soroptimist_advocacy_purge_unpublished")


def purge_restricted_page(page_id: int) -> None:
    """After a view restriction on page *page_id* changed (and was committed): no stored view
    is served again, the letter setups drop their decision makers, and the page, what is
    cached under it and the pages showing it are purged from the caches."""
    page_cache.restrictions_changed()
    page = Page.objects.filter(pk=page_id).first()
    if page is None:  # deleted along with its restriction: nothing left to show
        letter_setup.bump_version()
        return
    # Anything under the restricted page may be a decision maker a letter setup offers.
    purge(page.specific, find_pages=pages_to_purge_for_restriction, letters_change=True)


def purge_after_commit(page_ids) -> None:
    # After the commit: a purge before it could let another process store the page
    # while the restriction is not yet visible to it.
    for page_id in set(page_ids):
        transaction.on_commit(partial(purge_restricted_page, page_id), robust=True)


def on_view_restriction_change(sender, instance, **kwargs):
    """Saved or deleted; on delete only the page id is read, the page may be gone with it."""
    purge_after_commit([instance.page_id])


def on_view_restriction_groups_change(sender, instance, action, reverse, pk_set, **kwargs):
    """The groups of a restriction changed, from either side of the relation."""
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            purge_after_commit([instance.page_id])
    elif action in ("post_add", "post_remove"):
        purge_after_commit(PageViewRestriction.objects.filter(pk__in=pk_set).values_list("page_id", flat=True))
    elif action == "pre_clear":  # the group's restrictions are still known only before
        purge_after_commit(PageViewRestriction.objects.filter(groups=instance).values_list("page_id", flat=True))


post_save.connect(
    on_view_restriction_change, sender=PageViewRestriction, dispatch_uid="soroptimist_advocacy_restriction_saved"
)
post_delete.connect(
    on_view_restriction_change, sender=PageViewRestriction, dispatch_uid="soroptimist_advocacy_restriction_deleted"
)
m2m_changed.connect(
    on_view_restriction_groups_change,
    sender=PageViewRestriction.groups.through,
    dispatch_uid="soroptimist_advocacy_restriction_groups",
)


def on_site_saved(sender, instance, **kwargs):
    """A Site's address or name is in the links of every page stored in the page cache."""
    transaction.on_commit(page_cache.site_changed, robust=True)


post_save.connect(on_site_saved, sender=Site, dispatch_uid="soroptimist_advocacy_site_saved")


def on_letter_setup_source_saved(sender, instance, created=False, **kwargs):
    """A replaced .docx, a page saved without a new revision, a string translated: letters
    change in every process, once the change is committed (a process that rebuilt its setup
    from the rows as they were before the commit would otherwise keep it)."""
    if changes_letter_setups(instance, created):
        transaction.on_commit(letter_setup.bump_version, robust=True)


# By sender: a receiver without one would run on every save of every model (sessions, reports, counters).
for model in setup_source_models():
    post_save.connect(
        on_letter_setup_source_saved,
        sender=model,
        dispatch_uid=f"soroptimist_advocacy_letter_setup_{model._meta.label_lower}",
    )
post_save.connect(
    on_template_saved, sender="soroptimist_advocacy.LetterTemplate", dispatch_uid="soroptimist_advocacy_purge_template"
)
