"""Build ``soroptimist_advocacy/static/soroptimist_advocacy/share.png``, the picture a shared
link shows when its page has no image of its own (the ``DEFAULT_SHARE_IMAGE`` setting).

Run ``python scripts/build_share_image.py`` after changing this script and commit the
generated file. Drawn in code with Pillow for this project, under the project's licence
(BSD-3-Clause); it holds no text, so one picture serves every language. 1200 × 630 pixels,
the 1.91:1 size Facebook, LinkedIn and X show as a large preview.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUTPUT = (
    Path(__file__).resolve().parent.parent / "soroptimist_advocacy" / "static" / "soroptimist_advocacy" / "share.png"
)
WIDTH, HEIGHT, SCALE = 1200, 630, 2
DEEP_BLUE, BLUE, LIGHT, GOLD, WHITE = (0, 66, 122), (24, 98, 160), (214, 232, 247), (242, 169, 0), (255, 255, 255)


def draw() -> Image.Image:
    w, h = WIDTH * SCALE, HEIGHT * SCALE
    image = Image.new("RGB", (w, h), DEEP_BLUE)
    canvas = ImageDraw.Draw(image)
    # Concentric rings: a letter's reach widening from the middle.
    cx, cy = w / 2, h * 0.47
    for k in range(7, 0, -1):
        r = h * 0.11 * k
        shade = tuple(round(a + (b - a) * (k / 7)) for a, b in zip(BLUE, DEEP_BLUE, strict=True))
        canvas.ellipse((cx - r, cy - r, cx + r, cy + r), fill=shade)
    # One large envelope.
    ew, eh = w * 0.34, w * 0.34 * 0.62
    box = (cx - ew / 2, cy - eh / 2, cx + ew / 2, cy + eh / 2)
    canvas.rounded_rectangle(box, radius=18, fill=WHITE)
    canvas.line(
        [(box[0] + 10, box[1] + 14), (cx, cy + eh * 0.12), (box[2] - 10, box[1] + 14)],
        fill=DEEP_BLUE,
        width=16,
        joint="curve",
    )
    canvas.line([(box[0] + 14, box[3] - 12), (cx - ew * 0.16, cy)], fill=LIGHT, width=8)
    canvas.line([(box[2] - 14, box[3] - 12), (cx + ew * 0.16, cy)], fill=LIGHT, width=8)
    # Gold dots around it, like the campaign's path of letters.
    for i in range(24):
        angle = 2 * math.pi * i / 24
        px, py = cx + math.cos(angle) * h * 0.62, cy + math.sin(angle) * h * 0.42
        canvas.ellipse((px - 9, py - 9, px + 9, py + 9), fill=GOLD)
    canvas.rectangle((0, h - 28, w, h), fill=GOLD)
    return image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    draw().save(OUTPUT, format="PNG", optimize=True)
    print(OUTPUT)
