"""The models dataset covers what the compute-trends issue requires."""

from analysis.data import loaders


def test_models_cover_the_required_span():
    models = loaders.load_models()
    in_window = models[models.publication_date.between("2010-01-01", "2025-12-31")]
    assert len(in_window) >= 250
    assert (models.publication_date >= "2024-01-01").sum() >= 60
    assert models.training_compute_flop.notna().all()


def test_language_model_evaluations_cover_the_required_span():
    evaluations = loaders.load_lm_evaluations()
    assert len(evaluations) >= 120
    years = evaluations.publication_date.dt.year
    assert years.min() <= 2013 and years.max() >= 2022
    assert set(evaluations.evaluation_set) == {"wikitext-103", "ptb", "wikitext-2"}


def test_speedrun_records_run_from_the_llm_c_baseline():
    records = loaders.load_speedrun_records()
    assert records.record.iloc[0] == 1 and records.minutes.iloc[0] == 45
    slower = records[records.minutes.diff() >= 0]
    # A record can only be slower than its predecessor when the timing rules changed, and the row says so.
    assert slower.rule_notes.str.contains("rules").all(), slower
