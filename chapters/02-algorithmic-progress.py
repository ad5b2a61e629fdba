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
# (chapter-algorithmic-progress)=
# # How fast does the compute needed for a fixed result fall?

# %% tags=["remove-cell"]
from analysis.data import loaders
from analysis.report import charts, keynumbers, tables
from analysis.report.keynumbers import glue_text
from analysis.topics import algorithmic_progress as ap

evaluations = loaders.load_lm_evaluations()
records = loaders.load_speedrun_records()
published = loaders.load_published_estimates()
lm = ap.model.analyse_language_models(evaluations)
speedrun = ap.model.record_trend(records.date, records.minutes)
current_rules = ap.model.current_rules_trend(records)

registry = keynumbers.Registry(chapter="chapters/02-algorithmic-progress", data_through=records.date.max())
ap.facts.register_key_numbers(registry, lm, speedrun, current_rules)
registry.glue()
registry.save()
glue_text(ap.facts.summary_facts(lm, records, speedrun, current_rules, published))

# %% [markdown]
# ## Summary
#
# - **Language models.** Fitting an augmented scaling law to
#   {glue:text}`n_used` perplexity evaluations from {glue:text}`lm_years`, the
#   compute needed to reach a fixed perplexity has halved every
#   {glue:text}`algorithms.halving_time.lm_constant_rate.text` months at one
#   constant rate; {glue:text}`summary_bounds`. The interval spans a factor of
#   {glue:text}`lm_interval_width`: {glue:text}`lm_interval_verdict`. The two
#   constant-rate forms (ours and Ho et al.'s, which splits the rate between
#   parameters and data) give {glue:text}`lm_variant_spread`:
#   {glue:text}`lm_identification`. A form whose rate changes with time fits
#   held-out evaluations a little better, {glue:text}`summary_loo_verdict`; it
#   has no single halving time (its rate falls to zero in
#   {glue:text}`summary_zero_year`; see the augmented law below). {cite-number}`algorithms.halving_time.lm_constant_rate`
# - **Fixed-target records.** Under the speedrun's current timing rules
#   (since {glue:text}`current_rules_since`), the NanoGPT record time on the
#   same eight GPUs (hardware time, not compute) has halved every
#   {glue:text}`algorithms.halving_time.speedrun_current_rules.text` months.
#   Over its whole history, from {glue:text}`first_record` to
#   {glue:text}`last_record`, it halved every
#   {glue:text}`algorithms.halving_time.speedrun.text` months, an average of
#   a first phase under looser timing rules and the
#   {glue:text}`current_rules_pace` current one. {cite-number}`algorithms.halving_time.speedrun_current_rules` {cite-number}`algorithms.halving_time.speedrun`
# - **Compute versus algorithms.** Over {glue:text}`share_pair_count` pairs of an
#   early and a later evaluation, scaling compute explains a median share of
#   {glue:text}`algorithms.compute_share.lm.text` of the fall in loss; the
#   rest comes from better algorithms. {cite-number}`algorithms.compute_share.lm`
# - **Is progress accelerating?** For language models,
#   {glue:text}`lm_acceleration_verdict` (change
#   {glue:text}`lm_acceleration_oom`); the speedrun's rate of improvement
#   {glue:text}`speedrun_verdict`. {glue:text}`acceleration_answer` {cite-number}`algorithms.acceleration.speedrun_current_rules` {cite-number}`algorithms.acceleration.speedrun`

# %% tags=["remove-cell"]
glue_text(ap.facts.data_facts(evaluations, lm, records))

# %% [markdown]
# ## Data
#
# `data/lm_evaluations.csv` holds {glue:text}`n_evaluations` word-level test
# perplexities of {glue:text}`n_models` language models published
# {glue:text}`first_year`–{glue:text}`last_year`: {glue:text}`n_wikitext_103`
# on WikiText-103, {glue:text}`n_ptb` on Penn Treebank and
# {glue:text}`n_wikitext_2` on WikiText-2. Every row is read from the paper that
# reports it, with the table, the parameter count, and the training tokens with
# their arithmetic (epochs × training-set size). The law uses
# {glue:text}`n_in_law` of them. The other {glue:text}`n_excluded` stay in the
# table and are counted here: {glue:text}`n_no_tokens` whose papers do not give
# the training length, {glue:text}`n_other_method` evaluated zero-shot or with
# test-time adaptation (dynamic evaluation, a cache, retrieval), and
# {glue:text}`n_per_paper` beyond the {glue:text}`per_paper` best per paper and
# benchmark (Ho et al.'s rule, so that one paper's many ablations cannot
# dominate the fit).
#
# `data/speedrun_records.csv` holds the {glue:text}`n_records` world records of
# the public NanoGPT speedrun (modded-nanogpt): the wall-clock time on 8×H100 to
# reach a fixed validation loss on FineWeb, with what changed in each record
# and the rule notes that affect comparability. Same hardware, same target:
# the fall in time is algorithmic and systems progress together, so it measures
# 8×H100 hardware time to the target, not compute; records that overlap
# communication or fuse kernels save time without saving FLOP. We do not split
# record time into FLOP to the target and utilisation: that needs each
# record's step count and batch size from its training log, which the records
# table does not hold, so the speedrun rows stay a measure of hardware time.
#
# Ho et al.'s own evaluations are a Google Sheet that their notebook reads
# through its CSV export
# (`https://docs.google.com/spreadsheets/d/11m8O_mU0cUkOB_5wluPne4PNsuvsKNbbVAzbYNy-NXY/export?format=csv&gid=2087221150`).
# Pinning it would take a dated download with its SHA-256 in the mirror, as
# for Epoch AI's model database; the mirror our builds read does not hold it
# and the build machines have no network, so the "their data, our code" column
# is missing here. What it leaves open is whether the gap between our
# constant-rate halving time and theirs comes from the data or the method. The
# closest comparison we can make is their form on our evaluations (the
# *separate* row of the variant table).

# %% tags=["remove-cell"]
glue_text(ap.facts.method_facts(lm))

# %% [markdown]
# ## Method
#
# **Augmented scaling law.** Following Ho et al. {cite:p}`ho2024algorithmic`,
# the test loss $L = \ln(\text{perplexity})$ (nats per word) falls with
# training compute $C = 6ND$ and with time, through an *effective compute*
# $C_\text{eff} = C\,e^{g (t - t_0)}$:
# $L = E_b + A\,(C_\text{eff}/C_\text{ref})^{-\gamma}$, with a floor $E_b$ per
# benchmark. The compute needed for a fixed loss then halves every
# $\ln 2 / g$ years. Four variants are fitted: this *compute* form; an
# *accelerating* form whose rate changes linearly in time,
# $g(t) = g + h\,(t - t_0)$; Ho et al.'s *separate* form,
# $L = E_b + A N_\text{eff}^{-\alpha} + B D_\text{eff}^{-\beta}$ with
# $N_\text{eff} = N e^{g_N (t - t_0)}$ and $D_\text{eff} = D e^{g_D (t - t_0)}$,
# whose halving time under the compute-optimal allocation is
# $\ln 2 / (g_N + g_D)$; and *none*, with no progress. Each is fitted by robust
# (soft-L1) least squares from a small grid of starting points, and compared by
# leave-one-out error (lowest: the {glue:text}`preferred` form, in which
# {glue:text}`preferred_description`). The headline is the constant-rate
# (compute) form, whichever form leave-one-out prefers: a halving time names one constant rate,
# the estimand Ho et al. report; a changing rate is reported at dates instead.
# Intervals are 95% percentile intervals of {glue:text}`resamples` seeded
# bootstrap refits.
#
# **Compute versus algorithms.** A Shapley decomposition of the predicted fall
# in loss between two models into the part due to scale ($N$, $D$) and the part
# due to time (algorithms), each averaged over both orders of switching.
#
# **Fixed-target records.** An ordinary least-squares fit of $\log_{10}$ record
# time on date; the halving time is $\log_{10} 2$ divided by the rate of
# decline. Intervals: 95% percentile intervals of seeded moving-block bootstrap
# resamples of consecutive records (each record builds on the ones before it).
#
# **Is it accelerating?** Each line of evidence is refitted with a rate that
# changes linearly in time (the accelerating variant of the law; a quadratic
# term for the records), and the change in rate is reported with its interval.
# A claim of acceleration needs that interval to exclude zero.
#
# ## Results
#
# ### The augmented law

# %% tags=["hide-input"]
tables.show(
    ap.facts.variant_table(lm),
    caption="The variants of the augmented law: fit, leave-one-out error and halving time",
)

# %% tags=["remove-cell"]
charts.publish(
    ap.figures.effective_compute_chart(lm, evaluations),
    "fig-algorithmic-progress-effective-compute",
    sources=("lm_evaluations",),
)
glue_text(ap.facts.law_facts(lm))

# %% [markdown]
# ```{glue:figure} fig-algorithmic-progress-effective-compute
# :name: fig-algorithmic-progress-effective-compute
#
# Reducible loss (test loss minus the fitted floor of its benchmark) against
# effective compute at the constant-rate form's rate $g$,
# $6 N D\, e^{g (t - 2016)}$ in 2016-equivalent FLOP (the axis depends on the
# fit, so the figure shows the fit rather than independent evidence for it), for
# every evaluation in `data/lm_evaluations.csv` with known training tokens;
# colour shows the year. Hover a point for the model, benchmark and source
# table. {figure-svg}`fig-algorithmic-progress-effective-compute`
# ```
#
# The accelerating form has no single halving time: its rate gives
# {glue:text}`lm_halving_2014` in 2014, {glue:text}`lm_halving_2018` in 2018
# and {glue:text}`lm_halving_2022` in 2022, reaching zero in
# {glue:text}`lm_zero_year`; its change in rate is {glue:text}`lm_acceleration`.
# Over {glue:text}`lm_span` (first to last evaluation) it implies, net of the
# regression its fitted rate makes after reaching zero,
# {glue:text}`lm_progress_accelerating` orders of magnitude of effective
# compute from algorithms, against
# {glue:text}`lm_progress_constant` at the constant rate. It predicts held-out
# evaluations better than the constant-rate form by a paired leave-one-out z of
# {glue:text}`lm_loo_z`: {glue:text}`lm_loo_verdict`. Of the
# {glue:text}`lm_refits` bootstrap refits of the constant-rate form,
# {glue:text}`lm_at_bounds` end with a parameter at a bound of the fit
# (which parameter, in how many refits: {glue:text}`lm_bound_names`; its
# compute exponent $\gamma$, fitted at {glue:text}`lm_gamma`, spans
# {glue:text}`lm_gamma_range` over the refits), {glue:text}`lm_bounds_verdict`.
# Our evaluations
# thin out after 2019 and are mostly mid-sized research models, so any change
# of rate it shows may reflect what gets evaluated on these benchmarks rather
# than the state of the art.

# %% tags=["remove-cell"]
glue_text(ap.facts.share_facts(lm))

# %% [markdown]
# The compute share in the summary is a median over pairs, so that no single
# pair decides: each of the {glue:text}`share_anchors` earliest evaluations
# ({glue:text}`share_anchor_names`) against the evaluations of largest compute
# published after it, {glue:text}`share_pairs` pairs in all. Pair by pair the
# share runs from {glue:text}`share_min` to {glue:text}`share_max`
# ({glue:text}`share_clipped_pairs` of them at the clip of 1, where the fitted
# algorithmic contribution is negative). The early anchors are few and old, so
# the share speaks for the early-to-late span of this dataset only. Ho et al.
# report a range over their own pairs, which is the comparison in the table below.
#
# ### The speedrun

# %% tags=["remove-cell"]
speedrun_break = ap.model.speedrun_break(records)
charts.publish(
    ap.figures.speedrun_chart(records, speedrun_break),
    "fig-algorithmic-progress-speedrun",
    sources=("speedrun_records",),
)
glue_text(ap.facts.speedrun_facts(speedrun_break))
glue_text(ap.facts.rules_change_facts(records, speedrun_break))

# %% [markdown]
# ```{glue:figure} fig-algorithmic-progress-speedrun
# :name: fig-algorithmic-progress-speedrun
#
# Every world record of the NanoGPT speedrun (minutes on 8×H100 to the target
# validation loss, log scale) with the fitted log-linear trend and its 95%
# bootstrap band, and the kinked fit with one break that BIC prefers. Hover a
# record for what changed.
# {figure-svg}`fig-algorithmic-progress-speedrun`
# ```
#
# A single log-linear trend fits the records poorly: the first months brought
# the largest gains. A kinked fit puts the change at {glue:text}`speedrun_break`
# (95% CI {glue:text}`speedrun_break_ci`, from a moving-block bootstrap in
# blocks of {glue:text}`speedrun_block` records, since each builds on the last), with the record
# halving every
# {glue:text}`speedrun_halving_before` months before it and every
# {glue:text}`speedrun_halving_after` months after; BIC
# {glue:text}`speedrun_break_verdict`. The break
# {glue:text}`rules_break_verdict`: the first {glue:text}`rules_old_records`
# records, through {glue:text}`rules_last_old`, were timed with untimed
# warm-up steps and extra compiler tuning allowed, and the
# {glue:text}`rules_new_records` records since {glue:text}`rules_first_new`
# under stricter rules. The change of pace therefore mixes a rule change, a
# gap without records and diminishing returns at a fixed small target, which
# is why the summary leads with the rate under the current rules. Record 1 is
# not an optimised run but llm.c's baseline, converted from A100 to H100 time
# (see its row in the data). The speedrun is a
# different quantity from the law's: a small model, a fixed target, and a
# community optimising wall-clock time (including systems work), so its pace
# is not an estimate of progress at frontier scale.
#
# ### All estimates side by side

# %% tags=["remove-cell"]
estimates = ap.figures.estimates_frame(registry, published)
charts.publish(
    ap.figures.forest_chart(estimates),
    "fig-algorithmic-progress-estimates",
    sources=("lm_evaluations", "published_estimates"),
)

# %% [markdown]
# ```{glue:figure} fig-algorithmic-progress-estimates
# :name: fig-algorithmic-progress-estimates
#
# Halving time for a fixed result, in months (log scale): of compute, or of
# 8×H100 hardware time for the speedrun rows (not compute), from each line of
# evidence here and from published fitted
# estimates, with their intervals where one exists (claims that are not fitted
# estimates are in the context table below, not here).
# {figure-svg}`fig-algorithmic-progress-estimates`
# ```
#
# ## Comparison with published estimates

# %% tags=["hide-input"]
tables.show(
    ap.model.comparison(registry, published),
    caption="Our estimates beside the published figures that measure the same quantity",
)

# %% [markdown]
# The table holds only like-for-like figures: language-model compute-halving
# estimates and the compute share. Estimates for other tasks and circulating
# claims are context, listed below in halving months with the conversion.

# %% tags=["hide-input"]
tables.show(
    ap.facts.context_table(published),
    caption="Other published figures on algorithmic progress, converted to a halving time",
)

# %% [markdown]
# ## Limitations
#
# - **Selection and coverage.** Papers report perplexity on these benchmarks
#   for a minority of models, mostly small ones, and mostly before 2021; the law
#   says little about progress at frontier scale after that.
# - **Training tokens.** Many papers give epochs rather than tokens; rows where
#   neither is given cannot enter the law.
# - **Identification.** Effective-parameter and effective-data rates are hard
#   to separate. Whether the rate changed is not settled: the accelerating
#   form's change in rate excludes zero in its bootstrap, yet it predicts
#   held-out evaluations no better beyond noise. The constant-rate halving time
#   is better pinned than a changing rate, but many of its bootstrap refits end
#   at a bound of the fit, so even its wide interval understates the
#   uncertainty.
# - **Benchmarks age.** Tokenisation, preprocessing and evaluation details
#   differ across papers; the per-benchmark floor absorbs only a constant shift.
# - **The speedrun** measures one small model on one target, where systems
#   engineering counts as progress; rule changes are noted in the data.

# %% [markdown]
# ## The data tables this page read
#
# ```{data-tables-read}
# ```
