"""Execute the report's pages, and know when a page must be executed again.

    python -m analysis.build.notebooks 03-chinchilla      # writes _build/chapters/03-chinchilla.ipynb

A page (chapter or appendix page) runs from its MyST source in a fresh kernel,
with its folder as working directory, exactly as the book build executes it.
While it runs, an audit hook in the kernel records every file it opens, so each
execution returns the page's dependencies: the ``analysis`` modules it
imported, the committed tables and bibliography it read, and
``requirements.txt`` (library versions change numbers too). Third-party files
are covered by ``analysis/data/sources.py``, which pins their SHA-256.

The book build (``analysis.build.sphinx_extension``) keeps one manifest per page,
``<output>/executions/<page>.json``: the hash of the page's code, the SHA-256
of every dependency and the files the page wrote. A page is executed again
only when its code, a dependency or an output changed or went missing, and
stale pages execute in parallel, one kernel per core.
"""

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from analysis import REPO_ROOT
from analysis.data import paths

PAGE_FOLDERS = ("chapters", "appendix")
"""Folders whose MyST files are executable pages (chapters and appendix pages)."""

ALWAYS_DEPENDS_ON = ("requirements.txt",)
"""Files every page depends on, whether or not it opens them."""

IGNORED_FOLDERS = (".venv", "_build", ".git", ".pytest_cache", ".ruff_cache")
"""Folders of the repository whose files are never dependencies."""

KERNEL_ENVIRONMENT = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
"""One BLAS thread per kernel: pages run side by side, one per core, and give the same numbers anywhere."""

EXECUTION_TIMEOUT_SECONDS = 300

_START_RECORDING = """\
import os as _os, sys as _sys
_opened = {"read": set(), "write": set()}
def _record_open(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, _os.PathLike)):
        mode = args[1] if isinstance(args[1], str) else "r"
        kind = "read" if mode.startswith("r") and "+" not in mode else "write"
        _opened[kind].add(_os.fsdecode(args[0]))
_sys.addaudithook(_record_open)
"""

_REPORT_RECORDING = """\
import json as _json
from analysis.build import notebooks as _notebooks
print(_json.dumps(_notebooks.opened_files_report(_opened)))
"""


class PageExecutionError(RuntimeError):
    """A page's cell raised; the message names the page and holds the cell's traceback."""


@dataclass
class Execution:
    """One page executed: the notebook with outputs, seconds, and what it read and wrote.

    ``dependencies`` are repository-relative paths; ``outputs`` are paths
    relative to ``analysis.data.paths.output_dir()``.
    """

    path: Path
    notebook: nbformat.NotebookNode
    seconds: float
    dependencies: list[str]
    outputs: list[str]


def notebook_paths() -> list[Path]:
    """Every executable page's MyST source, chapters first."""
    return [path for folder in PAGE_FOLDERS for path in sorted((REPO_ROOT / folder).glob("*.md"))]


def chapter_names() -> list[str]:
    """Every executable page's name (its file stem, e.g. ``03-chinchilla``, ``data-audit``)."""
    return [path.stem for path in notebook_paths()]


def page_name(path: Path) -> str:
    """The docname of a page, e.g. ``chapters/03-chinchilla``."""
    return path.resolve().relative_to(REPO_ROOT).with_suffix("").as_posix()


def read_page(path: Path) -> nbformat.NotebookNode:
    """A page's MyST source as a notebook, read as myst-nb reads it for the book."""
    from myst_nb.core.read import read_myst_markdown_notebook

    return read_myst_markdown_notebook(path.read_text(encoding="utf-8"), add_source_map=True, path=path)


def opened_files_report(opened: dict[str, set[str]]) -> dict[str, list[str]]:
    """Called inside a page's kernel: its dependencies and outputs, from the files it opened."""
    modules = {
        getattr(module, "__file__", None)
        for name, module in list(sys.modules.items())
        if name == "analysis" or name.startswith("analysis.")
    }
    read = {str(Path(name).resolve()) for name in opened["read"] | modules if name}
    dependencies = set(ALWAYS_DEPENDS_ON)
    for name in read:
        path = Path(name)
        if path.parent.name == "__pycache__":
            path = path.parent.parent / (path.name.split(".")[0] + ".py")
        if path.is_relative_to(REPO_ROOT) and path.is_file():
            relative = path.relative_to(REPO_ROOT)
            if relative.parts[0] not in IGNORED_FOLDERS:
                dependencies.add(relative.as_posix())
    output = paths.output_dir().resolve()
    outputs = {
        Path(name).resolve().relative_to(output).as_posix()
        for name in opened["write"]
        if Path(name).resolve().is_relative_to(output)
    }
    return {"dependencies": sorted(dependencies), "outputs": sorted(outputs)}


def execute_page(path: Path, timeout: int = EXECUTION_TIMEOUT_SECONDS) -> Execution:
    """Execute one page in a fresh kernel (IPC transport, one BLAS thread); raise on any cell error."""
    path = Path(path).resolve()
    notebook = read_page(path)
    cells, kernelspec = notebook.cells, dict(notebook.metadata.get("kernelspec", {}))
    notebook.cells = [
        nbformat.v4.new_code_cell(_START_RECORDING),
        *cells,
        nbformat.v4.new_code_cell(_REPORT_RECORDING),
    ]
    with tempfile.TemporaryDirectory(prefix="kernel-") as sockets:
        manager = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "ipc"))
        client = NotebookClient(
            notebook,
            km=manager,
            timeout=timeout,
            record_timing=False,
            resources={"metadata": {"path": str(path.parent)}},
        )
        start = time.perf_counter()
        try:
            with client.setup_kernel(env={**os.environ, **KERNEL_ENVIRONMENT}):
                last = len(notebook.cells) - 1
                for index, cell in enumerate(notebook.cells):
                    client.execute_cell(cell, index, store_history=0 < index < last)
        except CellExecutionError as error:
            raise PageExecutionError(f"{page_name(path)} failed:\n{error}") from None
        finally:
            if manager.has_kernel:
                manager.shutdown_kernel(now=True)
        seconds = time.perf_counter() - start
    report_cell = notebook.cells[-1]
    notebook.cells = cells
    notebook.metadata["kernelspec"] = kernelspec  # as the source declares it: the cache key hashes it
    report = json.loads("".join(output.get("text", "") for output in report_cell.outputs))
    return Execution(path, notebook, seconds, report["dependencies"], report["outputs"])


def execute_pages(page_paths: list[Path], jobs: int | None = None) -> list[Execution]:
    """Execute pages side by side, ``jobs`` at a time (default: one per core), in the order given."""
    jobs = jobs or os.cpu_count() or 1
    if len(page_paths) <= 1 or jobs == 1:
        return [execute_page(path) for path in page_paths]
    with ProcessPoolExecutor(max_workers=min(jobs, len(page_paths)), mp_context=get_context("spawn")) as pool:
        return list(pool.map(execute_page, page_paths))


def file_hash(relative: str) -> str | None:
    """SHA-256 of a repository file, or None if it no longer exists."""
    path = REPO_ROOT / relative
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def manifest_path(path: Path, output: Path | None = None) -> Path:
    """Where the manifest of page ``path`` lives: ``<output>/executions/<page>.json``."""
    return (output or paths.output_dir()) / "executions" / (page_name(path).replace("/", "__") + ".json")


def write_manifest(execution: Execution, code_hash: str, output: Path | None = None) -> None:
    """Record what an execution depended on and wrote, for the next build's staleness check."""
    manifest = {
        "page": page_name(execution.path),
        "code_hash": code_hash,
        "seconds": round(execution.seconds, 2),
        "dependencies": {name: file_hash(name) for name in execution.dependencies},
        "outputs": execution.outputs,
    }
    target = manifest_path(execution.path, output)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def read_manifest(path: Path, output: Path | None = None) -> dict | None:
    """The manifest of page ``path`` from its last execution, or None."""
    target = manifest_path(path, output)
    return json.loads(target.read_text(encoding="utf-8")) if target.is_file() else None


def why_stale(path: Path, code_hash: str, cached: bool, output: Path | None = None) -> str | None:
    """Why page ``path`` must be executed again (None if its cached execution is current).

    ``code_hash`` is the hash of the page's code cells now; ``cached`` says
    whether the execution cache holds outputs for exactly that code.
    """
    manifest = read_manifest(path, output)
    if manifest is None:
        return "never executed in this build folder"
    if manifest["code_hash"] != code_hash:
        return "its code changed"
    if not cached:
        return "no cached outputs for its code"
    changed = [name for name, digest in manifest["dependencies"].items() if file_hash(name) != digest]
    if changed:
        return f"{', '.join(sorted(changed))} changed"
    folder = output or paths.output_dir()
    missing = [name for name in manifest["outputs"] if not (folder / name).is_file()]
    if missing:
        return f"its output {missing[0]} is missing"
    return None


def main(argv: list[str] | None = None) -> int:
    """Execute the named pages (default: all) and write them to ``_build/chapters``."""
    parser = argparse.ArgumentParser(prog="python -m analysis.build.notebooks", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"pages (default all: {', '.join(chapter_names())})")
    args = parser.parse_args(argv)
    known = {path.stem: path for path in notebook_paths()}
    unknown = [name for name in args.names if name not in known]
    if unknown:
        raise SystemExit(f"no chapter or appendix page named '{unknown[0]}'; known: {', '.join(known)}")
    folder = REPO_ROOT / "_build" / "chapters"
    folder.mkdir(parents=True, exist_ok=True)
    for name in args.names or list(known):
        execution = execute_page(known[name])
        nbformat.write(execution.notebook, folder / f"{name}.ipynb")
        print(f"{name}: executed in {execution.seconds:.1f} s -> {folder / f'{name}.ipynb'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
