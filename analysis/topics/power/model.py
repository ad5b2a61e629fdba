"""Power and cost (chapter 5): the model.

Fits, draws and result tables; no charts, no prose.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.science import trends
from analysis.topics import compute_trends

DRAWS = 2000
"""Monte Carlo draws per run (and bootstrap resamples of the trends built on them)."""


SEED = 20240919


LEVEL = 0.9
"""Intervals are 90%, the level Epoch AI reports for the power trend."""


FRONTIER = compute_trends.model.Sample("Frontier (running top-10), 2010 to date", frontier="top10")
"""The runs this chapter follows: Emberson & Rahman's frontier definition on our data."""


PUBLISHED_WINDOW_END = pd.Timestamp("2024-09-19")
"""Emberson & Rahman's data insight is dated 2024-09-19: like windows end there."""


SECONDS_PER_HOUR = 3600.0


HOURS_PER_YEAR = 8766.0
"""Average hours in a year (365.25 days), for hardware life in chip-hours."""


SIXTEEN_BIT_FACTOR = 4.0
"""A chip trains in 16-bit when its dense 16-bit peak is at least this multiple of its FP32 peak
(tensor cores, matrix units) or it has no FP32 figure (TPUs); otherwise in FP32."""


PROJECTION_YEARS = (2028.0, 2030.0)


BILLION_USD = 1e9


EPOCH_NAMES = {
    "nvidia_gtx_280": ("NVIDIA GeForce GTX 280", ""),
    "nvidia_gtx_580": ("NVIDIA GeForce GTX 580", "NVIDIA GeForce GTX 580"),
    "nvidia_gtx_titan": ("NVIDIA GeForce GTX TITAN", "NVIDIA GeForce GTX TITAN"),
    "nvidia_gtx_titan_black": ("NVIDIA GeForce GTX Titan Black", "NVIDIA GeForce GTX TITAN BLACK"),
    "nvidia_gtx_1080": ("NVIDIA GeForce GTX 1080", ""),
    "nvidia_k40": ("NVIDIA Tesla K40s", "NVIDIA Tesla K40s"),
    "nvidia_k80": ("NVIDIA Tesla K80", "NVIDIA Tesla K80"),
    "nvidia_m40": ("NVIDIA M40", ""),
    "nvidia_p100": ("NVIDIA Tesla P100 SXM2", "NVIDIA Tesla P100 SXM2"),
    "nvidia_quadro_rtx_8000": ("NVIDIA Quadro RTX 8000", ""),
    "nvidia_v100": ("NVIDIA Tesla V100 SXM2", "NVIDIA Tesla V100 SXM2"),
    "nvidia_v100_sxm3_32gb": ("NVIDIA Tesla V100 SXM3 32 GB", "NVIDIA Tesla V100 SXM3 32 GB"),
    "nvidia_a100_sxm4_40gb": ("NVIDIA A100 SXM4 40 GB", "NVIDIA A100 SXM4 40 GB"),
    "nvidia_a100_sxm4_80gb": ("NVIDIA A100 SXM4 80 GB", "NVIDIA A100 SXM4 80 GB"),
    "nvidia_a100_pcie_40gb": ("NVIDIA A100 PCIe", "NVIDIA A100 PCIe"),
    "nvidia_a800": ("NVIDIA A800 SXM", "NVIDIA A800 PCIe"),
    "nvidia_h100_sxm5": ("NVIDIA H100 SXM5 80GB", "NVIDIA H100 SXM5 80GB"),
    "nvidia_h800": ("NVIDIA H800 SXM5", "NVIDIA H800 SXM5"),
    "nvidia_gh200": ("NVIDIA GH200", "NVIDIA GH200"),
    "nvidia_b200": ("NVIDIA B200", "NVIDIA B200"),
    "google_tpu_v2": ("Google TPU v2", "Google TPU v2"),
    "google_tpu_v3": ("Google TPU v3", "Google TPU v3"),
    "google_tpu_v4": ("Google TPU v4", "Google TPU v4"),
    "google_tpu_v5p": ("Google TPU v5p", "Google TPU v5p"),
    "huawei_ascend_910": ("Huawei Ascend 910", ""),
    "cerebras_cs2": ("", "Cerebras CS-2"),
}
"""Our hardware keys -> the same part's name in Epoch AI's hardware table and in its price table
(our matching; empty where Epoch has no such row)."""


FALLBACK_COLUMNS = {
    "tdp_w": "TDP (W)",
    "fp32_flop_per_s": "FP32 (single precision) performance (FLOP/s)",
    "fp16_bf16_flop_per_s": "Tensor-FP16/BF16 performance (FLOP/s)",
}
"""Figures taken from Epoch AI's hardware table where ours has none yet (marked as theirs)."""


def sample_inputs(inputs: pd.DataFrame, draws: int = DRAWS, seed: int = SEED) -> dict[str, np.ndarray]:
    """``draws`` uniform draws of every input between its ``low`` and ``high`` (seeded)."""
    rng = np.random.default_rng(seed)
    return {key: rng.uniform(row.low, row.high, draws) for key, row in inputs.iterrows()}


def with_fallbacks(hardware: pd.DataFrame, epoch_hardware: pd.DataFrame) -> pd.DataFrame:
    """``hardware`` with Epoch AI's TDP and peak FLOP/s filled in where ours has none yet.

    ``figures_from`` says whose figures each chip carries: ``vendor`` (ours, read in the vendor's
    document), ``Epoch AI`` (all taken from Epoch's table) or ``vendor and Epoch AI``.
    """
    theirs = epoch_hardware.set_index("Hardware name")
    filled = hardware.copy()
    taken = pd.Series(False, index=hardware.index)
    own = pd.Series(False, index=hardware.index)
    for ours, column in FALLBACK_COLUMNS.items():
        names = hardware.key.map(lambda key: EPOCH_NAMES.get(key, ("", ""))[0])
        values = names.map(lambda name, column=column: theirs[column].get(name, np.nan) if name else np.nan)
        missing = hardware[ours].isna() & values.notna()
        filled.loc[missing, ours] = values[missing]
        taken |= missing
        own |= hardware[ours].notna()
    filled["figures_from"] = np.select(
        [taken & own, taken], ["vendor and Epoch AI", "Epoch AI"], default="vendor"
    )
    return filled


def training_precision(hardware: pd.DataFrame) -> pd.DataFrame:
    """Each chip's training precision (16-bit or FP32, by ``SIXTEEN_BIT_FACTOR``) and its peak there."""
    sixteen = hardware.fp16_bf16_flop_per_s
    fp32 = hardware.fp32_flop_per_s
    uses_16 = sixteen.notna() & (fp32.isna() | (sixteen >= SIXTEEN_BIT_FACTOR * fp32))
    return pd.DataFrame(
        {
            "precision": np.where(uses_16, "16-bit", np.where(fp32.notna(), "FP32", "")),
            "peak_flop_per_s": sixteen.where(uses_16, fp32),
        },
        index=hardware.index,
    )


def _exclusion(row: pd.Series, chips: pd.DataFrame) -> str:
    if pd.isna(row.hardware):
        return "no accelerator named"
    chip = chips.loc[row.hardware]
    if pd.isna(chip.tdp_w):
        return f"no TDP yet for {chip['name']}"
    if pd.isna(row.hardware_quantity) and (pd.isna(row.training_time_hours) or pd.isna(chip.peak_flop_per_s)):
        return "no chip count, and no training time to derive one"
    return ""


@dataclass
class Runs:
    """Per-run estimates: ``table`` (medians and intervals) and the draws behind them (runs x draws)."""

    table: pd.DataFrame
    power: np.ndarray
    chip_hours: np.ndarray
    energy: np.ndarray
    cost: np.ndarray
    excluded: pd.DataFrame


def _price(prices: pd.DataFrame, key: str, when: pd.Timestamp) -> tuple[float, str]:
    """Purchase price of ``key`` (USD per chip): the latest dated on or before ``when``, else the earliest."""
    name = EPOCH_NAMES.get(key, ("", ""))[1]
    rows = prices[(prices["Hardware model"] == name) & prices["Price (hardware purchase)"].notna()]
    rows = rows[rows["Price date"].notna()].sort_values("Price date")
    if rows.empty:
        return np.nan, ""
    before = rows[rows["Price date"] <= when]
    chosen, basis = (before.iloc[-1], "before the run") if len(before) else (rows.iloc[0], "after the run")
    return float(chosen["Price (hardware purchase)"]), f"{chosen['Price date'].date()} ({basis})"


def estimate_runs(
    models: pd.DataFrame,
    hardware: pd.DataFrame,
    inputs: pd.DataFrame,
    prices: pd.DataFrame,
    draws: int = DRAWS,
    seed: int = SEED,
) -> Runs:
    """Power, chip-hours, energy and cost of every run of ``models`` whose hardware allows it.

    ``hardware`` carries the fallbacks of ``with_fallbacks``. Chips are the developer's count;
    without one, compute / (peak x utilisation x time). Chip-hours are the developer's, else chips x
    time, else compute / (peak x utilisation). Every other frontier run is listed in ``excluded``
    with the reason. Cost is nominal USD (no inflation adjustment).
    """
    frontier = models
    chips = hardware.join(training_precision(hardware))
    reasons = frontier.apply(_exclusion, axis=1, chips=chips)
    excluded = pd.DataFrame(
        {"model": frontier.model, "published": frontier.publication_date, "reason": reasons}
    )
    excluded = excluded[excluded.reason != ""].reset_index(drop=True)
    rows = frontier[reasons == ""]
    spec = chips.loc[rows.hardware].set_index(rows.index)
    factors = sample_inputs(inputs, draws, seed)
    rng = np.random.default_rng(seed + 1)
    utilisation = rng.uniform(inputs.low["utilisation"], inputs.high["utilisation"], (len(rows), draws))
    is_tpu = spec.manufacturer.eq("Google").to_numpy()[:, None]
    overhead = np.where(is_tpu, factors["server_overhead_tpu"], factors["server_overhead_gpu"])
    watts_per_chip = spec.tdp_w.to_numpy()[:, None] * overhead * factors["pue"]
    compute = rows.training_compute_flop.to_numpy()[:, None]
    peak = spec.peak_flop_per_s.to_numpy()[:, None]
    hours = rows.training_time_hours.to_numpy()[:, None]
    reported_chips = rows.hardware_quantity.to_numpy()[:, None]
    derived_chip_hours = compute / (peak * utilisation * SECONDS_PER_HOUR)
    chip_count = np.where(np.isnan(reported_chips), derived_chip_hours / hours, reported_chips)
    chip_count = np.broadcast_to(chip_count, (len(rows), draws))
    reported_chip_hours = rows.training_chip_hours.fillna(rows.hardware_quantity * rows.training_time_hours)
    reported_chip_hours = reported_chip_hours.to_numpy()[:, None]
    chip_hours = np.where(np.isnan(reported_chip_hours), derived_chip_hours, reported_chip_hours)
    power = chip_count * watts_per_chip
    load = np.where(is_tpu, factors["load_factor_tpu"], factors["load_factor_gpu"])
    energy = chip_hours * watts_per_chip * load / 1e6
    price_basis = [
        _price(prices, key, when) for key, when in zip(rows.hardware, rows.publication_date, strict=True)
    ]
    price = np.array([value for value, _ in price_basis])[:, None]
    life_hours = factors["hardware_life"] * HOURS_PER_YEAR
    cost = (
        price * factors["cluster_cost_overhead"] * chip_hours / life_hours
        + energy * 1e3 * (factors["electricity_price"])
    )
    table = pd.DataFrame(
        {
            "model": rows.model,
            "organization": rows.organization,
            "publication_date": rows.publication_date,
            "training_compute_flop": rows.training_compute_flop,
            "hardware": spec["name"],
            "precision": spec.precision,
            "chips": np.median(chip_count, axis=1),
            "chips_basis": np.where(np.isnan(reported_chips[:, 0]), "derived", "reported"),
            "chip_hours_basis": np.where(np.isnan(reported_chip_hours[:, 0]), "derived", "reported"),
            "training_time_hours": rows.training_time_hours,
            "tdp_w": spec.tdp_w,
            "figures_from": spec.figures_from,
            "peak_flop_per_s": spec.peak_flop_per_s,
            "fp32_flop_per_s": spec.fp32_flop_per_s,
            "confidence": rows.confidence,
            "price_usd": price[:, 0],
            "price_date": [basis for _, basis in price_basis],
        }
    )
    for name, values in (("power_w", power), ("energy_mwh", energy), ("cost_usd", cost)):
        low, median, high = np.quantile(values, [(1 - LEVEL) / 2, 0.5, (1 + LEVEL) / 2], axis=1)
        table[name], table[f"{name}_low"], table[f"{name}_high"] = median, low, high
    return Runs(table.reset_index(drop=True), power, chip_hours, energy, cost, excluded)


def power_growth(runs: Runs, end: pd.Timestamp | None = None) -> trends.UncertainGrowth:
    """Growth of frontier-run power (x/yr), runs up to ``end``; interval holds sampling and per-run error."""
    keep = (runs.table.publication_date <= end).to_numpy() if end is not None else slice(None)
    return trends.fit_growth_with_draws(runs.table.publication_date[keep], runs.power[keep], SEED, LEVEL)


def cost_growth(runs: Runs, end: pd.Timestamp | None = None) -> trends.UncertainGrowth:
    """Growth of the amortised cost of frontier runs (x/yr), runs with a hardware price, up to ``end``."""
    keep = runs.table.cost_usd.notna().to_numpy()
    if end is not None:
        keep &= (runs.table.publication_date <= end).to_numpy()
    return trends.fit_growth_with_draws(runs.table.publication_date[keep], runs.cost[keep], SEED, LEVEL)


def epoch_frontier(epoch: pd.DataFrame, column: str, end: pd.Timestamp | None = None) -> pd.DataFrame:
    """Epoch AI's frontier runs (our running top-10 rule on their compute) with a value in ``column``."""
    rows = FRONTIER.select(epoch, **compute_trends.model.EPOCH)
    rows = rows[pd.to_numeric(rows[column], errors="coerce") > 0]
    return rows if end is None else rows[rows["Publication date"] <= end]


def epoch_growth(epoch: pd.DataFrame, column: str, end: pd.Timestamp | None = None) -> trends.GrowthFit:
    """Growth of Epoch AI's own estimates in ``column`` (power or cost) through our fit."""
    rows = epoch_frontier(epoch, column, end)
    return trends.fit_growth(rows["Publication date"], pd.to_numeric(rows[column]), level=LEVEL, seed=SEED)


DECOMPOSITION_TERMS = {
    "power": "Power drawn (W)",
    "efficiency_fp32": "Chip efficiency at FP32 (FLOP/s per W of TDP)",
    "precision": "Precision shift (peak at training precision / FP32 peak)",
    "duration": "Training time (hours)",
    "utilisation": "Utilisation (compute / (chips x peak x time))",
}
"""log10 compute = the sum of these terms' log10 plus constants (overhead, PUE, seconds per hour)."""


def decomposition_terms(runs: Runs) -> pd.DataFrame:
    """Per run, log10 of each term (NaN where a run lacks what it needs); medians of drawn terms."""
    table = runs.table
    fp32 = table.fp32_flop_per_s
    hours = table.training_time_hours.where(table.chip_hours_basis == "reported")
    utilisation = table.training_compute_flop / (
        table.chips * table.peak_flop_per_s * hours * SECONDS_PER_HOUR
    )
    return pd.DataFrame(
        {
            "compute": np.log10(table.training_compute_flop),
            "power": np.log10(table.power_w),
            "efficiency_fp32": np.log10(fp32 / table.tdp_w),
            "precision": np.log10(table.peak_flop_per_s / fp32),
            "duration": np.log10(hours),
            "utilisation": np.log10(utilisation),
        }
    )


@dataclass
class Decomposition:
    """Slopes (OOM/yr) of compute and of each term, fitted on the runs where each is known."""

    table: pd.DataFrame
    compute_minus_power: tuple[float, float, float]


def decompose(runs: Runs, resamples: int = DRAWS, seed: int = SEED) -> Decomposition:
    """Split frontier compute growth into power, efficiency, precision, duration and utilisation.

    Each term's slope is OLS of its log10 on date over the runs that have it; the residual is
    compute's slope minus the sum of the terms' (zero when every run has every term). Intervals:
    ``LEVEL`` percentiles of ``resamples`` joint bootstrap resamples of runs.
    """
    terms = decomposition_terms(runs)
    years = trends.decimal_year(runs.table.publication_date)
    values = terms.to_numpy().T
    point = trends.masked_slopes(years[None, :], values)
    rows = np.random.default_rng(seed).integers(0, len(years), size=(resamples, len(years)))
    drawn = np.stack([trends.masked_slopes(years[rows], column[rows]) for column in values], axis=1)
    names = list(terms.columns)
    residual_point = point[0] - point[1:].sum()
    residual_draws = drawn[:, 0] - np.nansum(drawn[:, 1:], axis=1)
    records = []
    for index, name in enumerate(names):
        low, high = trends.percentile_interval(drawn[:, index][~np.isnan(drawn[:, index])], LEVEL)
        records.append(
            {
                "term": "Training compute (FLOP)" if name == "compute" else DECOMPOSITION_TERMS[name],
                "key": name,
                "OOM/yr": point[index],
                "low": low,
                "high": high,
                "runs": int(terms[name].notna().sum()),
            }
        )
    low, high = trends.percentile_interval(residual_draws, LEVEL)
    records.append(
        {
            "term": "Residual (compute minus the terms)",
            "key": "residual",
            "OOM/yr": residual_point,
            "low": low,
            "high": high,
            "runs": int(terms.notna().all(axis=1).sum()),
        }
    )
    gap_draws = drawn[:, 0] - drawn[:, 1]
    low, high = trends.percentile_interval(gap_draws, LEVEL)
    return Decomposition(pd.DataFrame(records), (float(point[0] - point[1]), low, high))


def efficiency_fits(epoch_hardware: pd.DataFrame, start: str = "2010-01-01") -> dict[str, trends.GrowthFit]:
    """Growth of peak FLOP/s per W of TDP by release date in Epoch AI's hardware table (our fit).

    At FP32 over every chip with both figures, at dense 16-bit over chips with tensor or matrix
    units (``Tensor-FP16/BF16``), and at FP32 over GPUs released 2010-2024 (the published window).
    """
    chips = epoch_hardware[epoch_hardware["Release date"] >= pd.Timestamp(start)]
    fits = {}
    for key, column in (
        ("fp32", "FP32 (single precision) performance (FLOP/s)"),
        ("tensor_16bit", "Tensor-FP16/BF16 performance (FLOP/s)"),
    ):
        rows = chips[chips[column].notna() & chips["TDP (W)"].notna()]
        fits[key] = trends.fit_growth(
            rows["Release date"], rows[column] / rows["TDP (W)"], level=LEVEL, seed=SEED
        )
    column = "FP32 (single precision) performance (FLOP/s)"
    gpus = chips[
        chips.Type.eq("GPU")
        & (chips["Release date"] <= pd.Timestamp("2024-12-31"))
        & chips[column].notna()
        & chips["TDP (W)"].notna()
    ]
    fits["gpu_fp32_2010_2024"] = trends.fit_growth(
        gpus["Release date"], gpus[column] / gpus["TDP (W)"], level=LEVEL, seed=SEED
    )
    return fits


def backtest_projection(runs: Runs, cutoffs=(2017.0, 2019.0, 2021.0, 2023.0), horizon: float = 2.0):
    """``trends.backtest_largest`` on the runs' power draws (W)."""
    table = trends.backtest_largest(
        runs.table.publication_date,
        runs.power,
        runs.table.model,
        cutoffs,
        horizon,
        SEED,
        LEVEL,
        method=trends.LARGEST_RUN_METHOD,
    )
    return table.rename(columns={"realised record": "realised record (W)"})


def metered_check(
    models: pd.DataFrame, hardware: pd.DataFrame, inputs: pd.DataFrame, prices: pd.DataFrame, metered
) -> pd.DataFrame:
    """Our energy estimate of each run whose developer metered it, beside the metered figure."""
    runs = estimate_runs(models.loc[metered.model], hardware, inputs, prices)
    table = runs.table.set_index("model")
    energy = metered.set_index("model").energy_mwh
    return pd.DataFrame(
        {
            "model": table.index,
            "metered (MWh)": energy[table.index].to_numpy(),
            "ours, median (MWh)": table.energy_mwh.to_numpy(),
            "ours, 5th pct": table.energy_mwh_low.to_numpy(),
            "ours, 95th pct": table.energy_mwh_high.to_numpy(),
            "ours / metered": (table.energy_mwh / energy[table.index]).to_numpy(),
            "inside our 90% interval": (
                (table.energy_mwh_low <= energy[table.index]) & (energy[table.index] <= table.energy_mwh_high)
            ).to_numpy(),
        }
    )


def largest_campus_by_year(timelines: pd.DataFrame, years=range(2024, 2031)) -> pd.DataFrame:
    """Facility power of the largest single data-centre site at the end of each year (Epoch AI's file).

    A site's power at a date is its latest milestone on or before it; later milestones are plans.
    """
    rows = []
    for year in years:
        end = pd.Timestamp(f"{year}-12-31")
        latest = timelines[timelines.Date <= end].sort_values("Date").groupby("Data center").tail(1)
        top = latest.loc[latest["Power (MW)"].idxmax()]
        rows.append({"year": year, "site": top["Data center"], "power_w": top["Power (MW)"] * 1e6})
    return pd.DataFrame(rows)


def installed_ai_power(chips: pd.DataFrame) -> pd.Series:
    """Power of all AI chips shipped since 2022 (Nvidia, TPU, AMD, Trainium) at the latest quarter all
    four vendors report, in W: median and the sum of the vendors' 5th and 95th percentiles."""
    common = chips.groupby("vendor").end.max().min()
    at = chips[chips.end == common]
    return pd.Series(
        {
            "date": common,
            "median_w": at["Power in MW (median)"].sum() * 1e6,
            "low_w": at["Power in MW (5th percentile)"].sum() * 1e6,
            "high_w": at["Power in MW (95th percentile)"].sum() * 1e6,
        }
    )


def grid_references(countries: pd.DataFrame, states: pd.DataFrame) -> pd.DataFrame:
    """Average electricity demand (annual energy / 8,760 h, in W) of the US, world and two US states."""
    year = int(countries.year.max())
    rows = []
    for name in ("United States", "World"):
        match = countries[(countries.country_or_region == name) & (countries.year == year)]
        if len(match):
            rows.append({"name": name, "year": year, "power_w": match.demand_twh.iloc[0] * 1e12 / 8760})
    state_year = int(states.year.max())
    for state in ("Virginia", "Texas"):
        match = states[(states.state == state) & (states.year == state_year)]
        if len(match):
            rows.append({"name": state, "year": state_year, "power_w": match.demand_gwh.iloc[0] * 1e9 / 8760})
    return pd.DataFrame(rows)


@dataclass
class PowerAndCost:
    """Everything the chapter reports."""

    runs: Runs
    hardware: pd.DataFrame
    inputs: pd.DataFrame
    growth: trends.UncertainGrowth
    growth_window: trends.UncertainGrowth
    epoch_power_window: trends.GrowthFit
    cost: trends.UncertainGrowth
    cost_window: trends.GrowthFit
    epoch_cost_window: trends.GrowthFit
    vendor_only: trends.UncertainGrowth
    decomposition: Decomposition
    efficiency: dict
    power_projection: dict[str, np.ndarray]
    largest_power: pd.Series
    largest_cost: pd.Series
    billion_year: np.ndarray
    backtest: pd.DataFrame
    campuses: pd.DataFrame
    installed: pd.Series
    grids: pd.DataFrame
    metered: pd.DataFrame


COST_WINDOW_START = pd.Timestamp("2016-01-01")


COST_WINDOW_END = pd.Timestamp("2023-12-31")
"""Cottier et al. fit frontier runs from 2016 to the end of 2023."""


FAN_YEARS = np.arange(2025.0, 2030.0 + 1e-9, 0.25)


def analyse(
    models: pd.DataFrame,
    hardware: pd.DataFrame,
    inputs: pd.DataFrame,
    epoch: pd.DataFrame,
    epoch_hardware: pd.DataFrame,
    prices: pd.DataFrame,
    timelines: pd.DataFrame,
    chips: pd.DataFrame,
    countries: pd.DataFrame,
    states: pd.DataFrame,
    metered: pd.DataFrame,
) -> PowerAndCost:
    """Run the chapter's analysis on our runs and the third-party inputs."""
    filled = with_fallbacks(hardware, epoch_hardware)
    runs = estimate_runs(FRONTIER.select(models, **compute_trends.model.OURS), filled, inputs, prices)
    growth = power_growth(runs)
    vendor = (runs.table.figures_from == "vendor").to_numpy()
    vendor_runs = Runs(runs.table[vendor], runs.power[vendor], None, None, None, None)
    cost = cost_growth(runs)
    record, power_projection = trends.largest_run_projection(
        runs.table.publication_date, runs.power, growth, [*PROJECTION_YEARS]
    )
    priced = runs.table.cost_usd.notna().to_numpy()
    costly = int(np.nanargmax(np.where(priced, runs.table.cost_usd, np.nan)))
    window = runs.table.publication_date.between(COST_WINDOW_START, COST_WINDOW_END).to_numpy() & priced
    return PowerAndCost(
        runs=runs,
        hardware=filled,
        inputs=inputs,
        growth=growth,
        growth_window=power_growth(runs, PUBLISHED_WINDOW_END),
        epoch_power_window=epoch_growth(epoch, "Training power draw (W)", PUBLISHED_WINDOW_END),
        cost=cost,
        cost_window=trends.fit_growth_with_draws(
            runs.table.publication_date[window], runs.cost[window], SEED, LEVEL
        ).fit,
        epoch_cost_window=epoch_growth(
            epoch[epoch["Publication date"] >= COST_WINDOW_START],
            "Training compute cost (2023 USD)",
            COST_WINDOW_END,
        ),
        vendor_only=power_growth(vendor_runs),
        decomposition=decompose(runs),
        efficiency=efficiency_fits(epoch_hardware),
        power_projection=power_projection,
        largest_power=runs.table.iloc[int(record["index"])],
        largest_cost=runs.table.iloc[costly],
        billion_year=trends.first_year_above(
            runs.table.publication_date[priced],
            runs.cost[priced],
            cost,
            BILLION_USD,
            method=trends.LARGEST_RUN_METHOD,
        ),
        backtest=backtest_projection(runs),
        campuses=largest_campus_by_year(timelines),
        installed=installed_ai_power(chips),
        grids=grid_references(countries, states),
        metered=metered_check(models, filled, inputs, prices, metered),
    )


def projection_frame(result: PowerAndCost) -> pd.DataFrame:
    """The largest run's power by year to 2030 (median and 90% band of each projection)."""
    years = FAN_YEARS
    table = result.runs.table
    _, draws = trends.largest_run_projection(table.publication_date, result.runs.power, result.growth, years)
    labels = {
        trends.LARGEST_RUN_METHOD: "trend plus record offset (headline)",
        "record": "record carried forward",
        "trend": "trend line",
    }
    return trends.projection_quantiles(years, {label: draws[key] for key, label in labels.items()}, "power_w")


def reference_frame(result: PowerAndCost, references: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """Horizontal references for the fan chart: grids, campuses, installed AI chips, Epoch/EPRI's range."""
    grids = result.grids.set_index("name")
    campus_2030 = result.campuses.iloc[-1]
    rows = [
        ("Virginia, average demand", grids.power_w["Virginia"]),
        (f"Largest planned campus, end of 2030 ({campus_2030.site})", campus_2030.power_w),
        ("All AI chips shipped since 2022 (end of 2025)", result.installed.median_w),
        ("Grand Coulee Dam (nameplate)", references.power_w["grand_coulee"]),
        ("Epoch AI and EPRI 2030, low end", published.value["epoch_epri2025.largest_run_power.2030_low"]),
        ("Epoch AI and EPRI 2030, high end", published.value["epoch_epri2025.largest_run_power.2030_high"]),
    ]
    return pd.DataFrame(rows, columns=["reference", "power_w"])


COMPARISON_PAIRS = [
    (
        "power.growth.frontier_to_sep2024",
        "emberson2024.power_growth.frontier",
        "Same definition and window; our runs and per-run power, with an interval that also holds each run's "
        "uncertain overhead. Epoch's own power estimates through our code are in the three-column table.",
    ),
    (
        "power.largest_run.w",
        "epoch_epri2025.largest_run_power.current",
        "They say only that the largest runs now exceed 100 MW.",
    ),
    (
        "power.projection_2030.w",
        "epoch_epri2025.largest_run_power.2030",
        "They project compute growth divided by efficiency and duration gains; we project the power trend "
        "directly and mix the record's path with the trend line, as the backtest supports. Their centre is "
        "the geometric middle of their printed range.",
    ),
    (
        "power.efficiency_growth.hardware",
        "sevilla2024can.hardware_efficiency_growth",
        "Same measure on a newer copy of Epoch's table; ours counts every accelerator since 2010, "
        "theirs GPUs used for ML training.",
    ),
    (
        "power.decomposition.compute_minus_power",
        "emberson2024.offset.combined",
        "Theirs is a rounded summary ('roughly 2x per year'), in x/yr; ours is in OOM/yr on our runs.",
    ),
    (
        "cost.growth.frontier_2016_2023",
        "cottier2024.cost_growth.v1",
        "Same method family (amortised hardware plus energy); we use nominal USD, their 2023 USD, and our "
        "own chip-hours and overheads as ranges.",
    ),
    (
        "cost.first_billion_dollar_run.year",
        "cottier2024.billion_dollar_run_year",
        "Theirs extrapolates 2.4x/yr from GPT-4; ours starts from the larger runs of 2024-2025 in our data.",
    ),
]
"""The comparison table's rows: (our key number, published figure, why they differ)."""


def three_columns(result: PowerAndCost, published: pd.DataFrame) -> pd.DataFrame:
    """Power and cost growth: ours; Epoch AI's own estimates through our fit; published."""
    rows = []
    for label, ours, theirs, figure in (
        (
            "Power, frontier runs 2010 to Sep 2024",
            result.growth_window.fit,
            result.epoch_power_window,
            "emberson2024.power_growth.frontier",
        ),
        (
            "Cost, frontier runs 2016-2023",
            result.cost_window,
            result.epoch_cost_window,
            "cottier2024.cost_growth.v1",
        ),
    ):
        row = published.loc[figure]
        rows.append(
            {
                "quantity": label,
                "ours": compute_trends.model.growth_cell(ours),
                "Epoch's estimates, our fit": compute_trends.model.growth_cell(theirs),
                "published": compute_trends.model.published_cell(row),
            }
        )
    return pd.DataFrame(rows)
