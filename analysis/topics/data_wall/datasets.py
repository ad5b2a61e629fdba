"""The data-wall chapter's datasets: which language models count, and at what size.

A training set counts at its unique size (one pass): the training tokens unless the training made
several passes over a smaller set (``data/dataset_passes.csv``), as Villalobos et al.'s own dataset
sizes count them; each training set counts once. Tokens; dates as timestamps.
"""

import numpy as np
import pandas as pd

from analysis.science import trends
from analysis.topics import compute_trends

DATASET_START = pd.Timestamp("2010-01-01")
"""Dataset-growth fits start here, as Villalobos et al.'s does."""


TOP_DATASETS = 5
"""The frontier of datasets: the running top-5 by unique tokens."""


def language_rows(models: pd.DataFrame) -> pd.DataFrame:
    """Released language (and multimodal language) models since 2010 with a published training-token
    count."""
    rows = models[
        models.released
        & models.domain.isin(compute_trends.model.LANGUAGE_DOMAINS)
        & models.training_tokens.notna()
    ]
    return rows[rows.publication_date >= DATASET_START]


def multi_pass(rows: pd.DataFrame, passes: pd.DataFrame, bytes_per_token: float) -> pd.DataFrame:
    """The rows of ``rows`` whose training made several passes over its data (``data/dataset_passes.csv``):
    tokens seen, the unique size of the training set (tokens) and how it was found: the source's
    token count, else its printed bytes over ``bytes_per_token``; empty where the source gives
    neither (the row is then left out of the dataset series)."""
    several = passes[passes.passes.eq("several") & passes.index.isin(rows.index)]
    from_bytes = several.printed_unit.eq("bytes") & several.dataset_tokens.isna()
    unique = several.dataset_tokens.where(~from_bytes, several.dataset_size_as_printed / bytes_per_token)
    given = several.dataset_tokens.notna()
    as_printed = given & several.dataset_tokens.eq(several.dataset_size_as_printed)
    basis = np.select(
        [
            as_printed & several.printed_unit.eq("tokens"),
            as_printed & several.printed_unit.eq("words"),
            given,
            from_bytes,
        ],
        [
            "printed tokens",
            "printed words of a word-level model, a token per word",
            "tokens derived in data/dataset_passes.csv (see its derivation)",
            f"printed bytes / {bytes_per_token:g} bytes per token",
        ],
        "no unique size in the source: left out",
    )
    return pd.DataFrame(
        {
            "model": several.index,
            "tokens seen": rows.training_tokens.reindex(several.index).to_numpy(),
            "unique tokens": unique.to_numpy(),
            "passes": (rows.training_tokens.reindex(several.index) / unique).to_numpy(),
            "basis": basis,
        },
        index=several.index,
    )


def language_datasets(models: pd.DataFrame, passes: pd.DataFrame, bytes_per_token: float) -> pd.DataFrame:
    """Released language (and multimodal language) models since 2010 with a published training-token
    count, with ``dataset_tokens``, the unique size of the training set: the training tokens (one
    pass) unless the training made several passes (``multi_pass``), as Villalobos et al.'s own dataset
    sizes count them, and ``passes`` as checked (one, several, unclear; empty if not checked). A
    several-pass row with no unique size in its source is left out, and so is a row whose corpus an
    earlier row already counts (``same_corpus``)."""
    rows = language_rows(models)
    repeated = multi_pass(rows, passes, bytes_per_token)
    unique = rows.training_tokens.copy()
    unique[repeated.index] = repeated["unique tokens"]
    checked = passes.passes.reindex(rows.index)
    rows = rows.assign(dataset_tokens=unique, passes=checked)[unique.notna()]
    return rows[~same_corpus(rows)]


FINE_TUNE = r"fine-tun|finetun"
"""How a row's notes say it is a fine-tune of another model (which reads its base's corpus)."""


def same_corpus(rows: pd.DataFrame) -> pd.Series:
    """Rows whose training set is one an earlier row already counts: the same developer and the same
    unique size (a family trained on one corpus), or the same size as an earlier row of any developer
    for a fine-tune (its notes say so, or its name says Instruct). One point per training dataset."""
    ordered = rows.iloc[np.lexsort((rows.model.to_numpy(), rows.publication_date.to_numpy()))]
    family = ordered.duplicated(["organization", "dataset_tokens"], keep="first")
    tuned = ordered.notes.fillna("").str.contains(FINE_TUNE, case=False) | ordered.model.str.contains(
        "Instruct"
    )
    inherited = ordered.duplicated(["dataset_tokens"], keep="first") & tuned
    return (family | inherited).reindex(rows.index)


def top_datasets(rows: pd.DataFrame) -> pd.DataFrame:
    """The running top-5 datasets: among the five largest (unique tokens) released up to their own date."""
    return rows[trends.running_top_n(rows.publication_date, rows.dataset_tokens, TOP_DATASETS)]


def running_largest(rows: pd.DataFrame, when: pd.Timestamp) -> pd.Series:
    """The language model with the largest training set (unique tokens) published up to ``when``."""
    published = rows[rows.publication_date <= when]
    return published.sort_values(["dataset_tokens", "publication_date"], ascending=[False, True]).iloc[0]
