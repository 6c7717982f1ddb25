"""Render a prepared template with every value at its cap, under the letter's hard limits.

It runs in the validating process: the allowlist admits no expression whose
output grows faster than a member's input, and the budget (budget.py) stops a
render as soon as its text or time passes the cap, so no separate process is
needed to bound it, and none is started per save.
"""

from __future__ import annotations

import io
import zipfile

from soroptimist_advocacy.letters.limits import (
    MAX_LETTER_CHARACTERS,
    MAX_LETTER_SIZE,
    MAX_TOTAL_SIZE,
    TRIAL_RENDER_SECONDS,
)
from soroptimist_advocacy.letters.safety.budget import Budget, LetterTooCostly, letter_budget
from soroptimist_advocacy.letters.sample import worst_case_context


class TrialFailed(Exception):
    """The trial render did not produce a letter. ``reason``: "too_slow", "too_large" or "error"."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


def _letter_too_large(letter: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(letter)) as package:
        unpacked = sum(info.file_size for info in package.infolist())
    return len(letter) > MAX_LETTER_SIZE or unpacked > MAX_TOTAL_SIZE


def run_trial_render(prepared) -> None:
    """Raise TrialFailed unless *prepared* renders its longest and its emptiest letter within the limits."""
    # The longest letter, then the emptiest: some branches only run for one.
    for context in (worst_case_context(), {}):
        try:
            with letter_budget(Budget(MAX_LETTER_CHARACTERS, TRIAL_RENDER_SECONDS)):
                letter = prepared.render(context)
        except LetterTooCostly as costly:
            raise TrialFailed(costly.reason) from None
        except MemoryError:
            raise TrialFailed("too_large") from None
        except Exception as error:
            raise TrialFailed("error", f"{type(error).__name__}: {error}"[:500].replace("\n", " ")) from None
        if _letter_too_large(letter):
            raise TrialFailed("too_large")
