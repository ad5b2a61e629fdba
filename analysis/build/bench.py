"""Benchmark: the book build, cold and cached, and every page in a fresh kernel, on this machine.

    python -m analysis.build.bench            # or: make bench

Prints wall-clock seconds for a cold book build (empty build folder, every
page executed, in parallel), a rebuild with nothing changed (nothing
executed), each page's execution alone in a fresh kernel (median of
``--repeat`` runs), the Chinchilla fit and its 1,000-refit bootstrap and, with
``--test``, the whole test suite. Exits 1 when a figure is over its budget, so
a slow change cannot land unnoticed. The README quotes these figures.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis import REPO_ROOT
from analysis.build import notebooks
from analysis.science import scaling_laws as sl
from analysis.topics import chinchilla

PAGE_BUDGET_SECONDS = 10.0
COLD_BUILD_BUDGET_SECONDS = 60.0
CACHED_BUILD_BUDGET_SECONDS = 10.0
TEST_BUDGET_SECONDS = 120.0
BOOTSTRAP_BUDGET_SECONDS = 1.0


def _seconds(step) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def _build(output: Path) -> None:
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    command = [str(jupyter_book), "build", str(REPO_ROOT), "--path-output", str(output), "--warningiserror"]
    subprocess.run(command, check=True, capture_output=True, cwd=REPO_ROOT)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 1 if any figure exceeds its budget."""
    parser = argparse.ArgumentParser(prog="python -m analysis.build.bench", description=__doc__)
    parser.add_argument("--repeat", type=int, default=1, help="fresh-kernel runs per page (median reported)")
    parser.add_argument("--test", action="store_true", help="also time the whole test suite (make test)")
    args = parser.parse_args(argv)
    rows = []
    if args.test:
        pytest = [str(Path(sys.executable).parent / "pytest"), "-q"]
        rows.append(
            (
                "make test (whole suite)",
                _seconds(lambda: subprocess.run(pytest, check=True, capture_output=True, cwd=REPO_ROOT)),
                TEST_BUDGET_SECONDS,
            )
        )
    with tempfile.TemporaryDirectory(prefix="bench-book-") as output:
        rows.append(
            (
                "cold make book (empty build folder)",
                _seconds(lambda: _build(Path(output))),
                COLD_BUILD_BUDGET_SECONDS,
            )
        )
        rows.append(
            (
                "make book again, nothing changed",
                _seconds(lambda: _build(Path(output))),
                CACHED_BUILD_BUDGET_SECONDS,
            )
        )
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as output:
        os.environ["SCALING_TRENDS_OUTPUT"] = output
        for path in notebooks.notebook_paths():
            seconds = statistics.median(notebooks.execute_page(path).seconds for _ in range(args.repeat))
            rows.append((f"page {path.stem} (fresh kernel, all cells)", seconds, PAGE_BUDGET_SECONDS))
    runs = chinchilla.model.load_runs()
    used = runs[~runs.excluded]
    fit = sl.fit_chinchilla(used.parameters, used.training_tokens, used.loss)
    fit_seconds = _seconds(lambda: sl.fit_chinchilla(used.parameters, used.training_tokens, used.loss))
    boot_seconds = _seconds(
        lambda: sl.bootstrap_chinchilla(used.parameters, used.training_tokens, used.loss, fit)
    )
    rows.append((f"Chinchilla grid fit ({len(sl.grid_points()):,} starts)", fit_seconds, None))
    rows.append(
        (
            f"Chinchilla bootstrap ({chinchilla.model.BOOTSTRAP_RESAMPLES:,} batched refits)",
            boot_seconds,
            BOOTSTRAP_BUDGET_SECONDS,
        )
    )
    over = False
    print(f"{'step':<64} {'seconds':>8} {'budget':>7}")
    for label, seconds, budget in rows:
        flag = " OVER" if budget is not None and seconds > budget else ""
        over |= bool(flag)
        print(f"{label:<64} {seconds:>8.1f} {budget if budget else '':>7}{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
