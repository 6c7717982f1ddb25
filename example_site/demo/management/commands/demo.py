import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.http.request import validate_host

from demo.site_address import parse_addrport, serve_site_at

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "changeme"


class Command(BaseCommand):
    help = "Start the example site: migrate, load the demo campaign, print the admin login, run the server."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-runserver", action="store_true", help="Prepare everything, then stop.")

    def handle(self, *args, addrport, no_runserver, **options):
        try:
            parse_addrport(addrport)  # before anything runs: a typo stops here, not after the migrations
        except ValueError as error:
            raise CommandError(str(error)) from error
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo")
        # Canonical, hreflang, share and e-mail links name the address served, not localhost:80.
        site = serve_site_at(addrport)
        if not validate_host(site.hostname, settings.ALLOWED_HOSTS):
            self.stderr.write(
                f"{site.hostname} is not in ALLOWED_HOSTS: add it to the ALLOWED_HOSTS environment variable (comma-separated)."
            )
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", ADMIN_PASSWORD)
            self.stdout.write(f"Admin login: {ADMIN_USERNAME} / {ADMIN_PASSWORD} (created for the demo)")
        else:
            self.stdout.write(
                f"Admin login: {ADMIN_USERNAME} (password as you left it; the demo made it {ADMIN_PASSWORD})"
            )
        self.stdout.write(f"Campaign: {site.root_url}/action-kit/   Admin: {site.root_url}/admin/")
        if not no_runserver:
            call_command("runserver", addrport, use_reloader=os.environ.get("DEMO_RELOAD") == "1")
