"""Claims checked: verdict rules on hand-made cases, unit conversions, and missing key numbers."""

import html
import pickle
import re

import pandas as pd
import pytest

from analysis.report import claims
from analysis.report.keynumbers import KeyNumber


def _number(value=4.0, low=3.5, high=4.5, unit="x/yr") -> KeyNumber:
    return KeyNumber("compute.growth.test", value, low, high, 0.9, unit, "test", "test", "", "chapters/x")


def _claim(rule, value, low=None, high=None, unit="x/yr", key="compute.growth.test", given=None):
    return pd.Series(
        {
            "id": "test.claim",
            "rule": rule,
            "value": value,
            "low": low,
            "high": high,
            "unit": unit,
            "key_number": key,
            "given": given,
            "explanation": None,
        }
    )


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        (_claim("point_in_interval", 4.2), claims.CONSISTENT),
        (_claim("point_in_interval", 4.45), claims.AT_EDGE),
        (_claim("point_in_interval", 3.55), claims.AT_EDGE),
        (_claim("point_in_interval", 5.0, 4.4, 5.5), claims.PARTLY),
        (_claim("point_in_interval", 9.5, 7.4, 12.2), claims.INCONSISTENT),
        (_claim("ranges_overlap", 4.5, 4.0, 5.0), claims.CONSISTENT),
        (_claim("ranges_overlap", 5.0, 4.4, 6.0), claims.PARTLY),
        (_claim("ranges_overlap", 7.0, 6.0, 8.0), claims.INCONSISTENT),
        (_claim("at_least", 3.0), claims.CONSISTENT),
        (_claim("at_least", 3.8), claims.PARTLY),
        (_claim("at_least", 4.6), claims.INCONSISTENT),
        (_claim("at_most", 5.0), claims.CONSISTENT),
        (_claim("at_most", 4.2), claims.PARTLY),
        (_claim("at_most", 3.0), claims.INCONSISTENT),
        (_claim("not_testable", 1.0, key=None), claims.NOT_TESTABLE),
        (_claim("arithmetic", 2.83, key=None, given=8), claims.CONSISTENT),
        (_claim("arithmetic", 2.7, key=None, given=8), claims.PARTLY),
        (_claim("arithmetic", 2.0, key=None, given=8), claims.INCONSISTENT),
    ],
)
def test_verdict_rules_on_hand_made_cases(claim, expected):
    assert claims.verdict(claim, {"compute.growth.test": _number()}).verdict == expected


def test_a_growth_claim_converts_to_a_halving_time():
    """3x per year is a halving every 12 ln 2 / ln 3 = 7.57 months."""
    halving = _number(7.0, 6.0, 8.0, unit="months")
    assert claims.convert(3.0, "x/yr", "months") == pytest.approx(7.57, abs=0.01)
    assert (
        claims.verdict(_claim("point_in_interval", 3.0), {"compute.growth.test": halving}).verdict
        == claims.CONSISTENT
    )
    assert claims.convert(0.6, "OOM/yr", "x/yr") == pytest.approx(3.98, abs=0.01)
    with pytest.raises(claims.ClaimError):
        claims.convert(1.0, "tokens", "x/yr")


def test_a_scorecard_claim_takes_the_scorecard_s_outcome_and_an_unscored_one_fails():
    claim = _claim("scorecard", 10.0, key=None).copy()
    claim["forecast"] = "someone.count"
    result = claims.verdict(claim, {}, {"someone.count": ("5 estimated", "partly resolved")})
    assert result.verdict == f"{claims.SCORED}: partly resolved"
    assert result.ours.startswith("5 estimated")
    with pytest.raises(claims.ClaimError, match="does not score"):
        claims.verdict(claim, {}, {})


def test_the_claims_page_says_why_each_untestable_claim_is_not_testable(built_site):
    page = html.unescape(re.sub(r"<[^>]+>", " ", (built_site / "claims.html").read_text(encoding="utf-8")))
    for _, claim in claims.load_claims().iterrows():
        if claim.rule == "not_testable":
            assert " ".join(claim.explanation.split()[-6:]) in " ".join(page.split()), claim.id
    assert claims.SCORED in page


def test_a_claim_whose_key_number_is_missing_fails():
    with pytest.raises(claims.ClaimError, match="no chapter registers"):
        claims.verdict(_claim("point_in_interval", 4.0, key="compute.growth.gone"), {})


def test_every_committed_claim_is_checked_and_inconsistent_ones_are_explained(built_site):
    from analysis.report import keynumbers

    numbers = keynumbers.load_saved(built_site.parent / "generated")
    scorecard = pickle.loads((built_site.parent / "generated" / "scorecard-content.pickle").read_bytes())
    results = claims.verdicts(numbers, scorecard["by_id"])
    assert len(results) >= 30
    page = (built_site / "claims.html").read_text(encoding="utf-8")
    for result in results:
        assert result.claim.claim.split()[0] in page


def test_the_claims_page_converts_a_claim_into_our_unit_and_names_counts_without_a_unit(built_site):
    page = html.unescape(re.sub(r"<[^>]+>", " ", (built_site / "claims.html").read_text(encoding="utf-8")))
    assert re.search(r"3 x/yr \(= [0-9.]+ months\)", page), "a growth claim is not shown in our unit"
    assert "dimensionless" not in page
