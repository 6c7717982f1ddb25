"""Values for trying a template out: a realistic letter, and the longest one possible."""

from __future__ import annotations

from typing import Any

from soroptimist_advocacy.letters.limits import (
    MAX_FIELD_LENGTH,
    MAX_PARAGRAPH_LENGTH,
    MAX_PARAGRAPHS,
    MAX_RECIPIENTS,
    MAX_SECTIONS,
)
from soroptimist_advocacy.letters.qr import qr_png
from soroptimist_advocacy.letters.variables import CAMPAIGN_FIELDS, MEMBER_FIELDS, RECIPIENT_FIELDS

# A dummy code (the sample letter's, never stored) and where its QR code leads.
SAMPLE_REFERENCE = "K7QF-3MXD-92A"
SAMPLE_SENT_URL = "https://example.org/campaign/sent/K7QF-3MXD-92A/"

_RECIPIENT = {
    "salutation": "Dear Minister",
    "name": "Rt Hon. Anne Marshall MP",
    "address_line": "",
    "title": "Minister for Women and Equalities",
    "organisation": "Government Equalities Office",
    "address": "Sanctuary Buildings\n20 Great Smith Street\nLondon SW1P 3BT",
    "country": "United Kingdom",
}


def sample_context() -> dict[str, Any]:
    """A complete, realistic letter: what an editor sees when she tries her template."""
    return {
        "member": {
            "name": "Margaret Adeyemi",
            "club": "Soroptimist International Bristol",
            "town": "Bristol",
            "email": "margaret.adeyemi@example.org",
            "country": "United Kingdom",
        },
        "recipient": dict(_RECIPIENT),
        "recipients": [dict(_RECIPIENT)],
        "date": "28 November 2026",
        "subject": "Upholding the agreements on women's rights after CSW 56",
        "campaign": {"title": "Post CSW Advocacy Action"},
        "body": [
            "I am writing to you as a member of Soroptimist International, a worldwide organisation "
            "of women in management and the professions working to transform the lives of women and girls.",
            "The 56th session of the UN Commission on the Status of Women did not adopt agreed conclusions. "
            "We urge you not to reopen negotiations on the international agreements already reached on "
            "women's rights, and to show our government's commitment to promote, protect and fulfil the "
            "human rights and fundamental freedoms of women.",
            "I would welcome the opportunity to hear what our government intends to do, and I look forward "
            "to your reply.",
        ],
        "closing": "Yours sincerely,",
        "letter": {
            "sections": [
                "In particular, I ask our government to report publicly on its progress in ending violence "
                "against women and girls."
            ],
            "own_words": "As a teacher in Bristol, I see every day what these commitments mean for girls.",
            "reference": SAMPLE_REFERENCE,
            "qr": qr_png(SAMPLE_SENT_URL),
        },
    }


# Characters that grow most in Word XML (escaped specials, line breaks, tabs),
# amid ordinary and right-to-left text.
_WORST_CASE_PATTERN = "Wörd & <b> \"ü\" 'é' ب ש 👩🏽‍⚖️\n\t"


def _longest(limit: int) -> str:
    return (_WORST_CASE_PATTERN * (limit // len(_WORST_CASE_PATTERN) + 1))[:limit]


def worst_case_context() -> dict[str, Any]:
    """Every value at its cap: the letter that costs a template the most to render."""
    field = _longest(MAX_FIELD_LENGTH)
    recipient = dict.fromkeys(RECIPIENT_FIELDS, field)
    return {
        "member": dict.fromkeys(MEMBER_FIELDS, field),
        "recipient": recipient,
        "recipients": [recipient] * MAX_RECIPIENTS,
        "date": field,
        "subject": field,
        "campaign": dict.fromkeys(CAMPAIGN_FIELDS, field),
        "body": [_longest(MAX_PARAGRAPH_LENGTH)] * MAX_PARAGRAPHS,
        "closing": field,
        "letter": {
            "sections": [_longest(MAX_PARAGRAPH_LENGTH)] * MAX_SECTIONS,
            "own_words": _longest(MAX_PARAGRAPH_LENGTH),
            "reference": field,
            "qr": qr_png(SAMPLE_SENT_URL),
        },
    }
