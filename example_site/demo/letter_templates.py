"""The demo's letter templates: the app's default letter, with its fixed words in each language."""

from __future__ import annotations

from soroptimist_advocacy.letters import default_template_bytes


def letter_template_file(language: str) -> bytes:
    """A .docx letter template for *language*."""
    return default_template_bytes()
