"""The Chinchilla replication chapter's analysis: fit, bootstrap, sensitivity, comparisons.

Everything the chapter shows is computed here from the digitised runs of
Hoffmann et al. (2022) Fig. 4 and ``data/published_estimates.csv``; the
chapter only calls these functions, registers key numbers and writes prose.
Loss is in nats per token, compute in FLOP (C = 6 N D), logs base 10 in tables.
"""

from analysis.topics.chinchilla import facts, figures, model

__all__ = ["facts", "figures", "model"]
