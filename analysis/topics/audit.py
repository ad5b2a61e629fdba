"""The data audit: our training-compute estimates against Epoch AI's, model by model.

Our rows are joined to Epoch's database by ``epoch_model`` (Epoch's name for
the model, where we recorded it) or else by a normalised name. Disagreements
beyond a factor of 3 are findings: each needs a reason in
``data/audit_notes.csv`` saying which estimate is right and why.
"""

import re

import altair as alt
import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from analysis.data import loaders, schema
from analysis.report import charts
from analysis.science import trends

AGREEMENT_FACTOR = 3.0
"""Two estimates agree when within this factor (Epoch's 'confident' band)."""

SHARE_LEVEL = 0.95


def normalised_name(name: str) -> str:
    """Lowercase letters and digits only: 'GPT-3 175B (davinci)' -> 'gpt3175bdavinci'.

    Non-Latin letters are kept, so 'PanGu-α' and 'PanGu-Σ' stay distinct.
    """
    return re.sub(r"[\W_]", "", str(name).lower())


def join_epoch(models: pd.DataFrame, epoch: pd.DataFrame) -> pd.DataFrame:
    """Each of our models with Epoch's name and compute for it, and the ratio ours / Epoch.

    ``status`` is ``compared`` (both estimates exist), ``no Epoch compute``
    (Epoch lists the model without an estimate) or ``not in Epoch``.
    ``independent`` is False for our rows that carry another group's
    estimate (``third_party_estimate``): their agreement proves nothing.
    """
    epoch = epoch.assign(key=epoch.Model.map(normalised_name)).drop_duplicates("key")
    by_key = epoch.set_index("key")
    keys = models.epoch_model.fillna(models.model).map(normalised_name)
    joined = pd.DataFrame(
        {
            "model": models.model.to_numpy(),
            "publication_date": models.publication_date.to_numpy(),
            "domain": models.domain.to_numpy(),
            "ours_flop": models.training_compute_flop.to_numpy(),
            "compute_method": models.compute_method.to_numpy(),
            "confidence": models.confidence.to_numpy(),
            "epoch_name": keys.map(by_key.Model).to_numpy(),
            "epoch_flop": keys.map(by_key["Training compute (FLOP)"]).to_numpy(),
        }
    )
    joined["ratio"] = joined.ours_flop / joined.epoch_flop
    joined["status"] = np.select(
        [joined.epoch_flop.notna(), joined.epoch_name.notna()],
        ["compared", "no Epoch compute"],
        default="not in Epoch",
    )
    joined["independent"] = joined.compute_method.ne("third_party_estimate")
    joined["agrees"] = joined.ratio.between(1 / AGREEMENT_FACTOR, AGREEMENT_FACTOR)
    return joined


def agreement_share(joined: pd.DataFrame) -> dict:
    """Share of independently estimated, compared models within 3x of Epoch, with a Wilson interval."""
    compared = joined[(joined.status == "compared") & joined.independent]
    agreeing = int(compared.agrees.sum())
    low, high = proportion_confint(agreeing, len(compared), alpha=1 - SHARE_LEVEL, method="wilson")
    return {
        "share": agreeing / len(compared),
        "low": float(low),
        "high": float(high),
        "agreeing": agreeing,
        "compared": len(compared),
        "level": SHARE_LEVEL,
    }


def disagreements(joined: pd.DataFrame) -> pd.DataFrame:
    """Every compared model outside 3x of Epoch, with our reason from ``data/audit_notes.csv``.

    Raises ``DataError`` naming each disagreement that has no reason, and each
    reason whose model no longer disagrees, so the audit cannot go stale.
    """
    notes = loaders.load_audit_notes()
    outside = joined[(joined.status == "compared") & ~joined.agrees].copy()
    outside["reason"] = outside.model.map(notes.reason)
    outside["difference"] = outside.model.map(notes.difference)
    outside["better_estimate"] = outside.model.map(notes.better_estimate).where(
        outside.difference != "convention", "none: a convention"
    )
    problems = [
        f"data/audit_notes.csv: no reason for '{model}', whose compute is {ratio:.3g}x Epoch's"
        for model, ratio in zip(
            outside.model[outside.reason.isna()], outside.ratio[outside.reason.isna()], strict=True
        )
    ]
    stale = sorted(set(notes.index) - set(outside.model))
    problems += [f"data/audit_notes.csv: '{model}' no longer disagrees with Epoch by >3x" for model in stale]
    if problems:
        raise schema.DataError(problems)
    return outside.sort_values("ratio")


def ratio_chart(joined: pd.DataFrame):
    """Our compute against Epoch's for every compared model, with the 3x agreement band."""
    compared = joined[joined.status == "compared"].assign(
        agreement=lambda frame: np.where(frame.agrees, "within 3x", "outside 3x"),
        estimate=lambda frame: np.where(frame.independent, "our own estimate", "another group's estimate"),
    )
    low = float(min(compared.ours_flop.min(), compared.epoch_flop.min()))
    high = float(max(compared.ours_flop.max(), compared.epoch_flop.max()))
    band = pd.DataFrame({"epoch_flop": [low, high]}).assign(
        ours_flop=lambda frame: frame.epoch_flop,
        low=lambda frame: frame.epoch_flop / AGREEMENT_FACTOR,
        high=lambda frame: frame.epoch_flop * AGREEMENT_FACTOR,
    )
    x = alt.X("epoch_flop:Q", **charts.log_axis("Epoch AI's estimate (FLOP)", low, high))
    y_axis = charts.log_axis("Our estimate (FLOP)", low / AGREEMENT_FACTOR, high * AGREEMENT_FACTOR)
    shade = (
        alt.Chart(band)
        .mark_area(opacity=0.15, color="#009E73")
        .encode(x=x, y=alt.Y("low:Q", **y_axis), y2="high:Q")
    )
    points = (
        alt.Chart(compared)
        .mark_point(size=40)
        .encode(
            x=x,
            y=alt.Y("ours_flop:Q", **y_axis),
            color=alt.Color("agreement:N", title="Agreement", legend=alt.Legend(orient="bottom")),
            shape=alt.Shape("estimate:N", title="Our value", legend=alt.Legend(orient="bottom")),
            tooltip=[
                alt.Tooltip("model:N", title="model"),
                alt.Tooltip("epoch_name:N", title="Epoch's name"),
                alt.Tooltip("ours_flop:Q", title="ours (FLOP)", format=".3~e"),
                alt.Tooltip("epoch_flop:Q", title="Epoch (FLOP)", format=".3~e"),
                alt.Tooltip("ratio:Q", title="ours / Epoch", format=".3~g"),
                alt.Tooltip("compute_method:N", title="our method"),
            ],
        )
    )
    return (alt.layer(shade, points)).properties(title="Our training-compute estimates against Epoch AI's")


def missing_frontier(models: pd.DataFrame, epoch: pd.DataFrame, since: str = "2015-01-01") -> pd.DataFrame:
    """Epoch's frontier models (running top-10 at release, since ``since``) that we lack.

    The frontier is computed on Epoch's notable models with a compute
    estimate, from 2010 so the running ranking has a history.
    """
    rows = epoch[epoch["Training compute (FLOP)"].notna() & (epoch["Publication date"] >= "2010-01-01")]
    frontier = rows[
        trends.running_top_n_in_window(rows["Publication date"], rows["Training compute (FLOP)"], 10, since)
    ]
    ours = set(models.epoch_model.dropna().map(normalised_name)) | set(models.model.map(normalised_name))
    missing = frontier[~frontier.Model.map(normalised_name).isin(ours)]
    notes = loaders.load_missing_frontier_notes()
    problems = [
        f"data/missing_frontier_notes.csv: no note for Epoch's frontier model '{name}', which we lack"
        for name in sorted(set(missing.Model) - set(notes.index))
    ] + [
        f"data/missing_frontier_notes.csv: '{name}' is no longer a missing frontier model"
        for name in sorted(set(notes.index) - set(missing.Model))
    ]
    if problems:
        raise schema.DataError(problems)
    return pd.DataFrame(
        {
            "Epoch's name": missing.Model,
            "organization": missing.Organization,
            "published": missing["Publication date"].dt.date.astype(str),
            "Epoch's estimate (FLOP)": missing["Training compute (FLOP)"],
            "why we lack it": missing.Model.map(notes.status),
            "what the source gives": missing.Model.map(notes.reason),
        }
    ).reset_index(drop=True)


def second_reading(outside: pd.DataFrame) -> pd.DataFrame:
    """Each blind second estimate beside ours and Epoch's, and which of the two it lies closer to
    (in log10 distance; within a factor of 1.5 of both counts as neither)."""
    second = loaders.load_audit_second_reading()
    rows = outside.set_index("model").loc[second.index]
    ours, theirs, blind = rows.ours_flop, rows.epoch_flop, second.flop
    to_ours = np.abs(np.log10(blind / ours))
    to_epoch = np.abs(np.log10(blind / theirs))
    closer = np.where(
        (to_ours < np.log10(1.5)) & (to_epoch < np.log10(1.5)),
        "neither",
        np.where(to_ours < to_epoch, "ours", "Epoch's"),
    )
    return pd.DataFrame(
        {
            "model": second.index,
            "ours (FLOP)": ours.to_numpy(),
            "Epoch (FLOP)": theirs.to_numpy(),
            "second reading (FLOP)": blind.to_numpy(),
            "its method": second.method.to_numpy(),
            "closer to": closer,
            "our verdict": rows.better_estimate.to_numpy(),
            "verdict from this reading": rows.reason.str.contains("blind", case=False).to_numpy(),
        }
    ).reset_index(drop=True)


def second_reading_facts(table: pd.DataFrame) -> dict:
    """How often the blind estimate sides with ours, with Epoch's, and with our verdict (``blind_*``); a
    verdict the blind reading itself decided (its reason cites it) is left out of the agreement count."""
    sided = table[table["closer to"] != "neither"]
    agrees = ((sided["closer to"] == "ours") & (sided["our verdict"] == "ours")) | (
        (sided["closer to"] == "Epoch's") & (sided["our verdict"] == "Epoch")
    )
    own = sided["verdict from this reading"].astype(bool)
    decided = (sided["our verdict"] != "both plausible") & ~own
    return {
        "blind_n": len(table),
        "blind_ours": int((table["closer to"] == "ours").sum()),
        "blind_epoch": int((table["closer to"] == "Epoch's").sum()),
        "blind_decided": int(decided.sum()),
        "blind_confirms": int((agrees & decided).sum()),
        "blind_own": int(own.sum()),
    }


def register_key_numbers(registry, share: dict) -> None:
    """Register the share of our independent estimates within 3x of Epoch AI's, with its Wilson interval."""
    registry.register(
        "compute.audit.share_within_3x",
        share["share"],
        (share["low"], share["high"]),
        share["level"],
        "dimensionless",
        "Share of our independently estimated models whose training compute is within 3x of Epoch AI's "
        "estimate",
        f"{share['agreeing']} of {share['compared']} models joined by name to Epoch's database; "
        "Wilson score interval",
    )


def verdict_counts(outside: pd.DataFrame) -> dict:
    """Who is more credible, counted over the disagreements that are not conventions (a convention has
    no right answer, so it gets no verdict): ours, Epoch's, both plausible (``n_*``), and the sentence
    that reads them without favouring either side (``verdict_balance``)."""
    judged = outside[outside.difference != "convention"]
    ours = int((judged.better_estimate == "ours").sum())
    epoch = int((judged.better_estimate == "Epoch").sum())
    if ours > epoch:
        balance = "our reading favours our own estimates more often than Epoch's"
    elif epoch > ours:
        balance = "our reading favours Epoch's estimates more often than our own"
    else:
        balance = "our reading favours each side equally often"
    return {
        "n_judged": len(judged),
        "n_ours_better": ours,
        "n_epoch_better": epoch,
        "n_both": int((judged.better_estimate == "both plausible").sum()),
        "verdict_balance": balance,
    }


def summary_facts(joined: pd.DataFrame, share: dict, outside: pd.DataFrame) -> dict:
    """The page's counts: models joined, compared, left out and why, disagreements and who is right."""
    counts = joined.status.value_counts()
    return {
        "share_percent": f"{share['share']:.0%} (95% CI {share['low']:.0%}–{share['high']:.0%})",
        "n_ours": len(joined),
        "n_compared": int(counts.get("compared", 0)),
        "n_not_in_epoch": int(counts.get("not in Epoch", 0)),
        "n_no_epoch_compute": int(counts.get("no Epoch compute", 0)),
        "n_independent": share["compared"],
        "n_outside": len(outside),
        "n_third_party": int(((joined.status == "compared") & ~joined.independent).sum()),
        **verdict_counts(outside),
        "n_convention": int((outside.difference == "convention").sum()),
        "n_different_run": int((outside.difference == "different run").sum()),
        "n_inputs": int((outside.difference == "inputs").sum()),
    }
