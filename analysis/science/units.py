"""Unit conversions and the one way the report writes numbers.

Growth rates: a multiplicative growth per year ``g`` (x/yr) is also written as
``log10(g)`` orders of magnitude per year (OOM/yr) and as a doubling time of
``12 * ln(2) / ln(g)`` months. Logs are base 10 unless a name says ``ln``.
"""

import math
from numbers import Integral

import numpy as np

MONTHS_PER_YEAR = 12.0

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def oom_per_year_to_factor(oom_per_year: float) -> float:
    """Orders of magnitude per year (log10 units) to growth factor per year (x/yr)."""
    return 10.0**oom_per_year


def factor_to_oom_per_year(factor_per_year: float) -> float:
    """Growth factor per year (x/yr) to orders of magnitude per year."""
    return math.log10(factor_per_year)


def doubling_time_months(factor_per_year):
    """Doubling time in months of a quantity growing ``factor_per_year`` x/yr (scalar or array).

    For a quantity that falls by ``factor_per_year`` x/yr, this is its halving
    time. Negative when the factor is below 1.
    """
    return MONTHS_PER_YEAR * math.log(2.0) / np.log(factor_per_year)


def format_number(value: float, significant: int = 3) -> str:
    """Format a number for prose: ``0.348``, ``2,085``, ``5.76 × 10²³``.

    Numbers from 0.001 to 1e6 are written plainly with thousands separators,
    rounded to ``significant`` significant figures, into the integer digits too
    (231,432.7 at 2 gives 230,000: an estimate says no more than it knows); others
    in scientific notation with a Unicode superscript exponent. Integers (counts)
    are written whole: ``1,875``.
    """
    if isinstance(value, Integral):
        return f"{int(value):,}"
    if value == 0 or not math.isfinite(value):
        return str(value)
    magnitude = math.floor(math.log10(abs(value)))
    if -3 <= magnitude < 6:
        decimals = significant - 1 - magnitude
        rounded = round(value, decimals)
        return f"{rounded:,.{max(decimals, 0)}f}"
    mantissa = value / 10.0**magnitude
    if round(abs(mantissa), significant - 1) >= 10:
        mantissa /= 10.0
        magnitude += 1
    exponent = str(magnitude).translate(_SUPERSCRIPT)
    return f"{mantissa:.{significant - 1}f} × 10{exponent}"


def format_printed(value: float, unit: str = "") -> str:
    """A published figure at the precision it was printed: ``0.46``, ``5.76 × 10²³`` (a year: ``2028``)."""
    text = f"{value:.10g}"
    if unit == "year":
        return text
    if "e" in text:
        mantissa, exponent = text.split("e")
        return f"{mantissa} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"
    whole, _, fraction = text.partition(".")
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "") if abs(value) >= 1000 else text


def format_year(year: float) -> str:
    """A (decimal) year as prose writes it: ``2029.4``."""
    return f"{year:.1f}"


def format_in_unit(value: float, unit: str, significant: int = 3) -> str:
    """A number in its unit's style: years as ``2029.4``, everything else by ``format_number``."""
    return format_year(value) if unit == "year" else format_number(value, significant)


def format_interval(
    low: float, high: float, level: float, significant: int = 3, unit: str = "", kind: str = "CI"
) -> str:
    """Format an interval: ``95% CI 0.317–0.373`` (``-1.60 to -0.840`` with negatives).

    ``kind`` other than ``CI`` names a range that is not a confidence interval (e.g. ``grade
    range``: an estimate's confidence grade as a multiplicative range); it prints without a level.
    """
    separator = " to " if low < 0 or high < 0 else "–"
    low_text, high_text = (format_in_unit(bound, unit, significant) for bound in (low, high))
    label = f"{level:.0%} CI" if kind == "CI" else kind
    return f"{label} {low_text}{separator}{high_text}"


def format_estimate(
    value: float,
    low: float,
    high: float,
    level: float,
    significant: int = 3,
    unit: str = "",
    kind: str = "CI",
) -> str:
    """A value with its interval: ``0.347 (95% CI 0.318–0.371)``."""
    interval = format_interval(low, high, level, significant, unit, kind)
    return f"{format_in_unit(value, unit, significant)} ({interval})"


def format_growth(factor_per_year: float, significant: int = 2) -> str:
    """All three forms of a growth rate, as the report writes them.

    ``format_growth(4.2)`` gives ``4.2x per year (0.62 OOM/yr, doubling every 5.8 months)``.
    """
    oom = factor_to_oom_per_year(factor_per_year)
    months = doubling_time_months(factor_per_year)
    return (
        f"{format_number(factor_per_year, significant)}x per year "
        f"({format_number(oom, significant)} OOM/yr, "
        f"doubling every {format_number(months, significant)} months)"
    )


def format_watts(value: float) -> str:
    """Power in the unit a reader expects: ``7.6 GW``, ``136 MW``, ``850 kW``, ``40 W``."""
    for scale, unit in ((1e9, "GW"), (1e6, "MW"), (1e3, "kW")):
        if value >= scale:
            return f"{format_number(value / scale, 2)} {unit}"
    return f"{format_number(value, 2)} W"


def format_usd(value: float) -> str:
    """A cost in words: ``USD 374 million``, ``USD 1.2 billion``."""
    for scale, unit in ((1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if value >= scale:
            return f"USD {format_number(value / scale, 2)} {unit}"
    return f"USD {format_number(value, 2)}"


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_human(value: float, unit: str) -> str:
    """A value in the unit a reader expects: ``5.7x a year``, ``4.9 GW``, ``USD 18 billion``, ``Sep 2027``,
    ``62%`` (a share), ``17 months``, ``1.2 × 10²⁹ FLOP``."""
    if unit == "x/yr":
        return f"{format_number(value, 2)}x a year"
    if unit == "W":
        return format_watts(value)
    if unit == "USD":
        return format_usd(value)
    if unit == "year":
        whole = int(value // 1)
        if value == whole:
            return str(whole)
        return f"{MONTHS[min(int((value - whole) * 12), 11)]} {whole}"
    if unit == "dimensionless" and 0 <= value <= 1:
        return f"{value:.0%}"
    if unit == "dimensionless":
        return format_number(value, 2)
    return f"{format_number(value, 2)} {unit}"
