"""Claims checked against the report: each claim's verdict, computed from the key-numbers registry.

A claim (a row of ``data/claims.csv``) names the key number that tests it and a rule:

- ``point_in_interval``: *consistent* if the claimed value lies in our interval, *consistent, at the
  edge* if it does but lies outside our central 80% interval (``central_80``); *partly* if only the
  claimed range overlaps it; else *inconsistent*.
- ``ranges_overlap``: *consistent* if our estimate lies in the claimed range; *partly* if the
  ranges overlap; else *inconsistent*.
- ``at_least`` / ``at_most``: *consistent* if our whole interval is on the claimed side; *partly*
  if only our estimate is; else *inconsistent*.
- ``arithmetic``: the claim converts a halving time (``given``, months) to a factor per year;
  *consistent* within 2% of 2**(12/given), *partly* within 10%, else *inconsistent*.
- ``scorecard``: the claim is an anchor forecast (``forecast``) the Scorecard resolves against the
  pinned data; its outcome there is the verdict (*scored on the Scorecard: ...*).
- ``not_testable``: *not testable with this report's data*; the row's ``explanation`` says why.

Claimed values are converted to the key number's unit when they differ (x/yr, OOM/yr and a
halving or doubling time in months are one quantity).
"""

import math
from dataclasses import dataclass

import pandas as pd

from analysis.data import catalog, paths, schema
from analysis.report.keynumbers import KeyNumber
from analysis.science.units import doubling_time_months

CONSISTENT, PARTLY, INCONSISTENT = "consistent", "partly", "inconsistent"
AT_EDGE = "consistent, at the edge"
NOT_TESTABLE = "not testable with this report's data"
SCORED = "scored on the Scorecard"


class ClaimError(ValueError):
    """A claim cannot be checked: its key number is missing, or its units do not convert."""


def convert(value: float, unit: str, target: str) -> float:
    """``value`` in ``unit`` expressed in ``target`` (growth rates only; else the units must match)."""
    if unit == target:
        return value
    factor = {"x/yr": lambda v: v, "OOM/yr": lambda v: 10**v, "months": lambda v: 2 ** (12 / v)}
    inverse = {"x/yr": lambda g: g, "OOM/yr": math.log10, "months": lambda g: float(doubling_time_months(g))}
    if unit not in factor or target not in inverse:
        raise ClaimError(f"cannot compare a claim in {unit} with a key number in {target}")
    return inverse[target](factor[unit](value))


@dataclass(frozen=True)
class Verdict:
    """A claim's verdict and the numbers it compared."""

    claim: pd.Series
    verdict: str
    ours: str


def _ordered(a: float, b: float) -> tuple[float, float]:
    return (a, b) if a <= b else (b, a)


def central_80(number: KeyNumber) -> tuple[float, float]:
    """Our central 80% interval, from a wider confidence interval: each side's distance from the estimate
    scaled by z(0.90)/z(level) (on the log scale when the interval is positive), as for a normal."""
    from scipy.stats import norm

    if number.interval_kind != "CI" or number.ci_level <= 0.8:
        return number.ci_low, number.ci_high
    shrink = norm.ppf(0.9) / norm.ppf(0.5 + number.ci_level / 2)
    if number.ci_low > 0:
        centre = math.log(number.value)
        return (
            math.exp(centre - shrink * (centre - math.log(number.ci_low))),
            math.exp(centre + shrink * (math.log(number.ci_high) - centre)),
        )
    return (
        number.value - shrink * (number.value - number.ci_low),
        number.value + shrink * (number.ci_high - number.value),
    )


def _ours_text(number: KeyNumber) -> str:
    """Our estimate with its interval as the Claims page prints it: in a reader's units for power, money
    and dates (4.9 GW, USD 1.2 billion, Sep 2027), else as registered; a count has no unit word."""
    from analysis.report.findings import human_value, interval_text

    if number.unit in ("W", "USD", "year"):
        return f"{human_value(number.value, number)} ({interval_text(number)})"
    unit = "" if number.unit == "dimensionless" else f" {number.unit}"
    return f"{number.text}{unit}"


def verdict(
    claim: pd.Series, numbers: dict[str, KeyNumber], scored: dict[str, tuple[str, str]] | None = None
) -> Verdict:
    """The verdict on one claim (a row of ``load_claims()``) against the registry ``numbers``, or, for a
    ``scorecard`` claim, the Scorecard's (realised value, outcome) of its forecast in ``scored``."""
    if claim.rule == "not_testable":
        return Verdict(claim, NOT_TESTABLE, "")
    if claim.rule == "scorecard":
        if claim.forecast not in (scored or {}):
            raise ClaimError(
                f"{paths.DATA_DIR / 'claims.csv'}: claim '{claim.id}' names forecast "
                f"'{claim.forecast}', which the Scorecard does not score"
            )
        realised, outcome = scored[claim.forecast]
        return Verdict(claim, f"{SCORED}: {outcome}", f"{realised} (Scorecard, {claim.forecast})")
    if claim.rule == "arithmetic":
        exact = 2 ** (12 / claim.given)
        error = abs(claim.value / exact - 1)
        result = CONSISTENT if error <= 0.02 else (PARTLY if error <= 0.10 else INCONSISTENT)
        return Verdict(claim, result, f"a halving every {claim.given:g} months is {exact:.2f} {claim.unit}")
    if claim.key_number not in numbers:
        raise ClaimError(
            f"{paths.DATA_DIR / 'claims.csv'}: claim '{claim.id}' names key number "
            f"'{claim.key_number}', which no chapter registers"
        )
    number = numbers[claim.key_number]
    value = convert(claim.value, claim.unit, number.unit)
    low, high = number.ci_low, number.ci_high
    claimed = (
        _ordered(convert(claim.low, claim.unit, number.unit), convert(claim.high, claim.unit, number.unit))
        if pd.notna(claim.low)
        else (value, value)
    )
    overlap = claimed[0] <= high and low <= claimed[1]
    if claim.rule == "point_in_interval":
        central_low, central_high = central_80(number)
        result = (
            (CONSISTENT if central_low <= value <= central_high else AT_EDGE)
            if low <= value <= high
            else (PARTLY if overlap else INCONSISTENT)
        )
    elif claim.rule == "ranges_overlap":
        result = (
            CONSISTENT if claimed[0] <= number.value <= claimed[1] else (PARTLY if overlap else INCONSISTENT)
        )
    else:
        above = claim.rule == "at_least"
        whole = low >= value if above else high <= value
        central = number.value >= value if above else number.value <= value
        result = CONSISTENT if whole else (PARTLY if central else INCONSISTENT)
    return Verdict(claim, result, f"{_ours_text(number)} ({number.id})")


def load_claims() -> pd.DataFrame:
    """``data/claims.csv``, validated."""
    return schema.read_table(catalog.CLAIMS, paths.DATA_DIR / "claims.csv")


def verdicts(numbers: list[KeyNumber], scored: dict[str, tuple[str, str]]) -> list[Verdict]:
    """Every claim's verdict (``scored``: the Scorecard's realised value and outcome by forecast id); an
    inconsistent verdict without its explanation is an error."""
    registry = {number.id: number for number in numbers}
    results = [verdict(claim, registry, scored) for _, claim in load_claims().iterrows()]
    unexplained = [
        result.claim.id
        for result in results
        if result.verdict == INCONSISTENT and not isinstance(result.claim.explanation, str)
    ]
    if unexplained:
        raise ClaimError(
            f"{paths.DATA_DIR / 'claims.csv'}: inconsistent verdicts need an explanation: "
            f"{', '.join(unexplained)}"
        )
    return results
