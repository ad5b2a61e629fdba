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
# (chapter-compute-trends)=
# # How fast does training compute grow?

# %% tags=["remove-cell"]
from analysis.data import loaders
from analysis.report import charts, keynumbers, tables
from analysis.report.keynumbers import glue_text
from analysis.topics import compute_trends

models, epoch, published = compute_trends.model.load()
comparison = compute_trends.model.three_columns(models, epoch, published)
ours = {
    key: compute_trends.model.fit_sample(models, compute_trends.model.OURS, sample)
    for key, sample in compute_trends.model.OUR_HEADLINES.items()
}
curve = compute_trends.specification.specification_curve(models)
registry = keynumbers.Registry(
    chapter="chapters/01-compute-trends", data_through=models.publication_date.max()
)
compute_trends.facts.register_key_numbers(registry, ours, comparison, models)
registry.glue()
registry.save()
glue_text(compute_trends.facts.summary_facts(models, ours, comparison))
starts = compute_trends.model.start_sensitivity(models, epoch)
glue_text({f"summary_{key}": value for key, value in compute_trends.facts.start_facts(starts).items()})

# %% [markdown]
# ## Summary
#
# - Training compute of the {glue:text}`n_models` released notable models in our dataset
#   has grown by {glue:text}`notable_since_2010_growth` (fitted from 2010;
#   the first is dated {glue:text}`data_start`) to
#   {glue:text}`data_end` ({glue:text}`compute.growth.notable_since_2010.ci`);
#   {glue:text}`notable_since_2010_without_speculative`. Speculative rows (outside
#   guesses, some for models Epoch AI leaves unestimated) stay in every default
#   fit, and every to-date headline says whether it rests on them.
#   {cite-number}`compute.growth.notable_since_2010`
# - Frontier models, the ten largest at their release, have grown by
#   {glue:text}`frontier_since_2018_growth` from 2018 to {glue:text}`data_end`
#   ({glue:text}`compute.growth.frontier_since_2018.ci`); {glue:text}`frontier_since_2018_without_speculative`.
#   The rate depends on the start year: {glue:text}`summary_start_agreement`
#   (the start-year table below).
#   {cite-number}`compute.growth.frontier_since_2018`
# - Frontier language models, the ten largest language models at their
#   release, have grown by {glue:text}`language_frontier_since_2020_growth` from
#   June 2020 to {glue:text}`data_end`
#   ({glue:text}`compute.growth.language_frontier_since_2020.ci`), when
#   Epoch finds they caught up with the overall frontier (we keep their date to
#   match their window, though our own kinked fit puts the catch-up earlier;
#   see the break analysis);
#   {glue:text}`language_frontier_since_2020_without_speculative`. (The rate
#   of all language models depends on which small models a dataset holds; see
#   below.)
#   {cite-number}`compute.growth.language_frontier_since_2020`
# - On the window Epoch AI used (2010 to May 2024) our data give
#   {glue:text}`compute.growth.notable_2010_2024`x per year
#   ({glue:text}`compute.growth.notable_2010_2024.ci`) for notable models;
#   Epoch's own data through our code give {glue:text}`epoch_code_notable`; the
#   published figure is in the comparison table below. On the
#   {glue:text}`n_confident_window` rows graded *confident* alone the same window
#   gives {glue:text}`confident_only_growth`: {glue:text}`confident_verdict`.
#   {cite-number}`compute.growth.notable_2010_2024`
# - The largest training run in our data is {glue:text}`largest_model`
#   ({glue:text}`largest_date`), at {glue:text}`compute.largest_run.flop.text`
#   FLOP (an outside estimate; the range is the one its confidence grade
#   implies, not a confidence interval). {cite-number}`compute.largest_run.flop`

# %% tags=["remove-cell"]
glue_text(compute_trends.facts.specification_summary_facts(curve))

# %% [markdown]
# - Varying only the analyst's choices (start year, domain, speculative
#   rows, estimator), notable-model growth ranges from
#   {glue:text}`spec_notable_min` to {glue:text}`spec_notable_max` x/yr over
#   {glue:text}`spec_notable_count` specifications (median
#   {glue:text}`spec_notable_median`), and frontier growth from
#   {glue:text}`spec_frontier_min` to {glue:text}`spec_frontier_max` x/yr
#   over {glue:text}`spec_frontier_count` (median
#   {glue:text}`spec_frontier_median`, across frontier definitions too).

# %% tags=["remove-cell"]
glue_text(compute_trends.facts.data_facts(models, epoch, loaders.load_unestimated_models()))

# %% [markdown]
# ## Data
#
# `data/models.csv` holds {glue:text}`n_rows` models published from
# {glue:text}`first_year` to {glue:text}`last_year` across
# {glue:text}`n_domains` domains, {glue:text}`n_recent` of them from 2024 on
# ({glue:text}`n_unreleased` announced but unreleased, kept in the table and
# out of every fit). A further {glue:text}`n_unestimated` releases of
# {glue:text}`unestimated_span` have rows with no compute estimate, because
# their developers disclose no training inputs and a row with empty compute is
# better than a guess ({glue:text}`unestimated_names`); they are outside every
# fit, and the {doc}`../scorecard` counts them as unknown.
# Each row was written from the developer's paper, model card or post, with the
# arithmetic behind every estimate (`6 * N * D`, or chips × peak FLOP/s × hours
# × utilisation); closed models carry another group's estimate, named in the
# row. Rows are graded as Epoch AI grades its own: {glue:text}`n_confident`
# *confident* (within about 3x), {glue:text}`n_likely` *likely* (about 10x) and
# {glue:text}`n_speculative` *speculative*. The inclusion rule is in
# `data/README.md`; how our rows compare with Epoch's, model by model, is on the
# {doc}`../appendix/data-audit` page.
#
# For the comparison we also run our code on Epoch AI's notable-models table
# {cite:p}`epoch2026models` ({glue:text}`n_epoch` models, of which
# {glue:text}`n_epoch_compute` have a compute estimate), fetched through
# `analysis.data.sources` and never copied into `data/`.
#
# **Definitions.** *Notable*: every released model in the dataset (each meets
# the inclusion rule; runs announced while still training, such as Llama 4
# Behemoth, stay out of every fit). *Frontier*: a model among the ten most
# compute-intensive of all models released since 2010 up to its publication
# date ("running top-10", as in {cite:t}`sevilla2024trends`), counted only
# once ten models exist: the first ten are left out, since before then every
# model is in the top ten by construction (the same burn-in applies to every
# top-N); the specification curve also uses top-5,
# top-20 and "within 10x of the largest run so far". *Language*: models whose
# domain is language, or multimodal (language models that also take images or
# audio, such as GPT-4 and Gemini); for Epoch's data, models whose domains
# include language or multimodal.

# %% tags=["remove-cell"]
glue_text(compute_trends.facts.method_facts())

# %% [markdown]
# ## Method
#
# Each growth rate is an ordinary least-squares fit of log₁₀ training
# compute on publication date (in decimal years); the slope is in orders of
# magnitude per year (OOM/yr), and ten to the power of the slope is the growth factor
# (x/yr). Intervals are 90% percentile intervals of {glue:text}`resamples`
# seeded bootstrap resamples of models. Epoch reports 90% intervals for most
# of its growth rates, though one of its appendix tables gives an 80% interval,
# so where a published interval's level is not printed beside it we say so.
# Growth is always given in the three forms of
# `analysis.science.units.format_growth`.
#
# **Breaks.** A one-break piecewise fit searches every month from 2012 to 2022
# for the break date that minimises squared error, either continuous (a kink) or with a jump, and
# BIC decides against a single line (the break date counts as a parameter, so
# our BIC does not reproduce Epoch's choice of a kink at a fixed date). The
# search starts only once {glue:text}`break_min_per_side` models lie on each
# side, so a break reported "at
# the edge of the dates searched" sits at that first or last candidate.
# The break date's interval comes from a bootstrap that re-searches the break
# in every resample.
#
# **Specification curve.** The growth rate under every combination of sample
# (all notable; running top-5, top-10, top-20; within 10x of the record), start
# year (2010, 2015, 2018), domain (all; language), speculative rows (kept;
# dropped), self-play systems (optimisation only, our default and Epoch's; or with
# the compute of generating their self-play data added, which changes AlphaGo-style
# rows and so the frontier they enter) and estimator (OLS; Huber robust regression
# with a model-based interval), skipping combinations with fewer than
# {glue:text}`min_models` models and any that fit the same models with the same
# values as another (after the burn-in a later start can leave a frontier sample
# unchanged). The language domain is crossed with notable models only: the
# language-model frontier is an estimand of its own, with its own headline. The
# date is not varied: each row holds one date, the first public release or paper,
# so no second definition exists in the data to cross.
#
# **Backtests.** Fit on models up to a cutoff, project the trend forward with
# the OLS 90% prediction interval for a new model, and count how many later
# models fall inside it.
#
# ## Results
#
# ### Each headline beside the published figure

# %% tags=["hide-input"]
tables.show(
    compute_trends.facts.three_column_table(comparison),
    caption="Each headline growth rate four ways: our data and code, our rows graded confident or likely, Epoch AI's data through our code, and as published",
)

# %% tags=["remove-cell"]
glue_text(compute_trends.facts.reproduction_facts(comparison))

# %% [markdown]
# Each row fits one window four ways. The first column is our data and code;
# the second drops the rows graded *speculative*, to show how much a headline
# rests on them. The third runs our code on Epoch's database as downloaded (the
# dated snapshot cited in the Data section), which has grown since Sevilla and
# Roldán's analysis as models were added and re-estimated, so the step from the
# third column to the published figure mixes database revisions with method.
# The Eras section separates the two by fitting Epoch's own specification to
# this snapshot beside the published rate. Our code on Epoch's data reproduces
# {glue:text}`repro_count` published figures (each estimate inside the other's
# interval). It misses {glue:text}`repro_missed`: there the database's
# revisions since the analysis, or a detail of Epoch's frontier rule we do not
# match, move the rate, and which of the two this snapshot cannot tell.

# %% tags=["remove-cell"]
charts.publish(
    compute_trends.figures.all_models_chart(
        models,
        {
            "notable models": ours["notable_since_2010"],
            "frontier since 2018": ours["frontier_since_2018"],
        },
    ),
    "fig-compute-trends-all-models",
    sources=("models",),
)

# %% [markdown]
# ```{glue:figure} fig-compute-trends-all-models
# :name: fig-compute-trends-all-models
#
# Training compute of every model in `data/models.csv` by publication date
# (log scale), with the fitted trends for notable models since 2010 and for
# frontier models since 2018. Hover a point for its name, organisation,
# estimate, method, confidence and source.
# {figure-svg}`fig-compute-trends-all-models`
# ```

# %% tags=["remove-cell"]
glue_text(compute_trends.facts.era_facts(compute_trends.breaks.eras(models)))

# %% [markdown]
# ### Eras: is there a break?
#
# For notable models the kinked fit puts a break at
# {glue:text}`notable_kink_year` (90% CI {glue:text}`notable_kink_year_ci`),
# with growth of {glue:text}`notable_kink_before` before and
# {glue:text}`notable_kink_after` after; BIC {glue:text}`notable_kink_verdict`
# (BIC of one line minus BIC of the kink: {glue:text}`notable_kink_delta_bic`;
# a positive difference favours the kink). For frontier models the
# kink sits at {glue:text}`frontier_kink_year` (90% CI
# {glue:text}`frontier_kink_year_ci`), growth {glue:text}`frontier_kink_after`
# after it, and BIC {glue:text}`frontier_kink_verdict`. Allowing a jump instead
# of a kink gives {glue:text}`frontier_jump_year`
# for frontier models, and BIC {glue:text}`frontier_jump_verdict`. Our data
# begin after 2010, so they cannot test the start of the deep-learning era.
# {glue:text}`eras_conclusion`

# %% tags=["hide-input"]
cross_validation = compute_trends.facts.cross_validation_table(models)
glue_text(compute_trends.facts.cross_validation_facts(cross_validation))
tables.show(
    cross_validation,
    caption="Which trend shape predicts held-out models best (cross-validated error of each shape)",
)

# %% [markdown]
# Sevilla and Roldán choose between these shapes by cross-validation as well as
# BIC. Ten-fold cross-validation (folds drawn at random with a fixed seed; the
# break models search their break again on each training fold) prefers the
# {glue:text}`cv_notable` shape for notable models and the
# {glue:text}`cv_frontier` shape for frontier models.

# %% tags=["remove-cell"]
glue_text(compute_trends.breaks.language_frontier_break(models))

# %% [markdown]
# Sevilla and Roldán find that the largest language models caught up with the
# overall frontier around mid-2020 and grew more slowly after. On our
# {glue:text}`lm_break_n` frontier language models (running top ten among
# language models, from 2010) the kinked fit puts the change at
# {glue:text}`lm_break_year` (90% CI {glue:text}`lm_break_ci`), with growth of
# {glue:text}`lm_break_before` before and {glue:text}`lm_break_after` after;
# BIC {glue:text}`lm_break_verdict`, and the interval
# {glue:text}`lm_break_catch_up`.

# %% tags=["remove-cell"]
matched = compute_trends.breaks.method_matched_eras(models, epoch, published)
glue_text(compute_trends.facts.method_matched_facts(matched))

# %% [markdown]
# Separating data from method on the same window (2010 to May 2024): Epoch's
# own data through Epoch's specification (a kink fixed at January 2018,
# AlphaGo Master and Zero left out) and our code give {glue:text}`mm_epoch_epoch`
# after the kink; their published {glue:text}`mm_published` is
# {glue:text}`mm_replicates`. Our search for the break on Epoch's data
# {glue:text}`mm_epoch_search_verdict` ({glue:text}`mm_epoch_search_year`). Our
# data through Epoch's specification give {glue:text}`mm_ours_epoch` after 2018
# and {glue:text}`mm_ours_before` before it, {glue:text}`mm_direction`. What
# differs between the datasets is which frontier models before 2018 each holds
# and the estimate each gives them (the data audit compares them model by
# model). Both now count self-play systems by their optimisation compute.
# Keeping AlphaGo Master and Zero in Epoch's specification gives
# {glue:text}`mm_alphago_epoch` on Epoch's data and
# {glue:text}`mm_alphago_ours` on ours: {glue:text}`mm_alphago_verdict`.

# %% tags=["hide-input"]
tables.show(matched, caption="A break in the trend, fitted on our data and on Epoch AI's")

# %% tags=["remove-cell"]
glue_text(compute_trends.facts.acceleration_facts(models))

# %% [markdown]
# **Is the trend accelerating?** Fitting a quadratic in time instead of a line
# since 2010, notable models {glue:text}`accel_notable_verdict` (change in the
# growth rate {glue:text}`accel_notable`) and frontier models
# {glue:text}`accel_frontier_verdict` ({glue:text}`accel_frontier`).

# %% tags=["remove-cell"]
glue_text(compute_trends.facts.start_facts(starts))

# %% [markdown]
# **Start year.** The frontier rate since 2018 depends on which models are
# frontier in 2018 and 2019, and that depends on the frontier before 2018.
# Starting later, {glue:text}`start_agreement`. With Epoch's values for
# the models before 2018 that both datasets hold, and its notable models we
# lack, our data give {glue:text}`start_swapped` from 2018,
# {glue:text}`start_swapped_verdict`. To date our data give
# {glue:text}`start_to_date`.

# %% tags=["hide-input"]
tables.show(
    compute_trends.facts.start_table(starts),
    caption="Frontier growth from each start year, on each dataset",
)

# %% [markdown]
# ### How much does the answer depend on the analyst?

# %% tags=["remove-cell"]
charts.publish(
    compute_trends.figures.specification_chart(curve),
    "fig-compute-trends-specification-curve",
    sources=("models",),
)
glue_text(compute_trends.facts.specification_facts(curve))

# %% [markdown]
# ```{glue:figure} fig-compute-trends-specification-curve
# :name: fig-compute-trends-specification-curve
#
# The growth of training compute, one curve per estimand: notable models
# ({glue:text}`spec_notable_chart_count` specifications) and frontier models
# ({glue:text}`spec_frontier_chart_count`: running top-5, top-10, top-20, or
# within 10x of the record), each sorted by estimate with its 90% interval.
# The panel under each curve marks the choices behind every specification, so
# the extremes can be read off the static figure; hover a point for details. {figure-svg}`fig-compute-trends-specification-curve`
# ```
#
# Notable-model growth and frontier growth are different quantities, so
# each has its own curve and no pooled median is given. For notable models the
# choice that moves the estimate most is {glue:text}`spec_notable_influence`;
# for the frontier it is {glue:text}`spec_frontier_influence`.

# %% tags=["remove-cell"]
language_years = compute_trends.model.yearly_medians(
    models, epoch, compute_trends.model.HEADLINES["language_2017_2024"][0]
)
glue_text(compute_trends.facts.language_gap_facts(comparison, language_years))
composition = compute_trends.model.language_composition(models, epoch, comparison)
glue_text(compute_trends.facts.composition_facts(composition))

# %% [markdown]
# ### Why our language-model trend is flatter
#
# In the publication's window our data give
# {glue:text}`ours_window_language` for language models, against
# {glue:text}`epoch_code_language` for Epoch's data through the same code. The
# difference is selection, not method: from 2017 to 2020 we have
# {glue:text}`language_early_ours` language models to Epoch's
# {glue:text}`language_early_epoch`, and ours are mostly the largest of their
# year, so their median compute sits {glue:text}`language_early_gap` orders of
# magnitude above Epoch's (the mean of the yearly median gaps from 2017 to
# 2020 in the table).
# Starting high, our trend line rises less.

# %% tags=["hide-input"]
tables.show(
    language_years.rename(
        columns={
            "count_ours": "models (ours)",
            "median_ours": "median log10 FLOP (ours)",
            "count_epoch": "models (Epoch AI)",
            "median_epoch": "median log10 FLOP (Epoch AI)",
        }
    ),
    index=True,
    caption="Language models by year: how many each dataset holds and how large they are",
)

# %% [markdown]
# The same models on both sides separate the estimates from the composition.
# On the {glue:text}`n_both` language models in both datasets, our estimates
# give {glue:text}`both_ours` and Epoch's {glue:text}`both_epoch`: a factor of
# {glue:text}`gap_estimates` from how compute is estimated. The models only
# Epoch has raise its rate by a further factor of {glue:text}`gap_epoch_models`,
# and the models only we have lower ours by {glue:text}`gap_our_models`.
# {glue:text}`composition_verdict`

# %% tags=["hide-input"]
tables.show(
    composition.drop(columns="factor"),
    caption="Growth of the language-model trend under each sample",
)

# %% [markdown]
# ### Backtests: would the trend have predicted what came next?

# %% tags=["hide-input"]
backtest = compute_trends.model.backtests(models)
tables.show(
    backtest,
    caption="Backtests: the trend fitted up to each cutoff against the models that came later",
)

# %% tags=["remove-cell"]
charts.publish(
    compute_trends.figures.backtest_chart(
        models, "2020-12-31", compute_trends.model.Sample("Frontier", frontier="top10")
    ),
    "fig-compute-trends-backtest",
    sources=("models",),
)
glue_text(compute_trends.facts.backtest_facts(backtest))

# %% [markdown]
# ```{glue:figure} fig-compute-trends-backtest
# :name: fig-compute-trends-backtest
#
# Frontier models released up to the end of 2020 (fitted) and after (held
# out), with the trend fitted before the cutoff and its 90% prediction band
# projected forward. {figure-svg}`fig-compute-trends-backtest`
# ```
#
# Fitting notable models up to {glue:text}`bt_cutoff` and projecting forward,
# {glue:text}`bt_inside` of the {glue:text}`bt_later` later models fall inside
# the 90% band, {glue:text}`bt_inside_80` inside the 80% band and
# {glue:text}`bt_inside_50` inside the 50% band; {glue:text}`bt_above` lie above
# the 90% band, and later models sit a median {glue:text}`bt_bias` orders of
# magnitude from the projected trend. Row by row, each level judged against
# the range a binomial at that level allows: {glue:text}`bt_calibration`
# Epoch's own test of this kind, a retrodiction fitted on models before GPT-3,
# is in the comparison table above, in all three columns beside the published
# figure (the two rows ending May 2020).
#
# ### Frontier definitions
#
# How many models count as the frontier changes the rate: the running top 5,
# 10 and 20, on our data and on Epoch AI's, from 2010 and from 2018.

# %% tags=["hide-input"]
tables.show(
    compute_trends.model.top_n_table(models, epoch),
    caption="Frontier growth under each definition of the frontier, on both datasets",
)

# %% [markdown]
# ### By developer

# %% tags=["hide-input"]
tables.show(
    compute_trends.model.organisation_trends(models, published),
    caption="Growth of training compute by developer, beside the published figures",
)

# %% [markdown]
# The three developers behind most frontier runs, each fitted on its own
# models: all of them, and its own running top ten (ranked among that
# developer's models alone). Google's labs (Google, Google Research, Google
# Brain, DeepMind, Google DeepMind) count as one. With few models per
# developer the intervals are wide. Sevilla and Roldán fit the top models of
# the same three developers (their Table A8); the last two columns fit our data
# on each of their windows beside their figure. Their Meta interval is printed
# as 80% in the table and 90% in the text.
#
# ### The largest training runs

# %% tags=["hide-input"]
tables.show(compute_trends.model.largest_runs(models), caption="The largest training runs in our data")

# %% [markdown]
# ## Comparison with published estimates

# %% tags=["hide-input"]
tables.show(
    keynumbers.comparison_table(
        registry,
        published,
        [
            (
                "compute.growth.notable_2010_2024",
                "sevilla2024.growth.notable_2010_2024",
                "Same window and method; our dataset is smaller and written independently (see the data "
                "audit).",
            ),
            (
                "compute.growth.frontier_2018_2024",
                "sevilla2024.growth.frontier_since_2018",
                "Same window. The gap is data, not method: with Epoch's values for the frontier models "
                "before 2018 our data agree with theirs (the start-year table), and their specification (a "
                "kink at January 2018, AlphaGo Master and Zero left out) gives the same gap on both datasets "
                "(the Eras section).",
            ),
            (
                "compute.growth.language_frontier_2020_2024",
                "sevilla2024.growth.language_frontier_2020_2024",
                "Same sample rule and window; theirs is the slope after a kink fitted from 2017, ours a line from "
                "June 2020.",
            ),
        ],
    ),
    caption="Our estimates beside the published figures that measure the same quantity",
)

# %% [markdown]
# Earlier estimates on other windows and samples are context, not
# replications: the 2022 "three eras" paper's doubling times and OpenAI's 2018
# figure for the largest runs, converted to growth per year.

# %% tags=["hide-input"]
tables.show(
    compute_trends.model.historical_context(published),
    caption="Historical growth figures from earlier publications, converted to growth a year",
)

# %% [markdown]
# ## Limitations

# %% tags=["remove-cell"]
glue_text(compute_trends.model.frontier_on_union(models, epoch))

# %% [markdown]
# - **Selection.** Which models count as notable drives every estimate here;
#   our dataset and Epoch's apply similar but not identical rules.
# - **Frontier coverage.** Frontier membership is relative, so a large model
#   missing from our data lets a smaller one into the top ten. Ranking our
#   models together with the {glue:text}`union_extra` of Epoch's notable models
#   we lack, {glue:text}`union_dropped` of our {glue:text}`union_frontier_ours`
#   frontier models since 2018 would drop out of the top ten
#   ({glue:text}`union_dropped_names`) and {glue:text}`union_joined` of
#   Epoch's would join; the data audit lists the frontier models we lack and
#   why.
# - **Closed models.** The largest runs are closed; their compute comes from
#   outside estimates graded *likely* or *speculative*.
# - **Dates.** A model's publication date is not its training date; the lag
#   differs between organisations and has grown for frontier models.
# - **Independence.** The bootstrap treats models as independent; model
#   families from one organisation are not.
# - **Log-linear form.** A constant growth rate is an approximation; the break
#   analysis shows how fragile the choice of era is.

# %% [markdown]
# ## The data tables this page read
#
# ```{data-tables-read}
# ```
