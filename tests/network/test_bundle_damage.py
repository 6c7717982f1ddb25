"""A damaged or incomplete bundle is refused with a message, never a traceback, and nothing is imported."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from soroptimist_advocacy.bundle.importer import BundleRefused, import_campaign
from tests import factories
from tests.letters.conftest import declare_sizes

from .bundles import changed, export, read_members, site_campaign, write_members

pytestmark = pytest.mark.django_db

DAMAGED = "This bundle is damaged or incomplete; nothing was imported."


@pytest.fixture
def bundle(tmp_path):
    return export(site_campaign(), tmp_path / "campaign.zip")


def corrupt_member(data: bytes, name: str) -> bytes:
    """*data* with the compressed bytes of member *name* overwritten: its entry still looks fine."""
    damaged = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        info = package.getinfo(name)
    name_length, extra_length = (
        int.from_bytes(damaged[info.header_offset + 26 : info.header_offset + 28], "little"),
        (int.from_bytes(damaged[info.header_offset + 28 : info.header_offset + 30], "little")),
    )
    start = info.header_offset + 30 + name_length + extra_length
    damaged[start : start + info.compress_size] = bytes((index * 37 + 11) % 256 for index in range(info.compress_size))
    return bytes(damaged)


def refused(path) -> str:
    """The command's error output for *path*; it must end in a CommandError, nothing else."""
    err = io.StringIO()
    pages = Page.objects.count()
    with pytest.raises(CommandError):
        call_command("import_campaign", str(path), "--parent", str(factories.home().pk), stderr=err)
    assert Page.objects.count() == pages
    return err.getvalue()


def test_a_corrupt_compressed_member(bundle, tmp_path):
    damaged = tmp_path / "corrupt.zip"
    damaged.write_bytes(corrupt_member(bundle.read_bytes(), "directory.csv"))

    errors = refused(damaged)

    assert errors.startswith(DAMAGED) and "directory.csv cannot be read" in errors


def test_a_corrupt_document(bundle, tmp_path):
    document = next(name for name in read_members(bundle) if name.endswith(".pdf"))
    damaged = tmp_path / "corrupt.zip"
    damaged.write_bytes(corrupt_member(bundle.read_bytes(), document))

    assert refused(damaged).startswith(DAMAGED)


def test_a_manifest_naming_a_directory_without_its_csv(bundle, tmp_path):
    incomplete = changed(bundle, tmp_path / "incomplete.zip", members={"directory.csv": None})

    assert refused(incomplete) == f"{DAMAGED}\nThe bundle has no directory.csv.\n"


def test_a_listed_document_missing_from_the_zip(bundle, tmp_path):
    document = next(name for name in read_members(bundle) if name.endswith(".pdf"))
    incomplete = changed(bundle, tmp_path / "incomplete.zip", members={document: None})

    assert refused(incomplete) == f"{DAMAGED}\nThe bundle lists a document it does not hold: {document}\n"


def test_a_truncated_zip(bundle, tmp_path):
    data = bundle.read_bytes()
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(data[: len(data) * 2 // 3])

    assert refused(truncated) == f"{DAMAGED}\nThe zip file is cut short or its directory is damaged.\n"


@pytest.mark.parametrize("difference", [+1000, -10])
def test_a_member_whose_declared_size_lies(bundle, tmp_path, difference):
    data = bundle.read_bytes()
    size = len(read_members(bundle)["manifest.json"])
    lying = tmp_path / "lying.zip"
    lying.write_bytes(declare_sizes(data, "manifest.json", file_size=size + difference))

    errors = refused(lying)

    assert errors.startswith(DAMAGED) and "manifest.json" in errors


def test_the_importer_itself_raises_only_its_refusal(bundle, tmp_path):
    damaged = tmp_path / "corrupt.zip"
    damaged.write_bytes(corrupt_member(bundle.read_bytes(), "manifest.json"))

    with pytest.raises(BundleRefused) as refusal:
        import_campaign(damaged, factories.home())

    assert refusal.value.messages[0] == DAMAGED


def test_a_file_that_is_no_zip_at_all_is_not_called_damaged(tmp_path):
    other = tmp_path / "campaign.zip"
    other.write_bytes(b"%PDF-1.4 not a zip")

    assert refused(other) == "The file is not a zip bundle.\n"


def test_a_bundle_with_a_valid_manifest_and_nothing_else(tmp_path):
    manifest = json.loads(read_members(export(site_campaign(), tmp_path / "full.zip"))["manifest.json"])
    alone = write_members(tmp_path / "alone.zip", {"manifest.json": json.dumps(manifest).encode()})

    errors = refused(alone)

    assert errors.startswith(DAMAGED)
