"""The refresh command on a synthetic newer Epoch snapshot: column checks, value diff, pin update."""

import io
import zipfile

import pandas as pd
import pytest

from analysis.build import refresh
from analysis.data import sources
from analysis.data.schema import DataError


def _modified_snapshot(folder, edit_all, drop_column=None):
    """A copy of the pinned bundle with ``all_ai_models.csv`` edited (and a column dropped, if named)."""
    pinned = sources.fetch(refresh.SOURCE)
    target = folder / "epoch_ai_models_20260601.zip"
    with zipfile.ZipFile(pinned) as old, zipfile.ZipFile(target, "w") as new:
        for member in old.namelist():
            data = old.read(member)
            if member.endswith(".csv"):
                frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
                if member == "all_ai_models.csv":
                    frame = edit_all(frame)
                if drop_column:
                    frame = frame.drop(columns=[drop_column], errors="ignore")
                data = frame.to_csv(index=False).encode()
            new.writestr(member, data)
    return pinned, target


def _edit(frame):
    frame = frame.copy()
    frame.loc[frame.Model == "GPT-4.5", "Training compute (FLOP)"] = "3e25"
    frame = frame[frame.Model != "AlexNet"]
    extra = frame.iloc[[0]].assign(Model="Synthetic Model 1")
    return pd.concat([frame, extra])


def test_a_newer_snapshot_lists_changed_added_and_removed_models(tmp_path):
    pinned, newer = _modified_snapshot(tmp_path, _edit)
    rows = pd.DataFrame(refresh.snapshot_diff(pinned, newer))
    changed = rows[(rows.kind == "Epoch value") & (rows.id == "GPT-4.5")]
    assert changed.field.tolist() == ["Training compute (FLOP)"] and changed.after.tolist() == ["3e25"]
    assert ("AlexNet", "removed") in set(zip(rows.id, rows.after, strict=True))
    assert ("Synthetic Model 1", "added") in set(zip(rows.id, rows.after, strict=True))
    assert len(rows) == 3


def test_a_snapshot_that_lost_a_column_the_report_reads_fails_naming_it(tmp_path):
    pinned, newer = _modified_snapshot(tmp_path, lambda frame: frame, drop_column="Frontier model")
    with pytest.raises(DataError, match="column 'Frontier model' is missing from the header"):
        refresh.snapshot_diff(pinned, newer)


def test_the_pin_moves_to_the_new_file_and_the_diff_is_written(tmp_path):
    copy = tmp_path / "sources.py"
    copy.write_text(refresh.SOURCES_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    refresh.update_pin("epoch_ai_models_20260601.zip", "ab" * 32, "https://example.org/new.zip", copy)
    text = copy.read_text(encoding="utf-8")
    assert 'filename="epoch_ai_models_20260601.zip"' in text and f'sha256="{"ab" * 32}"' in text
    assert '"https://example.org/new.zip"' in text
    assert text.count("epoch_ai_models_20260330.zip") == 0
    assert 'filename="hoffmann2022_fig4_svg_extracted.csv"' in text
    header = {"kind": "pin", "id": "epoch_ai_models", "field": "file", "before": "a.zip", "after": "b.zip"}
    path = refresh.write_diff(
        [{"kind": "Epoch value", "id": "GPT-4", "field": "x", "before": "1", "after": "2"}],
        header,
        tmp_path / "data-refresh.csv",
    )
    assert pd.read_csv(path).kind.tolist() == ["pin", "Epoch value"]
