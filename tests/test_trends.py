import numpy as np
import pandas as pd
import pytest

from analysis.data import paths
from analysis.science import forecasts, trends


def synthetic_models(factor_per_year=4.0, n=300, noise_oom=0.5, seed=0, start="2010-01-01", years=15):
    rng = np.random.default_rng(seed)
    offsets = np.sort(rng.uniform(0, years, n))
    dates = pd.to_datetime(start) + pd.to_timedelta(offsets * 365.25, unit="D")
    log_compute = 18 + np.log10(factor_per_year) * offsets + rng.normal(0, noise_oom, n)
    return dates, 10**log_compute


def test_growth_fit_recovers_a_known_rate():
    dates, compute = synthetic_models(4.0)
    fit = trends.fit_growth(dates, compute)
    assert fit.factor == pytest.approx(4.0, rel=0.05)
    low, high = fit.factor_interval
    assert low < 4.0 < high and high / low < 1.3


def test_robust_fit_resists_outliers_and_ols_does_not():
    dates, compute = synthetic_models(4.0, noise_oom=0.2)
    compute = compute.copy()
    compute[-20:] /= 1e6  # twenty late, tiny models
    assert trends.fit_growth(dates, compute, robust=True).factor == pytest.approx(4.0, rel=0.1)
    assert trends.fit_growth(dates, compute).factor < 3.5


def test_growth_fit_is_deterministic_for_a_seed():
    dates, compute = synthetic_models()
    assert trends.fit_growth(dates, compute, seed=3) == trends.fit_growth(dates, compute, seed=3)


def test_decimal_year_round_trip():
    assert trends.decimal_year(["2020-01-01"])[0] == 2020.0
    assert trends.decimal_year(["2021-07-02"])[0] == pytest.approx(2021.5, abs=0.003)
    assert trends.from_decimal_year(2021.5) == pd.Timestamp("2021-07-02")


def _decimal_year_by_strings(dates) -> np.ndarray:
    """The former ``decimal_year``: year starts parsed from strings, which the numpy version replaced."""
    dates = pd.DatetimeIndex(pd.to_datetime(dates))
    start = pd.to_datetime(dates.year.astype(str) + "-01-01")
    end = pd.to_datetime((dates.year + 1).astype(str) + "-01-01")
    return np.asarray(dates.year + (dates - start) / (end - start), dtype=float)


@pytest.mark.parametrize(
    "dates",
    [
        pd.read_csv(paths.DATA_DIR / "models.csv").publication_date,
        ["2000-02-29", "2020-02-29", "2020-03-01", "2020-12-31", "2021-03-01", "2100-03-01", "2024-12-31"],
        pd.date_range("2015-12-25", "2025-01-07", freq="7h"),
    ],
    ids=["models.csv", "leap years", "every 7 hours"],
)
def test_decimal_year_is_bit_identical_to_the_string_version(dates):
    expected, found = _decimal_year_by_strings(dates), trends.decimal_year(dates)
    assert found.dtype == np.float64 and np.array_equal(found.view(np.int64), expected.view(np.int64))


def test_running_top_n_on_a_hand_checked_example():
    dates = pd.to_datetime(
        ["2015-01-01", "2015-06-01", "2016-01-01", "2016-06-01", "2017-01-01", "2017-01-01"]
    )
    compute = [10, 5, 7, 1, 8, 20]
    # top-2 at release: 10 (first), 5 (second of two), 7 (beats 5), 1 (no), 8 and 20 released together:
    # on 2017-01-01 the pool is {10, 5, 7, 1, 8, 20}: 20 is top, 8 is third (10, 20 above) -> out.
    assert trends.running_top_n(dates, compute, n=2).tolist() == [True, True, True, False, False, True]


def test_within_factor_of_record():
    dates = pd.to_datetime(["2015-01-01", "2016-01-01", "2017-01-01", "2018-01-01"])
    compute = [100, 5, 1000, 150]
    assert trends.within_factor_of_record(dates, compute, 10).tolist() == [True, False, True, True]


def test_break_fit_finds_a_known_kink_and_bic_prefers_it():
    rng = np.random.default_rng(1)
    years = np.sort(rng.uniform(2010, 2024, 400))
    log_compute = np.where(years < 2017, 18 + 0.3 * (years - 2017), 18 + 0.8 * (years - 2017))
    log_compute = log_compute + rng.normal(0, 0.15, len(years))
    dates = [trends.from_decimal_year(year) for year in years]
    fit = forecasts.fit_break(dates, 10**log_compute, np.arange(2012, 2022, 1 / 12), resamples=60)
    assert fit.preferred
    assert fit.break_year == pytest.approx(2017, abs=0.5)
    assert fit.break_low <= 2017 <= fit.break_high
    assert fit.slope_after == pytest.approx(0.8, abs=0.05)


def test_break_fit_does_not_prefer_a_break_on_a_straight_line():
    dates, compute = synthetic_models(4.0, noise_oom=0.3, seed=5)
    fit = forecasts.fit_break(dates, compute, np.arange(2012, 2022, 1 / 12), resamples=30)
    assert not fit.preferred


def test_backtest_of_a_stable_trend_covers_later_models():
    dates, compute = synthetic_models(4.0, noise_oom=0.3, seed=2)
    result = forecasts.backtest(dates, compute, "2019-12-31", level=0.9)
    assert result["n_fit"] + result["n_later"] == len(dates)
    assert 0.8 < result["share_inside"] <= 1.0
    assert 10 ** result["fit"].params[1] == pytest.approx(4.0, rel=0.15)


def test_break_fit_predicts_the_two_segments():
    years = np.linspace(2010, 2024, 200)
    log_compute = np.where(years < 2017, 18 + 0.3 * (years - 2017), 18 + 0.8 * (years - 2017))
    dates = [trends.from_decimal_year(year) for year in years]
    fit = forecasts.fit_break(dates, 10**log_compute, np.arange(2012, 2022, 1 / 12), resamples=10)
    np.testing.assert_allclose(fit.predict(years), log_compute, atol=0.02)


def test_backtest_coverage_is_nominal_on_a_known_trend_and_fails_when_the_trend_breaks():
    """Over many synthetic histories the 50/80/90% bands cover about their level (one history's
    coverage shares its fitted slope, so it is averaged); after a jump coverage collapses."""
    runs = [forecasts.backtest(*synthetic_models(4.0, n=200, seed=seed), "2019-12-31") for seed in range(40)]
    for level in forecasts.BACKTEST_LEVELS:
        assert np.mean([run["coverage"][level] for run in runs]) == pytest.approx(level, abs=0.05)
    assert abs(np.mean([run["bias_oom"] for run in runs])) < 0.1
    dates, compute = synthetic_models(4.0, n=200, seed=1)
    broken = np.where(trends.decimal_year(dates) > 2019.99, compute * 30, compute)
    shifted = forecasts.backtest(dates, broken, "2019-12-31")
    assert shifted["coverage"][0.5] < 0.3 and shifted["bias_oom"] > 1.0


def test_moving_block_rows_draw_whole_blocks_of_consecutive_rows():
    rows = trends.moving_block_rows(np.random.default_rng(0), 23, 5, 30)
    assert rows.shape == (30, 23) and rows.min() >= 0 and rows.max() < 23
    for start in range(0, 20, 5):
        assert np.all(np.diff(rows[:, start : start + 5], axis=1) == 1)


@pytest.mark.parametrize("n", [7, 23, 40])
def test_moving_block_rows_draw_the_same_rows_as_one_resample_at_a_time(n):
    looped, batched = np.random.default_rng(11), np.random.default_rng(11)
    expected = []
    for _ in range(50):
        starts = looped.integers(0, n - 5 + 1, -(-n // 5))
        expected.append((starts[:, None] + np.arange(5)).ravel()[:n])
    np.testing.assert_array_equal(trends.moving_block_rows(batched, n, 5, 50), np.array(expected))
    assert looped.random() == batched.random(), "the generator is left in the same state"


def test_polynomial_fits_match_polyfit_row_by_row():
    rng = np.random.default_rng(5)
    x = rng.uniform(-1.0, 1.0, (30, 12))
    y = 0.3 - 1.2 * x + 0.4 * x**2 + rng.normal(0, 0.1, x.shape)
    for degree in (1, 2):
        expected = np.array([np.polyfit(row_x, row_y, degree) for row_x, row_y in zip(x, y, strict=True)])
        np.testing.assert_allclose(trends.polynomial_fits(x, y, degree), expected, rtol=1e-10, atol=1e-12)


def test_cross_validation_prefers_a_kink_when_the_data_have_one_and_a_line_when_not():
    rng = np.random.default_rng(4)
    years = np.sort(rng.uniform(2010, 2024, 200))
    dates = [trends.from_decimal_year(year) for year in years]
    candidates = np.arange(2012.0, 2022.0, 1 / 12)
    kinked = np.where(years < 2017, 0.2 * (years - 2017), 0.8 * (years - 2017)) + rng.normal(0, 0.1, 200)
    straight = 0.5 * (years - 2017) + rng.normal(0, 0.1, 200)
    with_kink = forecasts.cross_validated_errors(dates, 10.0 ** (20 + kinked), candidates)
    without = forecasts.cross_validated_errors(dates, 10.0 ** (20 + straight), candidates)
    assert min(with_kink, key=with_kink.get) in ("kinked", "discontinuous")
    assert with_kink["kinked"] < with_kink["exponential"]
    assert without["exponential"] <= 1.05 * min(without.values())


@pytest.mark.parametrize("continuous", [True, False], ids=["kink", "jump"])
@pytest.mark.parametrize("monthly", [False, True], ids=["daily dates", "monthly dates"])
def test_the_vectorised_break_bootstrap_matches_a_loop_over_resamples(continuous, monthly):
    """The same break in every resample and the same later slope (to 1e-9 OOM/yr) as ``_best_break``
    run on each resample in turn. Monthly dates tie breaks; candidates beyond the data leave some
    resamples' fits unidentified; the vectorised search must settle both as the loop does."""
    rng = np.random.default_rng(7)
    dates = pd.Timestamp("2010-01-01") + pd.to_timedelta(np.sort(rng.uniform(0, 14 * 365, 70)), unit="D")
    dates = dates.to_period("M").to_timestamp() if monthly else dates.normalize()
    years = trends.decimal_year(dates)
    values = 10 ** (np.where(years < 2017, 0.3, 0.8) * (years - 2017) + rng.normal(0, 0.3, len(years)))
    log_values, candidates = np.log10(values), np.arange(2010.5, 2023.6, 1 / 12)
    n, resamples, seed = len(years), 80, 3
    draws = np.random.default_rng(seed)
    loop = []
    for _ in range(resamples):
        rows = draws.integers(0, n, n)
        _, year, coefficients = forecasts._best_break(years[rows], log_values[rows], candidates, continuous)
        loop.append((year, coefficients[1] + coefficients[2]))
    loop_breaks, loop_slopes = np.array(loop).T
    rows = np.random.default_rng(seed).integers(0, n, (resamples, n))
    breaks, slopes_after = forecasts._bootstrap_breaks(years, log_values, candidates, continuous, rows)
    assert breaks.tolist() == loop_breaks.tolist()
    np.testing.assert_allclose(slopes_after, loop_slopes, rtol=0, atol=1e-9)
    fit = forecasts.fit_break(dates, values, candidates, continuous, resamples=resamples, seed=seed)
    assert (fit.break_low, fit.break_high) == trends.percentile_interval(loop_breaks)
    np.testing.assert_allclose(
        (fit.slope_after_low, fit.slope_after_high), trends.percentile_interval(loop_slopes), atol=1e-9
    )


def test_running_top_n_in_window_ranks_the_whole_history_before_windowing():
    dates = pd.to_datetime(["2012-01-01", "2013-01-01", "2016-06-01", "2017-01-01"])
    values = [1e22, 1e21, 1e18, 1e23]
    mask = trends.running_top_n_in_window(dates, values, 2, start="2016-01-01")
    assert list(mask) == [False, False, False, True], "the 2016 run is third of the history, not frontier"
    windowed_first = trends.running_top_n(dates[2:], values[2:], 2)
    assert windowed_first[0], "ranked on the window alone, the same run would wrongly count"


def test_break_interval_with_moving_blocks_differs_from_independent_rows_and_keeps_the_fit():
    import pandas as pd

    from analysis.science import forecasts

    rng = np.random.default_rng(3)
    dates = pd.date_range("2020-01-01", periods=80, freq="14D")
    years = np.arange(80) / 26
    log_values = np.where(years < 1.5, -1.0 * years, -1.5 - 0.2 * (years - 1.5)) + rng.normal(0, 0.05, 80)
    values = 10**log_values
    iid = forecasts.fit_break(dates, values, min_models_per_side=10, resamples=100)
    blocks = forecasts.fit_break(dates, values, min_models_per_side=10, resamples=100, block=5)
    assert blocks.break_year == iid.break_year
    assert (blocks.break_low, blocks.break_high) != (iid.break_low, iid.break_high)
