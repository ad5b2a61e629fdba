"""The data-wall chapter: the stock of public human text, dataset growth, the year of full use.

Conventions: tokens; dates as decimal years; logs base 10; growth as factors per year.

The stock model is Villalobos et al.'s (2024) as coded (epoch-research/data-stock at
83da8ed): the effective stock in year t is indexed pages × bytes per page ÷ bytes per
token × quality fraction × repetition factor, growing from 2024 by (pages growth ×
bytes-per-page growth) per year. Its inputs are the rows of ``data/text_stock_inputs.csv``;
each is drawn independently, as in their code.

The largest training dataset follows two projections, each a set of seeded paths:
*historical*, the log-linear trend of the running top-5 datasets in our data; and
*compute-based*, the frontier compute trend of the compute-trends chapter turned into
tokens by the compute-optimal allocation of the Chinchilla chapter (optionally
overtrained: k times the optimal tokens per parameter at the same compute gives √k
times the tokens). Both the stock and a path are log-linear in time, so each path meets
its stock draw in a closed-form year. ``routes`` sets released Common Crawl corpora, measured by
their creators, against the stock as independent routes.
"""

from analysis.topics.data_wall import datasets, facts, figures, model, routes

__all__ = ["datasets", "facts", "figures", "model", "routes"]
