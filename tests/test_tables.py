"""Tables as pages show them."""

import pandas as pd

from analysis.report import tables


def test_a_long_table_folds_under_a_row_count_and_headers_read_as_words():
    frame = pd.DataFrame({"source_title": [f"paper {i}" for i in range(20)], "value": range(20)})
    html = tables.show(frame, index=False, caption="Sources").data
    assert html.startswith("<details><summary>Sources: show all 20 rows</summary>")
    assert "<caption>Sources</caption>" in html and "source title" in html and "source_title" not in html
    short = tables.show(frame.head(3), index=False).data
    assert "<details>" not in short and "<caption>" not in short
