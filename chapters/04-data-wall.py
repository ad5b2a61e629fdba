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
# (chapter-data-wall)=
# # When does training use up the stock of public human text?

# %% tags=["remove-cell"]
from analysis.data import loaders
from analysis.report import charts, keynumbers, tables
from analysis.report.keynumbers import glue_text
from analysis.topics import data_wall as dw
from analysis.topics import timelines

models = loaders.load_models()
inputs = loaders.load_text_stock_inputs()
published = loaders.load_published_estimates()
joint = timelines.model.shared_simulation()
wall = dw.model.analyse(
    models,
    inputs,
    loaders.load_epoch_dataset_sizes(),
    loaders.load_dataset_passes(models),
    dw.model.RunTokens.from_simulation(joint),
)

registry = keynumbers.Registry(chapter="chapters/04-data-wall", data_through=models.publication_date.max())
dw.facts.register_key_numbers(registry, wall)
registry.glue()
registry.save()
glue_text(dw.facts.summary_facts(wall))

# %% [markdown]
# ## Summary
#
# - **The stock.** Rerunning Villalobos et al.'s model {cite:p}`villalobos2024data`
#   with its inputs as data, the effective stock of public human text in 2024 is
#   {glue:text}`data.stock.effective_tokens_2024.text` tokens. It grows by
#   {glue:text}`summary_stock_growth`: by 2030 it is
#   {glue:text}`data.stock.effective_tokens_2030.text` tokens. {cite-number}`data.stock.effective_tokens_2024` {cite-number}`data.stock.effective_tokens_2030`
# - **Datasets.** Training sets of language models (open models and papers
#   that report their token counts) have grown by
#   {glue:text}`summary_growth_all` (fitted since 2010; the first in our data
#   is from {glue:text}`summary_first_year`)
#   ({glue:text}`data.dataset_growth.language.ci`); the largest in our data
#   holds {glue:text}`data.largest_dataset.tokens` tokens.
# - **The year of full use.** If datasets keep growing as they have, or as the
#   unconstrained compute trend and the compute-optimal allocation imply, the
#   largest training dataset reaches the whole effective stock in
#   {glue:text}`data.full_use_year.median.text`. Training five times more
#   tokens per parameter than is compute-optimal brings that to
#   {glue:text}`data.full_use_year.overtrained_5x.text`. As a scenario, a
#   frontier run overtrained a hundred times, about as far as small deployed
#   models such as Llama 3 8B go, would have met it by
#   {glue:text}`data.full_use_year.overtrained_100x.text`. {cite-number}`data.full_use_year.median` {cite-number}`data.full_use_year.overtrained_5x` {cite-number}`data.full_use_year.overtrained_100x`
# - **What moves it.** Of the model's inputs, the
#   {glue:text}`summary_driver` moves the year most (a spread of
#   {glue:text}`summary_driver_spread` years between its 10th and 90th
#   percentiles); of the analyst's choices, {glue:text}`summary_choice`
#   ({glue:text}`summary_choice_spread` years). The inputs' ranges are
#   judgements or bootstrap spreads, so the two lists are not a contest.
#   {glue:text}`summary_after_2100`

# %% tags=["remove-cell"]
glue_text(dw.facts.data_facts(wall))

# %% [markdown]
# ## Data
#
# - **Stock inputs.** `data/text_stock_inputs.csv` holds the model's
#   {glue:text}`n_inputs` inputs, one row each: distribution, interval and its
#   level, unit, the source that justifies it and how it was derived. For
#   {glue:text}`n_villalobos_only` of them Villalobos et al.'s code is the only
#   source; the rows say so, and give every independent cross-check we found
#   (a tokenizer measurement for bytes per token, a filtering paper for the
#   quality fraction, Muennighoff et al. {cite:p}`muennighoff2023scaling` for
#   repetition).
# - **Dataset sizes.** The unique size of the training set (one pass) of the
#   {glue:text}`n_datasets` language (and multimodal) models, each training
#   set counted once, in
#   `data/models.csv` published since {glue:text}`first_dataset_year` with a
#   token count (from their developer, except the speculative ones named
#   below); {glue:text}`n_top_datasets` of them were
#   among the five largest at release. Usually that is the training tokens;
#   {glue:text}`n_multi_pass` models read a smaller set several times (most of
#   them the encoders of 2018–2019, for tens of epochs), and
#   `data/dataset_passes.csv` gives each set's unique size as its source prints
#   it, which is what we count, as Villalobos et al.'s own dataset sizes do.
#   {glue:text}`n_multi_pass_bytes` of those sizes are printed in bytes and
#   converted at the stock's median of {glue:text}`bytes_per_token_median`
#   bytes per token; {glue:text}`n_multi_pass_left_out` with no unique size in
#   their source are left out (table below). Each training set counts once:
#   {glue:text}`n_same_corpus` models share a corpus an earlier model already
#   counts (a family trained on one corpus, or a fine-tune reading its base's)
#   and are left out of the dataset series. Of the
#   {glue:text}`n_training_sets` training sets left,
#   {glue:text}`n_open_training_sets` are from open-weight models; the rest
#   are from papers and reports; the token counts of
#   {glue:text}`speculative_training_sets` rest on a third party's reading
#   (graded speculative). Closed frontier models rarely report theirs.
# - **Third-party files**, fetched by `analysis.data.sources` with a pinned hash:
#   Villalobos et al.'s {glue:text}`n_epoch_sizes` dataset sizes (in words,
#   converted at Epoch's {glue:text}`words_per_token` words per token) and
#   their word-frequency file for the size of Google's index.

# %% tags=["hide-input"]
tables.show(
    dw.facts.multi_pass_table(wall),
    caption="Models that report training on their data more than once: tokens seen and unique tokens",
)

# %% tags=["remove-cell"]
glue_text(dw.facts.method_facts(wall))

# %% [markdown]
# ## Method
#
# **Stock.** {glue:text}`draws` seeded draws of every input, independent of
# one another as in the authors' code. The effective stock in year $t$ is
# $S(t) = P \cdot b / \tau \cdot q \cdot r \cdot (g_P\, g_b)^{t - 2024}$:
# indexed pages $P$, bytes per page $b$, bytes per token $\tau$, quality
# fraction $q$, repetition factor $r$, and the yearly growth of pages and of
# bytes per page. A lognormal input with central interval $[l, h]$ at level
# $c$ has $\mu = (\ln l + \ln h)/2$ and $\sigma = (\ln h - \ln l) / 2z$, with
# $z$ the standard-normal quantile at $(1 + c)/2$. Bytes per token are drawn as
# the authors draw them, six minus a lognormal; the {glue:text}`n_clipped`
# draws ({glue:text}`clipped_share`) below one byte per token, impossible for a
# byte-level tokenizer, are set to one.
#
# **Dataset growth.** Ordinary least squares of $\log_{10}$ dataset tokens on
# date with 95% intervals from seeded bootstrap resamples of models, for all
# language models since 2010 and for the running top-5.
#
# **Projections of the largest dataset.** *Historical*: bootstrap paths of the
# top-5 trend plus a record offset, how far the largest dataset to date stood
# above that line at a randomly drawn past date, never below today's largest
# dataset (the method the timelines chapter uses for the largest run); the
# trend line alone, which follows a typical large dataset rather than the
# largest, is shown as a sensitivity. *Compute-based*: the compute-optimal
# tokens of the largest run on the unconstrained path of the report's joint
# simulation ({ref}`chapter-timelines`: the frontier compute trend plus the
# same kind of record offset), turned into tokens by the compute-optimal
# allocation of {ref}`chapter-chinchilla`, $D^*(C) = (C/6)^{b}/G$, one of its
# bootstrap laws per draw, and never below today's largest dataset on its own
# date. *Overtrained*: training a
# model with $k$ times the compute-optimal tokens per parameter at the same
# compute multiplies its tokens by $\sqrt{k}$; we show $k$ =
# {glue:text}`overtraining_levels` (Llama 3 8B trained on
# {glue:text}`llama_tpp` tokens per parameter).
#
# **Year of full use.** Stock and path are both log-linear in time, so each
# path meets its own stock draw in a closed-form year; the distribution of those
# years is the result (median and 80% interval), and the headline mixes the
# historical and compute-based paths equally, as Villalobos et al. do. Their
# own definition differs: the first year in which $P(D \ge S) = 0.5$ with
# dataset and stock drawn independently. We compute both.
#
# **Which input matters.** Each input in turn at its 10th and 90th percentile,
# the others at their medians, on the median historical path.
#
# ## Results
#
# ### The stock

# %% tags=["remove-cell"]
glue_text(
    dw.facts.stock_facts(wall, dw.model.indexed_web_from_pivot_words(loaders.load_google_pivot_words()))
)
charts.publish(
    dw.figures.fan_chart(wall),
    "fig-data-wall-stock",
    sources=("text_stock_inputs", "models", "dataset_passes", "epoch_data_stock_dataset_sizes"),
)

# %% [markdown]
# The indexed web holds {glue:text}`data.stock.indexed_web_tokens_2024.text`
# tokens in 2024. Re-deriving the size of Google's index from the authors' word
# file (result counts divided by each word's share of Common Crawl documents)
# gives {glue:text}`pivot_pages` pages (95% of word-year cells between
# {glue:text}`pivot_pages_ci`), close to the centre of the coded input. After
# quality filtering and repetition the effective stock grows by
# {glue:text}`stock_growth`.
#
# ```{glue:figure} fig-data-wall-stock
# :name: fig-data-wall-stock
#
# Top: the effective stock of public human text (median and 90% band) against
# the projected largest training dataset, historical, compute-based and five
# times overtrained (each with its 90% band), and the datasets of language
# models in `data/models.csv` (hover for model and source). Bottom: the year in
# which each historical or compute-based path meets its stock draw.
# {figure-svg}`fig-data-wall-stock`
# ```

# %% tags=["remove-cell"]
routes = dw.routes.routes(wall, published)
glue_text(dw.routes.route_facts(routes, wall.combined.median))

# %% [markdown]
# **Independent routes.** The stock model is Villalobos et al.'s with their
# inputs, so matching their stock checks our code, not the stock. Corpora
# released from Common Crawl are measured instead: {glue:text}`route_filtered_verdict`
# (the largest, {glue:text}`route_largest`, holds
# {glue:text}`route_largest_share` of it), and all of Common Crawl before 2023,
# unfiltered, holds {glue:text}`route_raw_share` of our indexed web. Setting
# our stock's level to each corpus and keeping every other input, the year of
# full use would fall between {glue:text}`route_year_low` and
# {glue:text}`route_year_high`, against {glue:text}`route_headline`. The
# filtered corpora are English or a few languages and Common Crawl alone, so
# their years are the earliest the stock could run out; the spread shows that
# the stock's level, which no released corpus pins down from above, carries
# most of the uncertainty in the year.

# %% tags=["hide-input"]
tables.show(
    dw.routes.route_table(routes),
    caption="Routes to the stock of text: each corpus and the year of full use it implies",
)

# %% [markdown]
# ### Datasets

# %% tags=["remove-cell"]
glue_text(dw.facts.dataset_facts(wall))
charts.publish(
    dw.figures.dataset_chart(wall),
    "fig-data-wall-datasets",
    sources=("models", "dataset_passes", "epoch_data_stock_dataset_sizes"),
)

# %% [markdown]
# ```{glue:figure} fig-data-wall-datasets
# :name: fig-data-wall-datasets
#
# Training tokens of the language models in `data/models.csv` by publication
# date (log scale), with the fitted trends for all of them and for the running
# top-5. Hover a point for its model and source. {figure-svg}`fig-data-wall-datasets`
# ```
#
# The top-5 datasets grow by {glue:text}`data.dataset_growth.top5.text` x per
# year; all language models by {glue:text}`datasets_growth_all`. Villalobos et
# al.'s own dataset sizes through our code give the middle column below.

# %% tags=["hide-input"]
tables.show(
    dw.model.three_columns(wall, published),
    caption="Datasets: our estimates, the published data through our code, and the published figures",
)

# %% [markdown]
# ### The year of full use

# %% tags=["remove-cell"]
glue_text(dw.facts.full_use_facts(wall, published))
charts.publish(
    dw.figures.full_use_chart(dw.model.full_use_frame(wall, published)),
    "fig-data-wall-full-use",
    sources=(
        "text_stock_inputs",
        "models",
        "dataset_passes",
        "published_estimates",
        "epoch_data_stock_dataset_sizes",
    ),
)

# %% [markdown]
# Under Villalobos et al.'s definition, on our projections, the median year is
# {glue:text}`independent_median` (80%: {glue:text}`independent_interval`),
# {glue:text}`independent_shift`. Their
# own inputs and dataset sizes, through our code, give
# {glue:text}`epoch_median` for the historical projection alone.
#
# **Sensitivity: the trend line.** Projecting the top-5 trend line itself (a
# typical large dataset, not the largest) gives {glue:text}`trend_line_year`
# (80%: {glue:text}`trend_line_interval`), {glue:text}`trend_line_shift` years
# later than the historical projection of the largest dataset.
#
# **Why our interval is narrower.** Ours spans {glue:text}`width_ours` years,
# Villalobos et al.'s {glue:text}`width_theirs`. Much of theirs comes from not
# knowing today's largest dataset: they draw it over
# {glue:text}`their_level` tokens (90%), a factor of
# {glue:text}`their_level_ratio`, which at our historical path's growth net of
# the stock's is {glue:text}`their_level_years` years. Our paths start from the
# record in our data, {glue:text}`record_tokens` tokens
# ({glue:text}`record_model`), {glue:text}`record_passes`.
#
# **Sensitivity: passes.** The {glue:text}`n_unclear` datasets whose passes
# their sources leave unclear are counted at their training tokens (one pass).
# Leaving them out moves the headline to {glue:text}`clear_passes_year` (80%:
# {glue:text}`clear_passes_interval`).
#
# ```{glue:figure} fig-data-wall-full-use
# :name: fig-data-wall-full-use
#
# The year the largest training dataset reaches the effective stock: median
# and 80% interval under each projection and definition, beside the published
# figure. {figure-svg}`fig-data-wall-full-use`
# ```

# %% tags=["hide-input"]
tables.show(
    dw.facts.full_use_table(wall, published),
    caption="The year of full use under each projection",
)

# %% [markdown]
# ### Which input matters

# %% tags=["remove-cell"]
charts.publish(
    dw.figures.tornado_chart(wall.sensitivity, wall.full_use["historical"].median),
    "fig-data-wall-tornado",
    sources=("text_stock_inputs",),
)

# %% [markdown]
# ```{glue:figure} fig-data-wall-tornado
# :name: fig-data-wall-tornado
#
# The year of full use on the median historical path with one input at a time
# moved to its 10th and 90th percentile; the dashed line is the median year of
# the historical projection. {figure-svg}`fig-data-wall-tornado`
# ```

# %% tags=["hide-input"]
tables.show(
    dw.model.tornado_display(wall.sensitivity),
    caption="How far each input moves the year of full use (10th to 90th percentile)",
)

# %% [markdown]
# The analyst's choices move the year too, each as its two sides (median
# years of full use):

# %% tags=["hide-input"]
tables.show(
    dw.facts.choice_table(wall),
    caption="How far each analyst's choice moves the year of full use",
)

# %% [markdown]
# ### Backtest: the 2022 version

# %% tags=["remove-cell"]
backtest = dw.model.backtest_2022(wall, published)
glue_text(dw.facts.backtest_facts(wall, backtest, published))

# %% [markdown]
# The first version of the paper {cite:p}`villalobos2022data` projected the
# largest dataset from {glue:text}`bt_start_words` words, growing (in its code)
# by a median {glue:text}`bt_coded_growth` a year (90%:
# {glue:text}`bt_coded_interval`); its abstract states only a lower bound,
# more than {glue:text}`bt_growth`x a year. It also projected the stock of
# high-quality language data used up by {glue:text}`bt_exhausted` (90% CI
# {glue:text}`bt_exhausted_low`–{glue:text}`bt_exhausted_high`). Against the largest dataset in our data at
# each year's end (unique tokens, as the projection counts datasets), the
# coded projection held the record inside its 90% band in
# {glue:text}`bt_inside` years: it was {glue:text}`bt_projection_verdict`. Its
# starting level is {glue:text}`bt_start_ratio` times the largest dataset in
# our data at the end of {glue:text}`bt_first_year`, which is where early misses
# come from; by the end of {glue:text}`bt_year` the record
# ({glue:text}`bt_model`) is {glue:text}`bt_ratio` times its median. Since the
# projected exhaustion date the largest dataset has grown
# {glue:text}`bt_growth_since`-fold: datasets {glue:text}`bt_wall_verdict`.
# Developers filtered the wider web instead, corpora of the kind the 2022
# version counted as low quality.

# %% tags=["hide-input"]
tables.show(
    backtest,
    caption="Backtest: the projection coded as of 2022 against the datasets that came later",
)

# %% [markdown]
# ### Beyond the wall

# %% tags=["remove-cell"]
glue_text(dw.facts.beyond_facts(wall, published))

# %% [markdown]
# These are scenarios, not part of the estimate above.
#
# - **Other modalities.** Villalobos et al. put images at
#   {glue:text}`images_ratio` times and video at {glue:text}`video_ratio` times
#   the median effective text stock, in token-equivalents (their Table 1),
#   though a token of video teaches a language model far less than a token of
#   text.
# - **Synthetic text.** At the rate OpenAI's models generated text in early
#   2024 {cite:p}`altman2024words`, one deployed model family writes about
#   {glue:text}`synthetic_tokens_per_year` tokens a year: the whole effective
#   stock every {glue:text}`synthetic_years_per_stock` years. Whether such text
#   trains as well as human text is the open question.
# - **Repeating data.** Muennighoff et al. find {glue:text}`repetition_epochs`
#   epochs of repeated data almost as good as new data; their fitted law counts
#   them as {glue:text}`repetition_multiplier` times the unique tokens. The
#   stock model's repetition factor already assumes this much.
# - **Unique tokens.** The effective stock lets each token be read several
#   times. Today's record already holds {glue:text}`unique_share_effective` of
#   the effective stock of 2024 but {glue:text}`unique_share_filtered` of the
#   quality-filtered unique stock (no repetition): on a one-pass view the wall
#   is nearer than the headline says.
# - **Closed models.** The largest closed models rarely report their datasets
#   and are left out; if theirs are larger than the open record, the year of
#   full use comes earlier than ours.
# - **Post-training data.** Reinforcement-learning and instruction data are
#   generated or written for the purpose and grow with compute, not with the
#   web; a run whose gains come mostly from them meets no text wall at all. We
#   do not model that scenario.
# - **Private data** (messages, documents, closed archives) is larger still but
#   not available for training by law and contract; we do not estimate it.

# %% tags=["remove-cell"]
glue_text(dw.facts.joint_facts(joint, wall))
glue_text(dw.facts.floor_facts(wall))

# %% [markdown]
# ### The largest run of 2030 and the stock
#
# In the report's joint simulation of the largest training run (the timelines
# chapter: the compute trend bent by the 2030 ceilings, among them this
# chapter's stock), the constrained 2030 run's compute-optimal dataset is
# {glue:text}`joint_tokens_constrained` tokens, {glue:text}`joint_share_constrained`
# of the median effective stock of 2030; with no ceiling it would be
# {glue:text}`joint_tokens_unconstrained` tokens
# ({glue:text}`joint_share_unconstrained`).
# This chapter's compute-based path is that unconstrained run's dataset, held
# no lower than today's largest dataset on its own date: a mid-size model
# trained far past compute-optimal holds today's record, so the floor lifts
# {glue:text}`floor_share` of the draws, and the path's 2030 median is
# {glue:text}`floor_path_2030` tokens against the run's own
# {glue:text}`floor_run_2030`.

# %% [markdown]
# ## Comparison with published estimates

# %% tags=["hide-input"]
tables.show(
    keynumbers.comparison_table(registry, published, dw.model.COMPARISON_PAIRS),
    caption="Our estimates beside the published figures that measure the same quantity",
)

# %% [markdown]
# ## Limitations
#
# - **The stock model is theirs.** Several of its inputs rest on Villalobos et
#   al.'s judgement alone, and among the model's inputs the answer depends most
#   on ones no one measures directly, such as the size of Google's index; the
#   analyst's choices (overtraining above all) move it as much or more.
# - **Independence.** Inputs are drawn independently; a larger index with
#   shorter pages would be a correlated error the model cannot represent.
# - **Projections are trends.** Neither projection knows about a change in what
#   developers train on; the backtest shows how a trend on a narrow notion of
#   "high quality" failed.
# - **Dataset sizes.** Many frontier developers no longer publish token counts;
#   our dataset frontier rests on open models, whose datasets may be smaller
#   than closed ones'.
# - **Compute-optimal is an assumption.** The compute-based path gives the
#   largest run the dataset the Chinchilla law calls optimal; labs that
#   overtrain smaller models use more tokens per FLOP (the overtrained paths),
#   and the largest datasets need not belong to the largest run.

# %% [markdown]
# ## The data tables this page read
#
# ```{data-tables-read}
# ```
