"""A campaign exported on a partner site and imported here; hostile bundles refused."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest
from django.core.management import CommandError, call_command

from soroptimist_advocacy.models import ActionKitPage, DecisionMakerPage, LetterTemplate, ResourcePage
from tests import factories
from tests.letter_helpers import docx_text, letter_data, post_letter

from .conftest import ROOT, site_env

pytestmark = pytest.mark.django_db


def export_on(site, tmp_path):
    bundle = tmp_path / "campaign.zip"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "example_site" / "manage.py"),
            "export_campaign",
            "/action-kit/",
            "--output",
            str(bundle),
        ],
        env=site_env(site.workdir),
        check=True,
        timeout=60,
        stdout=subprocess.DEVNULL,
    )
    return bundle


@pytest.mark.network
def test_a_campaign_travels_with_its_documents_templates_and_directory(prepare_site, tmp_path, client):
    partner = prepare_site("shared_campaign")  # The export reads its database: no HTTP needed.
    bundle = export_on(partner, tmp_path)

    parent = factories.home()
    call_command("import_campaign", str(bundle), "--parent", str(parent.pk), "--live", stdout=io.StringIO())
    page = ActionKitPage.objects.get(title="Shared campaign")
    assert page.live
    template = LetterTemplate.objects.get(name="Partner letter")
    assert template.document.file.name.endswith(".docx")
    assert ResourcePage.objects.get().document.file.name.endswith(".pdf")
    assert DecisionMakerPage.objects.filter(live=True).count() == 2  # Sample left behind.
    assert page.get_directory() is not None

    # Again: updated in place, nothing duplicated.
    call_command("import_campaign", str(bundle), "--parent", str(parent.pk), "--live", stdout=io.StringIO())
    assert ActionKitPage.objects.count() == 1 and LetterTemplate.objects.count() == 1
    assert ResourcePage.objects.count() == 1 and DecisionMakerPage.objects.count() == 2

    claire = DecisionMakerPage.objects.get(external_id="fr-1")
    response = post_letter(client, page, letter_data(decision_maker=str(claire.pk)))
    assert response.status_code == 200
    assert "Claire Dubois" in docx_text(response.content)


def write_bundle(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w") as bundle:
        for name, data in members.items():
            bundle.writestr(name, data)
    return path


def manifest(**overrides) -> bytes:
    document = {
        "format": "soroptimist-advocacy-campaign",
        "version": 1,
        "campaign": {"id": "6a1c3c2e-0000-4000-8000-000000000001", "title": "X", "slug": "x", "body": []},
        "documents": [],
        "letter_templates": [],
        "resources": [],
        "directory": None,
    }
    document.update(overrides)
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    "members, message",
    [
        ({"manifest.json": manifest(), "../evil.txt": b"x"}, "unsafe name"),
        ({"manifest.json": manifest(), "/etc/passwd": b"x"}, "unsafe name"),
        ({"manifest.json": b"{not json"}, "not valid JSON"),
        ({"other.json": b"{}"}, "no manifest"),
        ({"manifest.json": manifest(letter_templates=[{"name": "no id"}])}, "letter_templates[0].id"),
        ({"manifest.json": manifest(campaign={"id": "not-a-uuid", "title": "X", "slug": "x"})}, ""),
        (
            {
                "manifest.json": manifest(documents=[{"id": "0", "file": "documents/a.exe", "title": "a"}]),
                "documents/a.exe": b"MZ",
            },
            "not allowed",
        ),
        (
            {
                "manifest.json": manifest(documents=[{"id": "0", "file": "documents/a.pdf", "title": "a"}]),
                "documents/a.pdf": b"%PDF",
            },
            "checksum",
        ),
    ],
)
def test_hostile_bundles_are_refused_with_nothing_written(tmp_path, members, message):
    bundle = write_bundle(tmp_path / "b.zip", members)
    pages = ActionKitPage.objects.count()
    with pytest.raises(CommandError):
        call_command(
            "import_campaign", str(bundle), "--parent", str(factories.home().pk), stderr=(err := io.StringIO())
        )
    assert message in err.getvalue()
    assert ActionKitPage.objects.count() == pages


def test_a_bad_letter_template_is_refused(tmp_path):
    import hashlib

    data = b"PK not really a docx"
    digest = hashlib.sha1(data).hexdigest()
    bundle = write_bundle(
        tmp_path / "b.zip",
        {
            "manifest.json": manifest(
                documents=[{"id": digest, "file": f"documents/{digest}.docx", "title": "t", "filename": "t.docx"}],
                letter_templates=[{"id": "6a1c3c2e-0000-4000-8000-000000000002", "name": "Bad", "document": digest}],
            ),
            f"documents/{digest}.docx": data,
        },
    )
    with pytest.raises(CommandError):
        call_command("import_campaign", str(bundle), "--parent", str(factories.home().pk), stderr=io.StringIO())
    assert not LetterTemplate.objects.filter(name="Bad").exists()
