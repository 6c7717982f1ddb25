"""The Equal Earth projection (Šavrič, Patterson and Jenny, 2018), in pure Python.

An equal-area world projection: every country keeps its true size relative to the others,
so a map of countries reached does not make the far north look bigger than it is, and
its outline resembles the familiar Robinson map. Its inventors placed it in the public
domain; these are the published formulas (https://doi.org/10.1080/13658816.2018.1504949).
"""

from __future__ import annotations

import math

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_FACTOR = 2 * math.sqrt(3) / 3


def equal_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """(x, y) on a unit sphere, y pointing north; *longitude* and *latitude* in degrees."""
    theta = math.asin(M * math.sin(math.radians(latitude)))
    theta2 = theta * theta
    theta6 = theta2 * theta2 * theta2
    x = (
        X_FACTOR
        * math.radians(longitude)
        * math.cos(theta)
        / (A1 + 3 * A2 * theta2 + theta6 * (7 * A3 + 9 * A4 * theta2))
    )
    y = theta * (A1 + A2 * theta2 + theta6 * (A3 + A4 * theta2))
    return x, y
