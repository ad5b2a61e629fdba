"""The forecast ledger and the Scorecard: rules, the freeze, and the verdict sentence."""

import math

import pandas as pd
import pytest

from analysis.report import keynumbers, ledger
from analysis.topics import scorecard


def _forecast(**changes) -> ledger.Forecast:
    fields = dict(
        id="timelines.test.count",
        owner=ledger.OURS,
        statement="Models above 1e26 FLOP by the start of 2026",
        unit="dimensionless",
        rule="count_above 1e26",
        resolves="2026-01-01",
        made="2025-09-02",
        data_through="2025-09-02",
        version=ledger.DEVELOPMENT,
        median=10.0,
        low=7.0,
        high=15.0,
        level=0.9,
        q25=8.0,
        q75=12.0,
    )
    return ledger.Forecast(**{**fields, **changes})


def test_a_forecast_without_a_resolution_rule_is_refused_naming_it():
    with pytest.raises(ledger.LedgerError, match="forecast 'timelines.test.count': resolution rule ''"):
        _forecast(rule="")
    with pytest.raises(ledger.LedgerError, match="names no threshold"):
        _forecast(rule="count_above")
    with pytest.raises(ledger.LedgerError, match="resolves 'soon' is not an ISO date"):
        _forecast(resolves="soon")


def test_a_release_freezes_the_ledger_and_a_changed_released_forecast_fails(tmp_path):
    """Freezing seals each row; editing a frozen row, or a build printing a released forecast differently,
    is an error naming the forecast and version."""
    path = tmp_path / "forecast-ledger.released.csv"
    ledger.freeze([_forecast()], "0.2.0", "2026-12-07", path)
    frozen = ledger.load_frozen(path)
    assert [(f.version, f.made) for f in frozen] == [("0.2.0", "2026-12-07")]
    ledger.check_frozen([frozen[0]], frozen)
    with pytest.raises(ledger.LedgerError, match="'timelines.test.count' of released version 0.2.0"):
        ledger.check_frozen([_forecast(version="0.2.0", made="2026-12-07", median=11.0)], frozen)
    path.write_text(path.read_text().replace(",10,", ",12,"))
    with pytest.raises(
        ledger.LedgerError, match="line 2, forecast 'timelines.test.count' of version 0.2.0 changed"
    ):
        ledger.load_frozen(path)
    again = tmp_path / "again.csv"
    ledger.freeze([_forecast()], "0.2.0", "2026-12-08", again)
    with pytest.raises(ledger.LedgerError, match="version 0.2.0 is already frozen"):
        ledger.freeze([_forecast()], "0.2.0", "2026-12-08", again)


def test_a_forward_looking_key_number_without_a_forecast_is_listed():
    registry = keynumbers.Registry("chapters/test", "2025-09-02")
    registry.register("timelines.test.2030", 5.0, (1.0, 9.0), 0.9, "dimensionless", "count", "test")
    registry.register("timelines.test_year.first", 2027.5, (2026.0, 2029.0), 0.9, "year", "year", "test")
    registry.register("timelines.test.past", 2020.5, (2020.0, 2021.0), 0.9, "year", "year", "test")
    assert ledger.unforecast(list(registry), []) == ["timelines.test.2030", "timelines.test_year.first"]
    forecast = registry.forecast("timelines.test.2030", "count_above 1e26", "2030-01-01")
    assert ledger.unforecast(list(registry), [forecast]) == ["timelines.test_year.first"]


def _row(forecast, low, high, unknown=0):
    result = scorecard.Realised(low, high, unknown, "test")
    return {
        "forecast": forecast,
        "realised": result,
        **scorecard.score(forecast, result, pd.Timestamp("2025-12-31")),
    }


def test_unknown_releases_leave_an_outcome_open_and_the_verdict_counts_each_group():
    """A realised count known exactly inside the interval resolves it; bounds that straddle the interval
    leave it partly resolved; the verdict names a missed interval and changes when one row contradicts."""
    inside = _row(_forecast(id="a.ours.inside"), 9.0, 9.0)
    straddle = _row(_forecast(id="a.ours.open"), 5.0, 29.0, unknown=24)
    assert inside["status"] == "resolved" and inside["inside"] is True
    assert straddle["status"] == "partly resolved" and straddle["inside"] is None
    anchor = _forecast(id="anchor.x", owner="Someone et al. 2024", version="published")
    held = pd.DataFrame([inside, straddle, _row(anchor, 12.0, 12.0)])
    assert "Ours: 1 of 1 resolved intervals held the realised value." in scorecard.verdict(held)
    assert "The anchors': 1 of 1 resolved intervals held" in scorecard.verdict(held)
    missed = pd.DataFrame([inside, straddle, _row(anchor, 30.0, 30.0)])
    assert "The anchors': 0 of 1 resolved intervals held the realised value (missed: anchor.x)." in (
        scorecard.verdict(missed)
    )
    assert scorecard.verdict(held).startswith("3 of 3 forecasts are resolved or partly resolved (2 ours, 1")


def test_pit_and_interval_score_follow_the_quantiles():
    forecast = _forecast()
    assert scorecard.pit(forecast, 10.0) == pytest.approx(0.5)
    assert scorecard.pit(forecast, 8.0) == pytest.approx(0.25)
    assert scorecard.interval_score(forecast, 10.0) == pytest.approx(8.0)
    assert scorecard.interval_score(forecast, 17.0) == pytest.approx(8.0 + 2 / 0.1 * 2)
    assert math.isnan(scorecard.pit(_forecast(low=math.nan, high=math.nan, q25=math.nan, q75=math.nan), 3.0))


def test_an_unchanged_forecast_appears_once_under_the_release_that_froze_it(tmp_path):
    path = tmp_path / "frozen.csv"
    ledger.freeze([_forecast()], "0.2.0", "2026-12-07", path)
    frozen = ledger.load_frozen(path)
    assert ledger.new_since_release([_forecast()], frozen) == []
    moved = _forecast(median=11.0)
    assert ledger.new_since_release([moved], frozen) == [moved]
