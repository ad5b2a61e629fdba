"""Tables as chapters show them: numbers written the report's one way, nothing truncated."""

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


def show(frame: pd.DataFrame, index: bool = True, significant: int = 3) -> HTML:
    """The table as HTML: numbers formatted, long text kept whole (no ``...``)."""
    html = for_display(frame, significant).to_html(index=index, border=0, classes="table")
    return HTML(html)
