# ---
# jupyter:
#   jupytext:
#     default_lexer: ipython3
#     formats: md:myst,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# (data-audit)=
# # Data audit: our compute estimates against Epoch AI's

# %% tags=["remove-cell"]
from analysis.data import loaders
from analysis.report import charts, keynumbers, tables
from analysis.report.keynumbers import glue_text
from analysis.topics import audit

models = loaders.load_models()
joined = audit.join_epoch(models, loaders.load_epoch_models("all_ai_models.csv"))
share = audit.agreement_share(joined)
outside = audit.disagreements(joined)

registry = keynumbers.Registry(chapter="appendix/data-audit", data_through=models.publication_date.max())
audit.register_key_numbers(registry, share)
registry.glue()
registry.save()
glue_text(audit.summary_facts(joined, share, outside))

# %% [markdown]
# ## Summary
#
# Of our {glue:text}`n_ours` models, {glue:text}`n_compared` also have a
# training-compute estimate in Epoch AI's database {cite:p}`epoch2026models`.
# Of the {glue:text}`n_independent` whose value we estimated ourselves,
# {glue:text}`share_percent` agree with Epoch's within a factor of 3 (the width of Epoch's *confident* grade). The
# {glue:text}`n_outside` disagreements are listed below by kind:
# {glue:text}`n_convention` are differences of convention (what counts as
# training compute: self-play data generation, ensemble members, a reused
# backbone's pre-training), which no source can settle and which one
# dataset-wide convention would remove; {glue:text}`n_different_run` compare
# different runs of the same paper; {glue:text}`n_inputs` estimate the same
# run from different inputs or assumptions. Conventions get no verdict. Of
# the other {glue:text}`n_judged`, we judge ours the more credible in
# {glue:text}`n_ours_better`, Epoch's in {glue:text}`n_epoch_better` (where ours
# rests on an input we could not re-read, or a blind second reading lands
# nearer Epoch's) and both plausible in {glue:text}`n_both`: {glue:text}`verdict_balance`.
# These verdicts are our own reading, by the authors of one side; ten have been
# re-derived blind, below.
#
# ## Data
#
# Our rows: `data/models.csv`. Epoch's: the `all_ai_models.csv` member of
# their "Data on AI Models" bundle (snapshot 2026-03-30, CC BY 4.0), fetched by
# `analysis.data.sources` with a pinned hash and never copied into `data/`.
# epoch.ai serves only the current bundle, so the dated one is pinned from a
# third party's commit of it (Georgetown CSET's `aixbiodata` repository), whose
# file the mirror's README shows to be Epoch's own download unchanged.
#
# ## Method
#
# Rows are joined on the model's name in Epoch's database, which we record in
# the `epoch_model` column where it differs from ours, or else on the name with
# case, spaces and punctuation removed. {glue:text}`n_not_in_epoch` of our
# models have no match and {glue:text}`n_no_epoch_compute` match a model
# without an Epoch estimate. The {glue:text}`n_third_party` matched rows where
# our value *is* another group's estimate are shown but left out of the
# agreement share, since their agreement proves nothing. The interval on the
# share is a 95% Wilson score interval. Every disagreement beyond 3x must have
# an entry in `data/audit_notes.csv`; the page fails to build otherwise.
#
# ## Results

# %% tags=["remove-cell"]
charts.publish(audit.ratio_chart(joined), "fig-audit-ours-vs-epoch", sources=("models", "epoch_ai_models"))
glue_text({"median_ratio": float(joined.ratio[joined.status == "compared"].median())})

# %% [markdown]
# ```{glue:figure} fig-audit-ours-vs-epoch
# :name: fig-audit-ours-vs-epoch
#
# Our training-compute estimate against Epoch AI's for every model in both
# datasets (log scales); the shaded band is agreement within 3x. The median
# ratio (ours / Epoch) is {glue:text}`median_ratio`.
# {figure-svg}`fig-audit-ours-vs-epoch`
# ```
#
# ### Every disagreement beyond 3x

# %% tags=["hide-input"]
columns = [
    "difference",
    "model",
    "epoch_name",
    "ours_flop",
    "epoch_flop",
    "ratio",
    "better_estimate",
    "reason",
]
tables.show(
    outside.sort_values(["difference", "model"])[columns].rename(
        columns={
            "epoch_name": "Epoch's name",
            "ours_flop": "ours (FLOP)",
            "epoch_flop": "Epoch (FLOP)",
            "ratio": "ours / Epoch",
            "better_estimate": "more credible",
        }
    ),
    caption="Every model where our compute and Epoch AI's differ by more than 3x",
)

# %% [markdown]
# ### A second, blind reading

# %% tags=["hide-input"]
second = audit.second_reading(outside)
glue_text(audit.second_reading_facts(second))
tables.show(second, caption="A second, blind reading of disagreements about inputs")

# %% [markdown]
# For {glue:text}`blind_n` of the disagreements about inputs, a second
# analyst estimated the training compute again from the primary source without
# seeing our value or Epoch's (`data/audit_second_reading.csv`, with every
# input and where it was read). The second analyst works the way our rows were
# written (operation counts first, a stated utilisation otherwise), so this is
# a check of our reading of the papers, not an independent method. The second reading lies closer to ours in
# {glue:text}`blind_ours` cases and to Epoch's in {glue:text}`blind_epoch`;
# of the {glue:text}`blind_decided` where we had judged one estimate the more
# credible before this reading, it sides with that judgement in
# {glue:text}`blind_confirms` (the {glue:text}`blind_own` verdicts this reading
# itself decided are left out of that count).

# %% tags=["remove-cell"]
missing = audit.missing_frontier(models, loaders.load_epoch_models())
glue_text({"n_missing_frontier": len(missing)})

# %% [markdown]
# ### Coverage of the frontier
#
# Computing the running top-10 on Epoch's notable models, since 2015 there are
# {glue:text}`n_missing_frontier` frontier models we do not have (by name). Each
# has a note in `data/missing_frontier_notes.csv` saying why: a primary source
# not yet read (the next rows to write), no published figures or estimate, a
# run that never happened, or a later snapshot of a run we have. The page fails
# to build if a missing model has no note:

# %% tags=["hide-input"]
tables.show(missing, caption="Frontier models in Epoch AI's data that ours lacks, and why")

# %% [markdown]
# ## Comparison with published estimates
#
# This page compares datasets, not published trend figures; the trends built
# on each dataset are compared in {ref}`chapter-compute-trends`.
#
# ## Limitations
#
# - Name matching can miss a model Epoch lists under another name; unmatched
#   rows are counted, not dropped.
# - Agreement within 3x is a loose test: two estimates built the same way from
#   the same paper will agree even if both are wrong.
# - Epoch's database changes; this audit is of one dated snapshot.

# %% [markdown]
# ## The data tables this page read
#
# ```{data-tables-read}
# ```
