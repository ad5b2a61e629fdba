"""One simulation of the largest training run, year by year to 2035: chapters 4, 5 and 6 read it.

Per seeded draw (columns) and quarter-year (rows): the unconstrained compute path (FLOP), and what
the same draw implies for it: power drawn from the grid (W), energy (MWh), amortised hardware and
energy cost (nominal USD) and compute-optimal training tokens. The 2030 ceilings (FLOP) are set up
as Sevilla et al. (2024) do: power (the larger of one campus and a geographically distributed
network, their fn. 46, the latter capped by inter-data-centre bandwidth, fn. 45), chips, data, latency
and a spend ceiling. A ceiling path runs log-linearly
from today's record to the lowest 2030 ceiling of each draw (never below today's record), and the
constrained path is the smaller of the two, draw by draw and year by year. The inputs are paired
across draws with Sevilla et al.'s rank correlations (their Table 1) by a Gaussian copula, as theirs;
every other input is independent.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.science import trends
from analysis.science.scaling_laws import allocation_draws
from analysis.topics.power.model import price_performance_rate

TARGET_YEAR = 2030.0

SECONDS_PER_MONTH = 30.44 * 24 * 3600

HOURS_PER_YEAR = 8766.0

TOKENS_PER_FLOP_CONVENTION = 6.0
"""C = 6 N D FLOP (the Chinchilla chapter's convention)."""

CEILINGS = ("power", "chips", "data", "latency", "spend")
"""The 2030 ceilings, in the order the page lists them."""

SLOWDOWN_YEAR = 2027.0
"""The slowdown scenario's year: Epoch AI expect frontier labs to keep scaling training compute at about
5x a year 'for another 1-2 years' from 2025 (their Gradient Update on lead times), then more slowly."""

Z_90 = 1.2815515655446004
"""The standard normal's 90th percentile: ``_80`` inputs put ``low`` and ``high`` at +-Z_90 sigma."""


def _through_percentiles(standard: np.ndarray, low: float, median: float, high: float) -> np.ndarray:
    """A two-piece normal with ``low``, ``median`` and ``high`` at its 10th, 50th and 90th percentiles,
    from standard normal draws (a symmetric normal when the median is the midpoint)."""
    return median + standard * np.where(standard < 0, median - low, high - median) / Z_90


def sample_constraints(inputs: pd.DataFrame, draws: int, seed: int) -> dict[str, np.ndarray]:
    """Seeded draws of every constraint input by its ``distribution``: uniform, log-uniform, or an 80%
    interval drawn normal or log-normal through its ends and its printed median where the source gives
    one, else the midpoint (normal draws clipped above 0)."""
    rng = np.random.default_rng(seed)
    drawn = {}
    for key, row in inputs.iterrows():
        median = row.get("median", np.nan)
        if row.distribution == "loguniform":
            drawn[key] = 10 ** rng.uniform(np.log10(row.low), np.log10(row.high), draws)
        elif row.distribution == "lognormal_80":
            centre = np.log10(median) if pd.notna(median) else np.log10(row.low * row.high) / 2
            standard = rng.standard_normal(draws)
            drawn[key] = 10 ** _through_percentiles(standard, np.log10(row.low), centre, np.log10(row.high))
        elif row.distribution == "normal_80":
            centre = median if pd.notna(median) else (row.low + row.high) / 2
            drawn[key] = np.clip(
                _through_percentiles(rng.standard_normal(draws), row.low, centre, row.high),
                row.low / 10,
                None,
            )
        else:
            drawn[key] = rng.uniform(row.low, row.high, draws)
    return drawn


def correlate(draws: dict[str, np.ndarray], correlations: pd.DataFrame, seed: int) -> dict[str, np.ndarray]:
    """The draws re-paired so that the inputs named in ``correlations`` (columns ``input_a``,
    ``input_b``, ``spearman_rho``) follow a Gaussian copula with those rank correlations (Pearson
    2 sin(pi rho / 6) between the normal scores): each input keeps its own draws, sorted into the
    ranks of its score, so every marginal is unchanged and only the pairing moves."""
    names = sorted(set(correlations.input_a) | set(correlations.input_b))
    matrix = np.eye(len(names))
    for row in correlations.itertuples():
        i, j = names.index(row.input_a), names.index(row.input_b)
        matrix[i, j] = matrix[j, i] = 2 * np.sin(np.pi * row.spearman_rho / 6)
    try:
        lower = np.linalg.cholesky(matrix)
    except np.linalg.LinAlgError:
        raise ValueError(f"the correlations between {names} do not form a valid correlation matrix") from None
    count = len(draws[names[0]])
    scores = np.random.default_rng(seed).standard_normal((count, len(names))) @ lower.T
    paired = dict(draws)
    for column, name in enumerate(names):
        paired[name] = np.sort(draws[name])[scores[:, column].argsort().argsort()]
    return paired


@dataclass(frozen=True)
class Chip:
    """The reference accelerator the simulation trains on (the H100): dense 16-bit peak (FLOP/s), TDP
    (W), the year its efficiency trend starts from, and a purchase price (USD) with its year."""

    peak_flop_per_s: float
    tdp_w: float
    year: float
    price_usd: float
    price_year: float


@dataclass(frozen=True)
class TokenLaws:
    """Per draw, the compute-optimal data exponent ``b`` and scale ``G`` of D*(C) = (C / 6)**b / G,
    one bootstrap law of the Chinchilla chapter per draw."""

    exponent: np.ndarray
    scale: np.ndarray

    @classmethod
    def from_bootstrap(cls, parameters: np.ndarray, draws: int) -> "TokenLaws":
        """From bootstrap rows (E, A, B, alpha, beta), cycled to ``draws`` draws."""
        return cls(*allocation_draws(parameters[np.arange(draws) % len(parameters)]))

    def tokens(self, compute: np.ndarray) -> np.ndarray:
        """Compute-optimal tokens for compute (FLOP), draw by draw (last axis: draws)."""
        return (compute / TOKENS_PER_FLOP_CONVENTION) ** self.exponent / self.scale

    def compute_for(self, tokens: np.ndarray) -> np.ndarray:
        """The compute (FLOP) whose compute-optimal dataset is ``tokens``, draw by draw."""
        return TOKENS_PER_FLOP_CONVENTION * (tokens * self.scale) ** (1.0 / self.exponent)


@dataclass
class Simulation:
    """Draws (years x draws) of the largest run, unconstrained and constrained, and what they imply."""

    years: np.ndarray
    compute: np.ndarray
    ceilings: pd.DataFrame
    ceiling_path: np.ndarray
    seconds: np.ndarray
    flop_per_joule: np.ndarray
    flop_per_usd: np.ndarray
    tokens_law: TokenLaws
    record_flop: float
    record_year: float
    price_performance: np.ndarray
    """Per draw, the rate (OOM/yr) at which FLOP per USD of hardware rises (the power chapter's)."""

    def slowdown(self, year: float = SLOWDOWN_YEAR) -> np.ndarray:
        """Years x draws: the unconstrained path until ``year``, then growing only as fast as FLOP per USD
        (spending on the largest run stops growing)."""
        start = self.at(self.compute, year)
        after = start * 10 ** (self.price_performance * (self.years[:, None] - year))
        return np.where(self.years[:, None] <= year, self.compute, np.minimum(after, self.compute))

    @property
    def constrained(self) -> np.ndarray:
        """The smaller of the unconstrained path and the ceiling path, draw by draw and year by year."""
        return np.minimum(self.compute, self.ceiling_path)

    def path(self, kind: str) -> np.ndarray:
        """``unconstrained`` or ``constrained`` compute (FLOP), years x draws."""
        return {"unconstrained": self.compute, "constrained": self.constrained}[kind]

    def at(self, values: np.ndarray, year: float) -> np.ndarray:
        """The row of ``values`` (years x draws) at ``year``."""
        return values[int(np.argmin(np.abs(self.years - year)))]

    def _path(self, compute: np.ndarray) -> np.ndarray:
        compute = np.asarray(compute, float)
        if compute.shape != self.compute.shape:
            raise ValueError(f"a path is years x draws {self.compute.shape}, got {compute.shape}")
        return compute

    def power_w(self, compute: np.ndarray) -> np.ndarray:
        """Grid power (W) along a path (years x draws, FLOP): compute / (run length x achieved FLOP
        per J of its year)."""
        return self._path(compute) / (self.seconds * self.flop_per_joule)

    def energy_mwh(self, compute: np.ndarray) -> np.ndarray:
        """Grid energy (MWh) along a path (years x draws, FLOP)."""
        return self._path(compute) / self.flop_per_joule / 3.6e9

    def cost_usd(self, compute: np.ndarray) -> np.ndarray:
        """Amortised hardware and energy cost (nominal USD) along a path (years x draws, FLOP), at each
        year's FLOP per USD."""
        return self._path(compute) / self.flop_per_usd

    def tokens(self, compute: np.ndarray) -> np.ndarray:
        """Compute-optimal training tokens along a path (years x draws; the Chinchilla bootstrap)."""
        return self.tokens_law.tokens(self._path(compute))

    def in_year(self, kind: str, year: float) -> dict[str, np.ndarray]:
        """Draws of the largest run on path ``kind`` in ``year``: compute (FLOP), power (W), energy
        (MWh), cost (USD) and compute-optimal tokens."""
        path = self.path(kind)
        return {
            "flop": self.at(path, year),
            "power_w": self.at(self.power_w(path), year),
            "energy_mwh": self.at(self.energy_mwh(path), year),
            "cost_usd": self.at(self.cost_usd(path), year),
            "tokens": self.at(self.tokens(path), year),
        }

    @property
    def feasible_2030(self) -> np.ndarray:
        """Draws of the lowest 2030 ceiling (FLOP)."""
        return self.ceilings[list(CEILINGS)].min(axis=1).to_numpy()

    @property
    def binding_share(self) -> pd.Series:
        """Share of draws in which each ceiling is the lowest."""
        binding = self.ceilings[list(CEILINGS)].idxmin(axis=1)
        return binding.value_counts(normalize=True).reindex(list(CEILINGS), fill_value=0.0)


def flop_per_joule(
    chip: Chip, factors: dict[str, np.ndarray], inputs: dict[str, np.ndarray], slopes: np.ndarray, years
) -> np.ndarray:
    """Achieved training FLOP per joule drawn from the grid (years x draws): the chip's 16-bit peak over
    its TDP x server overhead x PUE (the power chapter's draws), improved along the chip-efficiency
    trend (drawn slopes, OOM/yr) from the chip's year, times utilisation and the FP8 gain."""
    per_watt = chip.peak_flop_per_s / (chip.tdp_w * factors["server_overhead_gpu"] * factors["pue"])
    elapsed = np.asarray(years, float)[:, None] - chip.year
    return per_watt * 10 ** (slopes * elapsed) * inputs["utilisation_2030"] * inputs["fp8_gain"]


def flop_per_usd(
    chip: Chip, factors: dict[str, np.ndarray], inputs: dict[str, np.ndarray], joules: np.ndarray, years
) -> np.ndarray:
    """Training FLOP per USD of amortised hardware and energy (years x draws), the power chapter's cost
    model: the chip's price x cluster overhead over its hardware life per chip-hour, cheaper per FLOP
    at the price-performance rate that sets that life (1 / (life x ln 10) OOM/yr) from the price's
    year; plus energy at the drawn electricity price (USD per kWh) over ``joules`` (FLOP per J)."""
    achieved = chip.peak_flop_per_s * inputs["utilisation_2030"] * inputs["fp8_gain"] * 3600.0
    chip_hours = chips_per_usd(chip, factors, np.asarray(years, float)[:, None]) * factors["hardware_life"]
    hardware = 1.0 / (chip_hours * HOURS_PER_YEAR * achieved)
    energy = factors["electricity_price"] / (joules * 3.6e6)
    return 1.0 / (hardware + energy)


def chips_per_usd(chip: Chip, factors: dict[str, np.ndarray], year) -> np.ndarray:
    """H100-equivalents one USD of cluster buys in ``year`` (per draw; an array of years as a column
    gives years x draws): the chip's price x cluster overhead, falling at the price-performance rate
    (``power.model.price_performance_rate``) from the price's year."""
    rate = price_performance_rate(factors["hardware_life"])
    return 10 ** (rate * (year - chip.price_year)) / (chip.price_usd * factors["cluster_cost_overhead"])


def ceiling_path(record_flop: float, record_year: float, feasible: np.ndarray, years) -> np.ndarray:
    """Years x draws: log-linear from today's record to each draw's lowest 2030 ceiling and on at the
    same rate, never below today's record (a run already done stays feasible)."""
    years = np.asarray(years, float)[:, None]
    slope = (np.log10(feasible) - np.log10(record_flop)) / (TARGET_YEAR - record_year)
    return np.maximum(10 ** (np.log10(record_flop) + slope * (years - record_year)), record_flop)


def simulate(
    years,
    compute: np.ndarray,
    record: tuple[float, float],
    chip: Chip,
    factors: dict[str, np.ndarray],
    inputs: dict[str, np.ndarray],
    efficiency_slopes: np.ndarray,
    stock_tokens_2030: np.ndarray,
    tokens_law: TokenLaws,
) -> Simulation:
    """The joint simulation from its draws (each array has one value per draw; ``compute`` is years x
    draws of the unconstrained largest run, FLOP; ``record`` today's largest run, FLOP and year)."""
    years = np.asarray(years, float)
    seconds = inputs["run_duration_months"] * SECONDS_PER_MONTH
    joules = flop_per_joule(chip, factors, inputs, efficiency_slopes, years)
    usd = flop_per_usd(chip, factors, inputs, joules, years)
    at_target = int(np.argmin(np.abs(years - TARGET_YEAR)))
    useful = inputs["utilisation_2030"] * inputs["fp8_gain"] * seconds
    useful_per_chip = chip.peak_flop_per_s * useful
    bought = chips_per_usd(chip, factors, TARGET_YEAR)
    campus = inputs["power_single_campus_gw"] * 1e9 * joules[at_target] * seconds
    distributed = np.minimum(
        inputs["power_distributed_gw"] * 1e9 * joules[at_target] * seconds, inputs["bandwidth_ceiling_flop"]
    )
    ceilings = pd.DataFrame(
        {
            "power": np.maximum(campus, distributed),
            "power_single_campus": campus,
            "power_distributed": distributed,
            "bandwidth": inputs["bandwidth_ceiling_flop"],
            "chips": inputs["h100e_for_largest_run_2030"] * useful_per_chip,
            "data": tokens_law.compute_for(stock_tokens_2030 * inputs["multimodal_data_factor"]),
            "latency": inputs["latency_wall_flop"],
            "spend": inputs["largest_cluster_cost_usd_2030"] * bought * useful_per_chip,
        }
    )
    record_flop, record_year = record
    feasible = ceilings[list(CEILINGS)].min(axis=1).to_numpy()
    return Simulation(
        years=years,
        compute=compute,
        ceilings=ceilings,
        ceiling_path=ceiling_path(record_flop, record_year, feasible, years),
        seconds=seconds,
        flop_per_joule=joules,
        flop_per_usd=usd,
        tokens_law=tokens_law,
        record_flop=record_flop,
        record_year=record_year,
        price_performance=price_performance_rate(factors["hardware_life"]),
    )


def efficiency_slope_draws(fit: trends.GrowthFit, draws: int, seed: int) -> np.ndarray:
    """Draws of a chip-efficiency slope (OOM/yr): normal around the fit with its interval's spread."""
    spread = (fit.ci_high - fit.ci_low) / (2 * 1.645)
    return np.random.default_rng(seed).normal(fit.slope, spread, draws)
