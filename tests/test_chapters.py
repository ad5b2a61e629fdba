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


CODE_LINE_BUDGET = 145
"""Non-blank code lines a page may hold, captions apart; what does not fit belongs in ``analysis/``. (120
until every table had a caption: a call with one no longer fits on a line, so each takes three or four.)"""

SCREEN_LINES = 40
"""A placeholder must sit within this many source lines below the cell that glues it."""

PLACEHOLDER = re.compile(r"\{glue(?::[a-z]+)?\}`([^`]+)`|```\{glue(?::[a-z]+)?\} (\S+)")


def _code_lines(source: str) -> list[str]:
    """The non-blank lines of a code cell, less a table's ``caption=`` text (prose, not code)."""
    import ast

    lines = source.splitlines()
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return [line for line in lines if line.strip()]
    prose = {
        number
        for node in ast.walk(tree)
        if isinstance(node, ast.keyword) and node.arg == "caption"
        for number in range(node.value.lineno, node.value.end_lineno + 1)
    }
    return [
        line
        for number, line in enumerate(lines, start=1)
        if line.strip() and not (number in prose and line.strip().startswith(("caption=", '"', "'")))
    ]


@pytest.mark.parametrize("page", NOTEBOOKS, ids=lambda path: path.stem)
def test_page_code_fits_its_budget(page):
    notebook = jupytext.read(page)
    code = [line for cell in notebook.cells if cell.cell_type == "code" for line in _code_lines(cell.source)]
    assert len(code) <= CODE_LINE_BUDGET, f"{page.name}: {len(code)} code lines"


def _glued_keys(cell) -> set[str]:
    return {
        output.get("metadata", {}).get("scrapbook", {}).get("name")
        for output in cell.get("outputs", [])
        if output.get("metadata", {}).get("scrapbook")
    } - {None}


@pytest.mark.parametrize("page", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_placeholder_sits_within_a_screen_of_the_cell_that_glues_it(page, site_build):
    """Registered key numbers (glued once, at the top, by the registry) are exempt: their ids say what
    they are, and the Key numbers page says how each is computed."""
    from jupyter_cache import get_cache

    from analysis.build import notebooks
    from analysis.report import keynumbers

    cache = get_cache(site_build.html.parent / ".jupyter_cache")
    _, executed = cache.merge_match_into_notebook(notebooks.read_page(page))
    starts = executed.metadata["source_map"]
    registered = {
        f"{number.id}{suffix}"
        for number in keynumbers.load_saved(site_build.html.parent / "generated")
        for suffix in ("", ".ci", ".text")
    }
    glued_at: dict[str, int] = {}
    far = []
    for index, cell in enumerate(executed.cells):
        if cell.cell_type == "code":
            end = starts[index] + cell.source.count("\n") + 1
            glued_at.update(dict.fromkeys(_glued_keys(cell), end))
            continue
        for offset, line in enumerate(cell.source.splitlines()):
            for match in PLACEHOLDER.finditer(line):
                key = match.group(1) or match.group(2)
                assert key in glued_at, f"{page.name}: '{key}' is used before any cell glues it"
                distance = starts[index] + offset - glued_at[key]
                if key not in registered and distance > SCREEN_LINES:
                    far.append(f"{key} ({distance} lines below its cell)")
    assert not far, f"{page.name}: placeholders far from their glue: {far}"


@pytest.mark.parametrize("page", NOTEBOOKS, ids=lambda path: path.stem)
def test_page_reads_once(page):
    """No section heading and no paragraph (of a sentence or more) appears twice on a page."""
    text = page.read_text(encoding="utf-8")
    headings = re.findall(r"^#{2,3} (.+)$", text, flags=re.MULTILINE)
    assert len(headings) == len(set(headings)), f"{page.name}: a heading repeats"
    paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if len(block.strip()) >= 80]
    repeated = {paragraph[:80] for paragraph in paragraphs if paragraphs.count(paragraph) > 1}
    assert not repeated, f"{page.name}: repeated paragraphs: {sorted(repeated)}"
