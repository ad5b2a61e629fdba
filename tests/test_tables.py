"""Tables as pages show them."""

import pandas as pd
import pytest

from analysis.report import tables


def test_a_long_table_folds_under_a_row_count_and_headers_read_as_words():
    frame = pd.DataFrame({"source_title": [f"paper {i}" for i in range(20)], "value": range(20)})
    html = tables.show(frame, index=False, caption="Sources").data
    assert html.startswith("<details><summary>Sources: show all 20 rows</summary>")
    assert "<caption>Sources</caption>" in html and "source title" in html and "source_title" not in html
    short = tables.show(frame.head(3), index=False, caption="Three sources").data
    assert "<details>" not in short and "<caption>Three sources</caption>" in short


def test_a_named_index_is_a_column_not_a_second_header_row():
    frame = pd.DataFrame({"growth": [2.0, 3.0]}, index=pd.Index([2020, 2021], name="year"))
    html = tables.show(frame, index=True, caption="Growth by year").data
    assert html.count("<tr") == 3 and "<th>year</th>" in html


def test_a_table_without_a_caption_is_an_error():
    with pytest.raises(ValueError, match="caption"):
        tables.show(pd.DataFrame({"a": [1]}), caption=" ")
