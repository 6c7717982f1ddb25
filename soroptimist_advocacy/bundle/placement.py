"""An import stays under its parent: what it may update, and what it must refuse.

A bundle's identifiers are public (the campaign's key is in ``figures.json``), so
matching them across the whole site would let a bundle rewrite any page or
letter template that shares them. Here a page of the bundle's key may be updated
only when it sits under the chosen parent; a letter template only when every
campaign using it does. Anything of the bundle's keys elsewhere is a refusal
that names it. "Under the parent" includes the parent's translations (the same
tree in another language), so a bundle's French version may be imported under the
French translation of the page its English version went under.
"""

from __future__ import annotations

import json

from django.utils.translation import gettext
from wagtail.models import Page, Revision

from soroptimist_advocacy.bundle.errors import Refusals
from soroptimist_advocacy.campaigns.pages import campaign_pages
from soroptimist_advocacy.models.letter_template import LetterTemplate


def describe(page) -> str:
    return gettext("“%(title)s” at %(path)s") % {"title": page.title, "path": page.url_path}


def letter_templates_in_body(raw_body) -> set[int]:
    """The letter template ids the letter builder blocks of a raw campaign body choose."""
    if isinstance(raw_body, str):
        try:
            raw_body = json.loads(raw_body)
        except ValueError:
            return set()
    chosen = set()
    for block in raw_body or []:
        if isinstance(block, dict) and block.get("type") == "letter_builder" and isinstance(block.get("value"), dict):
            template = block["value"].get("template")
            if isinstance(template, int):
                chosen.add(template)
    return chosen


class Placement:
    """Where an import under *parent* may find and write what a bundle names."""

    def __init__(self, parent, refusals: Refusals) -> None:
        self.parent = parent
        self.refusals = refusals
        self.refused = False  # Whether something the bundle names is outside the parent.
        self.roots = list(Page.objects.filter(translation_key=parent.translation_key).only("path", "depth"))

    def is_inside(self, page) -> bool:
        return any(page.path.startswith(root.path) and page.depth > root.depth for root in self.roots)

    def existing_page(self, key, model, path: str):
        """The page of *key* under the parent in its language (of *model*), or None to create one.

        Records a refusal when a page of *key* exists outside the parent, or has another type.
        """
        found = list(Page.objects.filter(translation_key=key).order_by("path"))
        outside = [page for page in found if not self.is_inside(page)]
        for page in outside:
            self.refused = True
            self.refusals.add(
                path,
                gettext(
                    "this page already exists on this site outside the chosen parent: %(page)s. "
                    "Import the bundle under that page's parent, or choose another bundle."
                )
                % {"page": describe(page)},
            )
        here = next((page for page in found if page.locale_id == self.parent.locale_id), None)
        if outside or here is None:
            return None
        here = here.specific
        if not isinstance(here, model):
            self.refused = True
            self.refusals.add(
                path,
                gettext("%(page)s has this identifier but is not a %(type)s.")
                % {"page": describe(here), "type": model._meta.verbose_name},
            )
            return None
        return here

    def local_page(self, key):
        """The page of *key* in the parent's language under the parent, for a reference; else None."""
        page = Page.objects.filter(translation_key=key, locale_id=self.parent.locale_id).first()
        return page if page is not None and self.is_inside(page) else None

    def existing_template(self, key, path: str):
        """The letter template of *key* in the parent's language, or None to create one.

        A template is under the parent when every campaign using it (its published
        content or its latest draft) is, and one does: then updating it changes no
        letter outside the parent. Any other template of *key* is a refusal.
        """
        found = list(LetterTemplate.objects.filter(translation_key=key))
        if not found:
            return None
        users = self._template_users({template.pk for template in found})
        refused = False
        for template in found:
            using = users.get(template.pk, [])
            outside = [page for page in using if not self.is_inside(page)]
            refused = refused or bool(outside) or not using
            if outside:
                self.refusals.add(
                    path,
                    gettext(
                        "the letter template “%(name)s” already exists on this site and is used outside the "
                        "chosen parent, by %(page)s."
                    )
                    % {"name": template.name, "page": describe(outside[0])},
                )
            elif not using:
                self.refusals.add(
                    path,
                    gettext(
                        "the letter template “%(name)s” already exists on this site and no campaign under "
                        "the chosen parent uses it."
                    )
                    % {"name": template.name},
                )
        if refused:
            self.refused = True
            return None
        return next((template for template in found if template.locale_id == self.parent.locale_id), None)

    def _template_users(self, template_ids: set[int]) -> dict[int, list]:
        """Template id -> the campaign pages whose published content or latest draft chooses it."""
        pages = list(campaign_pages().specific())
        drafts = Revision.objects.in_bulk([page.latest_revision_id for page in pages if page.latest_revision_id])
        users: dict[int, list] = {}
        for page in pages:
            chosen = letter_templates_in_body(page.body.raw_data)
            draft = drafts.get(page.latest_revision_id)
            if draft is not None:
                chosen |= letter_templates_in_body(draft.content.get("body"))
            for template_id in chosen & template_ids:
                users.setdefault(template_id, []).append(page)
        return users
