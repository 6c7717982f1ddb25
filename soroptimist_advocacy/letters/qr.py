"""A QR code as the PNG a letter carries (segno: pure Python, no image library needed)."""

from __future__ import annotations

import functools
import io

import segno

# Medium error correction survives a smudged or folded printout; a scale of 4 pixels a module
# keeps the PNG small (under 1 KB) and sharp once Word scales it to the drawing's 2.2 cm.
ERROR_CORRECTION = "m"
SCALE = 4
QUIET_ZONE = 2  # modules of white around it; Word's page margin adds the rest


@functools.lru_cache(maxsize=256)
def qr_png(text: str) -> bytes:
    """*text* (a URL) as a black-on-white QR code, PNG bytes."""
    code = segno.make(text, error=ERROR_CORRECTION, micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=SCALE, border=QUIET_ZONE)
    return buffer.getvalue()
