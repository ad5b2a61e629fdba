"""The forecast scorecard: every forecast in the ledger against the newest pinned data.

The realised value is read from the union of our ``models.csv`` and Epoch AI's pinned snapshot (a
model in both counts once, with our value). Releases neither estimates are *unknown*: they widen the
realised value into bounds (``Realised.low``/``high``), and an outcome holds only if it holds at both
bounds. "Not yet, as of the data's end" is a state, not a pass.

Scores: whether the realised value lies inside the forecast's interval (at its registered level) and
inside its quartiles where a distribution exists; the PIT (the forecast's CDF at the realised value,
piecewise linear through its quantiles); and the interval score at the registered level (Gneiting and
Raftery 2007; log10 for FLOP, USD and words, lower is better), a proper score for an interval forecast.
"""

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.data import loaders
from analysis.report import ledger
from analysis.report.bibliography import author_year
from analysis.science import trends
from analysis.science.units import format_in_unit
from analysis.topics.data_wall.datasets import language_datasets
from analysis.topics.data_wall.model import median_bytes_per_token

TOKEN_HEADROOM = 3.0
"""An unestimated release whose parameter count is public is unknown only if 6 x its (active) parameters x
this many times the largest token count any model reports could pass the threshold in question."""

LOG_UNITS = {"FLOP", "USD", "words", "W", "x", "tokens"}
"""Units whose quantiles are interpolated, and intervals scored, in log10."""

RATE_UNITS = {
    "x/yr": lambda value: value,
    "OOM/yr": lambda value: 10**value,
    "months": lambda m: 2 ** (12 / m),
}
"""Published growth units as a factor per year (a doubling time in months included)."""

RULE_UNITS = {"largest_compute_at": "FLOP", "largest_cost_at": "USD", "largest_dataset_at": "words"}


@dataclass(frozen=True)
class Realised:
    """What the pinned data say: a value between ``low`` and ``high`` (equal when known; ``inf`` when
    only a lower bound is known), how many unknown releases widen it, and a sentence."""

    low: float
    high: float
    unknown: int
    text: str


def pinned_models() -> tuple[pd.DataFrame, pd.Timestamp]:
    """Our models (with and without compute) and Epoch AI's snapshot rows we do not hold, one frame:
    ``name``, ``date``, ``flop``, ``flop_all`` (self-play generation added where recorded), ``open``,
    ``cost_usd`` (Epoch AI's, 2023 USD), ``candidate`` (a frontier or notable release without a compute
    estimate), ``ceiling`` (the most compute its public parameter count allows, ``TOKEN_HEADROOM``; inf if
    not public), ``source``; and the data's end (the newest publication date)."""
    ours = pd.concat([loaders.load_models(), loaders.load_unestimated_models()])
    epoch = loaders.load_epoch_models("all_ai_models.csv")
    epoch_cost = pd.to_numeric(epoch["Training compute cost (2023 USD)"], errors="coerce")
    epoch_cost = epoch_cost.groupby(epoch.Model).max()
    names = ours.epoch_model.fillna(ours.model)
    most_tokens = TOKEN_HEADROOM * float(ours.training_tokens.max())
    ours_frame = pd.DataFrame(
        {
            "name": ours.model,
            "date": ours.publication_date,
            "flop": ours.training_compute_flop,
            "flop_all": ours.training_compute_flop + ours.self_play_compute_flop.fillna(0),
            "open": ours.open_weights.fillna(False).astype(bool),
            "released": ours.released.astype(bool),
            "cost_usd": names.map(epoch_cost).to_numpy(),
            "candidate": ours.training_compute_flop.isna(),
            "ceiling": (6 * ours.active_parameters.fillna(ours.parameters) * most_tokens).fillna(math.inf),
            "source": "ours",
        }
    )
    extra = epoch[~epoch.Model.isin(set(names) | set(ours.model))]
    access = extra["Model accessibility"].fillna("")
    flop = pd.to_numeric(extra["Training compute (FLOP)"], errors="coerce")
    epoch_frame = pd.DataFrame(
        {
            "name": extra.Model,
            "date": pd.to_datetime(extra["Publication date"]),
            "flop": flop,
            "flop_all": flop,
            "open": access.str.startswith("Open weights"),
            "released": access.ne("Unreleased"),
            "cost_usd": pd.to_numeric(extra["Training compute cost (2023 USD)"], errors="coerce"),
            "candidate": flop.isna() & extra["Frontier model"].eq("True"),
            "ceiling": (6 * pd.to_numeric(extra["Parameters"], errors="coerce") * most_tokens).fillna(
                math.inf
            ),
            "source": "Epoch AI",
        }
    )
    table = pd.concat([ours_frame, epoch_frame], ignore_index=True)
    table = table[table.released & table.date.notna()]
    return table, table.date.max()


def reported_datasets_words() -> pd.DataFrame:
    """Released language models' unique training-set sizes (``language_datasets``), in words at Epoch's
    0.75 words per token: ``date``, ``words``."""
    models = loaders.load_models()
    rows = language_datasets(
        models,
        loaders.load_dataset_passes(models),
        median_bytes_per_token(loaders.load_text_stock_inputs()),
    )
    return pd.DataFrame(
        {"date": rows.publication_date, "words": rows.dataset_tokens * loaders.WORDS_PER_TOKEN}
    )


def realised(forecast: ledger.Forecast, table: pd.DataFrame, datasets: pd.DataFrame, end) -> Realised:
    """The realised value of ``forecast`` in the pinned data (``pinned_models``) as of ``end``."""
    kind, threshold = forecast.kind, forecast.threshold
    resolves = pd.Timestamp(forecast.resolves)
    cutoff = min(resolves, end)
    due = resolves <= end + pd.Timedelta(days=1)
    pool = table[table.open] if forecast.open_only else table
    bar = threshold if not math.isnan(threshold) else 0.0
    unknown = pool[pool.candidate & (pool.date <= cutoff) & (pool.ceiling > bar)]
    if kind in ("first_above", "first_cost_above"):
        column = "flop" if kind == "first_above" else "cost_usd"
        crossed = pool[pool[column] > threshold].date
        first = crossed.min() if len(crossed) else None
        before = unknown[unknown.date < first] if first is not None else unknown
        high = _year(first) if first is not None else math.inf
        low = _year(before.date.min()) if len(before) else (high if first is not None else _year(end))
        text = (
            f"first: {first:%b %Y}" if first is not None else f"none by the data's end ({end:%b %Y})"
        ) + _unknown_text(before, "could have crossed earlier" if first is not None else "could have crossed")
        return Realised(low, high, len(before), text)
    if kind == "count_above":
        known = int(((pool.flop > threshold) & (pool.date < resolves)).sum())
        if not due:
            return Realised(float(known), math.inf, len(unknown), f"at least {known} by the data's end")
        return Realised(
            float(known),
            float(known + len(unknown)),
            len(unknown),
            f"{known} estimated" + _unknown_text(unknown, "could be above"),
        )
    if kind in RULE_UNITS:
        if kind == "largest_dataset_at":
            values, larger = datasets.words[datasets.date <= cutoff], unknown.iloc[:0]
            widen = 0
        else:
            column = "flop_all" if kind == "largest_compute_at" else "cost_usd"
            values = pool[column][pool.date <= cutoff].dropna()
            larger = unknown if kind == "largest_cost_at" else unknown[unknown.ceiling > values.max()]
            widen = len(larger)
        known = float(values.max())
        unit = RULE_UNITS[kind]
        if resolves > end:
            return Realised(
                known, math.inf, widen, f"at least {format_in_unit(known, unit, 2)} by the data's end"
            )
        high = math.inf if widen else known
        return Realised(
            known, high, widen, format_in_unit(known, unit, 2) + _unknown_text(larger, "could be larger")
        )
    raise ledger.LedgerError(f"forecast '{forecast.id}': no realised value for rule '{kind}'")


def _unknown_text(rows: pd.DataFrame, what: str) -> str:
    """``; 3 unestimated releases (A, B, C) could ...`` (names listed up to five)."""
    count = len(rows)
    if not count:
        return ""
    names = f" ({', '.join(rows.sort_values('date').name)})" if count <= 5 else ""
    return f"; {count} unestimated release{'s' if count != 1 else ''}{names} {what}"


def _year(date) -> float:
    return float(trends.decimal_year([pd.Timestamp(date)])[0])


def _scale(value: float, unit: str) -> float:
    if unit in LOG_UNITS:
        return math.log10(value) if value > 0 else -math.inf
    return value


def _quantiles(forecast: ledger.Forecast) -> list[tuple[float, float]]:
    """(probability, value) points of the forecast's distribution that it registered, in order."""
    tail = (1 - forecast.level) / 2 if not math.isnan(forecast.level) else math.nan
    points = [
        (tail, forecast.low),
        (0.25, forecast.q25),
        (0.5, forecast.median),
        (0.75, forecast.q75),
        (1 - tail, forecast.high),
    ]
    return sorted((p, v) for p, v in points if not (math.isnan(p) or math.isnan(v) or math.isinf(v)))


def pit(forecast: ledger.Forecast, value: float) -> float:
    """The forecast's CDF at ``value``, piecewise linear through its quantiles (on the log10 scale for
    log units); NaN without an interval, and clipped to the interval's tails outside it."""
    points = _quantiles(forecast)
    if len(points) < 3 or math.isnan(value):
        return math.nan
    probabilities = [p for p, _ in points]
    values = [_scale(v, forecast.unit) for _, v in points]
    return float(np.interp(_scale(value, forecast.unit), values, probabilities))


def _inside(low: float, high: float, realised: Realised) -> bool | None:
    if math.isnan(low) or math.isnan(high):
        return None
    if low <= realised.low and realised.high <= high:
        return True
    if realised.high < low or realised.low > high:
        return False
    return None


def interval_score(forecast: ledger.Forecast, value: float) -> float:
    """Gneiting and Raftery's interval score of the forecast's interval at ``value`` (log10 for log units)."""
    if math.isnan(forecast.level) or math.isnan(forecast.low):
        return math.nan
    alpha = 1 - forecast.level
    low, high, y = (_scale(v, forecast.unit) for v in (forecast.low, forecast.high, value))
    return (high - low) + 2 / alpha * max(low - y, 0) + 2 / alpha * max(y - high, 0)


def score(forecast: ledger.Forecast, result: Realised | None, end) -> dict:
    """One scorecard row: status, interval outcomes, PIT (or its bounds) and interval score."""
    if result is None:
        return {"status": "not scored", "inside": None, "inside_50": None, "pit": "", "score": math.nan}
    inside = _inside(forecast.low, forecast.high, result)
    inside_50 = _inside(forecast.q25, forecast.q75, result)
    median_side = _inside(-math.inf, forecast.median, result)
    due = pd.Timestamp(forecast.resolves) <= end + pd.Timedelta(days=1)
    if inside is not None or (due and math.isnan(forecast.low) and median_side is not None):
        status = "resolved"
    elif inside_50 is not None or median_side is not None or due:
        status = "partly resolved"
    else:
        status = "not yet, as of the data's end"
    low_pit, high_pit = (
        pit(forecast, result.low),
        pit(forecast, result.high if math.isfinite(result.high) else math.nan),
    )
    tail = (1 - forecast.level) / 2 if not math.isnan(forecast.level) else 0.0

    def bound(value: float) -> str:
        if value <= tail + 1e-9:
            return f"≤{tail:.2f}"
        if value >= 1 - tail - 1e-9:
            return f"≥{1 - tail:.2f}"
        return f"{value:.2f}"

    if math.isnan(low_pit):
        pit_text = ""
    elif math.isnan(high_pit):
        pit_text = f"at least {bound(low_pit)}"
    elif abs(high_pit - low_pit) < 0.005:
        pit_text = bound(low_pit)
    else:
        pit_text = f"between {bound(low_pit)} and {bound(high_pit)}"
    nearest = min(max(forecast.low, result.low), result.high) if not math.isnan(forecast.low) else math.nan
    return {
        "status": status,
        "inside": inside,
        "inside_50": inside_50,
        "median_side": median_side,
        "pit": pit_text,
        "score": interval_score(forecast, nearest) if inside is not None else math.nan,
    }


def anchor_forecasts(
    published: pd.DataFrame, anchors: pd.DataFrame, table: pd.DataFrame
) -> list[ledger.Forecast]:
    """The anchors' forecasts as ledger entries: a dated figure as printed, or a growth rate projected
    from its start (``start_value``, else the largest estimated run at ``start_date``) to ``resolves``."""
    forecasts = []
    for row in anchors.itertuples():
        figure = published.loc[row.id.partition("@")[0]]
        kind = row.rule.split()[0]
        median, low, high, level, q25, q75 = (
            figure.value,
            figure.ci_low,
            figure.ci_high,
            figure.ci_level,
            math.nan,
            math.nan,
        )
        unit = figure.unit
        if figure.unit in RATE_UNITS:
            unit = RULE_UNITS[kind]
            start = row.start_value
            if pd.isna(start):
                earlier = table[(table.date <= row.start_date) & table.flop_all.notna()]
                start = float(earlier.flop_all.max())
            years = _year(row.resolves) - _year(row.start_date)
            factor = RATE_UNITS[figure.unit]
            median = start * factor(figure.value) ** years
            if pd.notna(figure.ci_low):
                ends = sorted(start * factor(bound) ** years for bound in (figure.ci_low, figure.ci_high))
                low, high = ends
                if isinstance(figure.uncertainty, str) and "a normal" in figure.uncertainty:
                    spread = (math.log10(high) - math.log10(low)) / 2 / _z(level)
                    q25, q75 = (10 ** (math.log10(median) + sign * 0.6745 * spread) for sign in (-1, 1))
        forecasts.append(
            ledger.Forecast(
                id=row.id,
                owner=author_year(figure.source_key),
                statement=figure.quantity,
                unit=unit,
                rule=row.rule,
                resolves=row.resolves.date().isoformat(),
                made=row.made.date().isoformat(),
                data_through=row.made.date().isoformat(),
                version="published",
                median=float(median),
                low=float(low),
                high=float(high),
                level=float(level),
                q25=float(q25),
                q75=float(q75),
                source=f"{figure.url} ({figure.location}); {row.basis}",
            )
        )
    return forecasts


def _z(level: float) -> float:
    from scipy.stats import norm

    return float(norm.ppf(0.5 + level / 2))


def scorecard(forecasts: list[ledger.Forecast], table: pd.DataFrame, end) -> pd.DataFrame:
    """Every forecast scored against the pinned data (``pinned_models``) as of ``end``."""
    datasets = reported_datasets_words()
    rows = []
    for forecast in forecasts:
        result = None if forecast.kind == "not_observable" else realised(forecast, table, datasets, end)
        rows.append({"forecast": forecast, "realised": result, **score(forecast, result, end)})
    return pd.DataFrame(rows)


def unseen(table: pd.DataFrame) -> pd.DataFrame:
    """Frontier or notable releases that no one has estimated (``candidate``): what the data cannot see."""
    return table[table.candidate].sort_values("date")


def _value_text(value: float, unit: str) -> str:
    if math.isinf(value):
        return "never (by 2035)" if unit == "year" else "unbounded"
    if unit == "year":
        return f"{trends.from_decimal_year(value):%b %Y}"
    return format_in_unit(value, unit, 2) + ("" if unit in ("dimensionless", "year") else f" {unit}")


def forecast_text(forecast: ledger.Forecast) -> str:
    """The forecast as printed on the Scorecard: median, interval at its level, quartiles where registered."""
    text = _value_text(forecast.median, forecast.unit)
    if math.isnan(forecast.low):
        return f"{text} (no interval published)"
    text += f" ({forecast.level:.0%} interval {_value_text(forecast.low, forecast.unit)}–"
    text += f"{_value_text(forecast.high, forecast.unit)}"
    if not math.isnan(forecast.q25):
        text += (
            f"; 50%: {_value_text(forecast.q25, forecast.unit)}–{_value_text(forecast.q75, forecast.unit)}"
        )
    return text + ")"


def _outcome(row) -> str:
    if row.status == "not scored":
        return f"not scored: {row.forecast.rule.partition(' ')[2]}"
    parts = [row.status]
    level = row.forecast.level
    if row.inside is not None:
        parts.append(f"{'inside' if row.inside else 'outside'} its {level:.0%} interval")
    if row.inside_50 is not None:
        parts.append(f"{'inside' if row.inside_50 else 'outside'} its 50% interval")
    if row.inside is None and row.median_side is not None:
        parts.append(f"realised {'at or below' if row.median_side else 'above'} its median")
    forecast, realised = row.forecast, row.realised
    if row.inside is None and realised is not None and not math.isnan(forecast.low):
        if realised.low < forecast.low <= realised.high:
            parts.append(
                "the estimated value lies below its interval; only unestimated releases could lift it in"
            )
        elif realised.low <= forecast.high < realised.high and realised.low >= forecast.low:
            parts.append("inside its interval unless unestimated releases lift it above")
    return "; ".join(parts)


def table(scored: pd.DataFrame) -> pd.DataFrame:
    """The Scorecard's table, one row per forecast in human units."""
    return pd.DataFrame(
        {
            "Forecast": [f"{row.forecast.statement} ({row.forecast.id})" for row in scored.itertuples()],
            "Whose, when": [
                f"{row.forecast.owner}, version {row.forecast.version}, made {row.forecast.made}, "
                f"data through {row.forecast.data_through}"
                for row in scored.itertuples()
            ],
            "Resolves": [f"{row.forecast.resolves}: {row.forecast.rule_text}" for row in scored.itertuples()],
            "Forecast value": [forecast_text(row.forecast) for row in scored.itertuples()],
            "Realised": [
                row.realised.text if row.realised is not None else "–" for row in scored.itertuples()
            ],
            "Outcome": [_outcome(row) for row in scored.itertuples()],
            "PIT": [row.pit or "–" for row in scored.itertuples()],
            "Interval score": [
                f"{row.score:.2f}" if not math.isnan(row.score) else "–" for row in scored.itertuples()
            ],
        }
    )


def verdict(scored: pd.DataFrame) -> str:
    """The Scorecard's summary: how many forecasts are resolved or partly resolved (ours, the anchors'),
    and, per owner group, how many resolved intervals held the realised value."""
    counts = scored.status.value_counts()
    ours = scored.forecast.map(lambda f: f.owner == ledger.OURS)
    settled = scored.status.isin(["resolved", "partly resolved"])
    sentences = [
        f"{int(settled.sum())} of {len(scored)} forecasts are resolved or partly resolved "
        f"({int((settled & ours).sum())} ours, {int((settled & ~ours).sum())} the anchors'); "
        f"{int(counts.get('not yet, as of the data' + chr(39) + 's end', 0))} are not yet due or decided, "
        f"and {int(counts.get('not scored', 0))} cannot be scored from pinned data."
    ]
    for name, group in (("Ours", scored[ours]), ("The anchors'", scored[~ours])):
        judged = group[group.inside.notna()]
        if len(judged) == 0:
            sentences.append(f"{name}: no interval has resolved yet.")
            continue
        held = int(judged.inside.astype(bool).sum())
        missed = ", ".join(row.forecast.id for row in judged.itertuples() if not row.inside)
        sentences.append(
            f"{name}: {held} of {len(judged)} resolved intervals held the realised value"
            + (f" (missed: {missed})." if missed else ".")
        )
    return " ".join(sentences)


def outcomes(scored: pd.DataFrame) -> pd.DataFrame:
    """One row per forecast, id and outcome (what the refresh command diffs between builds)."""
    return pd.DataFrame(
        {
            "id": [row.forecast.id for row in scored.itertuples()],
            "version": [row.forecast.version for row in scored.itertuples()],
            "outcome": [_outcome(row) for row in scored.itertuples()],
            "pit": [row.pit for row in scored.itertuples()],
        }
    )
