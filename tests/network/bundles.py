"""Campaign bundles for the bundle tests, made in this process: a site's campaign exported, then changed."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from soroptimist_advocacy.bundle.export import campaign_bundle
from soroptimist_advocacy.letters import default_template_bytes
from soroptimist_advocacy.models import ActionKitPage, LetterTemplate
from tests import factories
from tests.letters.conftest import build_template

INTRO = "<p>Write to your minister before the end of June.</p>"


def site_campaign(parent=None) -> ActionKitPage:
    """A live campaign with everything a bundle carries: a directory with Claire Dubois (FR,
    claire@example.org), a letter template with its .docx, a resource with its PDF, and a
    paragraph, a resource list, a call to action, the letter builder and a summary in its body."""
    parent = parent or factories.home()
    directory = factories.make_directory(parent)
    factories.make_decision_maker(directory, "FR", "Claire Dubois", external_id="fr-1", email="claire@example.org")
    factories.make_decision_maker(directory, "KE", "Grace Wanjiru", external_id="ke-1")
    template = LetterTemplate.objects.create(
        name="Site letter", document=factories.make_document("Site letter", "site.docx", default_template_bytes())
    )
    _index, (resource,) = factories.make_resources(parent, document=factories.make_document())
    body = [
        {"type": "paragraph", "value": "<p>Members in every country can help.</p>"},
        {"type": "resource_list", "value": {"heading": "Read", "resources": [resource.pk]}},
        {
            "type": "call_to_action",
            "value": {"heading": "Join us", "text": "", "button_label": "Go", "external_url": "https://example.org/"},
        },
        factories.letter_block(template=template.pk),
        # Stored as content written by a script often is: an unset checkbox as null.
        {"type": "campaign_summary", "value": {"heading": "So far", "intro": "", "include_partners": None}},
    ]
    return factories.make_action_kit(parent, directory=directory, body=body, intro=INTRO)


def export(page, path: Path) -> Path:
    campaign_bundle(page, path)
    return path


def read_members(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as package:
        return {name: package.read(name) for name in package.namelist()}


def write_members(bundle: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return bundle


def changed(bundle: Path, target: Path, change=None, members: dict[str, bytes | None] | None = None) -> Path:
    """A copy of *bundle* at *target*: *change(manifest)* applied, *members* replaced (None removes one)."""
    files = read_members(bundle)
    manifest = json.loads(files["manifest.json"])
    if change is not None:
        change(manifest)
    files["manifest.json"] = json.dumps(manifest).encode()
    for name, data in (members or {}).items():
        if data is None:
            files.pop(name, None)
        else:
            files[name] = data
    return write_members(target, files)


def with_document(manifest: dict, data: bytes, filename: str) -> tuple[str, str]:
    """Add *data* to the manifest's documents; return (its id, its member name)."""
    digest = hashlib.sha1(data).hexdigest()
    name = f"documents/{digest}{Path(filename).suffix}"
    manifest["documents"].append({"id": digest, "title": filename, "file": name, "filename": filename})
    return digest, name


def another_letter_template() -> bytes:
    """A valid letter template other than the site's."""
    return build_template(["{{ recipient.salutation }},", "An imported letter.", "{{ member.name }}"])


def body_block(manifest: dict, block_type: str) -> dict:
    return next(block for block in manifest["campaign"]["body"] if block["type"] == block_type)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return output.getvalue()
