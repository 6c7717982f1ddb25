"""A letter as plain text, from the very context its .docx is rendered from.

The text view and the e-mail link show the letter a member would download: the same
context (``contexts.letter_contexts``), cleaned and capped by the engine's own
``normalise_context``, laid out as the app's default template lays it out (sender, date,
addressee, subject, salutation, paragraphs, closing, signature), with each language's
punctuation after the salutation and label before the subject (``letters.default_letter``).
"""

from __future__ import annotations

from dataclasses import dataclass

from soroptimist_advocacy.letters.default_letter import salutation_end, subject_label
from soroptimist_advocacy.letters.rendering import normalise_context


@dataclass(frozen=True)
class PlainLetter:
    """One letter's parts, each a list of lines, and the whole as text (parts between blank lines)."""

    sender: list[str]
    date: str
    addressee: list[str]
    subject: str
    salutation: str
    paragraphs: list[str]
    closing: list[str]
    signature: list[str]

    @property
    def text(self) -> str:
        parts = [
            "\n".join(self.sender),
            self.date,
            "\n".join(self.addressee),
            self.subject,
            self.salutation,
            *self.paragraphs,
            "\n".join(self.closing),
            "\n".join(self.signature),
        ]
        return "\n\n".join(part for part in parts if part)


def _lines(*values: str) -> list[str]:
    return [line for value in values if value for line in value.split("\n")]


def plain_letter(context: dict, language: str) -> PlainLetter:
    """*context* (one recipient's engine context) as the default template writes it in *language*."""
    values = normalise_context(context)
    member, recipient, letter = values["member"], values["recipient"], values["letter"]
    # The address line, when set, takes the place of her name and post (as in the default template).
    if recipient["address_line"]:
        addressee = _lines(recipient["address_line"])
    else:
        addressee = _lines(recipient["name"], recipient["title"])
    addressee += _lines(recipient["organisation"], recipient["address"], recipient["country"])
    return PlainLetter(
        sender=_lines(member["name"], member["club"], member["town"], member["country"], member["email"]),
        date=values["date"],
        addressee=addressee,
        subject=f"{subject_label(language)}{values['subject']}" if values["subject"] else "",
        salutation=f"{recipient['salutation']}{salutation_end(language)}" if recipient["salutation"] else "",
        paragraphs=[p for p in (*values["body"], *letter["sections"], letter["own_words"]) if p],
        closing=_lines(values["closing"]),
        signature=_lines(member["name"], member["club"]),
    )
