"""Tables as chapters show them: numbers written the report's one way, nothing truncated, snake_case
headers in words, and a long table folded under a summary that says how many rows it holds."""

import html as html_escape
import re

import numpy as np
import pandas as pd
from IPython.display import HTML

from analysis.science.units import format_number


def for_display(frame: pd.DataFrame, significant: int = 3) -> pd.DataFrame:
    """A copy with every float written by ``format_number`` (empty for missing)."""

    def cell(value):
        if isinstance(value, (bool, np.bool_)):
            return "yes" if value else "no"
        if isinstance(value, (float, np.floating)):
            return "" if np.isnan(value) else format_number(float(value), significant)
        return value

    return frame.map(cell)


LONG_TABLE_ROWS = 15
"""Above this many rows a table is folded (``<details>``): the reader opens it, the page stays short."""


HEADER_WORDS = {"pit": "PIT", "flop": "FLOP"}
"""Headers that are abbreviations, written as a reader knows them."""


def _words(name):
    """A snake_case header in words (``source_title`` -> ``source title``), an abbreviation in capitals
    (``pit`` -> ``PIT``); anything else unchanged."""
    if name in HEADER_WORDS:
        return HEADER_WORDS[name]
    return (
        name.replace("_", " ")
        if isinstance(name, str) and re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)+", name)
        else name
    )


def show(frame: pd.DataFrame, *, caption: str, index: bool = False, significant: int = 3) -> HTML:
    """The table as HTML under its ``caption`` (what the table shows, in words): numbers formatted, long
    text kept whole (no ``...``), headers in words, a named index shown as the first column (one header
    row, no row of index names); a table of more than ``LONG_TABLE_ROWS`` rows is folded under a summary."""
    if not caption.strip():
        raise ValueError("a table needs a caption saying what it shows")
    shown = for_display(frame, significant).rename(columns=_words)
    shown.index.names = [_words(name) for name in shown.index.names]
    if index and any(name is not None for name in shown.index.names):
        shown = shown.reset_index()
        index = False
    table = shown.to_html(index=index, border=0, classes="table")
    table = table.replace(">", f"><caption>{html_escape.escape(caption)}</caption>", 1)
    if len(frame) > LONG_TABLE_ROWS:
        table = (
            f"<details><summary>{html_escape.escape(caption)}: show all {len(frame)} rows</summary>"
            f"{table}</details>"
        )
    return HTML(table)
