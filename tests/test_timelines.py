"""The timelines chapter's methods: ceilings by hand, input sampling, calibration on a known trend."""

import dataclasses
import functools

import numpy as np
import pandas as pd
import pytest
from conftest import write_edited_csv

from analysis.data import catalog, paths, schema
from analysis.science import forecasts, trends, units
from analysis.topics import timelines

INPUTS_CSV = paths.DATA_DIR / "constraint_inputs.csv"


def hand_inputs() -> dict[str, np.ndarray]:
    """One draw of every constraint input, by hand."""
    return {
        "run_duration_months": np.array([6.0]),
        "utilisation_2030": np.array([0.4]),
        "fp8_gain": np.array([2.0]),
        "power_single_campus_gw": np.array([2.0]),
        "power_distributed_gw": np.array([10.0]),
        "bandwidth_ceiling_flop": np.array([1e40]),
        "h100e_for_largest_run_2030": np.array([1e8]),
        "multimodal_data_factor": np.array([1.0]),
        "latency_wall_flop": np.array([1e31]),
        "largest_cluster_cost_usd_2030": np.array([1e11]),
    }


HAND_FACTORS = {
    "server_overhead_gpu": np.array([2.0]),
    "pue": np.array([1.0]),
    "hardware_life": np.array([1.0 / np.log(10)]),
    "cluster_cost_overhead": np.array([1.0]),
    "electricity_price": np.array([0.0]),
}
"""Power-chapter factors by hand: 2x server overhead, PUE 1, a life whose price-performance rate is
1 OOM/yr, no cluster overhead, free energy."""


def hand_simulation(inputs=None, bandwidth=None, compute=1e30):
    inputs = hand_inputs() | (inputs or {})
    if bandwidth is not None:
        inputs["bandwidth_ceiling_flop"] = np.array([bandwidth])
    chip = timelines.simulation.Chip(1e15, 500.0, 2030.0, 1e4, 2030.0)
    laws = timelines.simulation.TokenLaws(np.array([0.5]), np.array([1.0]))
    years = np.array([2025.0, 2030.0, 2035.0])
    return timelines.simulation.simulate(
        years,
        np.full((3, 1), compute),
        (1e26, 2025.0),
        chip,
        HAND_FACTORS,
        inputs,
        np.array([0.0]),
        np.array([1e15]),
        laws,
    )


def test_the_ceilings_on_hand_computed_inputs():
    """The chip gives 1e15 / (500 W x 2) = 1e12 FLOP/J at peak, x 0.4 x 2 = 8e11 achieved."""
    sim = hand_simulation()
    seconds = 6 * timelines.simulation.SECONDS_PER_MONTH
    row = sim.ceilings.iloc[0]
    assert row.power_single_campus == pytest.approx(2e9 * 8e11 * seconds)
    assert row.power_distributed == pytest.approx(10e9 * 8e11 * seconds)
    assert row.power == pytest.approx(row.power_distributed)
    assert row.chips == pytest.approx(1e8 * 1e15 * 0.4 * 2 * seconds)
    assert row.spend == pytest.approx(1e11 / 1e4 * 1e15 * 0.4 * 2 * seconds)
    assert row.data == pytest.approx(6 * 1e15**2)
    assert sim.feasible_2030[0] == pytest.approx(min(row[list(timelines.simulation.CEILINGS)]))
    capped = hand_simulation(bandwidth=1e27).ceilings.iloc[0]
    assert capped.power == pytest.approx(capped.power_single_campus)


def test_the_constrained_path_is_the_smaller_of_the_trend_and_the_ceiling_path():
    sim = hand_simulation()
    feasible = sim.feasible_2030[0]
    assert sim.constrained[0, 0] == pytest.approx(1e26)
    assert sim.constrained[1, 0] == pytest.approx(min(1e30, feasible))
    low = hand_simulation(compute=1e20)
    assert np.allclose(low.constrained, 1e20)


def test_a_path_s_power_and_cost_follow_from_its_compute_draw_by_draw():
    """Power = compute / (seconds x achieved FLOP per J); cost = compute / FLOP per USD."""
    sim = hand_simulation()
    seconds = 6 * timelines.simulation.SECONDS_PER_MONTH
    run = sim.in_year("constrained", 2030.0)
    compute = run["flop"][0]
    assert run["power_w"][0] == pytest.approx(compute / (seconds * 8e11))
    chip_hour_usd = 1e4 / (1.0 / np.log(10) * timelines.simulation.HOURS_PER_YEAR)
    assert run["cost_usd"][0] == pytest.approx(compute / (1e15 * 0.4 * 2 * 3600) * chip_hour_usd)
    with pytest.raises(ValueError, match="years x draws"):
        sim.power_w(sim.at(sim.constrained, 2030.0))


def test_the_data_ceiling_inverts_the_compute_optimal_allocation():
    from analysis.topics import chinchilla

    draws = chinchilla.model.replicate().bootstrap.draws
    laws = timelines.simulation.TokenLaws.from_bootstrap(draws, 50)
    compute = np.full(50, 1e27)
    assert laws.compute_for(laws.tokens(compute)) == pytest.approx(compute, rel=1e-9)
    law = chinchilla.model.fitted_law()
    point = timelines.simulation.TokenLaws.from_bootstrap(np.array([dataclasses.astuple(law)]), 1)
    _, tokens = law.optimal_allocation(1e27)
    assert point.tokens(np.array([1e27]))[0] == pytest.approx(tokens, rel=1e-9)


def test_an_80_percent_input_puts_its_ends_at_the_10th_and_90th_percentiles():
    frame = pd.DataFrame(
        {"low": [2.0, 1e28], "high": [8.0, 1e30], "distribution": ["normal_80", "lognormal_80"]},
        index=["normal", "lognormal"],
    )
    drawn = timelines.simulation.sample_constraints(frame, 200_000, 1)
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


def test_the_band_verdict_counts_the_specifications_above_the_constrained_run(monkeypatch):
    sim = hand_simulation()
    result = type("Result", (), {"sim": sim})()
    constrained = float(sim.at(sim.constrained, 2030.0)[0])
    band = pd.DataFrame(
        {
            "specification": ["Default", "Epoch AI's data"],
            "2030 median (FLOP)": [constrained * 10, constrained * 2],
        }
    )
    assert (
        timelines.facts.band_facts(result, band)["band_verdict"]
        == "its median lies below every specification's"
    )
    band.loc[1, "2030 median (FLOP)"] = constrained / 2
    assert "below 1 of the 2" in timelines.facts.band_facts(result, band)["band_verdict"]


def test_the_interactive_chart_reproduces_both_2030_headlines_at_its_defaults():
    """Rendered offline (vl-convert), the chart's text states the constrained and unconstrained 2030
    medians of the joint simulation, as the registry holds them."""
    import re

    import vl_convert

    result = _chapter_result()
    svg = vl_convert.vegalite_to_svg(timelines.figures.interactive_chart(result).to_json())
    start = svg.index("2030: ")
    text = " ".join(re.findall(r">([^<>]+)<", svg[start - 1 : svg.index("</text>", start)]))
    sim = result.sim
    constrained = float(np.median(sim.at(sim.constrained, 2030.0)))
    unconstrained = float(np.median(sim.at(sim.compute, 2030.0)))
    low, high = units.format_number(constrained, 2), units.format_number(unconstrained, 2)
    expected = f"2030: {low} FLOP (unconstrained {high}):"
    assert text.startswith(expected), text
    assert "ceiling binds" in text


def test_the_interactive_chart_s_csv_holds_its_lines_at_the_defaults():
    result = _chapter_result()
    lines = timelines.figures.interactive_defaults(result)
    capped = lines[(lines.series == timelines.figures.CAPPED) & (lines.year == 2030.0)].flop.iloc[0]
    constrained = float(np.median(result.sim.at(result.sim.constrained, 2030.0)))
    assert capped == pytest.approx(constrained, rel=1e-9)
    assert lines.series.nunique() == 8 and not lines.flop.isna().any()


def test_every_slider_of_the_interactive_chart_starts_on_a_value_its_step_holds():
    constants = timelines.model.interactive_constants(_chapter_result())
    for name, (_label, low, high, step) in timelines.figures.SLIDERS.items():
        steps = (constants[name] - low) / step
        assert low <= constants[name] <= high and abs(steps - round(steps)) < 1e-9, name


def test_the_arrival_rate_is_a_poisson_bootstrap_around_the_count_trend():
    years = pd.Index(range(2016, 2025))
    counts = pd.Series(np.round(10 * 1.3 ** (years - 2016)), index=years)
    draws = timelines.model.arrival_draws(counts, draws=2000, seed=1)
    slope_low, slope_high = np.quantile(draws[:, 1], [0.05, 0.95])
    assert slope_low < np.log10(1.3) < slope_high
    assert slope_high - slope_low > 0.01


def test_a_windowed_backtest_fits_only_the_trailing_window_before_each_cutoff():
    years = np.arange(2000.0, 2020.0, 0.25)
    dates = [trends.from_decimal_year(year) for year in years]
    values = (10 ** (20 + 0.5 * (years - 2000)))[:, None] * np.ones((1, 50))
    table = forecasts.backtest_largest(dates, values, range(len(years)), [2012.0, 2016.0], 2.0, window=3.0)
    assert table["before cutoff"].tolist() == [12, 12]
    everything = forecasts.backtest_largest(dates, values, range(len(years)), [2012.0, 2016.0], 2.0)
    assert everything["before cutoff"].tolist() == [48, 64]


def test_an_input_with_a_printed_median_is_drawn_through_all_three_percentiles():
    frame = pd.DataFrame(
        {
            "low": [2.0, 1e28],
            "median": [6.0, 1e29],
            "high": [8.0, 1e31],
            "distribution": ["normal_80", "lognormal_80"],
        },
        index=["normal", "lognormal"],
    )
    drawn = timelines.simulation.sample_constraints(frame, 200_000, 1)
    assert np.quantile(drawn["normal"], [0.1, 0.5, 0.9]) == pytest.approx([2.0, 6.0, 8.0], rel=0.02)
    assert np.log10(np.quantile(drawn["lognormal"], [0.1, 0.5, 0.9])) == pytest.approx(
        [28.0, 29.0, 31.0], abs=0.02
    )


def test_correlate_induces_the_rank_correlations_and_keeps_every_marginal():
    """Re-paired draws keep each input's values and reach the stated Spearman correlations (a
    positive and a negative pair, and an uncorrelated pair that stays near zero)."""
    from scipy.stats import spearmanr

    rng = np.random.default_rng(0)
    draws = {name: rng.lognormal(size=20_000) for name in ("a", "b", "c", "d")}
    table = pd.DataFrame({"input_a": ["a", "a"], "input_b": ["b", "c"], "spearman_rho": [0.5, -0.7]})
    paired = timelines.simulation.correlate(draws, table, 1)
    for name in draws:
        assert np.array_equal(np.sort(paired[name]), np.sort(draws[name]))
    assert spearmanr(paired["a"], paired["b"])[0] == pytest.approx(0.5, abs=0.03)
    assert spearmanr(paired["a"], paired["c"])[0] == pytest.approx(-0.7, abs=0.03)
    assert abs(spearmanr(paired["b"], paired["c"])[0]) < 0.03
    assert np.array_equal(paired["d"], draws["d"])


def test_correlate_refuses_an_impossible_correlation_matrix():
    draws = {name: np.arange(10.0) for name in ("a", "b", "c")}
    table = pd.DataFrame(
        {"input_a": ["a", "a", "b"], "input_b": ["b", "c", "c"], "spearman_rho": [0.9, 0.9, -0.9]}
    )
    with pytest.raises(ValueError, match="valid correlation matrix"):
        timelines.simulation.correlate(draws, table, 1)


def test_constraint_correlations_name_the_line_and_column_of_an_unknown_input(tmp_path, monkeypatch):
    from analysis.data import loaders, paths

    source = (paths.DATA_DIR / "constraint_correlations.csv").read_text()
    (tmp_path / "constraint_correlations.csv").write_text(
        source.replace("run_duration_months", "run_length", 1)
    )
    monkeypatch.setattr(paths, "DATA_DIR", tmp_path)
    inputs = pd.read_csv(INPUTS_CSV).set_index("key", drop=False)
    with pytest.raises(
        schema.DataError, match=r"constraint_correlations.csv: line 5, column 'input_a': 'run_length'"
    ):
        loaders.load_constraint_correlations(inputs)


def test_constraint_correlations_refuse_a_pair_given_twice(tmp_path, monkeypatch):
    from analysis.data import loaders, paths

    lines = (paths.DATA_DIR / "constraint_correlations.csv").read_text().splitlines(keepends=True)
    (tmp_path / "constraint_correlations.csv").write_text("".join(lines + [lines[1]]))
    monkeypatch.setattr(paths, "DATA_DIR", tmp_path)
    inputs = pd.read_csv(INPUTS_CSV).set_index("key", drop=False)
    with pytest.raises(schema.DataError, match="appears twice"):
        loaders.load_constraint_correlations(inputs)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5e8, "above the top"),
        (2e8, "inside their range, in its upper"),
        (5e7, "inside their range, in its lower"),
        (1e7, "below the bottom"),
    ],
)
def test_chip_supply_verdict_follows_where_the_median_falls(value, expected):
    assert timelines.chip_supply.against_range(value, 2e7, 1e8, 4e8).startswith(expected)


def test_chip_sales_shipped_per_year_differences_the_cumulative_series():
    """Year-end cumulative totals become yearly shipments; a vendor's first year is its first total, and
    only years every vendor covers are kept."""
    rows = []
    for vendor, start, totals in [
        ("nvidia", "1/1/2022", {2022: 1.0, 2023: 3.0, 2024: 7.0}),
        ("tpu", "1/1/2023", {2023: 2.0, 2024: 6.0}),
        ("amd", "1/1/2023", {2023: 1.0, 2024: 2.0}),
        ("trainium", "1/1/2023", {2023: 1.0, 2024: 3.0}),
    ]:
        for year, total in totals.items():
            rows.append(
                {
                    "vendor": vendor,
                    "Start date": start,
                    "end": pd.Timestamp(f"{year}-12-31"),
                    "Compute estimate in H100e (median)": total,
                }
            )
    shipped, to_date = timelines.chip_supply.shipped_per_year(pd.DataFrame(rows))
    assert list(shipped.index) == [2023, 2024]
    assert shipped.total.tolist() == [2.0 + 2.0 + 1.0 + 1.0, 4.0 + 4.0 + 1.0 + 2.0]
    assert to_date == 7.0 + 6.0 + 2.0 + 3.0
    stock = timelines.chip_supply.carried_forward(shipped, to_date)
    growth = 11.0 / 6.0
    assert stock["through_2029"] == pytest.approx(to_date + 11.0 * sum(growth**k for k in range(1, 6)))


def test_the_open_weight_sentence_says_whether_each_median_month_has_passed():
    """Both medians before the data's end: both passed with no crossing; a data end before our median
    changes our clause (and Emberson's stays as the published month decides)."""
    from analysis.report import ledger

    forecast = ledger.Forecast(
        id="timelines.as_of_20250902.open_model_1e26.year",
        owner=ledger.OURS,
        statement="Year the largest open-weight model first exceeds 1e26 FLOP",
        unit="year",
        rule="first_above 1e26 open",
        resolves="2026-09-01",
        made="2025-09-02",
        data_through="2025-09-02",
        version="test",
        median=2025.95,
        low=2025.7,
        high=2026.7,
        level=0.9,
    )
    published = pd.DataFrame({"value": [2025.87]}, index=["emberson2025.open_model_1e26.date"])
    late = timelines.cutoff_check.open_model_sentence([forecast], published, "2025-12-31")
    assert late.count("which passed with no crossing") == 2
    early = timelines.cutoff_check.open_model_sentence([forecast], published, "2025-12-01")
    assert "December 2025, which has not yet come" in early and "November 2025, which passed" in early


def test_a_threshold_the_data_already_cross_is_shown_once_as_observed():
    """Not a projection clamped at the projection's start: one row at the first release above it."""
    result = _chapter_result()
    frame = timelines.model.threshold_frame(result)
    observed = frame[frame.path == "observed"]
    assert len(observed) == 1 and observed.threshold.iloc[0].startswith("1e26 FLOP, observed")
    assert not frame[(frame.path != "observed")].threshold.str.startswith("1e26").any()


@functools.cache
def _chapter_result():
    """The timelines chapter's analysis on the committed and pinned data, run once for the tests."""
    from analysis.data import loaders

    return timelines.model.analyse(
        loaders.load_models(), *timelines.model.committed_inputs(), loaders.load_published_estimates()
    )
