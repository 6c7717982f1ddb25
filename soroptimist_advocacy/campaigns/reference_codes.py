"""Letter reference codes a member can type from paper: ``K7QF-3MXD-92A``.

Eleven characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V pair kept apart by
dropping U): 30 ** 11 is about 2 ** 54, so a code cannot be guessed, and a typed code is read
whatever its case, spaces or dashes.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 11
GROUPS = (4, 4, 3)
BITS = 53  # floor(11 * log2(30)): at least 50 random bits, as promised
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212_.]+")
_VALID = re.compile(f"[{ALPHABET}]{{{LENGTH}}}")


def new_code() -> str:
    """A fresh random code, stored and compared in this canonical form (no dashes)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def parse_code(text: str) -> str | None:
    """The canonical code a member typed or scanned, or None when it cannot be one."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    canonical = _SEPARATORS.sub("", text).upper()
    return canonical if _VALID.fullmatch(canonical) else None


def display_code(code: str) -> str:
    """The code as printed on the letter, in groups: ``K7QF-3MXD-92A``."""
    pieces, start = [], 0
    for size in GROUPS:
        pieces.append(code[start : start + size])
        start += size
    return "-".join(piece for piece in pieces if piece)
