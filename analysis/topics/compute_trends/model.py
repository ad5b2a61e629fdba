"""Compute trends (chapter 1): the model.

Samples (who counts), the headline fits, backtests and result tables; no charts, no prose. The
break analysis is in ``breaks``, the specification curve in ``specification``.
"""

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.data import catalog, loaders
from analysis.report.bibliography import author_year
from analysis.science import forecasts, trends
from analysis.science.units import format_number
from analysis.topics import audit

START = pd.Timestamp("2010-01-01")


EPOCH_WINDOW_END = pd.Timestamp("2024-05-31")
"""Last date of the data behind Sevilla & Roldán (2024) ('May 2024')."""


RETRODICTION_END = pd.Timestamp("2020-05-27")
"""The day before GPT-3's paper: the end of Sevilla & Roldán's pre-GPT-3 retrodiction window."""


LANGUAGE_START = pd.Timestamp("2017-06-01")


LANGUAGE_DOMAINS = ("language", "multimodal")
"""Language models: language, and multimodal models that are language models with other inputs."""


RECENT_FRONTIER_START = pd.Timestamp("2018-01-01")


LANGUAGE_FRONTIER_START = pd.Timestamp("2020-06-01")
"""Epoch finds frontier language models caught up with the overall frontier around June 2020."""


FRONTIER_TOP_N = 10


RECORD_FACTOR = 10.0


BACKTEST_CUTOFFS = ["2020-12-31", "2022-12-31"]


@dataclass(frozen=True)
class Sample:
    """Which models a fit uses: a name, a domain filter, a frontier rule and a window.

    ``domain`` keeps models whose domain names any of the given domains;
    ``epoch_domain``, if given, replaces it for Epoch's table, which lists
    several domains per model (e.g. 'Multimodal,Language,Vision').
    """

    name: str
    frontier: str = "all"
    domain: tuple[str, ...] | None = None
    epoch_domain: tuple[str, ...] | None = None
    start: pd.Timestamp = START
    end: pd.Timestamp | None = None
    drop_speculative: bool = False

    def select(self, frame: pd.DataFrame, **columns):
        """The rows of ``frame`` in this sample (``columns``: ``OURS`` or ``EPOCH``, the column names of
        our or Epoch's table, as ``frontier_mask`` takes them).

        Unreleased runs (``released`` false) never enter. A running top-N is
        ranked from ``START`` with a burn-in: the first N models, which are
        "frontier" only because fewer than N models exist yet, are left out.
        Rank first, then window (as ``trends.running_top_n_in_window``): the
        sample's ``start`` applies after the ranking, so earlier models count.
        """
        mask = self.frontier_mask(frame, **columns)
        return frame[mask & (frame[columns["date"]] >= self.start).to_numpy()]

    def frontier_mask(
        self,
        frame: pd.DataFrame,
        date: str,
        compute: str,
        domain: str,
        confidence: str,
        epoch: bool,
        released: str | None = None,
    ) -> np.ndarray:
        """Mask of the rows of ``frame`` that ``select`` keeps before it applies the sample's ``start``:
        every filter and the frontier rule, which ranks models from ``START`` whatever that start."""
        dates = frame[date]
        keep = (frame[compute].notna() & dates.notna() & (dates >= START)).to_numpy(copy=True)
        if released is not None:
            keep &= frame[released].to_numpy(bool)
        domains = self.epoch_domain if epoch and self.epoch_domain else self.domain
        if domains is not None:
            keep &= frame[domain].fillna("").str.lower().str.contains("|".join(domains)).to_numpy(bool)
        if self.drop_speculative:
            keep &= (frame[confidence].str.lower() != "speculative").to_numpy(bool)
        if self.end is not None:
            keep &= (dates <= self.end).to_numpy()
        dates, values = dates[keep], frame[compute][keep]
        if self.frontier.startswith("top"):
            count = int(self.frontier[3:])
            burned_in = (dates.rank(method="first") > count).to_numpy()
            keep[keep] = trends.running_top_n(dates, values, count) & burned_in
        elif self.frontier == "record":
            keep[keep] = trends.within_factor_of_record(dates, values, RECORD_FACTOR)
        return keep


OURS = {
    "date": "publication_date",
    "compute": "training_compute_flop",
    "domain": "domain",
    "confidence": "confidence",
    "epoch": False,
    "released": "released",
}


EPOCH = {
    "date": "Publication date",
    "compute": "Training compute (FLOP)",
    "domain": "Domain",
    "confidence": "Confidence",
    "epoch": True,
}


def fit_sample(frame: pd.DataFrame, columns: dict, sample: Sample, **options) -> trends.GrowthFit:
    """The growth fit of ``sample`` drawn from ``frame`` (ours or Epoch's, per ``columns``)."""
    rows = sample.select(frame, **columns)
    return trends.fit_growth(rows[columns["date"]], rows[columns["compute"]], **options)


HEADLINES = {
    "notable_2010_2024": (
        Sample("Notable models, 2010 to May 2024", end=EPOCH_WINDOW_END),
        "sevilla2024.growth.notable_2010_2024",
    ),
    "frontier_2010_2024": (
        Sample(
            f"Frontier (running top-{FRONTIER_TOP_N}), 2010 to May 2024",
            frontier="top10",
            end=EPOCH_WINDOW_END,
        ),
        "sevilla2024.growth.frontier_2010_2024",
    ),
    "frontier_2018_2024": (
        Sample(
            "Frontier (running top-10), 2018 to May 2024",
            frontier="top10",
            start=RECENT_FRONTIER_START,
            end=EPOCH_WINDOW_END,
        ),
        "sevilla2024.growth.frontier_since_2018",
    ),
    "language_frontier_2020_2024": (
        Sample(
            "Frontier language models (running top-10 among language models), June 2020 to May 2024",
            frontier="top10",
            domain=LANGUAGE_DOMAINS,
            epoch_domain=("language",),
            start=LANGUAGE_FRONTIER_START,
            end=EPOCH_WINDOW_END,
        ),
        "sevilla2024.growth.language_frontier_2020_2024",
    ),
    "notable_2010_2020": (
        Sample("Notable models, 2010 to May 2020 (before GPT-3: Epoch's retrodiction)", end=RETRODICTION_END),
        "sevilla2024.growth.notable_2010_2020",
    ),
    "frontier_2010_2020": (
        Sample(
            f"Frontier (running top-{FRONTIER_TOP_N}), 2010 to May 2020 (before GPT-3: Epoch's retrodiction)",
            frontier="top10",
            end=RETRODICTION_END,
        ),
        "sevilla2024.growth.frontier_2010_2020",
    ),
    "language_2017_2024": (
        Sample(
            "Language models, June 2017 to May 2024",
            domain=LANGUAGE_DOMAINS,
            epoch_domain=("language",),
            start=LANGUAGE_START,
            end=EPOCH_WINDOW_END,
        ),
        "sevilla2024.growth.language_2017_2024",
    ),
}
"""The comparisons with Sevilla & Roldán (2024), each in the publication's window."""


OUR_HEADLINES = {
    "notable_since_2010": Sample("Notable models, 2010 to date"),
    "frontier_since_2018": Sample(
        "Frontier (running top-10), 2018 to date", frontier="top10", start=RECENT_FRONTIER_START
    ),
    "language_frontier_since_2020": Sample(
        "Frontier language models (running top-10 among language models), June 2020 to date",
        frontier="top10",
        domain=LANGUAGE_DOMAINS,
        start=LANGUAGE_FRONTIER_START,
    ),
}
"""Our own headlines, on all our data."""


def frontier_on_union(models: pd.DataFrame, epoch: pd.DataFrame) -> dict:
    """How many of our frontier models since 2018 would drop out of the running top-10 if Epoch's
    notable models that we lack joined the ranking (the audit's coverage gap, fed back)."""
    ours = Sample("ours", frontier="all").select(models, **OURS)
    known = set(models.epoch_model.dropna().map(audit.normalised_name)) | set(
        models.model.map(audit.normalised_name)
    )
    theirs = Sample("theirs", frontier="all").select(epoch, **EPOCH)
    extra = theirs[~theirs.Model.map(audit.normalised_name).isin(known)]
    union = pd.DataFrame(
        {
            "model": list(ours.model) + list(extra.Model),
            "publication_date": list(ours.publication_date) + list(extra["Publication date"]),
            "training_compute_flop": list(ours.training_compute_flop)
            + list(extra["Training compute (FLOP)"]),
            "ours": [True] * len(ours) + [False] * len(extra),
        }
    )
    ranked = union.assign(released=True, domain="", confidence="")
    frontier = OUR_HEADLINES["frontier_since_2018"]
    on_union = frontier.select(ranked, **OURS)
    alone = frontier.select(models, **OURS)
    dropped = sorted(set(alone.model) - set(on_union.model[on_union.ours]))
    return {
        "union_frontier_ours": len(alone),
        "union_extra": len(extra),
        "union_dropped": len(dropped),
        "union_dropped_names": ", ".join(dropped) if dropped else "none",
        "union_joined": int((~on_union.ours).sum()),
    }


SENSITIVITY_STARTS = (2018, 2019, 2020)
"""Start years of the frontier's start-year sensitivity (the headline starts in 2018)."""


def with_epoch_values_before(models: pd.DataFrame, epoch: pd.DataFrame, before: pd.Timestamp) -> pd.DataFrame:
    """Our models with Epoch AI's compute for every model published before ``before`` that both tables
    hold (matched by ``epoch_model``), and Epoch's notable models we lack added as released rows: our
    data with the pre-``before`` frontier as Epoch's data give it."""
    values = epoch.set_index(epoch.Model.map(audit.normalised_name))["Training compute (FLOP)"]
    values = values[~values.index.duplicated()]
    matched = models.epoch_model.map(audit.normalised_name).map(values)
    early = (models.publication_date < before) & matched.notna()
    swapped = models.assign(training_compute_flop=models.training_compute_flop.where(~early, matched))
    known = set(models.epoch_model.dropna().map(audit.normalised_name)) | set(
        models.model.map(audit.normalised_name)
    )
    theirs = Sample("theirs", frontier="all").select(epoch, **EPOCH)
    extra = theirs[~theirs.Model.map(audit.normalised_name).isin(known)]
    added = pd.DataFrame(
        {
            "model": extra.Model,
            "publication_date": extra["Publication date"],
            "training_compute_flop": extra["Training compute (FLOP)"],
            "released": True,
            "domain": "",
            "confidence": "",
        }
    )
    return pd.concat([swapped, added], ignore_index=True)


def start_sensitivity(models: pd.DataFrame, epoch: pd.DataFrame) -> pd.DataFrame:
    """Frontier (running top-10) growth from each of ``SENSITIVITY_STARTS`` to May 2024: our data, Epoch
    AI's data, and ours with Epoch's values before 2018 (and its models we lack); plus ours to date."""
    swapped = with_epoch_values_before(models, epoch, RECENT_FRONTIER_START)
    rows = []
    for year in SENSITIVITY_STARTS:
        start = pd.Timestamp(f"{year}-01-01")
        window = Sample(f"Frontier from {year}", frontier="top10", start=start, end=EPOCH_WINDOW_END)
        rows.append(
            {
                "start": year,
                "ours": fit_sample(models, OURS, window),
                "epoch": fit_sample(epoch, EPOCH, window),
                "ours_epoch_before_2018": fit_sample(swapped, OURS, window),
                "ours_to_date": fit_sample(models, OURS, dataclasses.replace(window, end=None)),
            }
        )
    return pd.DataFrame(rows)


def three_columns(models: pd.DataFrame, epoch: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """For each headline: ours, Epoch's data with our code, Epoch's published figure (same window)."""
    rows = []
    for key, (sample, published_id) in HEADLINES.items():
        ours = fit_sample(models, OURS, sample)
        graded = fit_sample(models[models.confidence != "speculative"], OURS, sample)
        theirs = fit_sample(epoch, EPOCH, sample)
        figure = published.loc[published_id]
        rows.append(
            {
                "key": key,
                "sample": sample.name,
                "ours": ours,
                "ours_confident_likely": graded,
                "epoch_data_our_code": theirs,
                "published": figure,
            }
        )
    return pd.DataFrame(rows).set_index("key")


def growth_cell(fit: trends.GrowthFit, digits: int = 2, unit: str = "x/yr", count: bool = True) -> str:
    """``4.1x/yr (90% CI 3.8–4.5), n = 250`` for a table cell (``digits`` significant figures; ``unit``
    after the factor; ``count`` adds n)."""
    low, high = fit.factor_interval
    interval = f"{format_number(low, digits)}–{format_number(high, digits)}"
    text = f"{format_number(fit.factor, digits)}{unit} ({fit.level:.0%} CI {interval})"
    return text + (f", n = {fit.n}" if count else "")


def published_cell(figure: pd.Series) -> str:
    """A published growth figure with its interval, as printed."""
    return f"{figure.value:g}x/yr ({figure.ci_level:.0%} CI {figure.ci_low:g}–{figure.ci_high:g})"


def backtests(models: pd.DataFrame) -> pd.DataFrame:
    """Fit notable and frontier models up to each cutoff; share of later models inside the 90% band."""
    rows = []
    for cutoff in BACKTEST_CUTOFFS:
        for sample in (Sample("Notable models"), Sample("Frontier (running top-10)", frontier="top10")):
            selected = sample.select(models, **OURS)
            result = forecasts.backtest(selected.publication_date, selected.training_compute_flop, cutoff)
            later = selected[selected.publication_date > pd.Timestamp(cutoff)]
            rows.append(
                {
                    "cutoff": cutoff,
                    "sample": sample.name,
                    "models fitted": result["n_fit"],
                    "growth fitted (x/yr)": 10 ** result["fit"].params[1],
                    "later models": result["n_later"],
                    "share inside 90% band": result["share_inside"],
                    "share above band": result["share_above"],
                    **{
                        f"inside {level:.0%} band": share
                        for level, share in result["coverage"].items()
                        if level != 0.9
                    },
                    "median bias (OOM)": result["median_bias_oom"],
                    "mean bias (OOM)": result["bias_oom"],
                    "scatter fitted (OOM)": result["fitted_spread_oom"],
                    "scatter held out (OOM)": result["held_out_spread_oom"],
                    "growth of later models (x/yr)": trends.fit_growth(
                        later.publication_date, later.training_compute_flop
                    ).factor,
                }
            )
    return pd.DataFrame(rows)


def largest_runs(models: pd.DataFrame, count: int = 10) -> pd.DataFrame:
    """The ``count`` largest training runs in our data, with method, confidence and source."""
    top = models[models.released].nlargest(count, "training_compute_flop")
    guess = (top.compute_method == "third_party_estimate") & (top.confidence == "speculative")
    return pd.DataFrame(
        {
            "model": top.model,
            "organization": top.organization,
            "published": top.publication_date.dt.date.astype(str),
            "training compute (FLOP)": top.training_compute_flop,
            "method": top.compute_method.map(catalog.COMPUTE_METHOD_LABELS),
            "confidence": top.confidence,
            "guess": np.where(guess, "yes: a speculative outside estimate", ""),
            "source": top.source_title + " (" + top.source_url + ")",
        }
    ).reset_index(drop=True)


def load() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Our models, Epoch's notable models and the published estimates."""
    return loaders.load_models(), loaders.load_epoch_models(), loaders.load_published_estimates()


ORGANISATION_GROUPS = {
    "OpenAI": ("OpenAI",),
    "Google and DeepMind": ("Google", "Google Research", "Google Brain", "DeepMind", "Google DeepMind"),
    "Meta": ("Meta AI", "Meta", "Facebook AI", "Facebook AI Research"),
}
"""Developers whose own trends the chapter fits, each with the names its models carry in
``organization`` (Google's labs are one group, as Google DeepMind since 2023)."""


ORGANISATION_PUBLISHED = {
    "OpenAI": ("sevilla2024.growth.openai_top", "2017-08-01"),
    "Google and DeepMind": ("sevilla2024.growth.google_deepmind_top", "2012-07-01"),
    "Meta": ("sevilla2024.growth.meta_top", "2015-07-01"),
}
"""Sevilla & Roldán's per-organisation figure for each group (their Table A8) and its window's start; the
window ends in May 2024."""


def organisation_trends(models: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """Growth of each group's models (all of them, and its own running top-10), 2010 to date; and the
    running top-10 on the window of Sevilla & Roldán's per-organisation figure, beside that figure.

    A model counts for a group if any of its developers (``organization``, split on ``; ``) is one of
    the group's names; the running top-10 ranks the group's models alone, with the same burn-in.
    """
    developers = models.organization.str.split("; ")
    rows = []
    for group, names in ORGANISATION_GROUPS.items():
        own = models[developers.map(lambda listed, names=names: bool(set(listed) & set(names)))]
        figure_id, start = ORGANISATION_PUBLISHED[group]
        window = Sample(group, frontier="top10", start=pd.Timestamp(start), end=EPOCH_WINDOW_END)
        for label, sample in (
            ("all its notable models", Sample(group)),
            ("its own running top-10", Sample(group, frontier="top10")),
        ):
            fit = fit_sample(own, OURS, sample)
            top = label.startswith("its own")
            rows.append(
                {
                    "developer": group,
                    "sample": label,
                    "growth (2010 to date)": growth_cell(fit),
                    "their window, our data": growth_cell(fit_sample(own, OURS, window)) if top else "",
                    "published (Sevilla & Roldán, their window)": published_cell(published.loc[figure_id])
                    if top
                    else "",
                }
            )
    return pd.DataFrame(rows)


def yearly_medians(models: pd.DataFrame, epoch: pd.DataFrame, sample: Sample) -> pd.DataFrame:
    """Per year: models in the sample and their median log10 compute, ours beside Epoch's."""

    def summary(rows, columns):
        years = rows[columns["date"]].dt.year
        return np.log10(rows[columns["compute"]]).groupby(years).agg(["count", "median"])

    ours = summary(sample.select(models, **OURS), OURS)
    theirs = summary(sample.select(epoch, **EPOCH), EPOCH)
    table = ours.add_suffix("_ours").join(theirs.add_suffix("_epoch"), how="outer").rename_axis("year")
    table["median gap (OOM)"] = table.median_ours - table.median_epoch
    return table


HISTORICAL_CONTEXT = (
    "sevilla2022.doubling.deep_learning_era",
    "sevilla2022.doubling.large_scale_era",
    "amodei2018.doubling.largest_runs",
)
"""Earlier published doubling times, shown as context (other windows and samples, not replications)."""


def acceleration(models: pd.DataFrame, sample: Sample, level: float = 0.9) -> tuple[float, float, float]:
    """The change per year in the growth rate of ``sample`` (OOM/yr per year; positive = accelerating):
    twice the quadratic coefficient of log10 compute on the decimal year (centred), with its ``level``
    interval from seeded bootstrap resamples of models."""
    rows = sample.select(models, **OURS)
    years = trends.decimal_year(rows.publication_date)
    log_compute = np.log10(rows.training_compute_flop.to_numpy(float))
    rng = np.random.default_rng(trends.DEFAULT_SEED)
    draws = np.vstack(
        [np.arange(len(years)), rng.integers(0, len(years), (trends.DEFAULT_RESAMPLES, len(years)))]
    )
    changes = 2 * trends.polynomial_fits(years[draws] - years.mean(), log_compute[draws], 2)[:, 0]
    return float(changes[0]), *trends.percentile_interval(changes[1:], level)


TOP_N = (5, 10, 20)
"""Frontier definitions the top-N table compares (running top-N)."""


def top_n_table(models: pd.DataFrame, epoch: pd.DataFrame) -> pd.DataFrame:
    """Frontier growth under each running top-N, from 2010 and from 2018 to May 2024, on our data and on
    Epoch AI's (as Sevilla & Roldán tabulate their top-N variants)."""
    rows = []
    for count in TOP_N:
        row = {"frontier": f"running top-{count}"}
        for start in ("2010", "2018"):
            sample = Sample(
                f"top{count}",
                frontier=f"top{count}",
                start=pd.Timestamp(f"{start}-01-01"),
                end=EPOCH_WINDOW_END,
            )
            row[f"ours, {start} to May 2024"] = growth_cell(fit_sample(models, OURS, sample))
            row[f"Epoch AI's data, {start} to May 2024"] = growth_cell(fit_sample(epoch, EPOCH, sample))
        rows.append(row)
    return pd.DataFrame(rows)


def historical_context(published: pd.DataFrame) -> pd.DataFrame:
    """The earlier doubling times (months) with their growth factor per year, 2^(12 / months)."""
    rows = []
    for figure_id in HISTORICAL_CONTEXT:
        figure = published.loc[figure_id]
        has_interval = pd.notna(figure.ci_low)
        interval = f" ({figure.ci_level:.0%} CI {figure.ci_low:g}–{figure.ci_high:g})" if has_interval else ""
        rows.append(
            {
                "Figure": figure.quantity,
                "As published": f"doubling every {figure.value:g} months{interval}",
                "As growth": f"{format_number(2 ** (12 / figure.value), 2)}x/yr",
                "Source": f"{author_year(figure.source_key)}, {figure.location}",
            }
        )
    return pd.DataFrame(rows)


def frontier_growth_draws(
    models: pd.DataFrame,
    reference_year: float,
    resamples: int = trends.DEFAULT_RESAMPLES,
    seed: int = trends.DEFAULT_SEED,
) -> tuple[np.ndarray, np.ndarray]:
    """Posterior of the frontier compute trend (running top-10, 2018 to date) for other chapters.

    Returns bootstrap draws of log10 FLOP of the trend at ``reference_year`` and of its slope
    (OOM/yr): the resamples behind ``compute.growth.frontier_since_2018``.
    """
    rows = OUR_HEADLINES["frontier_since_2018"].select(models, **OURS)
    return trends.growth_draws(
        rows.publication_date, rows.training_compute_flop, reference_year, resamples, seed
    )


def language_composition(models: pd.DataFrame, epoch: pd.DataFrame, comparison: pd.DataFrame) -> pd.DataFrame:
    """The language-model rate (June 2017 to May 2024) on four samples, so data and composition separate.

    Ours and Epoch's full samples, and the models in both (joined by name as in the data audit)
    with our estimates and with Epoch's: the gap between the middle two is the estimates, the
    gaps at either end are which models each dataset holds.
    """
    sample = HEADLINES["language_2017_2024"][0]
    both = audit.join_epoch(sample.select(models, **OURS), epoch)
    both = both[both.status == "compared"]
    window = comparison.loc["language_2017_2024"]
    fits = {
        "Our language models (all)": window.ours,
        "Models in both datasets, our estimates": trends.fit_growth(both.publication_date, both.ours_flop),
        "Models in both datasets, Epoch's estimates": trends.fit_growth(
            both.publication_date, both.epoch_flop
        ),
        "Epoch's language models (all)": window.epoch_data_our_code,
    }
    return pd.DataFrame(
        {
            "sample": list(fits),
            "growth": [growth_cell(fit) for fit in fits.values()],
            "factor": [fit.factor for fit in fits.values()],
            "n": [fit.n for fit in fits.values()],
        }
    )
