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
    """A page by ID, tree path (``/home/action-kit/``) or site URL path (``/action-kit/``)."""
    reference = reference.strip()
    if reference.isdigit():
        pages = list(Page.objects.filter(pk=int(reference)))
    else:
        wanted = "/" + reference.strip("/") + "/" if reference.strip("/") else "/"
        slug = wanted.rstrip("/").rsplit("/", 1)[-1]
        candidates = Page.objects.filter(slug=slug) if slug else Page.objects.filter(depth__lte=2)
        pages = [
            page for page in candidates if wanted in (page.url_path, page.get_url_parts() and page.get_url_parts()[2])
        ]
    if len(pages) != 1:
        raise CommandError(f"No single page at {reference}; use its ID.")
    return pages[0].specific
