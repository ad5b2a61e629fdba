"""The models dataset covers what the compute-trends issue requires."""

from analysis import data


def test_models_cover_the_required_span():
    models = data.load_models()
    in_window = models[models.publication_date.between("2010-01-01", "2025-12-31")]
    assert len(in_window) >= 250
    assert (models.publication_date >= "2024-01-01").sum() >= 60
    assert models.training_compute_flop.notna().all()
