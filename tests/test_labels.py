"""Named-point labels: placed apart at every plot width, the lower-priority ones hidden where no room."""

import numpy as np
import pytest

from analysis.report import labels


def _boxes(x, y, texts, placed, width, font_size=11, height=300):
    return [
        labels._boxes(
            np.array([fx * width]),
            np.array([(1 - fy) * height]),
            np.array([labels.CHAR_WIDTH * font_size * len(text) + 2]),
            1.2 * font_size,
            place.side,
        )[0]
        for fx, fy, text, place in zip(x, y, texts, placed, strict=True)
        if place and width >= place.shown_from
    ]


def test_labels_of_nearby_points_are_placed_apart_at_every_width():
    x, y = [0.5, 0.51, 0.52], [0.5, 0.51, 0.5]
    texts = ["GPT-4", "Gemini 1.0 Ultra", "Llama 3.1 405B"]
    placed = labels.place(x, y, texts, 300, 11)
    assert all(place.shown_from == min(labels.PLOT_WIDTHS) for place in placed)
    for width in labels.PLOT_WIDTHS:
        boxes = _boxes(x, y, texts, placed, width)
        assert not any(labels._meet(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :]), width


def test_a_crowded_corner_hides_the_later_labels_on_a_narrow_plot_only():
    x, y = [0.95, 0.955, 0.96, 0.965, 0.97], [0.95, 0.955, 0.96, 0.965, 0.97]
    texts = ["first model", "second model", "third model", "fourth model", "fifth model"]
    placed = labels.place(x, y, texts, 300, 11)
    assert placed[0].shown_from == min(labels.PLOT_WIDTHS)
    assert max(place.shown_from for place in placed) > min(labels.PLOT_WIDTHS)
    for width in labels.PLOT_WIDTHS:
        boxes = _boxes(x, y, texts, placed, width)
        assert not any(labels._meet(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :]), width
        assert all(labels._outside(box, width, 300) < 1 for box in boxes), width


def test_a_name_on_two_rows_is_drawn_once():
    placed = labels.place([0.0, 1.0], [0.5, 0.5], ["Virginia grid", "Virginia grid"], 300, 10)
    assert sum(place is not None for place in placed) == 1


def test_a_label_needs_an_explicit_domain():
    with pytest.raises(ValueError, match="explicit scale domain"):
        labels.fractions(np.array([1.0]), {"field": "flop", "scale": {"type": "log"}})
