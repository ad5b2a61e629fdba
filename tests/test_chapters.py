"""Every chapter's pair is in sync and it follows the chapter contract (the site build executes it)."""

import re

import jupytext
import pytest
from conftest import CHAPTERS, NOTEBOOKS

REQUIRED_SECTIONS = [
    "Summary",
    "Data",
    "Method",
    "Results",
    "Comparison with published estimates",
    "Limitations",
]


def test_there_is_at_least_one_chapter():
    assert CHAPTERS


@pytest.mark.parametrize("chapter", NOTEBOOKS, ids=lambda path: path.stem)
def test_paired_python_file_is_in_sync(chapter):
    markdown = jupytext.read(chapter)
    python = jupytext.read(chapter.with_suffix(".py"))
    assert [cell.source for cell in markdown.cells] == [cell.source for cell in python.cells]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda path: path.stem)
def test_chapter_contract(chapter):
    text = chapter.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    for section in REQUIRED_SECTIONS:
        assert section in headings, f"{chapter.name} lacks a '{section}' section"
    figures = re.findall(r"```\{glue:figure\} (\S+)\n:name: (\S+)", text)
    assert figures, f"{chapter.name} has no figure"
    for key, name in figures:
        assert key == name and name.startswith(f"fig-{chapter.stem.split('-', 1)[1]}-")
        assert f"{{figure-svg}}`{name}`" in text, f"{name} has no SVG link"


@pytest.mark.parametrize("chapter", NOTEBOOKS, ids=lambda path: path.stem)
def test_prose_has_no_hand_typed_results(chapter):
    """Numbers with a decimal point or of three or more digits in prose must be glued (years aside)."""
    notebook = jupytext.read(chapter)
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        prose = re.sub(r"\$[^$]*\$", "", cell.source)  # maths defines the method
        prose = re.sub(r"\{[a-z:-]+\}`[^`]*`", "", prose)  # glue roles, citations, references
        prose = re.sub(r"`[^`]*`", "", prose)  # code: file names, ids, commands
        prose = re.sub(r"^:name: .*$", "", prose, flags=re.MULTILINE)
        prose = re.sub(r"(?<![\w.,])(19|20)\d\d(?!\w|\.\d)", "", prose)  # years define windows
        prose = prose.replace("CC BY 4.0", "")  # a licence's name
        typed = re.findall(r"(?<![\w.])\d+(?:\.\d+)+|(?<![\w.,-])\d{3,}(?:,\d{3})*(?![\w])", prose)
        assert not typed, f"hand-typed numbers in {chapter.name}: {typed}"
