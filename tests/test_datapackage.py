"""One declaration per column: the dictionary in data/README.md and datapackage.json come from it."""

import csv
import json
import shutil

import frictionless
import pytest

from analysis.data import catalog, datapackage, paths


def test_readme_dictionary_is_generated_from_the_declarations():
    current = datapackage.README.read_text(encoding="utf-8")
    assert datapackage.update_readme(current) == current, "run: python -m analysis.data.datapackage"


def test_readme_without_a_block_for_a_table_is_an_error():
    text = datapackage.README.read_text(encoding="utf-8").replace("<!-- columns: models -->", "")
    with pytest.raises(ValueError, match="models"):
        datapackage.update_readme(text)


def test_every_declared_column_is_in_the_dictionary_with_its_rule():
    text = datapackage.README.read_text(encoding="utf-8")
    for spec in catalog.COMMITTED_TABLES.values():
        for column in spec.columns:
            assert f"| `{column.name}` | {column.kind} |" in text
    assert "one of `confident`, `likely`, `speculative`" in text
    assert "1e12 to 1e29" in text


def _package_folder(tmp_path):
    for table in paths.DATA_DIR.glob("*.csv"):
        shutil.copy2(table, tmp_path / table.name)
    return datapackage.write(tmp_path / "datapackage.json")


def test_datapackage_of_the_committed_tables_is_valid(tmp_path):
    report = frictionless.validate(str(_package_folder(tmp_path)))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_datapackage_rejects_a_value_outside_the_declared_rule(tmp_path):
    path = _package_folder(tmp_path)
    models = tmp_path / "models.csv"
    rows = list(csv.DictReader(models.open(encoding="utf-8")))
    rows[3]["domain"] = "astrology"
    with models.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    report = frictionless.validate(str(path))
    assert not report.valid
    errors = report.flatten(["rowNumber", "fieldName", "type"])
    assert [5, "domain", "constraint-error"] in errors


def test_site_serves_the_datapackage_beside_the_tables(built_site):
    served = built_site / "data" / "datapackage.json"
    assert json.loads(served.read_text(encoding="utf-8")) == datapackage.descriptor()
    report = frictionless.validate(str(served))
    assert report.valid
