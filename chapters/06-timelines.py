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
# (chapter-timelines)=
# # How large will training runs be by 2030, and what stops them?

# %% tags=["remove-cell"]
from analysis.data import catalog, loaders
from analysis.report import charts, keynumbers, tables
from analysis.report.keynumbers import glue_text
from analysis.topics import scorecard
from analysis.topics import timelines as tl

published = loaders.load_published_estimates()
constraints = loaders.load_constraint_inputs()
correlations = loaders.load_constraint_correlations(constraints)
models = loaders.load_models()
inputs = (
    loaders.load_hardware(),
    loaders.load_power_cost_inputs(),
    constraints,
    correlations,
    loaders.load_text_stock_inputs(),
    loaders.load_epoch_ml_hardware(),
    loaders.load_epoch_hardware_prices(),
    published,
)
result = tl.model.analyse(models, *inputs)
earlier = tl.model.analyse(models[models.publication_date <= tl.cutoff_check.EARLIER_CUTOFF], *inputs)
earlier_forecasts = tl.cutoff_check.earlier_forecasts(earlier)
registry = keynumbers.Registry(chapter="chapters/06-timelines", data_through=models.publication_date.max())
tl.facts.register_key_numbers(registry, result)
registry.add_forecasts(earlier_forecasts)
registry.glue()
registry.save()
glue_text(tl.facts.summary_facts(result, published))
band = tl.model.specification_band(models, loaders.load_epoch_models())
glue_text(tl.facts.band_summary_facts(band))

# %% [markdown]
# ## Summary
#
# - **Constrained (headline).** The joint simulation runs the largest training
#   run year by year: the frontier trend, bent by the 2030 ceilings of power,
#   chips, data, latency and spend (a ceiling path from today's record to the
#   lowest of them, draw by draw). In 2030 the largest run uses
#   {glue:text}`timelines.largest_run_2030.constrained.flop.text` FLOP, drawing
#   {glue:text}`summary_constrained_gw` from the grid and costing
#   {glue:text}`summary_constrained_usd` (amortised). Sevilla et al.
#   {cite:p}`sevilla2024can` find {glue:text}`summary_sevilla_feasible` FLOP
#   "likely feasible". The ceiling that binds first is
#   {glue:text}`summary_binding`, in
#   {glue:text}`timelines.binding_constraint.power_share` of the draws, then
#   {glue:text}`summary_second` ({glue:text}`summary_second_share`). {cite-number}`timelines.largest_run_2030.constrained.flop` {cite-number}`timelines.largest_run_2030.constrained.power_w` {cite-number}`timelines.largest_run_2030.constrained.cost_usd`
# - **Unconstrained (scenario).** The frontier runs of the last eight years
#   (since {glue:text}`summary_window_start`) grew by
#   {glue:text}`summary_growth` a year. If that held with no ceiling, the
#   largest run in 2030 would use
#   {glue:text}`timelines.largest_run_2030.unconstrained.flop.text` FLOP and
#   need {glue:text}`summary_unconstrained_gw` and
#   {glue:text}`summary_unconstrained_usd`. Fitted to our data with other
#   windows, record-setters only or without speculative rows, the 2030 median
#   runs {glue:text}`summary_band` FLOP; on Epoch AI's data it is
#   {glue:text}`summary_epoch_data_2030`. {cite-number}`timelines.largest_run_2030.unconstrained.flop` {cite-number}`timelines.largest_run_2030.unconstrained.power_w` {cite-number}`timelines.largest_run_2030.unconstrained.cost_usd`
# - **Effective compute.** With algorithmic gains, the constrained 2030 run is
#   worth {glue:text}`timelines.effective_compute_2030.constrained.gpt4_multiple.text`
#   times GPT-4's training compute, if Ho et al.'s halving time (pre-training
#   perplexity, 2012–2023) holds to 2030 for far larger runs: an assumption,
#   so the interval is a floor on the uncertainty. {cite-number}`timelines.effective_compute_2030.constrained.gpt4_multiple`
# - **Thresholds.** On the constrained path the largest run passes 1e28 FLOP
#   in {glue:text}`timelines.threshold_year.constrained.1e28.text` and 1e29 in
#   {glue:text}`timelines.threshold_year.constrained.1e29.text`; unconstrained,
#   in {glue:text}`timelines.threshold_year.unconstrained.1e28.text` and
#   {glue:text}`timelines.threshold_year.unconstrained.1e29.text`. {cite-number}`timelines.threshold_year.constrained.1e28` {cite-number}`timelines.threshold_year.constrained.1e29` {cite-number}`timelines.threshold_year.unconstrained.1e29`
# - **Calibration.** Run from past cutoffs, the projection's 90% intervals held
#   the record that came next in {glue:text}`summary_raw_coverage` of
#   backtests. We would have widened them had they held it too rarely; the
#   factor applied is {glue:text}`summary_widening` (one means unchanged), and
#   {glue:text}`timelines.backtest.coverage_90` of backtests then fall inside
#   the 90% interval.

# %% tags=["remove-cell"]
glue_text(tl.facts.halving_facts(published))

# %% [markdown]
# ## Data
#
# Every posterior comes from the chapter that fits it, through `analysis`: the
# frontier runs of `data/models.csv` (compute chapter), the power chapter's
# server overhead, PUE and chip-efficiency trend, the data-wall chapter's
# effective text stock, and the Chinchilla chapter's compute-optimal allocation.
# The remaining assumptions are in `data/constraint_inputs.csv`, each a range
# read in its source (mostly Sevilla et al. {cite:p}`sevilla2024can`, whose
# ranges are 80% intervals and are drawn as such, normal or log-normal), and
# the rank correlations Sevilla et al. induce between them (their Table 1) are
# in `data/constraint_correlations.csv` (second table). The algorithmic
# halving time is Ho et al.'s published estimate {cite:p}`ho2024algorithmic` as the NeurIPS 2024 version
# prints it ({glue:text}`halving_published`), drawn through its point estimate
# and interval ends: our own is too wide to inform (see the
# algorithmic-progress chapter).

# %% tags=["hide-input"]
tables.show(
    loaders.load_constraint_inputs()[
        ["quantity", "low", "median", "high", "unit", "distribution", "source_title"]
    ]
    .assign(distribution=lambda frame: frame.distribution.map(catalog.DISTRIBUTION_LABELS))
    .rename(columns={"source_title": "source"}),
    caption="The inputs of the joint simulation, read from Sevilla et al. (2024)",
)

# %% tags=["hide-input"]
tables.show(
    correlations[["parameter_a", "parameter_b", "spearman_rho", "input_a", "input_b"]]
    .replace(loaders.load_constraint_inputs().set_index("key").quantity.to_dict())
    .rename(
        columns={
            "parameter_a": "Sevilla et al.'s parameter",
            "parameter_b": "correlated with",
            "spearman_rho": "Spearman's rho",
            "input_a": "our input",
            "input_b": "our other input",
        }
    ),
    caption="Correlations between the inputs, from Sevilla et al. (2024)",
)

# %% [markdown]
# ## Method
#
# **Projection.** We fit the frontier runs (the ten largest by compute at
# their release) of the trailing eight years by OLS of log10 compute on date,
# with bootstrap resamples of runs. The largest run stands above that trend line
# by an amount that has varied, so each draw adds the distance by which the
# record stood above the line at a randomly drawn past date, never falling below
# today's record. The trend line itself and today's record carried forward at
# the trend's rate are shown beside it.
#
# **Calibration.** From each past cutoff the same method sees only the runs
# published before it and projects the largest run two and four years ahead.
# The rule widens the projection's log spread only if its 80% interval covers
# significantly fewer than 80% of backtests (below a binomial's 5th
# percentile), and then by the smallest factor up to two that removes the
# shortfall.

# %% tags=["remove-cell"]
glue_text(tl.facts.correlation_facts(result))

# %% [markdown]
# **Ceilings.** Each ceiling is the compute a run could do in 2030 if that were
# the only limit; for power, chips and spend,
#
# > compute = R × u × T × g,
#
# where R is the FLOP/s the constraint allows, u utilisation, T the run's
# length and g the gain from 8-bit training. For power, R is the
# power one run can draw times training FLOP per joule in 2030 (the H100's
# 16-bit peak over its TDP, server overhead and PUE, improved along the
# chip-efficiency trend); as in Sevilla et al. (their footnotes 45 and 46) that
# power is the larger of one campus and a geographically distributed network,
# the latter capped by inter-data-centre bandwidth, and one campus alone is
# shown as a scenario. For chips, R is the H100-equivalents available to the
# largest run times the H100's peak. For spend, it is the H100-equivalents a
# cluster budget buys at 2030 prices (the price falling at the power chapter's
# price-performance rate). The data ceiling is the compute whose
# compute-optimal dataset (one Chinchilla bootstrap law per draw) is the whole
# effective stock of 2030 times a multimodal factor; the latency wall is
# Sevilla et al.'s range drawn as given, so it agrees with theirs by
# construction. Inputs with a printed median are drawn through it and their
# range's ends (the 10th and 90th percentiles). As in Sevilla et al., the
# inputs are paired across draws by a Gaussian copula with their rank
# correlations (a longer run goes with faster power and chip growth and slower
# hardware improvement); their three correlations between data stocks have no
# counterpart here, as our data ceiling draws one multimodal factor. Drawn
# independently instead, the constrained 2030 run would be
# {glue:text}`independent_2030` FLOP (median; {glue:text}`correlated_2030`
# with the correlations).
#
# **One simulation.** Chapters 4, 5 and 6 read their 2030 numbers from the
# same draws: the unconstrained path (the projection above), a ceiling path
# from today's record to each draw's lowest 2030 ceiling (log-linear, never
# below the record), and the constrained path, the smaller of the two. Each
# path's power is its compute over the run length and achieved FLOP per joule;
# its cost is its compute over FLOP per dollar (the power chapter's cost model
# on the H100); its tokens come from the Chinchilla bootstrap.
#
# ## Results
#
# ### The largest run to 2035

# %% tags=["remove-cell"]
glue_text(tl.facts.projection_facts(result))
glue_text(tl.facts.band_facts(result, band))
ceilings = tl.model.ceiling_frame(result, published)
charts.publish(
    tl.figures.fan_chart(result, ceilings),
    "fig-timelines-fan",
    sources=("models", "constraint_inputs", "constraint_correlations", "published_estimates"),
)

# %% [markdown]
# Fitted on {glue:text}`n_runs` frontier runs, the trend line alone reaches
# {glue:text}`trend_2030` in 2030 and today's record carried forward
# {glue:text}`record_2030`. By 2035 the unconstrained median is
# {glue:text}`largest_2035`.
#
# **Specification band.** The unconstrained projection depends on which runs
# it is fitted to. Over {glue:text}`band_n` specifications (windows, record-
# setters only, without speculative rows, Epoch AI's data) its 2030 median
# runs from {glue:text}`band_low` to {glue:text}`band_high` FLOP; on Epoch
# AI's data it is {glue:text}`epoch_data_2030`. The default (our data, the
# running top-10 of the trailing eight years) ranks {glue:text}`band_rank`. It
# stays the default because it is the specification the calibration below
# backtests (the band's rows use fewer draws, so the default row's interval
# differs slightly from the headline's); the headline is the constrained run:
# {glue:text}`band_verdict`.
#
# ```{glue:figure} fig-timelines-fan
# :name: fig-timelines-fan
#
# The largest training run to 2035 on the constrained path (the headline, its
# median and 90% band) and unconstrained (its median), beside the trend line and the
# record carried forward, the frontier runs they are fitted to, and the power
# and chip ceilings of 2030 (median and 90% interval; every ceiling is in the
# table under the ceilings figure). {figure-svg}`fig-timelines-fan`
# ```

# %% tags=["hide-input"]
tables.show(band, significant=2, caption="The largest run in 2030 under each specification")

# %% tags=["hide-input"]
tables.show(
    tl.facts.three_columns(result, band, published),
    caption="The largest run in 2030: ours, Epoch AI's data through our code, and as published",
)

# %% [markdown]
# ### Calibration

# %% tags=["remove-cell"]
glue_text(tl.facts.calibration_facts(result))
charts.publish(
    tl.figures.calibration_chart(result.backtest_raw, result.backtest, result.widening),
    "fig-timelines-calibration",
    sources=("models",),
)

# %% [markdown]
# Over {glue:text}`n_backtests` backtests, {glue:text}`raw_coverage_90` of
# realised records fell inside the 90% interval and
# {glue:text}`raw_coverage_50` inside the 50% one: the record fell inside the
# 90% interval {glue:text}`raw_verdict`. By the rule,
# {glue:text}`calibration_outcome` (80% coverage then
# {glue:text}`wide_coverage_80`). The misses: {glue:text}`misses`. Each
# cutoff fits only the frontier runs of the eight years before it, as the
# projection does. Before widening, the realised record came in at
# {glue:text}`backtest_bias` times the projection's median on average, and its
# mean PIT (the share of draws below what happened; one half if unbiased) was
# {glue:text}`backtest_pit`.
#
# ```{glue:figure} fig-timelines-calibration
# :name: fig-timelines-calibration
#
# Share of backtests whose realised record fell inside the projection's 50%,
# 80% and 90% intervals (with 90% Jeffreys intervals), as fitted and after the
# rule; the dashed line is perfect calibration. {figure-svg}`fig-timelines-calibration`
# ```

# %% tags=["hide-input"]
tables.show(
    tl.facts.backtest_table(result),
    significant=2,
    caption="Backtests of the projection of the largest run, cutoff by cutoff",
)

# %% [markdown]
# ### The ceilings of 2030

# %% tags=["remove-cell"]
glue_text(tl.facts.ceiling_facts(result))
glue_text(tl.facts.scenario_facts(result))
charts.publish(
    tl.figures.ceiling_chart(ceilings),
    "fig-timelines-ceilings",
    sources=("constraint_inputs", "constraint_correlations"),
)

# %% [markdown]
# Power allows {glue:text}`ceiling_power` FLOP (one campus alone
# {glue:text}`ceiling_power_single_campus`, a distributed network
# {glue:text}`ceiling_power_distributed`), the chip supply
# {glue:text}`ceiling_chips`, the data stock {glue:text}`ceiling_data`, the
# latency wall {glue:text}`ceiling_latency` and the cluster budget
# {glue:text}`ceiling_spend`. Power binds first in {glue:text}`share_power` of
# draws, chips in {glue:text}`share_chips`, data in {glue:text}`share_data`,
# latency in {glue:text}`share_latency` and spend in {glue:text}`share_spend`.
# With one campus as the only power source, the constrained run would be
# {glue:text}`single_campus_run` FLOP (median).
#
# **Scenarios.** *Slowdown:* Epoch AI expect labs to keep scaling training
# compute at about five times a year for another one to two years, then more
# slowly as lead times for new clusters lengthen
# {cite:p}`epoch2025leadtimes`. If from {glue:text}`slowdown_year` spending on
# the largest run stopped growing, its compute would grow only as fast as
# FLOP per dollar ({glue:text}`slowdown_rate`x a year, the power chapter's
# price-performance rate) and reach {glue:text}`slowdown_2030` FLOP in 2030
# ({glue:text}`slowdown_constrained_2030` with the ceilings). *Inference and
# reinforcement learning:* serving fleets and RL roll-outs compete with
# pre-training for the same chips, power and budget. If they took
# {glue:text}`diverted_share` of each from the largest run, the constrained run
# would be {glue:text}`diverted_2030` FLOP; the data and latency ceilings would
# not move. These shares are shares of
# Monte Carlo draws, not confidence levels.
#
# ```{glue:figure} fig-timelines-ceilings
# :name: fig-timelines-ceilings
#
# Each 2030 ceiling with its 90% interval beside Sevilla et al.'s printed 80%
# range where they give one, the constrained run (the lowest ceiling path, draw
# by draw) and the unconstrained scenario, and Sevilla et al.'s feasible run.
# {figure-svg}`fig-timelines-ceilings`
# ```

# %% tags=["hide-input"]
tables.show(ceilings, significant=2, caption="The ceilings of 2030 and the runs they allow")

# %% tags=["remove-cell"]
glue_text(tl.chip_supply.facts(result, loaders.load_epoch_chips_cumulative(), constraints))

# %% [markdown]
# **Chip supply, a second route.** The chip ceiling keeps Sevilla et al.'s
# range of H100-equivalents for the largest run,
# {glue:text}`chip_sales_sevilla`. Epoch AI's later chip-sales series
# {cite:p}`epoch2026chipsales` counts {glue:text}`chip_sales_to_date`
# H100-equivalents shipped by Nvidia, Google, AMD and Amazon to the end of
# {glue:text}`chip_sales_last_year`, the last year's shipments
# {glue:text}`chip_sales_growth` times the year before. Carried forward at that
# growth, the stock through 2029 would be {glue:text}`chip_sales_stock_2029`;
# one run's share (the same draws) gives it {glue:text}`chip_sales_run`
# H100-equivalents, a chip ceiling of {glue:text}`chip_sales_ceiling` FLOP,
# {glue:text}`chip_sales_ratio` times their median count and
# {glue:text}`chip_sales_verdict`. Growth this fast for four more years is the
# route's main assumption.

# %% [markdown]
# ### Thresholds and model counts

# %% tags=["remove-cell"]
glue_text(tl.facts.count_facts(result))
glue_text(
    {
        "open_model_standing": tl.cutoff_check.open_model_sentence(
            earlier_forecasts, published, models.publication_date.max()
        )
    }
)
charts.publish(
    tl.figures.threshold_chart(tl.model.threshold_frame(result)),
    "fig-timelines-thresholds",
    sources=("models", "constraint_inputs", "constraint_correlations"),
)
charts.publish(tl.figures.counts_chart(result.counts), "fig-timelines-counts", sources=("models",))

# %% [markdown]
# The open-weight frontier (the ten largest open-weight models at their
# release) grows by {glue:text}`timelines.open_model_growth.frontier.text` a
# year, and its largest model passes 1e26 FLOP in
# {glue:text}`timelines.open_model_1e26.year.text`.
# {glue:text}`open_model_standing`.
#
# ```{glue:figure} fig-timelines-thresholds
# :name: fig-timelines-thresholds
#
# The year the largest run first exceeds each threshold (median and 90%
# interval, on the constrained and the unconstrained path); a threshold our data
# already cross is shown once, at the first release above it (observed, not
# projected). {figure-svg}`fig-timelines-thresholds`
# ```
#
# How many models pass a threshold depends on how compute spreads below the
# frontier. New models are placed by the notable models' own compute trend
# ({glue:text}`count_notable_growth` a year, more slowly than the frontier's,
# so their distance below it drifts) plus a resampled residual about it, and
# arrive at the log-linear trend of our data's yearly counts, refitted on a
# Poisson resample of those counts in each draw; the interval holds both. By
# the end of 2026 that gives {glue:text}`count_1e25_2026` models above 1e25
# FLOP and {glue:text}`count_1e26_2026` above 1e26; by the start of 2030,
# {glue:text}`timelines.models_above_1e26.2030.text` above 1e26. Counts up to
# {glue:text}`count_last_observed_year` are observed. Our data is a sample of
# notable models, not a census, so these are counts of models like ours.
#
# ```{glue:figure} fig-timelines-counts
# :name: fig-timelines-counts
#
# Models in our data above 1e25 and 1e26 FLOP by the end of each year, observed
# and then projected (median and 90% band). {figure-svg}`fig-timelines-counts`
# ```
#
# ### Change the assumptions

# %% tags=["remove-cell"]
charts.publish(
    tl.figures.interactive_chart(result),
    "fig-timelines-interactive",
    sources=("models", "constraint_inputs", "constraint_correlations"),
    data=tl.figures.interactive_defaults(result),
)

# %% [markdown]
# ```{glue:figure} fig-timelines-interactive
# :name: fig-timelines-interactive
#
# Move the sliders: compute growth, the algorithmic halving time, the power of
# one campus and of a distributed network, the H100-equivalents for one run and
# the cluster budget. The curves, the ceilings and the line stating the 2030
# run and the ceiling that binds recompute in the page, with no server. At the
# defaults they give the chapter's two 2030 headlines: the lowest ceiling is
# scaled by the ratio the joint draws give, since a minimum of medians is not a
# median of minima.
# {figure-svg}`fig-timelines-interactive`
# ```

# %% tags=["remove-cell"]
pinned, data_end = scorecard.pinned_models()
checked = scorecard.scorecard(earlier_forecasts, pinned, data_end)
glue_text(
    {
        "check_cutoff": f"{tl.cutoff_check.EARLIER_CUTOFF:%d %B %Y}",
        "check_data_end": f"{data_end:%d %B %Y}",
        "check_verdict": scorecard.verdict(checked),
    }
)

# %% [markdown]
# ### Checking the forecasts against what came next
#
# The same analysis run on the data through {glue:text}`check_cutoff` (the
# data of the last release) makes the short-range forecasts below; the pinned
# data, ours and Epoch AI's snapshot, now run to
# {glue:text}`check_data_end`. {glue:text}`check_verdict` Releases that
# neither we nor Epoch AI estimate widen the realised values into bounds, and
# an outcome is stated only where it holds at both; every forecast of the
# report, and the anchors', is on the {doc}`../scorecard`.

# %% tags=["hide-input"]
tables.show(
    scorecard.table(checked),
    caption="The chapter's forecasts of the earlier release checked against the data that came later",
)

# %% [markdown]
# ## Comparison with published estimates

# %% tags=["hide-input"]
tables.show(
    keynumbers.comparison_table(registry, published, tl.model.COMPARISON_PAIRS),
    caption="Our estimates beside the published figures that measure the same quantity",
)

# %% [markdown]
# ## Limitations
#
# - **Trend, not forecast.** The unconstrained path assumes the trailing
#   eight-year trend continues; the ceilings say where it must bend.
# - **Inputs from one study.** Most constraint ranges and their correlations
#   are Sevilla et al.'s judgement; only the chip range has a second route
#   here (Epoch AI's chip sales).
# - **Sample, not census.** Model counts describe the population our data
#   samples.
# - **Few backtests.** A handful of backtests cannot pin calibration down; the
#   Jeffreys intervals on coverage show how little they say.

# %% [markdown]
# ## The data tables this page read
#
# ```{data-tables-read}
# ```
