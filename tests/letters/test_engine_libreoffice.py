"""A real office suite opens the letters: LibreOffice reads the names back (skipped without it)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from soroptimist_advocacy.letters import render, render_many, sample_context

SOFFICE = shutil.which("soffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]


def convert(letter: bytes, folder: Path, target: str) -> Path:
    source = folder / "letter.docx"
    source.write_bytes(letter)
    profile = f"-env:UserInstallation=file://{folder / 'profile'}"  # never the user's own profile
    subprocess.run(
        [SOFFICE, profile, "--headless", "--convert-to", target, "--outdir", str(folder), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / f"letter.{target.split(':')[0]}"


def test_libreoffice_reads_the_members_and_the_recipients_names(default_template, tmp_path):
    context = sample_context()
    context["member"]["name"] = "Zoë O'Brien & Daughters <Ltd>"

    text = convert(render(default_template, context), tmp_path, "txt:Text").read_text(encoding="utf-8-sig")

    assert "Zoë O'Brien & Daughters <Ltd>" in text
    assert "Rt Hon. Anne Marshall MP" in text
    assert "London SW1P 3BT" in text


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is not installed")
def test_libreoffice_prints_each_letter_on_its_own_page(default_template, tmp_path):
    contexts = [sample_context() for _ in range(3)]

    pdf = convert(render_many(default_template, contexts), tmp_path, "pdf")

    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+3$", info, re.MULTILINE), info
