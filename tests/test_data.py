import csv
import shutil

import pytest
from conftest import write_edited_csv

from analysis.data import catalog, loaders, paths, schema, sources, validate

PUBLISHED = paths.DATA_DIR / "published_estimates.csv"


def test_committed_tables_are_valid():
    assert validate.problems() == []
    frame = loaders.load_published_estimates()
    assert frame.index.is_unique


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda rows: rows[2].update(value="abc"), ["line 4", "column 'value'", "must be a number"]),
        (lambda rows: rows[0].update(unit="furlongs"), ["line 2", "column 'unit'", "isin"]),
        (lambda rows: rows[3].update(id=rows[1]["id"]), ["column 'id'", "field_uniqueness"]),
        (lambda rows: rows[10].update(ci_low="0.9"), ["line 12", "ci_low <= value"]),
        (
            lambda rows: rows[0].update(source_key="nobody2099"),
            ["line 2", "column 'source_key'", "references.bib"],
        ),
        (lambda rows: rows[0].update(url=""), ["line 2", "column 'url'"]),
    ],
)
def test_corrupted_rows_name_file_line_key_and_column(tmp_path, edit, expected):
    corrupted = write_edited_csv(tmp_path, PUBLISHED, edit)
    with pytest.raises(schema.DataError) as error:
        schema.read_table(catalog.PUBLISHED_ESTIMATES, corrupted)
    message = str(error.value)
    assert str(corrupted) in message
    for fragment in expected:
        assert fragment in message, message
    first_line_key = next(line for line in error.value.problems if "line " in line)
    assert "(id=" in first_line_key


def test_missing_and_extra_columns_are_reported(tmp_path):
    def drop_and_add(rows):
        for row in rows:
            row.pop("location")
            row["comment"] = "x"

    corrupted = write_edited_csv(tmp_path, PUBLISHED, drop_and_add)
    with pytest.raises(schema.DataError) as error:
        schema.read_table(catalog.PUBLISHED_ESTIMATES, corrupted)
    assert "column 'location' is missing" in str(error.value)
    assert "column 'comment' is not in the data dictionary" in str(error.value)


def test_every_bad_cell_is_reported_not_just_the_first(tmp_path):
    def two_bad_cells(rows):
        rows[0]["value"] = "x"
        rows[5]["ci_level"] = "ninety"

    corrupted = write_edited_csv(tmp_path, PUBLISHED, two_bad_cells)
    with pytest.raises(schema.DataError) as error:
        schema.read_table(catalog.PUBLISHED_ESTIMATES, corrupted)
    assert len(error.value.problems) == 2


def test_validate_command_fails_on_unknown_csv(tmp_path, monkeypatch, capsys):
    shutil.copy(PUBLISHED, tmp_path / PUBLISHED.name)
    (tmp_path / "mystery.csv").write_text("a,b\n1,2\n")
    monkeypatch.setattr(paths, "DATA_DIR", tmp_path)
    assert validate.main() == 1
    assert "mystery.csv: no schema" in capsys.readouterr().out


def test_hoffmann_runs_load_with_tokens_from_compute():
    runs = loaders.load_hoffmann_runs()
    assert len(runs) == 245
    assert (runs.training_tokens * 6 * runs.parameters).div(runs.training_compute_flop).sub(
        1
    ).abs().max() < 1e-12
    assert runs.run.tolist() == list(range(1, 246))


def test_corrupted_third_party_rows_are_reported(tmp_path):
    source = sources.fetch("hoffmann2022_fig4")
    corrupted = write_edited_csv(tmp_path, source, lambda rows: rows[7].update(loss="-1"))
    with pytest.raises(schema.DataError) as error:
        schema.read_table(loaders.HOFFMANN_RUNS, corrupted)
    assert "line 9" in str(error.value) and "column 'loss'" in str(error.value)


MODELS = paths.DATA_DIR / "models.csv"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda rows: rows[4].update(publication_date="2020-13-01"),
            ["line 6", "publication_date", "YYYY-MM-DD"],
        ),
        (lambda rows: rows[4].update(domain="poetry"), ["line 6", "column 'domain'"]),
        (
            lambda rows: rows[4].update(training_compute_flop="0"),
            ["line 6", "column 'training_compute_flop'"],
        ),
        (
            lambda rows: rows[4].update(training_compute_flop=""),
            ["line 6", "column 'compute_method'", "exactly when training_compute_flop"],
        ),
        (lambda rows: rows[4].update(source_url="n/a"), ["line 6", "column 'source_url'"]),
        (
            lambda rows: rows[4].update(open_weights="maybe"),
            ["line 6", "column 'open_weights'", "true or false"],
        ),
        (lambda rows: rows[5].update(model=rows[4]["model"]), ["column 'model'", "field_uniqueness"]),
        (lambda rows: rows[4].update(confidence="sure"), ["line 6", "column 'confidence'"]),
    ],
)
def test_corrupted_model_rows_name_file_line_model_and_column(tmp_path, edit, expected):
    corrupted = write_edited_csv(tmp_path, MODELS, edit)
    with pytest.raises(schema.DataError) as error:
        schema.read_table(catalog.MODELS, corrupted)
    message = str(error.value)
    for fragment in expected:
        assert fragment in message, message
    assert "(model=" in message


def test_compute_far_from_six_nd_needs_a_note(tmp_path):
    def mismatch(rows):
        row = rows[4]
        row.update(
            parameters="1e9", active_parameters="", training_tokens="1e10", training_compute_flop="6e22"
        )
        row["notes"] = "No explanation here."

    corrupted = write_edited_csv(tmp_path, MODELS, mismatch)
    with pytest.raises(schema.DataError, match="within 3x of 6"):
        schema.read_table(catalog.MODELS, corrupted)


def test_rows_never_reread_are_flagged_not_failed(tmp_path, monkeypatch, capsys):
    for table in paths.DATA_DIR.glob("*.csv"):
        shutil.copy(table, tmp_path / table.name)
    write_edited_csv(tmp_path, tmp_path / "models.csv", lambda rows: rows[0].update(verified=""))
    rows = list(csv.DictReader((tmp_path / "models.csv").open(encoding="utf-8")))
    unread = sum(not row["verified"] for row in rows)
    monkeypatch.setattr(paths, "DATA_DIR", tmp_path)
    flags = validate.not_reread()
    assert any(f"{unread} of {len(rows)} rows not yet re-read" in line for line in flags)
    assert validate.main() == 0
    assert "flag:" in capsys.readouterr().out


MODELS_CSV = paths.DATA_DIR / "models.csv"
HARDWARE_CSV = paths.DATA_DIR / "hardware.csv"


def test_an_unknown_accelerator_in_models_is_an_error(tmp_path):
    corrupted = write_edited_csv(
        tmp_path, MODELS_CSV, lambda rows: rows[5].update(hardware="NVIDIA Tesla V100")
    )
    with pytest.raises(schema.DataError) as error:
        schema.read_table(catalog.MODELS, corrupted)
    message = str(error.value)
    assert "line 7 (model=" in message and "column 'hardware'" in message and "hardware.csv" in message


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda rows: rows[0].update(tdp_w="-300"), ["line 2", "column 'tdp_w'", "greater_than"]),
        (lambda rows: rows[0].update(tdp_w="300 W"), ["line 2", "column 'tdp_w'", "must be a number"]),
        (lambda rows: rows[0].update(source_url=""), ["line 2", "column 'source_url'", "not_nullable"]),
    ],
)
def test_a_bad_hardware_row_names_file_line_key_and_column(tmp_path, edit, expected):
    corrupted = write_edited_csv(tmp_path, HARDWARE_CSV, edit)
    with pytest.raises(schema.DataError) as error:
        schema.read_table(catalog.HARDWARE, corrupted)
    message = str(error.value)
    assert str(corrupted) in message and "(key=" in message
    for fragment in expected:
        assert fragment in message, message


@pytest.mark.parametrize(
    "edit, rule",
    [
        ({"hardware_quantity_low": "120000"}, "'hardware_quantity_high': fails low and high given together"),
        ({"hardware_quantity_high": ""}, "'hardware_quantity_high': fails low and high given together"),
        ({"training_time_hours": "3000"}, "'training_time_hours_high': fails low and high given together"),
    ],
)
def test_a_disputed_chip_count_or_duration_must_bracket_the_value(tmp_path, edit, rule):
    def dispute(rows):
        row = next(row for row in rows if row["model"] == "Grok 3")
        row.update(edit)

    corrupted = write_edited_csv(tmp_path, MODELS, dispute)
    with pytest.raises(schema.DataError, match=rule) as raised:
        schema.read_table(catalog.MODELS, corrupted)
    assert "models.csv" in str(raised.value) and "Grok 3" in str(raised.value)


def test_a_later_reviews_finding_is_fixed_only_when_the_independent_check_says_so(tmp_path):
    """A chapters 4-6 row marked fixed whose check found it partly fixed is refused, naming the row;
    a first-round row needs no check."""

    def overclaim(rows):
        later = next(row for row in rows if row["review"] == "chapters 4-6")
        later["status"], later["check"] = "fixed", "partly fixed"
        first = next(row for row in rows if row["review"] == "chapters 1-3, round 1")
        first["status"], first["check"] = "fixed", ""

    corrupted = write_edited_csv(tmp_path, paths.DATA_DIR / "review_response.csv", overclaim)
    with pytest.raises(schema.DataError) as error:
        schema.read_table(catalog.REVIEW_RESPONSE, corrupted)
    message = str(error.value)
    assert "fixed only when an independent check says so" in message
    assert message.count("fixed only when") == 1


def test_prose_arithmetic_that_does_not_hold_fails_validation_naming_line_and_column(tmp_path):
    """A note whose written product states the wrong result (AlphaGo Lee's first entry: 6.1e19 x 1.78
    written as 1.5e20) is a problem naming file, line and column; the committed notes have none."""

    def slip(rows):
        rows[4]["notes"] += " Check: 6.1e19 x 1.78 = 1.5e20."

    corrupted = write_edited_csv(tmp_path, paths.DATA_DIR / "models.csv", slip)
    frame = schema.read_table(catalog.COMMITTED_TABLES["models.csv"], corrupted)
    problems = validate.prose_problems(frame, corrupted)
    assert len(problems) == 1
    assert "line 6, column 'notes'" in problems[0] and "1.09e+20" in problems[0]
    clean = schema.read_table(catalog.COMMITTED_TABLES["models.csv"], paths.DATA_DIR / "models.csv")
    assert validate.prose_problems(clean, paths.DATA_DIR / "models.csv") == []


def test_a_derivation_naming_another_distribution_fails_validation(tmp_path):
    """A constraint input drawn 'as a Uniform' in its derivation but ``lognormal_80`` in its column is a
    problem naming the line; a derivation that agrees is not."""

    def slip(rows):
        rows[1]["derivation"] += " Drawn as a Uniform between the ends."

    corrupted = write_edited_csv(tmp_path, paths.DATA_DIR / "constraint_inputs.csv", slip)
    frame = schema.read_table(catalog.COMMITTED_TABLES["constraint_inputs.csv"], corrupted)
    problems = validate.prose_problems(frame, corrupted)
    assert len(problems) == 1
    assert "line 3, column 'derivation'" in problems[0] and "'lognormal_80'" in problems[0]
