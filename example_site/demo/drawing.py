"""The demo campaign's hero image, drawn in code with Pillow: letters flying to a globe.

Drawn for this project and dedicated to the public domain (CC0 1.0), like the rest of the
demo's generated files; it holds no text, so one picture serves all six languages.
"""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 840
SCALE = 2  # Drawn at twice the size, then reduced: smooth edges without an antialiasing API.
DEEP_BLUE, BLUE, LIGHT = (0, 66, 122), (31, 111, 178), (214, 232, 247)
GOLD, WHITE = (242, 169, 0), (255, 255, 255)


def _gradient(width: int, height: int) -> Image.Image:
    top, bottom = DEEP_BLUE, BLUE
    column = Image.new("RGB", (1, height))
    for y in range(height):
        t = y / (height - 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return column.resize((width, height))


def _globe(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, width: int) -> None:
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(18, 92, 156), outline=LIGHT, width=width)
    for k in (1, 2, 3):  # meridians: ellipses narrowing towards the edge
        rx = r * math.cos(k * math.pi / 8)
        draw.ellipse((cx - rx, cy - r, cx + rx, cy + r), outline=LIGHT, width=width // 2)
    draw.line((cx, cy - r, cx, cy + r), fill=LIGHT, width=width // 2)
    for k in (-2, -1, 0, 1, 2):  # parallels
        y = cy + r * k / 3
        half = math.sqrt(max(r * r - (y - cy) ** 2, 0))
        draw.line((cx - half, y, cx + half, y), fill=LIGHT, width=width // 2)


def _envelope(draw: ImageDraw.ImageDraw, x: float, y: float, w: float, angle: float, width: int) -> None:
    h = w * 0.62
    cos, sin = math.cos(angle), math.sin(angle)

    def at(px: float, py: float) -> tuple[float, float]:
        return (x + px * cos - py * sin, y + px * sin + py * cos)

    corners = [at(-w / 2, -h / 2), at(w / 2, -h / 2), at(w / 2, h / 2), at(-w / 2, h / 2)]
    draw.polygon(corners, fill=WHITE, outline=DEEP_BLUE, width=width)
    draw.line([corners[0], at(0, h * 0.08), corners[1]], fill=DEEP_BLUE, width=width, joint="curve")
    draw.line([corners[3], at(-w * 0.12, h * 0.02)], fill=LIGHT, width=width // 2)
    draw.line([corners[2], at(w * 0.12, h * 0.02)], fill=LIGHT, width=width // 2)


def hero_image_png() -> bytes:
    """The hero image as PNG bytes (1600 × 840)."""
    w, h = WIDTH * SCALE, HEIGHT * SCALE
    image = _gradient(w, h)
    draw = ImageDraw.Draw(image)
    cx, cy, r = w * 0.74, h * 0.52, h * 0.36
    # A soft glow behind the globe.
    glow = Image.new("L", (w, h), 0)
    ImageDraw.Draw(glow).ellipse((cx - r * 1.25, cy - r * 1.25, cx + r * 1.25, cy + r * 1.25), fill=90)
    image.paste(Image.new("RGB", (w, h), LIGHT), mask=glow.filter(ImageFilter.GaussianBlur(60)))
    _globe(draw, cx, cy, r, 10)
    # The letters' path: a dotted arc from the lower left to the globe.
    path = [
        (w * (0.06 + 0.62 * t), h * (0.86 - 0.62 * math.sin(t * math.pi * 0.62))) for t in (i / 60 for i in range(61))
    ]
    for i, (px, py) in enumerate(path[:-6]):
        if i % 3 == 0:
            draw.ellipse((px - 7, py - 7, px + 7, py + 7), fill=GOLD)
    for t, size in ((0.12, 150), (0.38, 190), (0.66, 230)):
        px, py = path[int(t * 60)]
        nx, ny = path[int(t * 60) + 1]
        _envelope(draw, px, py, size, math.atan2(ny - py, nx - px) * 0.6, 8)
    # A gold band along the foot, the campaign's accent colour.
    draw.rectangle((0, h - 36, w, h), fill=GOLD)
    out = io.BytesIO()
    image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS).save(out, format="PNG", optimize=True)
    return out.getvalue()
