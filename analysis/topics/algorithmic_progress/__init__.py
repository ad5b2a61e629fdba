"""Algorithmic progress: how fast the compute needed for a fixed result falls.

Two lines of evidence, each with a seeded bootstrap interval:

1. **Augmented scaling law** (after Ho et al. 2024). The test loss of a
   language model, L = ln(perplexity) in nats per word, falls with training
   compute C = 6 N D and with time, through an *effective compute*
   C_eff = C exp(g (t - t0)): L = E_b + A (C_eff / C_ref)**(-gamma), with a
   floor E_b per benchmark. The compute needed for a fixed loss then halves
   every ln 2 / g years. The ``separate`` variant is Ho et al.'s form, with
   effective parameters and data growing at their own rates
   (L = E_b + A N_eff**-alpha + B D_eff**-beta); under the compute-optimal
   allocation its halving time is ln 2 / (g_N + g_D).
2. **Fixed-target records**: the wall-clock time of the NanoGPT speedrun on
   fixed hardware, a log-linear fit of log10(minutes) on date.

"Is it accelerating?": each line of evidence is refitted with a rate that
changes linearly in time; the change in rate is reported with its interval.
"""

from analysis.topics.algorithmic_progress import facts, figures, model

__all__ = ["facts", "figures", "model"]
