"""The timelines chapter's methods: ceilings by hand, input sampling, calibration on a known trend."""

import numpy as np
import pandas as pd
import pytest
from conftest import write_edited_csv

from analysis.data import catalog, paths, schema
from analysis.science import forecasts, trends
from analysis.topics import timelines

INPUTS_CSV = paths.DATA_DIR / "constraint_inputs.csv"


def test_the_ceilings_on_hand_computed_inputs():
    inputs = {
        "run_duration_months": np.array([6.0]),
        "utilisation_2030": np.array([0.4]),
        "fp8_gain": np.array([2.0]),
        "power_single_campus_gw": np.array([2.0]),
        "h100e_for_largest_run_2030": np.array([1e8]),
        "multimodal_data_factor": np.array([1.0]),
        "latency_wall_flop": np.array([1e31]),
    }
    seconds = 6 * timelines.model.SECONDS_PER_MONTH
    ceilings = timelines.model.ceilings_2030(inputs, np.array([1e12]), 1e15, np.array([1e15]))
    row = ceilings.draws.iloc[0]
    assert row.power == pytest.approx(2e9 * 1e12 * 0.4 * seconds * 2)
    assert row.chips == pytest.approx(1e8 * 1e15 * 0.4 * seconds * 2)
    assert row.latency == 1e31
    assert ceilings.feasible[0] == pytest.approx(min(row.power, row.chips, row.data, row.latency))
    assert ceilings.binding_share.idxmax() == ceilings.draws[list(timelines.model.CEILINGS)].iloc[0].idxmin()


def test_the_data_ceiling_inverts_the_compute_optimal_allocation():
    from analysis.topics import chinchilla

    law = chinchilla.model.fitted_law()
    _, tokens = law.optimal_allocation(1e27)
    assert timelines.model.data_ceiling(np.array([tokens]), np.array([1.0]))[0] == pytest.approx(
        1e27, rel=1e-6
    )


def test_an_80_percent_input_puts_its_ends_at_the_10th_and_90th_percentiles():
    frame = pd.DataFrame(
        {"low": [2.0, 1e28], "high": [8.0, 1e30], "distribution": ["normal_80", "lognormal_80"]},
        index=["normal", "lognormal"],
    )
    drawn = timelines.model.sample_constraints(frame, draws=200_000)
    assert np.quantile(drawn["normal"], [0.1, 0.9]) == pytest.approx([2.0, 8.0], rel=0.02)
    assert np.log10(np.quantile(drawn["lognormal"], [0.1, 0.9])) == pytest.approx([28.0, 30.0], abs=0.02)


def test_calibration_is_close_to_nominal_on_a_known_trend():
    """Runs from a stationary log-linear trend with noise: the projection's intervals cover the
    record roughly as often as their levels say."""
    rng = np.random.default_rng(5)
    years = np.sort(rng.uniform(2000, 2024, 300))
    values = 10 ** (20 + 0.5 * (years - 2000) + rng.normal(0, 0.7, 300))
    dates = [trends.from_decimal_year(year) for year in years]
    table = forecasts.backtest_largest(
        dates,
        values[:, None] * np.ones((1, 300)),
        range(300),
        np.arange(2008.0, 2022.0),
        2.0,
        method="offset",
    )
    coverage = timelines.model.coverage(table).set_index("level").share
    assert coverage[0.9] >= 0.8 and coverage[0.5] <= 0.8
    assert coverage[0.5] <= coverage[0.8] <= coverage[0.9]


@pytest.mark.parametrize("method", forecasts.LARGEST_RUN_METHODS)
def test_threshold_crossings_from_one_projection_match_a_projection_per_threshold(method):
    """``first_years_above`` draws one projection (of ``method`` alone) for all thresholds; each
    crossing year equals the last month before the threshold in the full projection."""
    rng = np.random.default_rng(2)
    years = np.sort(rng.uniform(2016, 2024, 40))
    dates = [trends.from_decimal_year(year) for year in years]
    values = 10 ** (24 + 0.6 * (years[:, None] - 2020) + rng.normal(0, 0.3, (40, 400)))
    growth = trends.fit_growth_with_draws(dates, values)
    thresholds = (1e26, 1e27, 1e28)
    crossings = forecasts.first_years_above(
        dates, values, growth, thresholds, last_year=2040.0, method=method
    )
    grid = np.arange(trends.decimal_year(dates).max(), 2040.0 + 1e-9, 1 / 12)
    _, every = forecasts.largest_run_projection(dates, values, growth, grid)
    _, alone = forecasts.largest_run_projection(dates, values, growth, grid, (method,))
    assert list(alone) == [method] and np.array_equal(alone[method], every[method])
    for threshold in thresholds:
        above = every[method] >= threshold
        expected = np.where(above.any(axis=0), grid[np.argmax(above, axis=0)], np.inf)
        assert np.array_equal(crossings[threshold], expected)


def test_a_widened_band_keeps_its_median_and_scales_its_spread():
    draws = 10 ** np.random.default_rng(1).normal(25, 0.5, (1, 10_000))
    wide = forecasts.widened(draws, 2.0)
    assert np.median(wide) == pytest.approx(np.median(draws))
    assert np.log10(wide).std() == pytest.approx(2 * np.log10(draws).std(), rel=1e-6)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda rows: rows[0].update(distribution="triangular"), ["line 2", "column 'distribution'"]),
        (lambda rows: rows[1].update(low="5", high="1"), ["line 3", "column 'high'"]),
    ],
)
def test_a_bad_constraint_input_names_file_line_and_column(tmp_path, edit, expected):
    corrupted = write_edited_csv(tmp_path, INPUTS_CSV, edit)
    with pytest.raises(schema.DataError) as error:
        schema.read_table(catalog.CONSTRAINT_INPUTS, corrupted)
    message = str(error.value)
    for fragment in expected:
        assert fragment in message, message
