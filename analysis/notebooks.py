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

CHAPTERS_DIR = REPO_ROOT / "chapters"


def chapter_names() -> list[str]:
    """Every chapter's name (its file stem, e.g. ``03-chinchilla``)."""
    return sorted(path.stem for path in CHAPTERS_DIR.glob("*.md"))


def execute_chapter(name: str, timeout: int = 300) -> tuple[nbformat.NotebookNode, float]:
    """Execute chapter ``name``; return the executed notebook and the wall time in seconds."""
    notebook = jupytext.read(CHAPTERS_DIR / f"{name}.md")
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(CHAPTERS_DIR)}}
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
