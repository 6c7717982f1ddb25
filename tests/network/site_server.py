"""A partner site for the network tests: the example site on its own SQLite file and media.

``python site_server.py ACTION`` with DATABASE_URL and MEDIA_ROOT set: runs the
fixture ACTION, then with ``--serve`` answers HTTP on 127.0.0.1 (a free port,
printed as ``PORT <n>``) until killed. Run in a subprocess, never imported by pytest.
"""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "example_site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402

from soroptimist_advocacy.models import ActionKitPage, ActionReport, DecisionMakerPage, LetterCounter  # noqa: E402
from tests import factories  # noqa: E402


def partner(country: str, letters: int, name: str) -> None:
    """A directory of two real decision makers and a sample, a campaign with letters and reports."""
    directory = factories.make_directory()
    factories.make_decision_maker(directory, "FR", "Claire Dubois", external_id="fr-1", email="claire@example.org")
    factories.make_decision_maker(directory, "KE", "Grace Wanjiru", external_id="ke-1")
    factories.make_decision_maker(directory, "ES", "Sample Person", external_id="es-sample", is_sample=True)
    page = factories.make_action_kit(directory=directory, title=name)
    today = timezone.localdate()
    LetterCounter.objects.create(
        campaign_key=page.translation_key, country=country, language="en", day=today, letters=letters
    )
    ActionReport.objects.create(
        campaign=page,
        campaign_key=page.translation_key,
        campaign_title=page.title,
        language="en",
        country=country,
        club="SI Partner",
        name="Partner Member",
        email="member@partner.example",
        action_type="letter_posted",
        action_date=today - datetime.timedelta(days=2),
        consent=True,
        privacy_text_version="sha256:test",
        response_status="positive",
    )


def shared_campaign() -> None:
    """Partner A's campaign with a letter template (.docx document) and a resource with a PDF."""
    import json

    from soroptimist_advocacy.letters import default_template_bytes
    from soroptimist_advocacy.models import LetterTemplate, ResourcePage

    partner("KE", 7, "Shared campaign")
    template = LetterTemplate.objects.create(
        name="Partner letter",
        document=factories.make_document("Partner letter", "partner.docx", default_template_bytes()),
    )
    _index, (resource,) = factories.make_resources(document=factories.make_document())
    page = ActionKitPage.objects.get()
    page.body = json.dumps(
        [
            {"type": "resource_list", "value": {"heading": "Read", "resources": [resource.pk]}},
            factories.letter_block(template=template.pk),
        ]
    )
    page.save_revision().publish()
    assert ResourcePage.objects.count() == 1


def change_upstream() -> None:
    grace = DecisionMakerPage.objects.get(external_id="ke-1")
    grace.position_title = "Cabinet Secretary for Gender"
    grace.save_revision().publish()


ACTIONS = {
    "partner_a": lambda: partner("KE", 7, "Partner A campaign"),
    "partner_b": lambda: partner("BR", 3, "Partner B campaign"),
    "shared_campaign": shared_campaign,
    "change_upstream": change_upstream,
    "nothing": lambda: None,
}


def serve() -> None:
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=QuietHandler)
    print(f"PORT {server.server_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    ACTIONS[sys.argv[1]]()
    assert ActionKitPage is not None
    if "--serve" in sys.argv:
        serve()
