import numpy as np
import pandas as pd
import pytest

from analysis.science import trends
from analysis.science.units import doubling_time_months
from analysis.topics import algorithmic_progress as ap

BENCHMARKS = ("ptb", "wikitext-103", "wikitext-2")


def synthetic_evaluations(rate=0.7, noise=0.02, n=160, seed=0, acceleration=0.0):
    rng = np.random.default_rng(seed)
    shell = ap.model.Evaluations(
        log_parameters=rng.uniform(np.log(5e6), np.log(2e10), n),
        log_tokens=rng.uniform(np.log(1e8), np.log(3e11), n),
        years=rng.uniform(2012, 2023, n),
        benchmark=rng.integers(0, 3, n),
        loss=np.zeros(n),
        benchmarks=BENCHMARKS,
    )
    variant = "accelerating" if acceleration else "compute"
    rates = [rate, acceleration] if acceleration else [rate]
    theta = np.array([0.5, 0.25, *rates, np.log(2.0), np.log(2.5), np.log(2.2)])
    loss = ap.model.predict(theta, variant, shell) + rng.normal(0, noise, n)
    return ap.model.Evaluations(
        shell.log_parameters, shell.log_tokens, shell.years, shell.benchmark, loss, BENCHMARKS
    )


def test_augmented_law_recovers_a_known_halving_time():
    data = synthetic_evaluations(rate=0.7)
    fit = ap.model.fit_law(data, "compute")
    true_months = 12 * np.log(2) / 0.7
    assert fit.halving_months() == pytest.approx(true_months, rel=0.1)
    draws = ap.model.bootstrap_law(data, fit, resamples=60)
    months = [ap.model.LawFit("compute", theta, 0, 0).halving_months() for theta in draws]
    low, high = trends.percentile_interval(months, 0.95)
    assert low < true_months < high


def test_no_progress_variant_fits_worse_when_there_is_progress():
    data = synthetic_evaluations(rate=0.7)
    with_progress = ap.model.fit_law(data, "compute")
    without = ap.model.fit_law(data, "none")
    assert ap.model.leave_one_out_rmse(data, with_progress) < ap.model.leave_one_out_rmse(data, without)


def test_accelerating_variant_finds_a_positive_change_in_rate():
    data = synthetic_evaluations(rate=0.5, acceleration=0.15, noise=0.005)
    fit = ap.model.fit_law(data, "accelerating")
    assert ap.model.rates(fit.theta, "accelerating")[1] == pytest.approx(0.15, abs=0.05)


def test_compute_share_is_one_without_algorithmic_progress():
    data = synthetic_evaluations(rate=0.0, noise=0.0)
    fit = ap.model.fit_law(data, "none")
    early, late = ap.model.share_pairs(data)
    assert len(early) > 1 and (data.years[late] > data.years[early]).all()
    shares = ap.model.compute_shares(fit, data, early, late)
    assert shares == pytest.approx(np.ones(len(early)))


def test_record_trend_recovers_halving_and_no_acceleration():
    rng = np.random.default_rng(4)
    years = np.sort(rng.uniform(2024.4, 2026.0, 40))
    minutes = 45 * 10 ** (-np.log10(2) / (6 / 12) * (years - years[0])) * 10 ** rng.normal(0, 0.02, 40)
    dates = [trends.from_decimal_year(year) for year in years]
    result = ap.model.record_trend(dates, minutes, resamples=300)
    assert result.halving_months == pytest.approx(6.0, rel=0.05)
    assert result.halving_low < 6.0 < result.halving_high
    assert result.change_low < 0 < result.change_high


def test_record_trend_detects_slowing_progress():
    years = np.linspace(2024.4, 2026.0, 40)
    log_minutes = np.log10(45) - 1.2 * (years - 2024.4) + 0.5 * (years - 2024.4) ** 2
    dates = pd.to_datetime([trends.from_decimal_year(year) for year in years])
    result = ap.model.record_trend(dates, 10**log_minutes, resamples=200)
    assert result.change_per_year == pytest.approx(-1.0, abs=0.05)
    assert result.change_high < 0


def test_record_trend_matches_a_loop_of_polyfits():
    rng = np.random.default_rng(6)
    years = np.sort(rng.uniform(2024.4, 2026.0, 23))
    minutes = 45 * 10 ** (-1.1 * (years - years[0]) + rng.normal(0, 0.03, 23))
    dates = [trends.from_decimal_year(year) for year in years]
    result = ap.model.record_trend(dates, minutes, resamples=100, seed=3)
    x, log_minutes = trends.decimal_year(dates), np.log10(minutes)
    x = x - x.mean()
    declines, changes = [], []
    for rows in trends.moving_block_rows(np.random.default_rng(3), len(x), ap.model.RECORD_BLOCK, 100):
        declines.append(-np.polyfit(x[rows], log_minutes[rows], 1)[0])
        changes.append(-2 * np.polyfit(x[rows], log_minutes[rows], 2)[0])
    months = trends.percentile_interval(doubling_time_months(10.0 ** np.array(declines)), 0.95)
    decline = -np.polyfit(x, log_minutes, 1)[0]
    assert result.halving_months == pytest.approx(doubling_time_months(10**decline))
    assert result.change_per_year == pytest.approx(-2 * np.polyfit(x, log_minutes, 2)[0])
    assert (result.halving_low, result.halving_high) == pytest.approx(months, rel=1e-10)
    assert (result.change_low, result.change_high) == pytest.approx(
        trends.percentile_interval(changes, 0.95), rel=1e-10
    )


def test_usable_evaluations_give_a_reason_for_every_excluded_row():
    frame = pd.DataFrame(
        {
            "model": [f"m{i}" for i in range(7)],
            "evaluation_set": ["ptb"] * 7,
            "source_url": ["https://a"] * 5 + ["https://b"] * 2,
            "perplexity": [60.0, 61.0, 62.0, 63.0, 50.0, 70.0, 80.0],
            "training_tokens": [1e8, 1e8, 1e8, 1e8, 1e8, None, 1e8],
            "evaluation_method": ["standard"] * 4 + ["dynamic evaluation", "standard", "standard"],
            "publication_date": pd.to_datetime(["2017-01-01"] * 7),
        }
    )
    used, excluded = ap.model.usable_evaluations(frame)
    assert sorted(used.model) == ["m0", "m1", "m2", "m6"]
    assert dict(zip(excluded.model, excluded.reason, strict=True)) == {
        "m3": "beyond 3 per paper and benchmark",
        "m4": "evaluation method: dynamic evaluation",
        "m5": "training tokens not reported",
    }
    assert len(used) + len(excluded) == len(frame)


def test_every_algorithms_figure_is_compared_or_listed_as_context():
    from analysis.data import loaders

    published = loaders.load_published_estimates()
    table = ap.facts.context_table(published)
    assert len(table) == len(ap.facts.CONTEXT_KINDS)
    extra = published.loc[["ho2024.compute_share.lm"]].rename(index={"ho2024.compute_share.lm": "new.figure"})
    with pytest.raises(ValueError, match="new.figure"):
        ap.facts.context_table(pd.concat([published, extra]))


def test_speedrun_rules_are_split_and_the_current_regime_is_fitted_alone():
    from analysis.data import loaders

    records = loaders.load_speedrun_records()
    current = ap.model.current_rules_trend(records)
    assert current.n == int((records.timing_rules == ap.model.CURRENT_RULES).sum()) < len(records)
    assert current.halving_low < current.halving_months < current.halving_high


def test_the_comparison_with_ho_et_al_follows_both_intervals():
    theirs = pd.Series({"value": 8.4, "ci_low": 4.5, "ci_high": 14.3, "ci_level": 0.95})
    wide = ap.facts.compare_intervals(17.0, (4.5, 55.0), theirs)
    assert "contains their estimate" in wide and "ours lies outside" in wide and "times as wide" in wide
    close = ap.facts.compare_intervals(9.0, (6.0, 12.0), theirs)
    assert "contains their estimate" in close and "ours lies inside" in close and "no wider" in close
    apart = ap.facts.compare_intervals(30.0, (20.0, 40.0), theirs)
    assert "excludes their estimate" in apart and "outside" in apart


def test_the_leave_one_out_and_spread_verdicts_follow_their_numbers():
    assert ap.facts.loo_verdict(1.7).startswith("a difference within noise")
    assert ap.facts.loo_verdict(2.5) == "a difference beyond noise"
    assert ap.facts.loo_verdict(2.5, short=True) == "beyond noise"
    assert ap.facts.spread_verdict([17.3, 18.0]).startswith(
        "they agree (the longest is 4% above the shortest)"
    )
    assert "disagree by a factor of 3" in ap.facts.spread_verdict([6.0, 18.0])


def test_paired_loo_z_is_positive_when_the_first_predicts_better():
    rng = np.random.default_rng(0)
    better = rng.normal(0, 0.1, 200)
    worse = better * 1.5
    assert ap.model.paired_loo_z(better, worse) > 2
    assert ap.model.paired_loo_z(worse, better) < -2


def _trend(change: float, low: float, high: float) -> "ap.model.RecordTrend":
    return ap.model.RecordTrend(
        n=10,
        halving_months=10.0,
        halving_low=8.0,
        halving_high=12.0,
        change_per_year=change,
        change_low=low,
        change_high=high,
    )


def test_the_speedrun_acceleration_is_judged_within_the_current_rules():
    """The verdict follows the current-rules interval; a whole history of the other sign is attributed
    to the change of rules; one of the same sign adds nothing."""
    text = ap.facts.speedrun_acceleration_text(_trend(-1.3, -2.3, 0.4), _trend(0.8, -0.3, 3.0))
    assert text.startswith("neither clearly sped up nor slowed down under the current timing rules")
    assert "point estimate is acceleration" in text and "comes from the change of rules" in text
    faster = ap.facts.speedrun_acceleration_text(_trend(0.5, 0.1, 0.9), _trend(0.8, 0.2, 1.5))
    assert faster.startswith("sped up") and "change of rules" not in faster
    slower = ap.facts.speedrun_acceleration_text(_trend(0.5, 0.1, 0.9), _trend(-0.8, -1.5, -0.2))
    assert slower.startswith("slowed down") and "a speed-up instead" in slower


def test_the_bounds_verdict_follows_the_share_at_bounds():
    assert ap.facts.bounds_verdict(0.56).startswith("so the fit's bounds, not the data alone")
    assert ap.facts.bounds_verdict(0.02) == "so the data, not the bounds, pin the fit"


def test_at_bounds_flags_a_refit_at_a_parameter_bound():
    low, high = ap.model._bounds("compute", 5)
    inside = np.array([0.0, 0.5, 0.1, 0.0, 0.0])
    at_floor = inside.copy()
    at_floor[3] = low[3]
    assert ap.model.at_bounds(np.vstack([inside, at_floor]), "compute").tolist() == [False, True]
