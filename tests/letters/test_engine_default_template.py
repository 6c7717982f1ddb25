"""The shipped default template: up to date with its build script, an A4 letter, accepted by validate."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from soroptimist_advocacy.letters import default_template_bytes, render, sample_context

BUILD_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_default_template.py"


def test_the_committed_template_is_what_the_build_script_makes(default_template):
    # In a fresh interpreter, as the script runs; without writing the committed file.
    build = f"import runpy, sys; sys.stdout.buffer.write(runpy.run_path({str(BUILD_SCRIPT)!r})['build']())"
    built = subprocess.run([sys.executable, "-c", build], check=True, capture_output=True).stdout

    assert built == default_template, "run: python scripts/build_default_template.py"


def test_it_is_an_a4_page_with_the_campaign_in_the_footer_and_title(default_template):
    letter = docx.Document(io.BytesIO(render(default_template, sample_context())))

    section = letter.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 25
    assert section.footer.paragraphs[0].text == "Post CSW Advocacy Action"
    assert letter.core_properties.title == "Post CSW Advocacy Action"
    assert letter.core_properties.author == ""


def test_empty_optional_fields_leave_no_empty_lines(default_template):
    context = sample_context()
    context["member"].update(email="", club="")

    sender = docx.Document(io.BytesIO(render(default_template, context))).paragraphs[0].text

    assert sender == "Margaret Adeyemi\nBristol\nUnited Kingdom"


def test_an_address_line_takes_the_place_of_her_name_and_post(default_template):
    context = sample_context()
    context["recipient"]["address_line"] = "Министру по делам женщин и равноправия\nА. Маршалл"

    recipient = docx.Document(io.BytesIO(render(default_template, context, "ru"))).paragraphs[2].text

    assert recipient.startswith("Министру по делам женщин и равноправия\nА. Маршалл\nGovernment Equalities Office\n")
    assert "Anne Marshall" not in recipient and "Minister for Women" not in recipient


@pytest.mark.parametrize(
    "language, salutation, subject",
    [
        ("en", "Dear Minister,", "Upholding the agreements"),
        ("fr", "Dear Minister,", "Objet\u00a0: Upholding the agreements"),
        ("es", "Dear Minister:", "Asunto: Upholding the agreements"),
        ("ar", "Dear Minister،", "الموضوع: Upholding the agreements"),
        ("zh-hans", "Dear Minister：", "事由：Upholding the agreements"),
        ("ru", "Dear Minister!", "Upholding the agreements"),
        ("de", "Dear Minister,", "Upholding the agreements"),
    ],
)
def test_the_default_letter_is_punctuated_as_each_language_writes_a_letter(language, salutation, subject):
    letter = docx.Document(io.BytesIO(render(default_template_bytes(language), sample_context(), language)))
    lines = [paragraph.text for paragraph in letter.paragraphs]

    assert salutation in lines
    assert any(line.startswith(subject) for line in lines), lines
