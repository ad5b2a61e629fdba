"""Named-point labels placed so that no two overlap at any width a page draws the chart at.

A chart on the page takes its container's width (a 390 px phone to a desktop column), so a label's
position in pixels moves with the width while its size does not. ``place`` picks, for each label, one
side of its point (top-right, left, ...) that scores best summed over ``PLOT_WIDTHS``: overlap with the
labels already placed, with the chart's points, and any part outside the plot. Deterministic and greedy,
with passes that revisit every label. Text widths are estimated (``CHAR_WIDTH`` em a character, wide
enough for the sans-serif fonts a browser falls back to); the browser test measures the drawn labels.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

SIDES = {
    "top-right": (1, -1),
    "right": (1, 0),
    "bottom-right": (1, 1),
    "top": (0, -1),
    "bottom": (0, 1),
    "top-left": (-1, -1),
    "left": (-1, 0),
    "bottom-left": (-1, 1),
}
"""Where a label sits relative to its point: (horizontal, vertical) sign, in order of preference."""

OFFSET = 5
"""Gap between a point and its label (px)."""

PLOT_WIDTHS = tuple(range(260, 821, 60))
"""Plot widths (px) the placement must work at: a phone's chart to a desktop's."""

CHAR_WIDTH = 0.62
"""Estimated width of a character (em)."""

TOLERANCE = 1
"""Overlap (px) below which two labels count as apart."""

POINT_SIZE = 8
"""Side of the square a point occupies (px)."""

PASSES = 3


HIDDEN = 10_000
"""``Placement.shown_from`` of a label that fits at no width (never drawn)."""


@dataclass(frozen=True)
class Placement:
    """A label's side of its point and the narrowest plot width (px) at which it is drawn."""

    side: str
    shown_from: int


@dataclass(frozen=True)
class Side:
    """How Vega draws a label on ``side`` of its point: text alignment, baseline and offsets (px)."""

    align: str
    baseline: str
    dx: int
    dy: int


def mark_properties(side: str) -> Side:
    horizontal, vertical = SIDES[side]
    align = {1: "left", 0: "center", -1: "right"}[horizontal]
    baseline = {1: "top", 0: "middle", -1: "bottom"}[vertical]
    return Side(align, baseline, horizontal * OFFSET, vertical * OFFSET)


def _boxes(x: np.ndarray, y: np.ndarray, widths: np.ndarray, height: float, side: str) -> np.ndarray:
    """Label boxes (left, top, right, bottom; px) for labels of ``widths`` px anchored at ``x``, ``y``."""
    horizontal, vertical = SIDES[side]
    left = {1: x + OFFSET, 0: x - widths / 2, -1: x - OFFSET - widths}[horizontal]
    top = {1: y + OFFSET, 0: y - height / 2, -1: y - OFFSET - height}[vertical]
    return np.stack([left, top, left + widths, top + height], axis=-1)


def _areas(box: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Area (px²) where ``box`` overlaps each of ``others`` (one per row)."""
    width = np.clip(np.minimum(box[2], others[:, 2]) - np.maximum(box[0], others[:, 0]), 0, None)
    height = np.clip(np.minimum(box[3], others[:, 3]) - np.maximum(box[1], others[:, 1]), 0, None)
    return width * height


def _overlap(box: np.ndarray, others: np.ndarray) -> float:
    """Total area (px²) where ``box`` overlaps ``others``."""
    return float(_areas(box, others).sum()) if len(others) else 0.0


def _meet(box: np.ndarray, other: np.ndarray) -> bool:
    """Whether two boxes overlap by more than ``TOLERANCE`` px each way (what the browser test counts)."""
    return bool(
        min(box[2], other[2]) - max(box[0], other[0]) > TOLERANCE
        and min(box[3], other[3]) - max(box[1], other[1]) > TOLERANCE
    )


def _outside(box: np.ndarray, plot_width: float, plot_height: float) -> float:
    """Area (px²) of ``box`` outside the plot."""
    inside_w = max(0.0, min(box[2], plot_width) - max(box[0], 0.0))
    inside_h = max(0.0, min(box[3], plot_height) - max(box[1], 0.0))
    return (box[2] - box[0]) * (box[3] - box[1]) - inside_w * inside_h


def place(
    x: Sequence[float],
    y: Sequence[float],
    texts: Sequence[str],
    plot_height: float,
    font_size: float,
    avoid: tuple[Sequence[float], Sequence[float]] = ((), ()),
    sides: Sequence[str] = tuple(SIDES),
) -> list[Placement | None]:
    """Where each row's label goes (its side, a key of ``SIDES``, and the narrowest width it is drawn at),
    or None for a row not used. Labels earlier in ``texts`` have priority when a narrow plot has no room.
    ``x``, ``y`` are a point's position as fractions of the plot (0 = left, bottom; 1 = right, top).
    Rows with the same text are one label's alternative points (e.g. either end of a reference line):
    the label takes one of them. ``avoid`` holds the other points' positions; ``sides`` the sides
    allowed, in order of preference."""
    x, y = np.asarray(x, float), 1 - np.asarray(y, float)
    avoid_x, avoid_y = np.asarray(avoid[0], float), 1 - np.asarray(avoid[1], float)
    widths = np.array([CHAR_WIDTH * font_size * len(text) + 2 for text in texts])
    height = 1.2 * font_size
    boxes = {
        (side, width): _boxes(x * width, y * plot_height, widths, height, side)
        for side in sides
        for width in PLOT_WIDTHS
    }
    half = POINT_SIZE / 2
    points = {
        width: np.stack(
            [
                avoid_x * width - half,
                avoid_y * plot_height - half,
                avoid_x * width + half,
                avoid_y * plot_height + half,
            ],
            axis=-1,
        ).reshape(-1, 4)
        for width in PLOT_WIDTHS
    }
    rows_of = {text: [row for row, other in enumerate(texts) if other == text] for text in texts}
    chosen: dict[str, tuple[int, str]] = {}

    priority = list(rows_of)

    def cost(text: str, row: int, side: str) -> float:
        total = sides.index(side) * 0.01 + rows_of[text].index(row) * 0.01
        others = [(other, placed) for other, placed in chosen.items() if other != text]
        weights = np.array(
            [10.0 if priority.index(other) < priority.index(text) else 1.0 for other, _ in others]
        )
        for width in PLOT_WIDTHS:
            box = boxes[side, width][row]
            if others:
                placed = np.array(
                    [boxes[other_side, width][other_row] for _, (other_row, other_side) in others]
                )
                total += float(weights @ _areas(box, placed)) / height**2
            total += 20 * _outside(box, width, plot_height) / height**2
            total += _overlap(box, points[width]) / POINT_SIZE**2
        return total

    for _ in range(PASSES):
        for text in priority:
            candidates = [(row, side) for row in rows_of[text] for side in sides]
            chosen[text] = min(candidates, key=lambda candidate: cost(text, *candidate))
    shown_from = _shown_from(chosen, priority, boxes, plot_height)
    return [
        Placement(chosen[text][1], shown_from[text]) if chosen[text][0] == row else None
        for row, text in enumerate(texts)
    ]


def _shown_from(
    chosen: dict[str, tuple[int, str]], priority: list[str], boxes: dict, plot_height: float
) -> dict[str, int]:
    """The narrowest plot width (px) from which each label is drawn. From the widest plot down, a label
    that meets one earlier in ``priority`` or leaves the plot is hidden at that width and every narrower
    one (a crowded corner on a phone keeps its first names)."""
    shown_from = dict.fromkeys(priority, HIDDEN)
    hidden: set[str] = set()
    for width in sorted(PLOT_WIDTHS, reverse=True):
        drawn = []
        for text in priority:
            if text in hidden:
                continue
            row, side = chosen[text]
            box = boxes[side, width][row]
            if _outside(box, width, plot_height) < 1 and not any(_meet(box, other) for other in drawn):
                drawn.append(box)
                shown_from[text] = width
            else:
                hidden.add(text)
    return shown_from


def fractions(values: pd.Series, channel: dict) -> np.ndarray:
    """Positions of ``values`` as fractions of an axis, from a Vega-Lite channel definition with an
    explicit ``scale.domain`` (linear, log or temporal; temporal domains in ms since 1970)."""
    scale = channel.get("scale", {})
    domain = scale.get("domain")
    if not domain:
        raise ValueError(f"labels on {channel.get('field')!r} need an explicit scale domain to be placed")
    low, high = (float(bound) for bound in domain)
    if channel.get("type") == "temporal":
        numbers = pd.to_datetime(values).astype("datetime64[ms]").astype("int64").to_numpy(float)
    else:
        numbers = np.asarray(values, float)
    if scale.get("type") == "log":
        numbers, low, high = np.log10(numbers), np.log10(low), np.log10(high)
    return (numbers - low) / (high - low)
