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
# (chapter-power-and-cost)=
# # How much power and money do frontier training runs take?

# %% tags=["remove-cell"]
from analysis.data import loaders
from analysis.report import charts, keynumbers, tables
from analysis.report.keynumbers import glue_text
from analysis.topics import power as pw
from analysis.topics import timelines

published = loaders.load_published_estimates()
models = loaders.load_models()
result = pw.growth.analyse(
    models,
    loaders.load_hardware(),
    loaders.load_power_cost_inputs(),
    loaders.load_epoch_models(),
    loaders.load_epoch_ml_hardware(),
    loaders.load_epoch_hardware_prices(),
    loaders.load_epoch_data_center_timelines(),
    loaders.load_epoch_chips_cumulative(),
    loaders.load_ember_countries(),
    loaders.load_ember_us_states(),
    loaders.load_metered_training_energy(),
)
registry = keynumbers.Registry(
    chapter="chapters/05-power-and-cost", data_through=models.publication_date.max()
)
pw.facts.register_key_numbers(registry, result, published)
registry.glue()
registry.save()
glue_text(pw.facts.summary_facts(result, published))

# %% [markdown]
# ## Summary
#
# - **Growth.** The power drawn by frontier training runs (the ten largest by
#   compute at their release) has grown by a factor of
#   {glue:text}`power.growth.frontier.text` per year since 2010, over
#   {glue:text}`summary_runs` runs ({glue:text}`summary_without_speculative`;
#   speculative rows stay in every fit, as in the compute chapter), while their
#   compute grew by
#   {glue:text}`summary_compute_growth`
#   ({glue:text}`summary_compute_without_speculative`). Emberson and Rahman
#   {cite:p}`emberson2024power` report {glue:text}`summary_published_growth`; on
#   the same window we find
#   {glue:text}`power.growth.frontier_to_sep2024.text`. {cite-number}`power.growth.frontier` {cite-number}`power.growth.frontier_to_sep2024`
# - **Today.** The largest run in our data with a disclosed cluster (chips
#   named by its developer or by reports), {glue:text}`summary_largest_model`,
#   draws about {glue:text}`power.largest_run.w.text` W and used
#   {glue:text}`power.largest_run.energy_mwh.text` MWh. With the frontier
#   runs that disclose no cluster imputed (chip in use, training time from a
#   prior), the largest is {glue:text}`summary_imputed_largest`.
#   {cite-number}`power.largest_run.w` {cite-number}`power.largest_run.energy_mwh` {cite-number}`power.largest_run_with_imputed.w`
# - **Why not as fast as compute.** Compute grows
#   {glue:text}`power.decomposition.compute_minus_power.text` orders of
#   magnitude per year faster than power: more efficient chips, lower precision,
#   longer runs. {cite-number}`power.decomposition.compute_minus_power`

# %% tags=["remove-cell"]
joint = timelines.model.shared_simulation()
glue_text(pw.facts.joint_facts(joint, result))
glue_text(pw.facts.summary_2030_facts(result, published))

# %% [markdown]
# - **2030, one simulation.** In the report's joint simulation (timelines
#   chapter: compute bent by the 2030 ceilings) the largest 2030 run draws
#   {glue:text}`joint_constrained_power` and costs
#   {glue:text}`joint_constrained_cost`; with no ceiling it would need
#   {glue:text}`joint_unconstrained_power` and
#   {glue:text}`joint_unconstrained_cost`. This chapter's own paths are checks:
#   the power trend gives {glue:text}`trend_over_constrained` times the
#   constrained power and {glue:text}`trend_over_unconstrained` times the other.
#   They differ because the simulation lets compute outgrow power by
#   {glue:text}`joint_offset` OOM a year (chip efficiency alone: the FP8 gain
#   and the run length enter it as levels, not as growth), the power trend by
#   the historical
#   {glue:text}`historical_offset`, which includes the one-off move to 16-bit.
#   {glue:text}`summary_joint_construction`. {cite-number}`timelines.largest_run_2030.constrained.power_w` {cite-number}`timelines.largest_run_2030.unconstrained.power_w`
# - **2030, this chapter's paths.** Epoch AI and EPRI
#   {cite:p}`epochepri2025power` put the largest run's power in 2030 at
#   {glue:text}`summary_published_2030`; their construction (compute growth
#   over FLOP-per-joule and training-time growth) on our data, the like-for-like
#   comparison, gives {glue:text}`power.projection_2030.components.w.text` W.
#   This chapter's power trend, a different estimand kept as a check, gives
#   {glue:text}`power.projection_2030.w.text` W, about
#   {glue:text}`summary_2030_share_us` of the average electricity demand of the
#   United States and {glue:text}`summary_2030_virginia` times that of Virginia.
#   {glue:text}`summary_path_choice`. {cite-number}`power.projection_2030.w` {cite-number}`power.projection_2030.components.w`

# %% tags=["remove-cell"]
glue_text(pw.facts.cost_summary_facts(result, published))

# %% [markdown]
# - **Cost.** The amortised cost of hardware and energy for frontier runs grows
#   by a factor of {glue:text}`cost.growth.frontier.text` per year
#   ({glue:text}`summary_cost_without_speculative`); the most
#   expensive run in our data with a disclosed cluster
#   ({glue:text}`summary_costly_model`) cost about
#   {glue:text}`cost.largest_run.usd.text` USD, and the first billion-dollar run
#   comes in {glue:text}`cost.first_billion_dollar_run.year.text`
#   (projected from the last costed run with a disclosed cluster,
#   {glue:text}`summary_billion_start`; the {glue:text}`summary_billion_dropped`
#   of draws already past USD 1 billion then, above every such run, are left
#   out). {glue:text}`summary_cost_caveat` {cite-number}`cost.growth.frontier` {cite-number}`cost.largest_run.usd` {cite-number}`cost.first_billion_dollar_run.year`

# %% tags=["remove-cell"]
glue_text(pw.facts.data_facts(result))

# %% [markdown]
# ## Data
#
# - **Runs.** Of the {glue:text}`n_frontier` frontier runs in `data/models.csv`
#   since 2010, {glue:text}`n_runs` name their accelerators and give a chip
#   count (or the training time to derive one). The other
#   {glue:text}`n_excluded` are listed below with the reason:
#   {glue:text}`n_no_hardware` name no accelerator, {glue:text}`n_no_chips`
#   give no chip count and no time. The headlines rest on the disclosed runs;
#   {glue:text}`n_imputed` of the others are also estimated with an imputed
#   cluster (see Method) and shown beside them, flagged `imputed`;
#   {glue:text}`n_not_imputed` cannot be. For {glue:text}`n_derived_chip_hours` runs
#   the chip-hours are derived from compute, peak FLOP/s and utilisation; the
#   rest come from the developer (model cards' GPU hours) or chips × time.
#   Where chip counts or training times differ between sources, the row keeps
#   the range: {glue:text}`disputed_runs` (the first table below quotes each
#   row's notes, which name the sources).
# - **Chips.** `data/hardware.csv` holds {glue:text}`n_hardware` accelerators,
#   each figure read in a vendor document. Where we have not yet read a vendor
#   figure, the chip's TDP or peak FLOP/s comes from Epoch AI's hardware table
#   {cite:p}`epoch2026mlhardware`, marked in every table and chart:
#   {glue:text}`n_vendor_runs` runs use our vendor figures only,
#   {glue:text}`n_epoch_figures` use at least one of Epoch's.
# - **Prices.** Purchase prices per chip come from Epoch AI's price table
#   {cite:p}`cottier2024rising`: the latest dated before the run's
#   publication, else the earliest; {glue:text}`n_priced` runs have one. The
#   price is then depreciated to the training start (Method).
# - **Scale.** Grid demand from Ember {cite:p}`ember2025electricity`,
#   data-centre campuses from Epoch AI's Frontier Data Centers
#   {cite:p}`epoch2026datacenters`, installed AI chips from Epoch AI's chip
#   sales {cite:p}`epoch2026chipsales`, and power plants from
#   `data/power_references.csv`.

# %% tags=["hide-input"]
tables.show(
    pw.facts.disputed_table(result, models),
    caption="Runs whose sources disagree on chips or hours, and the ranges drawn across them",
)

# %% tags=["hide-input"]
tables.show(result.runs.excluded, caption="Runs left out of the power and cost estimates, and why")

# %% tags=["remove-cell"]
glue_text(pw.facts.method_facts(result))

# %% [markdown]
# ## Method
#
# **Power of a run** is the peak its hardware needs from the grid, Epoch AI's
# definition:
#
# > power = chips × TDP × server overhead × PUE.
#
# The server
# overhead (CPUs, memory, network, fans) is
# {glue:text}`range_server_overhead_gpu` for GPU servers (NVIDIA's DGX system
# power over its GPUs' TDP) and {glue:text}`range_server_overhead_tpu` for TPU
# hosts; PUE is {glue:text}`range_pue`. Each is drawn uniformly
# ({glue:text}`draws` draws) over the range its sources give
# (`data/power_cost_inputs.csv`), the same draw for every run.
#
# **Chip-hours** are the developer's, or chips × wall-clock time, or compute ÷
# (peak FLOP/s × utilisation), utilisation drawn per run from
# {glue:text}`range_utilisation` (measured in Patterson et al.'s six runs
# {cite:p}`patterson2021carbon`). The peak is at the precision a chip trains
# in: 16-bit when its dense 16-bit peak is at least
# {glue:text}`sixteen_bit_factor` times its FP32 peak (tensor cores, TPUs),
# else FP32. **Energy** = chip-hours × TDP × overhead × PUE × a load factor
# (average over peak draw) of {glue:text}`range_load_factor_gpu` for GPUs and
# {glue:text}`range_load_factor_tpu` for TPUs, whose systems run further below
# their peak (Patterson et al. metered them).
#
# **Cost** = chip value at the training start × {glue:text}`range_cluster_cost_overhead` (servers
# and networking) × chip-hours ÷ a hardware life of
# {glue:text}`range_hardware_life` years (Cottier et al.'s depreciation), plus
# energy at {glue:text}`range_electricity_price` USD per kWh, in nominal USD.
# As Cottier et al. do, the dated price is depreciated from its date to the
# training start at the price-performance rate that sets the hardware life
# (1 / (life × ln 10) orders of magnitude per year, drawn with it); the
# training starts at publication minus the training time (else
# {glue:text}`duration_prior_days` days, the median of the frontier runs that
# report one) minus {glue:text}`pre_training_days` days, their code's gap
# between the end of training and publication. A price dated after the
# training start is not appreciated.
#
# **Runs without a disclosed cluster** are imputed, flagged in every table
# and tooltip and kept out of the headlines: a run that names no accelerator
# gets the chip most used by the disclosed frontier runs of the two years
# before it, and with it that chip's FLOP per joule at its training
# precision; a run without a training time gets the median of those that
# frontier runs of the three years before it report (each read in its primary
# source), drawn log-uniformly between their 10th and 90th percentiles; the
# chip count then follows from compute, peak and utilisation.
#
# **Growth** is OLS of log10 median power on date; the interval refits on
# bootstrap resamples of runs, each run at its own Monte Carlo draw, so it holds
# both which runs we have and what each drew.
#
# ## Results
#
# ### Growth

# %% tags=["remove-cell"]
glue_text(pw.facts.growth_facts(result, published))
charts.publish(
    pw.figures.power_chart(result),
    "fig-power-and-cost-runs",
    sources=("models", "hardware", "power_cost_inputs", "epoch_ml_hardware"),
)

# %% [markdown]
# Power doubles every {glue:text}`doubling_months` months. Epoch AI's own
# per-run power estimates {cite:p}`epoch2026models`, through our fit and window,
# give {glue:text}`epoch_power_growth`. Why Emberson and Rahman's figure does
# not reproduce: {glue:text}`vintage`. On the {glue:text}`vendor_n` runs whose
# chip figures are all from vendor documents the rate is
# {glue:text}`vendor_growth`, {glue:text}`vendor_comparison`; the earlier GPU
# runs rely on Epoch's TDPs, so this subset starts later.
#
# ```{glue:figure} fig-power-and-cost-runs
# :name: fig-power-and-cost-runs
#
# Power drawn by each frontier run (median of its draws; hover for the
# interval, chips and hardware) and the fitted trend; the shape says whose chip
# figures it uses, or that its cluster is imputed (such runs stay out of the
# trend). {figure-svg}`fig-power-and-cost-runs`
# ```
#
# **Calibration, not validation.** Where developers metered the energy, for
# the {glue:text}`n_metered` runs in `data/metered_training_energy.csv`
# (Patterson et al.), our energy is {glue:text}`metered_ratio_low` to
# {glue:text}`metered_ratio_high` times the metered figure, inside our 90%
# interval for {glue:text}`n_metered_inside` of them (outside:
# {glue:text}`metered_outside`). These are the runs our utilisation, TPU load
# factor and PUE ranges were drawn from, so the match is a calibration. Left
# out one at a time and predicted from the others (leave-one-out):
# {glue:text}`leave_one_out`.
#
# **Held-out check.** On the {glue:text}`n_held_out` runs that report their
# chip-hours (or chips and training time) and gave no input, we derive
# chip-hours as for a run that discloses none (compute ÷ peak ÷ utilisation)
# and compare: {glue:text}`held_out`. Derived chip-hours, and the energy and
# cost of the runs that rest on them (imputed runs among them), therefore
# lean low; the table below lists every run.

# %% tags=["hide-input"]
tables.show(
    result.held_out,
    significant=2,
    caption="Held-out check: chip-hours derived from chips and hours against chip-hours reported",
)

# %% tags=["hide-input"]
tables.show(result.metered, caption="Check against metered energy: our estimate beside each metered run")

# %% tags=["hide-input"]
tables.show(result.metered_loo, caption="Leave-one-out check against metered energy")

# %% tags=["hide-input"]
tables.show(
    pw.growth.three_columns(result, published),
    caption="Power growth: ours, Epoch AI's estimates through our fit, and as published",
)

# %% tags=["remove-cell"]
glue_text(pw.facts.imputation_facts(result))

# %% [markdown]
# With the {glue:text}`n_imputed_runs` imputed runs added, the growth rates, the
# largest runs and the 2030 projection become (the headlines above use the
# disclosed runs only):
# {cite-number}`power.growth.frontier_with_imputed` {cite-number}`cost.growth.frontier_with_imputed` {cite-number}`power.largest_run_with_imputed.w` {cite-number}`cost.largest_run_with_imputed.usd`

# %% tags=["hide-input"]
tables.show(
    pw.facts.imputation_table(result),
    caption="Power growth with and without the runs whose clusters are imputed",
)

# %% [markdown]
# ### Why power grows more slowly than compute

# %% tags=["remove-cell"]
glue_text(pw.facts.decomposition_facts(result))
charts.publish(
    pw.figures.decomposition_chart(result.decomposition),
    "fig-power-and-cost-decomposition",
    sources=("models", "hardware", "power_cost_inputs"),
)

# %% [markdown]
# Compute per run grows {glue:text}`term_compute` OOM per year. Power accounts
# for {glue:text}`term_power`; chip efficiency at FP32
# {glue:text}`term_efficiency_fp32` ({glue:text}`term_efficiency_fp32_factor`x
# a year); the move to 16-bit {glue:text}`term_precision`; longer runs
# {glue:text}`term_duration`; utilisation {glue:text}`term_utilisation`. Each
# term is fitted on the runs that have it (TPUs have no FP32 figure, many runs
# no training time), so they need not add up: the residual is
# {glue:text}`term_residual` OOM per year. On the
# {glue:text}`n_complete` runs that have every term it is zero by construction.
# The utilisation term is partly circular: for
# {glue:text}`n_utilisation_circular` of its {glue:text}`n_utilisation_runs`
# runs the compute itself was derived from chips, time and an assumed
# utilisation. The precision term is a step (FP32 to 16-bit as tensor cores
# and TPUs arrived), not a trend: the table below sets the terms beside
# Emberson and Rahman's cumulative offsets.
#
# ```{glue:figure} fig-power-and-cost-decomposition
# :name: fig-power-and-cost-decomposition
#
# Growth of compute and of each factor it is the product of, in orders of
# magnitude per year, with 90% bootstrap intervals.
# {figure-svg}`fig-power-and-cost-decomposition`
# ```

# %% tags=["hide-input"]
tables.show(
    result.decomposition.table.drop(columns="key"),
    caption="Why power grows more slowly than compute: each factor's growth",
)

# %% tags=["hide-input"]
tables.show(
    pw.facts.decomposition_comparison(result, published),
    caption="The decomposition beside Emberson and Rahman's",
)

# %% [markdown]
# ### Energy efficiency of the chips

# %% tags=["remove-cell"]
glue_text(pw.facts.efficiency_facts(result))
charts.publish(
    pw.figures.efficiency_chart(loaders.load_epoch_ml_hardware(), result.efficiency),
    "fig-power-and-cost-efficiency",
    sources=("hardware", "epoch_ml_hardware"),
)

# %% [markdown]
# Across the accelerators in Epoch AI's table released since 2010, peak FP32
# FLOP/s per W of TDP grows by a factor of
# {glue:text}`power.efficiency_growth.hardware.text` per year; at dense 16-bit on the {glue:text}`efficiency_16bit_n` chips with
# tensor or matrix units, {glue:text}`efficiency_16bit`; on the
# {glue:text}`efficiency_gpus_n` GPUs released 2010–2024, the published
# figure's window and kind of chip, {glue:text}`power.efficiency_growth.gpus_2010_2024.text`,
# the number we set beside Sevilla et al.'s {cite:p}`sevilla2024can` in the
# comparison table. Their footnote points to an expanded notebook whose
# measure and precision it does not state, so what remains of the gap is
# not explained here. {cite-number}`power.efficiency_growth.gpus_2010_2024`
#
# ```{glue:figure} fig-power-and-cost-efficiency
# :name: fig-power-and-cost-efficiency
#
# Peak FLOP/s per W of TDP by release date, FP32 and 16-bit tensor, with the
# fitted trends (Epoch AI's table, our fit). {figure-svg}`fig-power-and-cost-efficiency`
# ```
#
# ### The largest run in 2028 and 2030

# %% tags=["remove-cell"]
glue_text(pw.projection_facts.projection_facts(result))

# %% [markdown]
# Two paths lead to 2030. **The power trend plus a record offset**: the
# largest run stands above the trend line of frontier runs by an amount that
# has varied, so each draw adds the distance by which the record stood above
# the line at a randomly drawn past date, never falling below today's record
# (the method the timelines chapter uses for compute); the trend line alone
# gives {glue:text}`trend_2030` in 2030, today's record carried forward at the
# trend's rate {glue:text}`record_2030`. **Epoch AI and EPRI's components**:
# today's record carried forward at compute growth
# ({glue:text}`rate_compute` OOM per year, frontier runs) minus the growth of
# FLOP per joule at the runs' training precision
# ({glue:text}`rate_efficiency`) minus that of training time
# ({glue:text}`rate_duration`), {glue:text}`rate_power` OOM per year against
# the power trend's {glue:text}`rate_power_trend`; it gives
# {glue:text}`components_2030` in 2030. The two differ by utilisation, which
# the components leave out, and by the sample each term is fitted on. The
# runs' FLOP per joule holds the past move from FP32 to 16-bit, a step that
# need not recur: with the 16-bit chips' own efficiency trend
# ({glue:text}`rate_efficiency_16bit` OOM per year) in its place, the
# components path gives {glue:text}`components_fixed_precision_2030`.
#
# **Backtest.** From {glue:text}`backtest_n` quarterly cutoffs
# ({glue:text}`backtest_first` to {glue:text}`backtest_last`), each path was
# refitted on the runs before the cutoff and scored against the record two
# years on. The cutoffs overlap: they hold about
# {glue:text}`backtest_windows` independent two-year windows, so coverage is
# a rough guide. The trend path's 90% interval held the realised record in
# {glue:text}`backtest_trend_90` of cutoffs and its 50% interval in
# {glue:text}`backtest_trend_50`; {glue:text}`backtest_trend_bias`, mean PIT
# {glue:text}`backtest_trend_pit` (one half if unbiased). The components path held
# it in {glue:text}`backtest_components_90` and
# {glue:text}`backtest_components_50`; {glue:text}`backtest_components_bias`,
# mean PIT {glue:text}`backtest_components_pit`. Where the record did not move
# within two years, many trend-path draws sit exactly at today's record (the
# floor) and so does what happened: such a cutoff counts as inside an interval
# whose lower end is the floor, and its PIT counts the tied draws half. {glue:text}`path_choice`.
# {glue:text}`backtest_lean` The largest run
# in 2028 draws {glue:text}`power.projection_2028.w.text` W.

# %% tags=["hide-input"]
tables.show(
    result.backtest_summary,
    significant=2,
    caption="Backtests of the power projection: coverage and bias of each path",
)

# %% tags=["hide-input"]
tables.show(
    pw.projection.pit_histogram(result.backtest),
    caption="Backtests of the power projection: where the outcomes fall in the forecast distribution",
)

# %% tags=["remove-cell"]
glue_text(pw.projection_facts.scale_facts(result, joint))
charts.publish(
    pw.figures.fan_chart(result, loaders.load_power_references(), published, joint),
    "fig-power-and-cost-fan",
    sources=("models", "hardware", "power_cost_inputs", "power_references", "published_estimates"),
)

# %% [markdown]
# Against reality: the largest campus in Epoch AI's data reaches
# {glue:text}`campus_2026` by 2026 ({glue:text}`campus_2026_site`) and
# {glue:text}`campus_2030` by 2030 ({glue:text}`campus_2030_site`) on current
# plans; all AI chips shipped since 2022 draw about
# {glue:text}`installed_power` ({glue:text}`installed_date`) at their own TDP.
# On that basis (a run's chips are {glue:text}`chip_share_of_grid` of its grid
# power; the rest is servers and cooling) the joint simulation's constrained
# 2030 run (median) would need {glue:text}`share_installed_2030` of today's
# whole installed base. The
# United States' average demand in {glue:text}`grid_year` was
# {glue:text}`us_average`, Virginia's {glue:text}`virginia_average`. Today's
# largest run used {glue:text}`largest_energy_share_us` of a year of US
# electricity.
#
# ```{glue:figure} fig-power-and-cost-fan
# :name: fig-power-and-cost-fan
#
# Power of the largest training run to 2030 by each projection (median and 90%
# band), against grid averages, the largest planned campus, all installed AI
# chips, a large power plant and Epoch AI and EPRI's range.
# {figure-svg}`fig-power-and-cost-fan`
# ```

# %% tags=["hide-input"]
tables.show(
    pw.projection_facts.backtest_table(result),
    significant=2,
    caption="Backtests of the power projection, cutoff by cutoff",
)

# %% [markdown]
# ### Cost

# %% tags=["remove-cell"]
glue_text(pw.cost_facts.cost_facts(result, published))
charts.publish(
    pw.figures.cost_chart(result),
    "fig-power-and-cost-cost",
    sources=("models", "hardware", "power_cost_inputs", "epoch_hardware_prices"),
)

# %% [markdown]
# On Cottier et al.'s window (2016–2023, {glue:text}`cost_window_n` runs) the
# cost grows by a factor of {glue:text}`cost.growth.frontier_2016_2023.text` per year.
# Epoch AI's own cost estimates of the runs our frontier rule picks in that
# window ({glue:text}`epoch_cost_window_n` runs, ranked over their whole history
# from 2010 and then windowed, so that earlier, larger runs keep small 2016 runs
# out of the top ten) give {glue:text}`cost.growth.epoch_data_2016_2023.text`
# through our fit, and Cottier et al. {cite:p}`cottier2024rising` report
# {glue:text}`published_cost_growth`. Split in two: {glue:text}`cost_gap`.
# {cite-number}`cost.growth.frontier_2016_2023` {cite-number}`cost.growth.epoch_data_2016_2023`
#
# The table below sets our cost of each run in the window beside Epoch AI's.
# Of the {glue:text}`gap_runs_matched` runs both sides cost,
# {glue:text}`gap_runs_known` have Epoch's chip count and training time, so
# each ratio splits into chip-hours and cost per chip-hour;
# {glue:text}`n_outside_ratio` ratios fall outside {glue:text}`ratio_range`, each with its reason.
# The gap between our growth rate and Epoch's, in named terms that add up
# (OLS slopes on nested sets of runs): {glue:text}`gap_terms`. Each term is
# registered with its bootstrap interval. {cite-number}`cost.gap_to_epoch.total` {cite-number}`cost.gap_to_epoch.price`

# %% tags=["hide-input"]
tables.show(
    pw.cost_facts.cost_comparison_table(result),
    significant=3,
    caption="Cost of each run: ours beside Epoch AI's",
)

# %% [markdown]
# ```{glue:figure} fig-power-and-cost-cost
# :name: fig-power-and-cost-cost
#
# Amortised hardware and energy cost of each frontier run with a price (median
# of its draws) and the fitted trend on the runs with a disclosed cluster; runs
# with an imputed cluster have their own shape. {figure-svg}`fig-power-and-cost-cost`
# ```

# %% tags=["hide-input"]
tables.show(
    pw.facts.runs_table(result),
    significant=2,
    caption="Every run with its chips, power, energy and cost",
)

# %% [markdown]
# ## Comparison with published estimates

# %% tags=["hide-input"]
tables.show(
    keynumbers.comparison_table(registry, published, pw.growth.COMPARISON_PAIRS),
    caption="Our estimates beside the published figures that measure the same quantity",
)

# %% [markdown]
# ## Limitations
#
# - **Peak, not metered.** Power is what the hardware can draw; energy applies
#   a load factor. The metered runs (Patterson et al.'s) calibrated our
#   utilisation, load factor and PUE, so they cannot validate them; on the
#   held-out runs, chip-hours derived from compute lean low (see Growth), and
#   so do the energy and cost of every run that rests on them.
# - **Imputed runs.** Most of the largest recent runs disclose no
#   cluster; their imputed chips and training times make the "with imputed
#   runs" figures assumptions about the runs, not readings of them.
# - **Chip figures.** Many early GPU runs use Epoch AI's TDPs until we read the
#   vendor's; the vendor-only subset is shown beside the headline.
# - **TPUs.** Google's cloud documents print measured chip power, not a TDP;
#   we use the TDPs Google's own papers print (TPU v2, v3) and Epoch AI's for
#   later TPUs, and Epoch's assumed host overhead, so TPU runs carry more
#   assumption than GPU runs.
# - **Closed runs.** Chip counts for the largest closed runs (GPT-4, Grok 3)
#   come from reports, not developers; the records that drive the projection
#   rest on them.
# - **Cost is nominal.** Cottier et al. use 2023 USD; a few percent of
#   inflation a year barely moves a growth rate of several times a year.

# %% [markdown]
# ## The data tables this page read
#
# ```{data-tables-read}
# ```
