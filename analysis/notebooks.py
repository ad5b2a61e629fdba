"""Execute a chapter on its own, outside the book build.

    python -m analysis.notebooks 03-chinchilla      # writes _build/chapters/03-chinchilla.ipynb

The chapter runs from its MyST source in a fresh kernel, with the chapter
folder as working directory, exactly as the book build executes it.
"""

import argparse
import sys
import time

import jupytext
import nbformat
from nbclient import NotebookClient

from analysis import REPO_ROOT

NOTEBOOK_FOLDERS = ("chapters", "appendix")
"""Folders whose MyST files are executable pages (chapters and appendix pages)."""


def notebook_paths() -> list:
    """Every executable page's MyST source, chapters first."""
    return [path for folder in NOTEBOOK_FOLDERS for path in sorted((REPO_ROOT / folder).glob("*.md"))]


def chapter_names() -> list[str]:
    """Every executable page's name (its file stem, e.g. ``03-chinchilla``, ``data-audit``)."""
    return [path.stem for path in notebook_paths()]


def execute_chapter(name: str, timeout: int = 300) -> tuple[nbformat.NotebookNode, float]:
    """Execute page ``name``; return the executed notebook and the wall time in seconds."""
    matches = [path for path in notebook_paths() if path.stem == name]
    if not matches:
        raise SystemExit(f"no chapter or appendix page named '{name}'; known: {', '.join(chapter_names())}")
    path = matches[0]
    notebook = jupytext.read(path)
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    start = time.perf_counter()
    client.execute()
    return notebook, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Execute the named chapters (default: all) and write them to ``_build/chapters``."""
    parser = argparse.ArgumentParser(prog="python -m analysis.notebooks", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"chapters (default all: {', '.join(chapter_names())})")
    args = parser.parse_args(argv)
    folder = REPO_ROOT / "_build" / "chapters"
    folder.mkdir(parents=True, exist_ok=True)
    for name in args.names or chapter_names():
        notebook, seconds = execute_chapter(name)
        nbformat.write(notebook, folder / f"{name}.ipynb")
        print(f"{name}: executed in {seconds:.1f} s -> {folder / f'{name}.ipynb'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
