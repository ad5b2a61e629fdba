import math

import pytest

from analysis.science import units


def test_growth_conversions_round_trip():
    factor = 4.2
    assert units.oom_per_year_to_factor(units.factor_to_oom_per_year(factor)) == pytest.approx(factor)
    # Doubling time: 12 ln2 / ln g months; 2x per year doubles every 12 months.
    assert units.doubling_time_months(2.0) == pytest.approx(12.0)
    assert units.doubling_time_months(factor) == pytest.approx(12 * math.log(2) / math.log(factor))


def test_format_growth_gives_all_three_forms():
    assert units.format_growth(4.2) == "4.2x per year (0.62 OOM/yr, doubling every 5.8 months)"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.34781, "0.348"),
        (2085.43, "2,090"),
        (17.92, "17.9"),
        (5.76e23, "5.76 × 10²³"),
        (9.996e25, "1.00 × 10²⁶"),
        (1e-10, "1.00 × 10⁻¹⁰"),
    ],
)
def test_format_number(value, expected):
    assert units.format_number(value) == expected


def test_format_number_rounds_integer_digits_to_the_significant_figures():
    assert units.format_number(231_432.7, 2) == "230,000"
    assert units.format_number(1_875) == "1,875"


def test_format_estimate():
    assert units.format_estimate(0.347, 0.318, 0.371, 0.95) == "0.347 (95% CI 0.318–0.371)"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.46, "0.46"),
        (20.0, "20"),
        (2085.43, "2,085.43"),
        (5.76e23, "5.76 × 10²³"),
        (0.33917084, "0.33917084"),
    ],
)
def test_format_printed_keeps_published_precision(value, expected):
    assert units.format_printed(value) == expected


def test_intervals_with_negative_bounds_use_words():
    assert units.format_interval(-1.6, -0.84, 0.95) == "95% CI -1.60 to -0.840"
