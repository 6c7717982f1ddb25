"""The focus ring can be seen (WCAG 2.2, 1.4.11 and 2.4.13: 3:1 against what it sits on): its
dark outer ring against every light background of the stylesheet, its yellow inner ring against
the dark buttons it surrounds. It was one yellow ring, 1.6:1 against white (issue 24)."""

import re
from pathlib import Path

import soroptimist_advocacy

CSS = (Path(soroptimist_advocacy.__file__).parent / "static/soroptimist_advocacy/css/advocacy.css").read_text()
HEX = r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b"


def luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    channels = [int(digits[index : index + 2], 16) / 255 for index in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def focus_rule() -> str:
    rules = re.findall(r"([^{}]*:focus-visible[^{}]*)\{([^}]*)\}", CSS)
    assert len(rules) == 1, "one focus rule for every focusable element"
    selectors, body = rules[0]
    for element in ("button", "a", "input", "select", "textarea", "summary"):
        assert f"{element}:focus-visible" in selectors
    return body


def test_the_contrast_helper_knows_the_reference_values():
    assert round(contrast("#000", "#fff"), 1) == 21.0
    assert round(contrast("#ffbf47", "#ffffff"), 1) == 1.6  # the old ring


def test_the_outer_ring_stands_out_on_every_light_background():
    outline = re.search(rf"outline:\s*\d+px solid ({HEX})", focus_rule()).group(1)
    accent = re.search(rf"--sa-accent:\s*({HEX})", CSS).group(1)
    backgrounds = {"#ffffff"} | {
        colour.lower() for colour in re.findall(rf"background:\s*({HEX})", CSS) if colour.lower() != accent.lower()
    }
    assert len(backgrounds) > 3
    for background in backgrounds:
        assert contrast(outline, background) >= 3, background


def test_the_inner_ring_stands_out_next_to_the_dark_buttons():
    inner = re.search(rf"box-shadow:\s*0 0 0 \d+px ({HEX})", focus_rule()).group(1)
    accent = re.search(rf"--sa-accent:\s*({HEX})", CSS).group(1)
    error = re.search(rf"--sa-error:\s*({HEX})", CSS).group(1)  # the danger button
    for button in (accent, error):
        assert contrast(inner, button) >= 3, button
