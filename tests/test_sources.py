import shutil

import pytest

from analysis.data import sources


def test_mirror_file_is_used_and_verified(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the network was used although a mirror is set")

    monkeypatch.setattr(sources.pooch, "retrieve", no_network)
    path = sources.fetch("hoffmann2022_fig4")
    assert path.parent == sources.mirror_dir()
    assert path.name == "hoffmann2022_fig4_svg_extracted.csv"


def test_every_source_is_in_the_mirror():
    for name in sources.SOURCES:
        assert sources.fetch(name).is_file()


def test_tampered_file_names_file_and_both_hashes(tmp_path, monkeypatch):
    original = sources.fetch("hoffmann2022_fig4")
    tampered = tmp_path / original.name
    shutil.copy(original, tampered)
    with tampered.open("a") as handle:
        handle.write("1,2,#fff,1e9,1e20,#fff,2.5\n")
    monkeypatch.setenv(sources.MIRROR_ENV_VAR, str(tmp_path))
    with pytest.raises(sources.SourceError) as error:
        sources.fetch("hoffmann2022_fig4")
    message = str(error.value)
    assert str(tampered) in message
    assert sources.SOURCES["hoffmann2022_fig4"].sha256 in message
    assert "expected" in message and "got" in message


def test_missing_file_names_the_mirror(tmp_path, monkeypatch):
    monkeypatch.setenv(sources.MIRROR_ENV_VAR, str(tmp_path))
    with pytest.raises(sources.SourceError, match="not found in the mirror"):
        sources.fetch("hoffmann2022_fig4")


def test_unknown_name_is_an_error():
    with pytest.raises(sources.SourceError, match="unknown third-party file"):
        sources.fetch("no_such_file")


def test_command_line_fetch_all(capsys):
    assert sources.main(["fetch", "--all"]) == 0
    assert capsys.readouterr().out.count("ok\t") == len(sources.SOURCES)


def test_download_failure_says_how_to_work_offline(monkeypatch):
    def unreachable(*args, **kwargs):
        raise sources.requests.ConnectionError("no network")

    monkeypatch.delenv(sources.MIRROR_ENV_VAR)
    monkeypatch.setattr(sources.pooch, "retrieve", unreachable)
    with pytest.raises(sources.SourceError, match=sources.MIRROR_ENV_VAR):
        sources.fetch("hoffmann2022_fig4")


def test_figure_credit_names_each_table_and_third_party_file_with_its_authors():
    from analysis.report.charts import data_credit

    line = data_credit(("models", "hoffmann2022_fig4", "epoch_ai_models"))
    assert line == (
        "Data: this report's models.csv; in models.csv, each third-party estimate (most of them Epoch AI's) "
        "credited in its row's notes; Besiroglu et al. 2024, MIT (epoch-research/analyzing-chinchilla); "
        "Epoch AI 2026, CC BY 4.0 (Epoch AI)."
    )
    assert "Ember" not in data_credit(("models",))


def test_figure_credit_rejects_an_unknown_source_and_an_empty_list():
    import pytest

    from analysis.report.charts import data_credit

    with pytest.raises(ValueError, match="'modles'"):
        data_credit(("modles",))
    with pytest.raises(ValueError, match="names the data"):
        data_credit(())


def test_author_year_prints_latex_accents_as_characters():
    """``Rold{\\'a}n`` in references.bib prints as ``Roldán``, never as a raw LaTeX escape."""
    from analysis.report.bibliography import author_year

    assert author_year("sevilla2024trends") == "Sevilla and Roldán 2024"


def test_every_chart_colour_has_3_to_1_contrast_on_white():
    from analysis.report.charts import OKABE_ITO, contrast_on_white

    assert min(contrast_on_white(colour) for colour in OKABE_ITO) >= 3.0
    assert contrast_on_white("#F0E442") < 3.0, "the check would catch Okabe-Ito's own yellow"
