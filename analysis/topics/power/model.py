"""Power and cost (chapter 5): the model of each training run and of the hardware.

Per-run Monte Carlo estimates (``estimate_runs``): power drawn (W), chip-hours,
energy (MWh) and amortised cost (nominal USD), from chip figures (TDP in W, peak
FLOP/s), dated purchase prices (USD per chip) and the uncertain inputs of
``data/power_cost_inputs.csv``; and the growth of chip efficiency (FLOP/s per W).
The trends built on the runs are in ``growth``.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.science import trends

DRAWS = 2000
"""Monte Carlo draws per run (and bootstrap resamples of the trends built on them)."""


SEED = 20240919
"""Seed of the input draws (the utilisation draws use ``SEED + 1``)."""


LEVEL = 0.9
"""Intervals are 90%, the level Epoch AI reports for the power trend."""


SECONDS_PER_HOUR = 3600.0
"""Seconds per hour, to turn chip-hours and FLOP/s into FLOP."""


HOURS_PER_YEAR = 8766.0
"""Average hours in a year (365.25 days), for hardware life in chip-hours."""


SIXTEEN_BIT_FACTOR = 4.0
"""A chip trains in 16-bit when its dense 16-bit peak is at least this multiple of its FP32 peak
(tensor cores, matrix units) or it has no FP32 figure (TPUs); otherwise in FP32."""


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
    duration_prior_hours: float = np.nan
    """Training time assumed where a run reports none, for its training start (``duration_prior``)."""

    def subset(self, keep: np.ndarray) -> "Runs":
        """The runs where ``keep`` (boolean per run) holds, with their draws; same exclusions."""
        keep = np.asarray(keep, bool)
        return Runs(
            self.table[keep].reset_index(drop=True),
            *(draws[keep] for draws in (self.power, self.chip_hours, self.energy, self.cost)),
            self.excluded,
            self.duration_prior_hours,
        )


def purchase_prices(prices: pd.DataFrame) -> dict[str, tuple[pd.DatetimeIndex, np.ndarray]]:
    """Epoch AI's dated purchase prices per hardware name: (dates, USD per chip), oldest first."""
    dated = prices[prices["Price (hardware purchase)"].notna() & prices["Price date"].notna()]
    by_name = {}
    for name, group in dated.groupby("Hardware model"):
        rows = group.sort_values("Price date")
        dates = pd.DatetimeIndex(rows["Price date"])
        by_name[name] = (dates, rows["Price (hardware purchase)"].to_numpy(float))
    return by_name


def _price(
    by_name: dict[str, tuple[pd.DatetimeIndex, np.ndarray]], key: str, when: pd.Timestamp
) -> tuple[float, pd.Timestamp, str]:
    """Purchase price of ``key`` (USD per chip), its date, and where it lies against ``when``:
    the latest dated on or before ``when`` (publication), else the earliest."""
    name = EPOCH_NAMES.get(key, ("", ""))[1]
    if name not in by_name:
        return np.nan, pd.NaT, ""
    dates, values = by_name[name]
    before = int(dates.searchsorted(when, side="right"))
    chosen, basis = (before - 1, "before publication") if before else (0, "after publication")
    return float(values[chosen]), dates[chosen], f"{dates[chosen].date()} ({basis})"


PRE_TRAINING_DAYS = 60.0
"""Days between the end of training and publication that Cottier et al. assume (their code's
``get_training_start_date``): training starts at publication - training time - 60 days."""


def price_performance_rate(hardware_life) -> np.ndarray:
    """The rate (OOM/yr) at which hardware FLOP per USD rises, as the drawn hardware life (years)
    implies: 1 / (life x ln 10), the rate at which Cottier et al.'s depreciation halves value."""
    return 1.0 / (np.asarray(hardware_life, float) * np.log(10))


def training_start(publication: pd.Series, hours: pd.Series, prior_hours: float) -> pd.Series:
    """Start of each run's training: publication - (training time, else ``prior_hours``) - 60 days."""
    duration = pd.to_timedelta(hours.fillna(prior_hours), unit="h")
    return publication - duration - pd.Timedelta(days=PRE_TRAINING_DAYS)


def depreciated_price(price: np.ndarray, price_date, start, rate_oom_per_year: np.ndarray) -> np.ndarray:
    """Value per chip (USD) at the training start: the dated price depreciated at the price-performance
    rate (OOM/yr) from its date to ``start``, as Cottier et al. do; a price dated after the start
    (the chip cannot be bought later than it is used) is not appreciated. Shape (runs, draws)."""
    years = (pd.DatetimeIndex(start) - pd.DatetimeIndex(price_date)).days.to_numpy() / 365.25
    years = np.clip(np.nan_to_num(years, nan=0.0), 0.0, None)[:, None]
    return price[:, None] * 10 ** (-rate_oom_per_year[None, :] * years)


def sources_range(rows: pd.DataFrame, column: str, rng: np.random.Generator, draws: int) -> np.ndarray:
    """``column`` per run and draw (runs x draws): where sources disagree (``<column>_low`` and
    ``_high`` given), drawn log-uniformly between them; elsewhere the value itself (NaN if none)."""
    value = rows[column].to_numpy(float)[:, None]
    low = rows[f"{column}_low"].fillna(rows[column]).to_numpy(float)[:, None]
    high = rows[f"{column}_high"].fillna(rows[column]).to_numpy(float)[:, None]
    spread = rng.uniform(0.0, 1.0, (len(rows), draws))
    drawn = low * (high / low) ** spread
    return np.where(np.isnan(value), np.nan, drawn)


def duration_prior(frontier: pd.DataFrame) -> float:
    """Training time (hours) assumed for a run that reports none: the median of the frontier runs that
    report one, as Cottier et al. take the median of their running top-10."""
    reported = frontier.training_time_hours.dropna()
    if reported.empty:
        raise ValueError("no frontier run reports a training time: the duration prior is undefined")
    return float(reported.median())


CHIP_LOOKBACK_DAYS = 730
"""How far back (days) an imputed run looks for the chip in use."""


IMPUTATION_LOOKBACK_DAYS = 1095
"""How far back (days) an imputed run looks for reported training times."""


PRIOR_MIN_RUNS = 5
"""An imputed run's training-time prior rests on at least this many reported frontier times (the most
recent before it, if the lookback holds fewer)."""


DURATION_PRIOR_QUANTILES = (0.1, 0.9)
"""An imputed run's training time is drawn log-uniformly between these quantiles of the training times
that earlier frontier runs report (each read in its primary source), around their median."""


def _imputed_chip(row, disclosed: pd.DataFrame, manufacturer: pd.Series) -> object:
    """The chip most used by the disclosed frontier runs of the ``CHIP_LOOKBACK_DAYS`` before ``row``
    (ties: the one used latest), among the maker of the developer's latest disclosed chip where the
    window has that maker's chips (a lab that trains on NVIDIA GPUs is not imputed TPUs); NaN if none.
    The developer's own chip is not taken as such: its last disclosed chip is often a generation
    behind its undisclosed runs."""
    earlier = disclosed[disclosed.publication_date < row.publication_date]
    window = earlier[earlier.publication_date >= row.publication_date - pd.Timedelta(days=CHIP_LOOKBACK_DAYS)]
    own = earlier[earlier.organization == row.organization]
    if len(own):
        maker = manufacturer.get(own.sort_values("publication_date").hardware.iloc[-1])
        same = window[window.hardware.map(manufacturer) == maker]
        window = same if len(same) else window
    if window.empty:
        return np.nan
    counts = window.groupby("hardware").publication_date.agg(["size", "max"])
    return counts.sort_values(["size", "max"]).index[-1]


def _duration_prior(row, timed: pd.DataFrame) -> tuple[float, float, float]:
    """(median, low, high) training time in hours of the frontier runs before ``row`` that report one
    (``timed``: their dates and hours, oldest first): those in the lookback, or the
    ``PRIOR_MIN_RUNS`` most recent."""
    earlier = timed[timed.publication_date < row.publication_date]
    recent = earlier[
        earlier.publication_date >= row.publication_date - pd.Timedelta(days=IMPUTATION_LOOKBACK_DAYS)
    ]
    hours = (recent if len(recent) >= PRIOR_MIN_RUNS else earlier.tail(PRIOR_MIN_RUNS)).training_time_hours
    low, high = hours.quantile(list(DURATION_PRIOR_QUANTILES))
    return float(hours.median()), float(low), float(high)


def impute_clusters(
    frontier: pd.DataFrame, disclosed: pd.DataFrame, excluded: pd.DataFrame, hardware: pd.DataFrame
) -> pd.DataFrame:
    """Frontier runs without a disclosed cluster, made estimable (flag ``imputed``).

    A run that names no accelerator gets ``_imputed_chip``, whose TDP and peak at training precision
    set its FLOP per joule. A run without a training time gets ``_duration_prior`` as its training
    time and sources range; its chip count is then derived from its chip-hours, or from compute,
    peak and utilisation. A run with too little history for either stays excluded with its reason.
    """
    rows = frontier[frontier.model.isin(excluded.model)].copy()
    slim = disclosed[["publication_date", "organization", "hardware"]]
    timed = frontier.loc[frontier.training_time_hours.notna(), ["publication_date", "training_time_hours"]]
    timed = timed.sort_values("publication_date")
    chips, priors = [], []
    for row in rows.itertuples():
        chips.append(
            _imputed_chip(row, slim, hardware.manufacturer) if pd.isna(row.hardware) else row.hardware
        )
        priors.append(_duration_prior(row, timed) if pd.isna(row.training_time_hours) else None)
    rows["hardware"] = chips
    for index, prior in zip(rows.index, priors, strict=True):
        if prior is not None:
            rows.loc[
                index, ["training_time_hours", "training_time_hours_low", "training_time_hours_high"]
            ] = prior
    rows["imputed"] = True
    return rows[rows.hardware.notna() & rows.training_time_hours.notna()]


def estimate_runs(
    models: pd.DataFrame,
    hardware: pd.DataFrame,
    inputs: pd.DataFrame,
    prices: pd.DataFrame,
    prior_hours: float,
    draws: int = DRAWS,
    seed: int = SEED,
) -> Runs:
    """Power, chip-hours, energy and cost of every run of ``models`` whose hardware allows it.

    ``hardware`` carries the fallbacks of ``with_fallbacks``. Chips are the developer's count;
    without one, compute / (peak x utilisation x time). Chip-hours are the developer's, else chips x
    time, else compute / (peak x utilisation). A chip count or training time that sources disagree on
    is drawn across their range (``sources_range``). A run without a training time starts training
    ``prior_hours`` (``duration_prior``) before publication, less 60 days. Every other frontier run is
    listed in ``excluded``
    with the reason. Cost is nominal USD (no inflation adjustment).
    """
    frontier = models
    chips = hardware.join(training_precision(hardware))
    reasons = frontier.apply(_exclusion, axis=1, chips=chips)
    excluded = pd.DataFrame(
        {"model": frontier.model, "published": frontier.publication_date, "reason": reasons}
    )
    excluded = excluded[excluded.reason != ""].sort_values("published", kind="stable").reset_index(drop=True)
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
    # One generator per column, so runs appended later never shift an earlier run's draws.
    hours = sources_range(rows, "training_time_hours", np.random.default_rng(seed + 2), draws)
    reported_chips = sources_range(rows, "hardware_quantity", np.random.default_rng(seed + 4), draws)
    derived_chip_hours = compute / (peak * utilisation * SECONDS_PER_HOUR)
    chip_count = np.where(np.isnan(reported_chips), derived_chip_hours / hours, reported_chips)
    chip_count = np.broadcast_to(chip_count, (len(rows), draws))
    reported_chip_hours = rows.training_chip_hours.to_numpy()[:, None]
    reported_chip_hours = np.where(np.isnan(reported_chip_hours), reported_chips * hours, reported_chip_hours)
    chip_hours = np.where(np.isnan(reported_chip_hours), derived_chip_hours, reported_chip_hours)
    power = chip_count * watts_per_chip
    load = np.where(is_tpu, factors["load_factor_tpu"], factors["load_factor_gpu"])
    energy = chip_hours * watts_per_chip * load / 1e6
    by_name = purchase_prices(prices)
    price_basis = [
        _price(by_name, key, when) for key, when in zip(rows.hardware, rows.publication_date, strict=True)
    ]
    price = np.array([value for value, _, _ in price_basis])
    life_hours = factors["hardware_life"] * HOURS_PER_YEAR
    rate = price_performance_rate(factors["hardware_life"])
    start = training_start(rows.publication_date, rows.training_time_hours, prior_hours)
    value = depreciated_price(price, [date for _, date, _ in price_basis], start, rate)
    cost = (
        value * factors["cluster_cost_overhead"] * chip_hours / life_hours
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
            **{
                f"{column}_{end}": rows[f"{column}_{end}"]
                for column in ("hardware_quantity", "training_time_hours")
                for end in ("low", "high")
            },
            "tdp_w": spec.tdp_w,
            "figures_from": spec.figures_from,
            "peak_flop_per_s": spec.peak_flop_per_s,
            "fp32_flop_per_s": spec.fp32_flop_per_s,
            "confidence": rows.confidence,
            "compute_method": rows.get("compute_method", pd.Series("", index=rows.index)),
            "imputed": rows["imputed"].eq(True) if "imputed" in rows else False,
            "price_usd": price,
            "price_date": [basis for _, _, basis in price_basis],
            "training_start": start,
            "value_at_start_usd": np.median(value, axis=1),
        }
    )
    for name, values in (("power_w", power), ("energy_mwh", energy), ("cost_usd", cost)):
        low, median, high = np.quantile(values, [(1 - LEVEL) / 2, 0.5, (1 + LEVEL) / 2], axis=1)
        table[name], table[f"{name}_low"], table[f"{name}_high"] = median, low, high
    return Runs(table.reset_index(drop=True), power, chip_hours, energy, cost, excluded, prior_hours)


def metered_check(
    models: pd.DataFrame,
    hardware: pd.DataFrame,
    inputs: pd.DataFrame,
    prices: pd.DataFrame,
    metered: pd.DataFrame,
    prior_hours: float,
) -> pd.DataFrame:
    """Our energy estimate of each run whose developer metered it, beside the metered figure."""
    runs = estimate_runs(models.loc[metered.model], hardware, inputs, prices, prior_hours)
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


def leave_one_out(metered: pd.DataFrame) -> pd.DataFrame:
    """A leave-one-out calibration of ``metered_check``'s table: each run's estimate (median and 90%
    interval) rescaled by the geometric-mean metered/ours ratio of the other runs, against its own
    metered figure. If our energy model's error were a shared scale, the rescaled intervals would hold
    the metered figures; a run whose ratio differs from the others' shows it is not."""
    ratio = np.log10(metered["metered (MWh)"] / metered["ours, median (MWh)"]).to_numpy()
    others = (ratio.sum() - ratio) / (len(ratio) - 1)
    scale = 10**others
    low, high = metered["ours, 5th pct"] * scale, metered["ours, 95th pct"] * scale
    truth = metered["metered (MWh)"]
    return pd.DataFrame(
        {
            "model": metered.model,
            "scale from the other runs": scale,
            "rescaled median / metered": (metered["ours, median (MWh)"] * scale / truth).to_numpy(),
            "inside the rescaled 90% interval": ((low <= truth) & (truth <= high)).to_numpy(),
        }
    )


CALIBRATION_RUNS = (
    "T5-11B",
    "Meena",
    "GShard (600B)",
    "GPT-3 175B",
    "Switch Transformer",
    "Evolved Transformer",
)
"""Patterson et al.'s six runs, from which the utilisation, load-factor and PUE inputs are drawn: a
check on them is a calibration, not a validation."""


def held_out_chip_hours(models: pd.DataFrame, hardware: pd.DataFrame, inputs: pd.DataFrame) -> pd.DataFrame:
    """Chip-hours derived as for a run that discloses none, against what the developer reports, on runs
    no input was drawn from.

    Runs: a reported chip-hours figure (or chips x training time), a named accelerator with a peak,
    compute from the developer's own figures (``compute_method`` ``6ND`` or ``reported``: not derived
    from the hardware, not a third party's estimate) and not among ``CALIBRATION_RUNS``. Derived:
    compute / (peak at training precision x utilisation), the
    utilisation drawn as in ``estimate_runs``; energy scales with chip-hours, so the ratio is also our
    energy's where the chip and overheads are right.
    """
    chips = hardware.join(training_precision(hardware))
    reported = models.training_chip_hours.fillna(models.hardware_quantity * models.training_time_hours)
    keep = (
        reported.notna()
        & models.hardware.notna()
        & models.training_compute_flop.notna()
        & models.compute_method.isin(["6ND", "reported"])
        & ~models.model.isin(CALIBRATION_RUNS)
    )
    keep &= models.hardware.map(chips.peak_flop_per_s).notna()
    rows = models[keep]
    peak = rows.hardware.map(chips.peak_flop_per_s).to_numpy(float)[:, None]
    rng = np.random.default_rng(SEED + 3)
    utilisation = rng.uniform(inputs.low["utilisation"], inputs.high["utilisation"], (len(rows), DRAWS))
    derived = rows.training_compute_flop.to_numpy(float)[:, None] / (peak * utilisation * SECONDS_PER_HOUR)
    low, median, high = np.quantile(derived, [(1 - LEVEL) / 2, 0.5, (1 + LEVEL) / 2], axis=1)
    truth = reported[keep].to_numpy(float)
    return pd.DataFrame(
        {
            "model": rows.model.to_numpy(),
            "published": rows.publication_date.dt.strftime("%b %Y").to_numpy(),
            "hardware": rows.hardware.map(chips["name"]).to_numpy(),
            "reported chip-hours": truth,
            "derived, median": median,
            "derived, 5th pct": low,
            "derived, 95th pct": high,
            "derived / reported": median / truth,
            "inside our 90% interval": (low <= truth) & (truth <= high),
        }
    ).sort_values("published", key=lambda column: pd.to_datetime(column, format="%b %Y"), kind="stable")


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
