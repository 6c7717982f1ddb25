"""``manage.py export_campaign PAGE --output BUNDLE.zip``"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from wagtail.models import Page

from soroptimist_advocacy.bundle.export import campaign_bundle
from soroptimist_advocacy.models.action_kit import ActionKitMixin


class Command(BaseCommand):
    help = (
        "Write an Action Kit page, the resources its body lists, its letter templates, its directory and "
        "their documents as a zip bundle that import_campaign reads on another site."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("page", help="The campaign page: its ID or URL path.")
        parser.add_argument("--output", required=True, help="The .zip file to write.")

    def handle(self, *args, page, output, **options) -> None:
        found = find_page(page)
        if not isinstance(found, ActionKitMixin):
            raise CommandError(f"{page} is not an Action Kit page.")
        campaign_bundle(found, output)
        self.stdout.write(self.style.SUCCESS(f"{found.title!r} written to {output}."))


def find_page(reference: str):
    """A page by ID, tree path (``/home/action-kit/``) or site URL path (``/action-kit/``).

    ``/`` is the page a site serves at its root (a fresh site's "home", tree path ``/home/``), never
    the tree's invisible root, which holds sites, not pages one can import under or export."""
    reference = reference.strip()
    if reference.isdigit():
        pages = list(Page.objects.filter(pk=int(reference), depth__gt=1))
    else:
        wanted = "/" + reference.strip("/") + "/" if reference.strip("/") else "/"
        slug = wanted.rstrip("/").rsplit("/", 1)[-1]
        candidates = Page.objects.filter(slug=slug) if slug else Page.objects.filter(depth=2)
        pages = [
            page
            for page in candidates.filter(depth__gt=1)
            if wanted in (page.url_path, page.get_url_parts() and page.get_url_parts()[2])
        ]
    if not pages:
        raise CommandError(
            f"No page at {reference}: give a page ID (the number in the admin's address, /admin/pages/ID/) or its "
            "URL path, such as / or /campaigns/ (or its tree path, such as /home/campaigns/)."
        )
    if len(pages) > 1:
        found = ", ".join(f"{page.pk} ({page.url_path})" for page in pages)
        raise CommandError(f"More than one page at {reference}: {found}; give its ID.")
    return pages[0].specific
