"""The power and cost chapter's methods: one run by hand, the decomposition, growth with draws."""

import numpy as np
import pandas as pd
import pytest
from conftest import write_edited_csv

from analysis.data import catalog, loaders, paths, schema
from analysis.science import forecasts, trends
from analysis.topics import power

INPUTS_CSV = paths.DATA_DIR / "power_cost_inputs.csv"


def fixed_inputs(**values) -> pd.DataFrame:
    """Every input of ``power`` pinned to one value (low = high), overridable by keyword."""
    defaults = {
        "server_overhead_gpu": 1.8,
        "server_overhead_tpu": 1.5,
        "pue": 1.1,
        "utilisation": 0.4,
        "hardware_life": 3.0,
        "cluster_cost_overhead": 1.5,
        "electricity_price": 0.08,
        "load_factor_gpu": 0.75,
        "load_factor_tpu": 0.4,
    } | values
    return pd.DataFrame({"low": defaults, "high": defaults})


PRIOR_HOURS = 24 * 30.0
"""Training time assumed for a test run that reports none."""


def one_run(**overrides) -> pd.DataFrame:
    """A single frontier run on H100s, in the columns ``estimate_runs`` reads."""
    row = {
        "model": "Test run",
        "organization": "Lab",
        "publication_date": pd.Timestamp("2024-07-23"),
        "domain": "language",
        "confidence": "confident",
        "training_compute_flop": 3.8e25,
        "hardware": "nvidia_h100_sxm5",
        "hardware_quantity": 16384.0,
        "training_time_hours": np.nan,
        "training_chip_hours": 30.84e6,
        "hardware_quantity_low": np.nan,
        "hardware_quantity_high": np.nan,
        "training_time_hours_low": np.nan,
        "training_time_hours_high": np.nan,
    } | overrides
    return pd.DataFrame([row]).set_index("model", drop=False)


def h100_prices(price: float = 30000.0) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Hardware model": ["NVIDIA H100 SXM5 80GB"],
            "Price date": [pd.Timestamp("2023-01-01")],
            "Price (hardware purchase)": [price],
        }
    )


def test_the_power_energy_and_cost_of_a_hand_checked_run():
    """Llama 3.1 405B-like: 16,384 H100 at 700 W x 1.8 x 1.1; 30.84M GPU-hours."""
    hardware = loaders.load_hardware()
    runs = power.model.estimate_runs(
        one_run(), hardware.assign(figures_from="vendor"), fixed_inputs(), h100_prices(), PRIOR_HOURS
    )
    run = runs.table.iloc[0]
    assert run.power_w == pytest.approx(16384 * 700 * 1.8 * 1.1)  # 22.7 MW
    assert run.energy_mwh == pytest.approx(30.84e6 * 700 * 1.8 * 1.1 * 0.75 / 1e6)
    start = pd.Timestamp("2024-07-23") - pd.Timedelta(hours=PRIOR_HOURS) - pd.Timedelta(days=60)
    years = (start - pd.Timestamp("2023-01-01")).days / 365.25
    value = 30000 * 10 ** (-years / (3.0 * np.log(10)))  # depreciated at the rate behind a 3-year life
    hardware_cost = value * 1.5 * 30.84e6 / (3.0 * power.model.HOURS_PER_YEAR)
    energy_cost = run.energy_mwh * 1e3 * 0.08
    assert run.cost_usd == pytest.approx(hardware_cost + energy_cost)
    assert run.chips_basis == "reported" and run.chip_hours_basis == "reported"
    assert run.precision == "16-bit"


def test_a_run_is_priced_at_the_latest_price_on_or_before_it_else_the_earliest():
    name = "NVIDIA H100 SXM5 80GB"
    prices = pd.DataFrame(
        {
            "Hardware model": [name, name, name, name, "NVIDIA B200"],
            "Price date": pd.to_datetime(["2024-01-01", "2023-01-01", None, "2023-06-01", "2022-01-01"]),
            "Price (hardware purchase)": [25000.0, 30000.0, 1.0, np.nan, 40000.0],
        }
    )
    by_name = power.model.purchase_prices(prices)

    def price(key: str, when: str) -> tuple[float, str]:
        value, date, basis = power.model._price(by_name, key, pd.Timestamp(when))
        assert pd.isna(date) or basis.startswith(str(date.date()))
        return value, basis

    assert price("nvidia_h100_sxm5", "2023-12-31") == (30000.0, "2023-01-01 (before publication)")
    assert price("nvidia_h100_sxm5", "2024-01-01") == (25000.0, "2024-01-01 (before publication)")
    assert price("nvidia_h100_sxm5", "2022-05-01") == (30000.0, "2023-01-01 (after publication)")
    value, basis = price("nvidia_a100_sxm4_40gb", "2023-01-01")
    assert np.isnan(value) and basis == ""


def test_without_a_chip_count_the_chips_follow_from_compute_and_time():
    hardware = loaders.load_hardware().assign(figures_from="vendor")
    peak = hardware.fp16_bf16_flop_per_s["nvidia_h100_sxm5"]
    frame = one_run(hardware_quantity=np.nan, training_chip_hours=np.nan, training_time_hours=1000.0)
    run = power.model.estimate_runs(frame, hardware, fixed_inputs(), h100_prices(), PRIOR_HOURS).table.iloc[0]
    assert run.chips == pytest.approx(3.8e25 / (peak * 0.4 * 1000 * 3600))
    assert run.chips_basis == "derived"


def test_a_run_that_cannot_be_estimated_is_listed_with_its_reason():
    frame = pd.concat(
        [one_run(), one_run(model="No chips", hardware_quantity=np.nan, training_chip_hours=np.nan)]
    ).set_index("model", drop=False)
    frame.loc["No chips", "model"] = "No chips"
    hardware = loaders.load_hardware().assign(figures_from="vendor")
    runs = power.model.estimate_runs(frame, hardware, fixed_inputs(), h100_prices(), PRIOR_HOURS)
    assert list(runs.excluded.model) == ["No chips"]
    assert "no chip count" in runs.excluded.reason.iloc[0]


def test_the_decomposition_recovers_known_rates_and_adds_up():
    """Synthetic runs whose factors grow at known rates: each term's slope is its rate, residual zero."""
    years = np.linspace(2012, 2024, 30)
    rng = np.random.default_rng(1)
    noise = rng.normal(0, 0.05, (4, years.size))
    chips = 10 ** (2 + 0.30 * (years - 2012) + noise[0])
    tdp = 10 ** (2.4 + 0.02 * (years - 2012) + noise[1])
    fp32 = tdp * 10 ** (10.5 + 0.08 * (years - 2012))
    precision = 10 ** (0.1 * (years - 2012) + noise[2])
    hours = 10 ** (2.5 + 0.05 * (years - 2012) + noise[3])
    utilisation = 0.4
    peak = fp32 * precision
    compute = chips * peak * utilisation * hours * 3600
    watts = chips * tdp * 2.0
    table = pd.DataFrame(
        {
            "publication_date": [trends.from_decimal_year(year) for year in years],
            "training_compute_flop": compute,
            "power_w": watts,
            "tdp_w": tdp,
            "fp32_flop_per_s": fp32,
            "peak_flop_per_s": peak,
            "chips": chips,
            "training_time_hours": hours,
            "chip_hours_basis": "reported",
        }
    )
    runs = power.model.Runs(table, np.repeat(watts[:, None], 50, axis=1), None, None, None, None)
    result = power.growth.decompose(runs, resamples=200).table.set_index("key")["OOM/yr"]
    assert result["efficiency_fp32"] == pytest.approx(0.08, abs=1e-3)
    assert result["power"] == pytest.approx(0.32, abs=0.03)
    assert result["precision"] == pytest.approx(0.1, abs=0.02)
    assert result["duration"] == pytest.approx(0.05, abs=0.02)
    assert result["utilisation"] == pytest.approx(0.0, abs=1e-9)
    assert result["residual"] == pytest.approx(0.0, abs=1e-9)
    assert result["compute"] == pytest.approx(result.drop(["compute", "residual"]).sum(), abs=1e-9)


def test_growth_with_draws_matches_ols_without_measurement_error():
    dates = pd.to_datetime([f"{year}-06-01" for year in range(2010, 2025)])
    values = 10 ** (0.3 * np.arange(15) + np.random.default_rng(2).normal(0, 0.2, 15))
    exact = trends.fit_growth_with_draws(dates, np.repeat(values[:, None], 400, axis=1))
    plain = trends.fit_growth(dates, values, resamples=400)
    assert exact.fit.slope == pytest.approx(plain.slope)
    noisy = values[:, None] * 10 ** np.random.default_rng(3).normal(0, 0.5, (15, 400))
    assert trends.fit_growth_with_draws(dates, noisy).fit.ci_high > exact.fit.ci_high


def test_the_mixture_projection_lies_between_its_parts():
    dates = pd.to_datetime([f"{year}-06-01" for year in range(2010, 2025)])
    values = 10 ** (6 + 0.3 * np.arange(15))[:, None] * np.ones((1, 200))
    values[-3] *= 10  # a record above the trend
    growth = trends.fit_growth_with_draws(dates, values)
    _, draws = forecasts.largest_run_projection(dates, values, growth, [2030.0])
    medians = {key: np.median(value) for key, value in draws.items()}
    assert medians["trend"] < medians["mixture"] < medians["record"]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda rows: rows[0].update(low="3", high="2"), ["line 2", "column 'high'", "low <= high"]),
        (lambda rows: rows[1].update(low="-1"), ["line 3", "column 'low'"]),
        (lambda rows: rows[2].update(unit="kW"), ["line 4", "column 'unit'"]),
    ],
)
def test_a_bad_power_input_names_file_line_and_column(tmp_path, edit, expected):
    corrupted = write_edited_csv(tmp_path, INPUTS_CSV, edit)
    with pytest.raises(schema.DataError) as error:
        schema.read_table(catalog.POWER_COST_INPUTS, corrupted)
    message = str(error.value)
    assert str(corrupted) in message
    for fragment in expected:
        assert fragment in message, message


def test_a_missing_power_input_is_an_error(tmp_path, monkeypatch):
    write_edited_csv(tmp_path, INPUTS_CSV, lambda rows: rows.pop())
    monkeypatch.setattr(paths, "DATA_DIR", tmp_path)
    with pytest.raises(schema.DataError, match="no row for input 'load_factor_tpu'"):
        loaders.load_power_cost_inputs()


METERED_CSV = paths.DATA_DIR / "metered_training_energy.csv"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda rows: rows[0].update(model="No such model"), ["line 2", "column 'model'", "models.csv"]),
        (lambda rows: rows[1].update(energy_mwh="0"), ["line 3", "column 'energy_mwh'"]),
    ],
)
def test_a_bad_metered_row_names_file_line_and_column(tmp_path, edit, expected):
    corrupted = write_edited_csv(tmp_path, METERED_CSV, edit)
    with pytest.raises(schema.DataError) as error:
        schema.read_table(catalog.METERED_TRAINING_ENERGY, corrupted)
    message = str(error.value)
    for fragment in expected:
        assert fragment in message, message


def test_the_crossing_year_on_a_known_path():
    """Values exactly on 10^(20 + 0.5 (year - 2010)): 1e25 is crossed in 2020 by both projections."""
    years = np.arange(2010.0, 2018.0)
    dates = [trends.from_decimal_year(year) for year in years]
    values = (10 ** (20 + 0.5 * (years - 2010)))[:, None] * np.ones((1, 100))
    growth = trends.fit_growth_with_draws(dates, values)
    crossing = forecasts.first_year_above(dates, values, growth, 1e25)
    assert np.allclose(crossing, 2020.0, atol=1 / 12 + 0.01)


def test_crossings_the_data_rule_out_are_dropped_not_dated_to_the_start():
    """A threshold below today's record: every draw has crossed at the start; dropping them leaves none,
    where the default dates all of them to the latest item's date (truncation by construction)."""
    years = np.arange(2010.0, 2018.0)
    dates = [trends.from_decimal_year(year) for year in years]
    values = (10 ** (20 + 0.5 * (years - 2010)))[:, None] * np.ones((1, 100))
    growth = trends.fit_growth_with_draws(dates, values)
    kept = forecasts.first_year_above(dates, values, growth, 1e21, drop_crossed=True)
    dated = forecasts.first_year_above(dates, values, growth, 1e21)
    assert len(kept) == 0
    assert np.allclose(dated, trends.decimal_year(dates).max())
    later = forecasts.first_year_above(dates, values, growth, 1e25, drop_crossed=True)
    assert len(later) == 100


def test_epoch_frontier_on_a_window_ranks_runs_before_the_window():
    big = [f"Big {year}" for year in range(2010, 2016) for _ in range(2)]
    epoch = pd.DataFrame(
        {
            "Model": [*big, "Tiny 2016", "Huge 2017"],
            "Publication date": pd.to_datetime(
                [f"{year}-0{month}-01" for year in range(2010, 2016) for month in (3, 9)]
                + ["2016-03-01", "2017-03-01"]
            ),
            "Training compute (FLOP)": [*np.logspace(20, 22, 12), 1e15, 1e24],
            "Domain": "Language",
            "Confidence": "Confident",
            "Training compute cost (2023 USD)": 1e5,
        }
    )
    rows = power.growth.epoch_frontier(epoch, "Training compute cost (2023 USD)", power.growth.COST_WINDOW)
    assert list(rows.Model) == ["Huge 2017"], "Tiny 2016 is not among the ten largest of the history"


def test_the_cost_gap_sentence_follows_whether_their_data_reproduce_the_published_rate():
    def fit(factor):
        slope = np.log10(factor)
        return trends.GrowthFit(slope, 0.0, 2020.0, slope - 0.1, slope + 0.1, 0.9, 40, 2016.0, 2023.9, "")

    published = pd.Series({"value": 2.4, "ci_low": 2.0, "ci_high": 2.9})
    inside = power.cost_facts.cost_gap_text(fit(3.4), fit(2.5), published)
    assert "+0.13 OOM/yr" in inside and "gap lies in our per-run costs" in inside
    outside = power.cost_facts.cost_gap_text(fit(3.4), fit(3.3), published)
    assert "fall outside the published interval" in outside and "gap lies in our per-run costs" not in outside


def test_the_first_billion_dollar_year_is_a_headline_only_while_cost_growth_replicates():
    from types import SimpleNamespace

    published = pd.DataFrame({"ci_low": [2.0], "ci_high": [2.9]}, index=["cottier2024.cost_growth.v2"])

    def result(factor):
        slope = np.log10(factor)
        fit = trends.GrowthFit(slope, 0.0, 2020.0, slope - 0.1, slope + 0.1, 0.9, 40, 2016.0, 2023.9, "")
        return SimpleNamespace(cost_window=fit)

    assert power.facts.cost_replicates(result(2.5), published)
    assert not power.facts.cost_replicates(result(3.4), published)


def test_price_is_depreciated_to_the_training_start_at_the_price_performance_rate():
    price = np.array([10_000.0, 10_000.0, 10_000.0])
    dates = pd.to_datetime(["2020-01-01", "2023-01-01", None])
    start = pd.to_datetime(["2022-01-01", "2022-01-01", "2022-01-01"])
    value = power.model.depreciated_price(price, dates, start, np.array([0.14, 0.10]))
    assert value[0, 0] == pytest.approx(10_000 * 10 ** (-0.14 * 731 / 365.25))
    assert value[0, 1] == pytest.approx(10_000 * 10 ** (-0.10 * 731 / 365.25))
    assert list(value[1]) == [10_000.0, 10_000.0], "a price dated after the start is not appreciated"
    assert list(value[2]) == [10_000.0, 10_000.0], "no price date, no depreciation"


def test_training_starts_before_publication_by_its_duration_and_sixty_days():
    publication = pd.Series(pd.to_datetime(["2023-06-01", "2023-06-01"]))
    start = power.model.training_start(publication, pd.Series([240.0, np.nan]), prior_hours=24 * 30)
    assert list(start) == [pd.Timestamp("2023-03-23"), pd.Timestamp("2023-03-03")]


def _comparison_rows():
    rng = np.random.default_rng(2)
    dates = pd.date_range("2016-01-01", "2023-12-01", periods=12)
    ours = 10 ** (0.5 * (trends.decimal_year(dates) - 2016) + rng.normal(0, 0.2, 12) + 4)
    chip_hours = 10 ** (0.3 * (trends.decimal_year(dates) - 2016) + rng.normal(0, 0.1, 12) + 3)
    epoch_usd = ours / 10 ** (0.1 * (trends.decimal_year(dates) - 2016) + rng.normal(0, 0.1, 12))
    epoch_chip_hours = chip_hours / 10 ** rng.normal(0, 0.1, 12)
    frame = pd.DataFrame(
        {
            "publication_date": dates,
            "ours_usd": ours,
            "epoch_usd": np.where(np.arange(12) % 5 == 4, np.nan, epoch_usd),
            "ours_chip_hours": chip_hours,
            "epoch_chip_hours": np.where(np.arange(12) % 4 == 1, np.nan, epoch_chip_hours),
            "price_usd": 10 ** (0.05 * (trends.decimal_year(dates) - 2016) + rng.normal(0, 0.1, 12) + 4),
        }
    )
    frame["value_at_start_usd"] = frame.price_usd * 10 ** -rng.uniform(0, 0.3, 12)
    return power.comparison.with_ratios(frame), epoch_usd


def test_the_cost_gap_terms_add_up_to_the_gap_between_the_two_fits():
    frame, epoch_usd = _comparison_rows()
    extra = pd.DataFrame(
        {"publication_date": pd.to_datetime(["2019-05-01", "2022-02-01"]), "epoch_usd": [3e5, 2e7]}
    )
    theirs = pd.concat([frame[["publication_date"]].assign(epoch_usd=epoch_usd), extra], ignore_index=True)
    terms, counts = power.comparison.gap_terms(frame, theirs)
    parts = sum(value for key, value in terms.items() if key != "total")
    assert parts == pytest.approx(terms["total"], abs=1e-12)
    assert counts == {"ours": 12, "matched": 10, "known": 8, "epoch": 14}
    assert "together" in power.cost_facts.gap_terms_text(terms)
    dominant = dict.fromkeys(terms, 0.0) | {"depreciation": -0.2, "price": 0.1}
    assert power.cost_facts.gap_terms_text(dominant).endswith("our depreciation to the training start")


def test_a_ratio_outside_half_to_twice_gets_its_larger_factor_as_reason():
    row = pd.Series(
        {
            "ratio": 0.1,
            "chip_hours_ratio": 0.2,
            "rest_ratio": 0.5,
            "chip_hours_basis": "derived",
            "ours_chip_hours": 2e4,
            "epoch_chip_hours": 1e5,
            "epoch_chips": 1000.0,
            "epoch_hours": 100.0,
        }
    )
    assert power.cost_facts.ratio_reason(row).startswith("mostly chip-hours")
    other = row.copy()
    other["chip_hours_ratio"], other["rest_ratio"] = 0.8, 0.125
    assert power.cost_facts.ratio_reason(other).startswith("mostly cost per chip-hour")
    unknown = row.copy()
    unknown["epoch_chip_hours"] = np.nan
    assert "cannot be told apart" in power.cost_facts.ratio_reason(unknown)
    inside = row.copy()
    inside["ratio"] = 1.5
    assert power.cost_facts.ratio_reason(inside) == ""


def test_a_reason_quotes_what_epochs_own_row_says():
    row = pd.Series(
        {
            "ratio": 0.004,
            "chip_hours_ratio": 0.03,
            "rest_ratio": 0.14,
            "chip_hours_basis": "reported",
            "ours_chip_hours": 3520.0,
            "epoch_chip_hours": 121536.0,
            "epoch_chips": 5064.0,
            "epoch_hours": 24.0,
            "epoch_hardware": "Google TPU v2,Google TPU v1",
            "epoch_cost_notes": "",
        }
    )
    assert "lists 2 kinds of hardware (Google TPU v2, Google TPU v1)" in power.cost_facts.ratio_reason(row)
    rented = row.copy()
    rented["epoch_hardware"], rented["epoch_cost_notes"] = (
        "NVIDIA V100",
        "327 h x 512 GPUs x $0.55/V100 GPU-hour",
    )
    reason = power.cost_facts.ratio_reason(rented)
    assert "cloud rental rate" in reason and "kinds of hardware" not in reason


def test_the_duration_prior_is_the_median_reported_time_and_an_error_without_one():
    assert power.model.duration_prior(pd.DataFrame({"training_time_hours": [100.0, np.nan, 300.0]})) == 200.0
    with pytest.raises(ValueError, match="duration prior is undefined"):
        power.model.duration_prior(pd.DataFrame({"training_time_hours": [np.nan]}))


def test_a_disputed_count_is_drawn_across_its_sources_range_and_an_undisputed_one_is_kept():
    rows = pd.DataFrame(
        {
            "hardware_quantity": [80000.0, 512.0, np.nan],
            "hardware_quantity_low": [80000.0, np.nan, np.nan],
            "hardware_quantity_high": [100000.0, np.nan, np.nan],
        }
    )
    drawn = power.model.sources_range(rows, "hardware_quantity", np.random.default_rng(0), 500)
    assert drawn[0].min() >= 80000 and drawn[0].max() <= 100000 and drawn[0].std() > 1000
    assert (drawn[1] == 512.0).all() and np.isnan(drawn[2]).all()


def test_the_disputed_runs_sentence_names_each_range_or_says_there_is_none():
    table = pd.DataFrame(
        {
            "model": ["Grok 3", "Other"],
            "hardware_quantity_low": [80000.0, np.nan],
            "hardware_quantity_high": [100000.0, np.nan],
            "training_time_hours_low": [2160.0, np.nan],
            "training_time_hours_high": [2400.0, np.nan],
        }
    )
    text = power.facts.disputed_text(table)
    assert "Grok 3 (80,000–100,000 chips, 2,160–2,400 hours of training)" in text
    assert power.facts.disputed_text(table.iloc[1:]).startswith("no run's sources disagree")


def frontier_runs(rows: list[dict]) -> pd.DataFrame:
    """Frontier runs from ``one_run`` overrides, indexed from 0 as ``FRONTIER.select`` returns them."""
    return pd.concat([one_run(**row) for row in rows], ignore_index=True)


def test_a_run_without_a_cluster_is_imputed_the_chip_in_use_and_a_prior_training_time():
    """Three disclosed runs, two on H100 in the two years before and one older A100 run; the
    undisclosed run gets H100 and the median of the earlier reported times, drawn over their range."""
    disclosed = [
        {"model": "A", "publication_date": pd.Timestamp("2021-01-01"), "hardware": "nvidia_a100_sxm4_40gb"},
        {"model": "B", "publication_date": pd.Timestamp("2023-06-01"), "training_time_hours": 1000.0},
        {"model": "C", "publication_date": pd.Timestamp("2024-01-01"), "training_time_hours": 3000.0},
        {"model": "D", "publication_date": pd.Timestamp("2024-03-01"), "training_time_hours": 2000.0},
        {"model": "E", "publication_date": pd.Timestamp("2024-04-01"), "training_time_hours": 1500.0},
        {"model": "F", "publication_date": pd.Timestamp("2024-05-01"), "training_time_hours": 2500.0},
    ]
    hidden = {
        "model": "Hidden",
        "publication_date": pd.Timestamp("2025-01-01"),
        "hardware": np.nan,
        "hardware_quantity": np.nan,
        "training_chip_hours": np.nan,
    }
    frontier = frontier_runs([*disclosed, hidden])
    excluded = pd.DataFrame({"model": ["Hidden"]})
    hardware = loaders.load_hardware().assign(figures_from="vendor")
    imputed = power.model.impute_clusters(frontier, frontier.iloc[:-1], excluded, hardware)
    row = imputed.iloc[0]
    assert row.hardware == "nvidia_h100_sxm5" and row.imputed
    assert row.training_time_hours == pytest.approx(2000.0)
    assert row.training_time_hours_low < 2000.0 < row.training_time_hours_high
    hardware = loaders.load_hardware().assign(figures_from="vendor")
    alone = power.model.estimate_runs(
        frontier.iloc[:-1], hardware, fixed_inputs(), h100_prices(), PRIOR_HOURS
    )
    both = power.model.estimate_runs(
        pd.concat([frontier.iloc[:-1], imputed], ignore_index=True),
        hardware,
        fixed_inputs(utilisation=0.3),
        h100_prices(),
        PRIOR_HOURS,
    )
    assert list(both.table.imputed) == [False] * len(alone.table) + [True]
    assert both.table.chips_basis.iloc[-1] == "derived"
    assert both.subset(~both.table.imputed.to_numpy()).table.model.tolist() == alone.table.model.tolist()


def test_imputing_never_changes_the_draws_of_the_disclosed_runs():
    disputed = {"hardware_quantity_low": 16000.0, "hardware_quantity_high": 20000.0}
    timed = {"hardware_quantity": np.nan, "training_time_hours": 10.0}
    ranged = {"training_time_hours_low": 8.0, "training_time_hours_high": 12.0}
    frontier = frontier_runs([{"model": "A", **disputed}, {"model": "B", **timed, **ranged}])
    hidden = frontier_runs([{"model": "H", "hardware": np.nan, "training_time_hours": 500.0}]).assign(
        hardware="nvidia_h100_sxm5", imputed=True
    )
    hardware = loaders.load_hardware().assign(figures_from="vendor")
    inputs = fixed_inputs().assign(high=lambda frame: frame.low * 1.2)
    alone = power.model.estimate_runs(frontier, hardware, inputs, h100_prices(), PRIOR_HOURS)
    both = power.model.estimate_runs(
        pd.concat([frontier, hidden], ignore_index=True), hardware, inputs, h100_prices(), PRIOR_HOURS
    )
    assert np.array_equal(both.power[:2], alone.power) and np.array_equal(both.cost[:2], alone.cost)


def test_the_held_out_check_leaves_out_calibration_runs_and_compute_derived_from_hardware():
    models = frontier_runs(
        [
            {"model": "Held out", "compute_method": "6ND"},
            {"model": "Meena", "compute_method": "6ND"},
            {"model": "Circular", "compute_method": "hardware"},
            {"model": "Estimated", "compute_method": "third_party_estimate"},
            {
                "model": "No figure",
                "compute_method": "6ND",
                "training_chip_hours": np.nan,
                "hardware_quantity": np.nan,
            },
        ]
    )
    hardware = loaders.load_hardware()
    table = power.model.held_out_chip_hours(models, hardware, fixed_inputs())
    assert table.model.tolist() == ["Held out"]
    peak = hardware.fp16_bf16_flop_per_s["nvidia_h100_sxm5"]
    assert table["derived, median"].iloc[0] == pytest.approx(3.8e25 / (peak * 0.4 * 3600))


def held_out_table(inside: list[bool], ratios: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"inside our 90% interval": inside, "derived / reported": ratios})


def test_the_held_out_verdict_follows_the_rows():
    narrow = power.facts.held_out_text(held_out_table([True] * 10 + [False] * 10, [0.5] * 20))
    assert "too narrow" in narrow and "below it" in narrow
    fine = power.facts.held_out_text(held_out_table([True] * 19 + [False], [1.2] * 20))
    assert "about as often as its level says" in fine and "above it" in fine


def path_summary(trend_error: float, components_error: float, trend_bias=0.5, components_bias=0.2):
    return pd.DataFrame(
        {
            "path": ["trend", "components"],
            "mean |log10 error|": [trend_error, components_error],
            "bias (x)": [trend_bias, components_bias],
        }
    )


def test_the_path_the_chapter_stands_behind_follows_the_backtest():
    assert power.projection_facts.path_choice_text(path_summary(0.3, 0.9)).startswith(
        "Of this chapter's two paths the backtest favours the power trend"
    )
    assert power.projection_facts.path_choice_text(path_summary(0.9, 0.3)).startswith(
        "Of this chapter's two paths the backtest favours Epoch AI and EPRI's components"
    )


def test_the_joint_construction_sentence_follows_the_backtest():
    assert "backtested worse here" in power.projection_facts.joint_construction_text(path_summary(0.3, 0.9))
    assert "backtest favours" in power.projection_facts.joint_construction_text(path_summary(0.9, 0.3))


def test_the_lean_of_the_backtest_follows_each_path():
    assert "too high" in power.projection_facts.lean_text(path_summary(0.3, 0.9))
    assert "opposite" in power.projection_facts.lean_text(path_summary(0.3, 0.9, components_bias=1.5))
    assert "too low" in power.projection_facts.lean_text(path_summary(0.3, 0.9, 2.0, 1.5))
    assert "too low" in power.projection_facts.bias_text(path_summary(0.3, 0.9, 2.0, 1.5), "trend")


def test_a_projection_is_scored_by_its_pit_error_and_coverage():
    draws = np.arange(1.0, 101.0)
    scores = forecasts.score_draws(draws, 90.5)
    assert scores["pit"] == pytest.approx(0.9)
    assert scores["log10 error"] == pytest.approx(np.log10(90.5 / 50.5))
    assert scores["inside 90%"] and not scores["inside 50%"]


def test_a_lab_that_trains_on_one_maker_is_not_imputed_anothers_chip():
    """The window is mostly TPU v4, but the developer's last disclosed run was on NVIDIA: A100 it is."""
    tpu = {"organization": "Google", "hardware": "google_tpu_v4", "training_time_hours": 500.0}
    rows = [
        {"model": "Old", "organization": "Lab", "publication_date": pd.Timestamp("2019-01-01")},
        *(
            {"model": f"TPU {i}", "publication_date": pd.Timestamp(f"2022-0{i}-01"), **tpu}
            for i in range(1, 4)
        ),
        {
            "model": "A100",
            "organization": "Other",
            "publication_date": pd.Timestamp("2022-05-01"),
            "hardware": "nvidia_a100_sxm4_80gb",
        },
        {
            "model": "Hidden",
            "organization": "Lab",
            "publication_date": pd.Timestamp("2023-01-01"),
            "hardware": np.nan,
        },
    ]
    frontier = frontier_runs(rows)
    hardware = loaders.load_hardware()
    imputed = power.model.impute_clusters(
        frontier, frontier.iloc[:-1], pd.DataFrame({"model": ["Hidden"]}), hardware
    )
    assert imputed.hardware.iloc[0] == "nvidia_a100_sxm4_80gb"
    other = frontier.assign(organization=frontier.organization.replace({"Lab": "New lab"}))
    other.loc[0, "organization"] = "Lab"
    imputed = power.model.impute_clusters(
        other, other.iloc[:-1], pd.DataFrame({"model": ["Hidden"]}), hardware
    )
    assert imputed.hardware.iloc[0] == "google_tpu_v4"


def metered_rows(ours: list[float]) -> pd.DataFrame:
    """``metered_check``'s table for runs metered at 100 MWh each, ours as given, a 90% band of ±20%."""
    ours = np.asarray(ours)
    return pd.DataFrame(
        {
            "model": [f"run {i}" for i in range(len(ours))],
            "metered (MWh)": 100.0,
            "ours, median (MWh)": ours,
            "ours, 5th pct": ours * 0.8,
            "ours, 95th pct": ours * 1.2,
        }
    )


def test_leave_one_out_rescales_each_run_by_the_others_and_the_verdict_follows():
    shared = power.model.leave_one_out(metered_rows([130.0, 130.0, 130.0]))
    assert shared["rescaled median / metered"].to_numpy() == pytest.approx(1.0)
    assert "close to a shared scale" in power.facts.leave_one_out_text(shared)
    odd = power.model.leave_one_out(metered_rows([130.0, 130.0, 300.0]))
    assert not odd["inside the rescaled 90% interval"].iloc[-1]
    assert "not one shared scale" in power.facts.leave_one_out_text(odd)


def test_the_bootstrapped_gap_terms_add_up_in_every_resample_and_match_the_point_on_the_data():
    frame, epoch_usd = _comparison_rows()
    theirs = frame[["publication_date"]].assign(epoch_usd=epoch_usd)
    draws = power.comparison.gap_term_draws(frame, theirs, 200, seed=3)
    assert np.allclose(draws.drop(columns="total").sum(axis=1), draws.total)
    everyone = power.comparison.gap_term_draws(frame.iloc[[*range(12)] * 1], theirs, 1, seed=3)
    assert set(everyone.columns) == {*power.comparison.gap_terms(frame, theirs)[0]}
