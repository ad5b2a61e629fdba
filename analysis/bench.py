"""Benchmark: how long the expensive steps and each chapter take on this machine.

    python -m analysis.bench            # or: make bench

Prints wall-clock seconds (median of ``--repeat`` runs) for the Chinchilla
grid fit, its bootstrap and every chapter's execution in a fresh kernel. The
README quotes these figures; the chapter budget is 15 s on two cores.
"""

import argparse
import statistics
import sys
import time

from analysis import chinchilla, notebooks
from analysis import scaling_laws as sl

CHAPTER_BUDGET_SECONDS = 15.0


def _median_seconds(step, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 1 if a chapter exceeds its time budget."""
    parser = argparse.ArgumentParser(prog="python -m analysis.bench", description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs per step (median reported)")
    args = parser.parse_args(argv)
    runs = chinchilla.load_runs()
    used = runs[~runs.excluded]
    fit = sl.fit_chinchilla(used.parameters, used.training_tokens, used.loss)
    steps = {
        f"Chinchilla grid fit ({len(sl.grid_points()):,} starts, best {sl.STARTS_TO_OPTIMISE} optimised)": (
            lambda: sl.fit_chinchilla(used.parameters, used.training_tokens, used.loss)
        ),
        f"Chinchilla bootstrap ({chinchilla.BOOTSTRAP_RESAMPLES:,} warm-started refits)": (
            lambda: sl.bootstrap_chinchilla(used.parameters, used.training_tokens, used.loss, fit)
        ),
    }
    over_budget = False
    print(f"{'step':<70} {'seconds':>8}")
    for label, step in steps.items():
        print(f"{label:<70} {_median_seconds(step, args.repeat):>8.2f}")
    for name in notebooks.chapter_names():
        seconds = statistics.median(notebooks.execute_chapter(name)[1] for _ in range(args.repeat))
        over_budget |= seconds > CHAPTER_BUDGET_SECONDS
        print(f"{'chapter ' + name + ' (fresh kernel, all cells)':<70} {seconds:>8.2f}")
    return 1 if over_budget else 0


if __name__ == "__main__":
    sys.exit(main())
