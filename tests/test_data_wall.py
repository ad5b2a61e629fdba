"""The data-wall model: the Monte Carlo, the crossing year, dataset paths and the input table's checks."""

import numpy as np
import pandas as pd
import pytest
from conftest import write_edited_csv
from scipy import stats

from analysis.data import catalog, loaders, paths, schema
from analysis.science import trends
from analysis.topics import data_wall as dw

INPUTS = paths.DATA_DIR / "text_stock_inputs.csv"


def _inputs(**changes) -> pd.DataFrame:
    frame = loaders.load_text_stock_inputs().copy()
    for name, (low, high, level) in changes.items():
        frame.loc[name, ["low", "high", "level", "distribution"]] = [low, high, level, "lognormal"]
    return frame


def test_lognormal_parameters_put_the_interval_where_asked():
    mu, sigma = dw.model.lognormal_parameters(2.0, 5.0, 0.9)
    low, high = stats.lognorm(s=sigma, scale=np.exp(mu)).ppf([0.05, 0.95])
    assert low == pytest.approx(2.0) and high == pytest.approx(5.0)


def test_monte_carlo_reproduces_a_hand_computed_lognormal_product():
    """With every input lognormal, the 2024 stock is lognormal: mu and sigma² add up."""
    chosen = {
        "indexed_web_pages": (1e11, 4e11, 0.95),
        "bytes_per_page": (5000.0, 9000.0, 0.9),
        "bytes_per_token": (3.0, 5.0, 0.95),
        "quality_fraction": (0.1, 0.4, 0.95),
        "repetition_factor": (2.0, 5.0, 0.8),
    }
    stock = dw.model.sample_stock(_inputs(**chosen), draws=200_000)
    parts = {name: dw.model.lognormal_parameters(*values) for name, values in chosen.items()}
    mu = sum(m for name, (m, _) in parts.items() if name != "bytes_per_token") - parts["bytes_per_token"][0]
    sigma = np.sqrt(sum(s**2 for _, s in parts.values()))
    expected = np.exp(mu + sigma * stats.norm.ppf([0.05, 0.5, 0.95]))
    observed = np.quantile(10**stock.log_effective_2024, [0.05, 0.5, 0.95])
    assert observed == pytest.approx(expected, rel=0.02)
    assert stock.clipped_bytes_per_token == 0


def test_draws_below_one_byte_per_token_are_clipped_and_counted():
    stock = dw.model.sample_stock(loaders.load_text_stock_inputs())
    assert stock.inputs["bytes_per_token"].min() == dw.model.MIN_BYTES_PER_TOKEN
    assert 0 < stock.clipped_bytes_per_token < 0.01 * dw.model.DRAWS


def _stock(log_2024: float, log_growth: float) -> dw.model.Stock:
    """A stock with one draw: 10**log_2024 tokens in 2024, growing log_growth OOM a year."""
    values = {name: np.array([1.0]) for name in catalog.STOCK_INPUTS}
    values["indexed_web_pages"] = np.array([10**log_2024])
    values["pages_growth"] = np.array([10**log_growth])
    return dw.model.Stock(values, 0)


def test_crossing_year_finds_a_known_crossing():
    stock = _stock(14.0, 0.0)
    path = dw.model.Paths("test", np.array([13.0]), np.array([0.5]))
    assert dw.model.crossing_years(stock, path)[0] == pytest.approx(2026.0)


def test_crossing_year_when_a_path_never_catches_up_or_is_already_above():
    stock = _stock(14.0, 0.1)
    slower = dw.model.Paths("slower", np.array([13.0]), np.array([0.05]))
    assert (
        np.isinf(dw.model.crossing_years(stock, slower)[0]) and dw.model.crossing_years(stock, slower)[0] > 0
    )
    above = dw.model.Paths("above", np.array([15.0]), np.array([0.0]))
    assert dw.model.crossing_years(stock, above)[0] == -np.inf
    late = dw.model.Paths("late", np.array([10.0]), np.array([0.04]))
    assert np.isinf(dw.model.crossing_years(_stock(14.0, 0.0), late)[0]), "after 2100 counts as never"


def test_year_at_probability_interpolates():
    years = np.array([2020.0, 2021.0, 2022.0])
    assert dw.model.year_at_probability(np.array([0.0, 0.4, 0.8]), 0.5, years) == pytest.approx(2021.25)
    assert dw.model.year_at_probability(np.array([0.0, 0.1, 0.2]), 0.5, years) == np.inf


def synthetic_run(draws: int = 4) -> "dw.model.RunTokens":
    """A run whose tokens grow log-linearly: 1e13 in 2024 times 10**(0.3 k) per year in draw k."""
    years = np.arange(2025.0, 2031.0, 0.25)
    slopes = 0.3 * np.arange(1, draws + 1)
    return dw.model.RunTokens(years, 10 ** (13.0 + slopes[None, :] * (years[:, None] - 2024.0)))


def datasets_with_record(tokens: float, date: str) -> pd.DataFrame:
    return pd.DataFrame({"publication_date": [pd.Timestamp(date)], "dataset_tokens": [tokens]})


def test_compute_based_paths_recover_the_runs_log_linear_tokens_and_respect_the_record():
    """Each draw's level and slope come back from its token path; a record above a path lifts its
    level so that it passes the record on the record's own date."""
    paths = dw.model.compute_based_paths(synthetic_run(), datasets_with_record(1e10, "2024-01-01"), 8)
    assert paths.slope == pytest.approx(np.tile(0.3 * np.arange(1, 5), 2))
    assert paths.log_2024 == pytest.approx(np.full(8, 13.0))
    floored = dw.model.compute_based_paths(synthetic_run(), datasets_with_record(1e14, "2024-01-01"), 4)
    assert floored.log_2024 == pytest.approx(np.full(4, 14.0))


def test_overtraining_multiplies_tokens_by_the_square_root_of_k():
    optimal = dw.model.compute_based_paths(synthetic_run(), datasets_with_record(1e10, "2024-01-01"), 100)
    overtrained = dw.model.overtrained_paths(optimal, 100)
    assert overtrained.log_2024 - optimal.log_2024 == pytest.approx(np.full(100, 1.0))
    assert overtrained.slope == pytest.approx(optimal.slope)
    assert overtrained.label == "compute-based (largest run), 100x overtrained"


def test_growth_draws_are_the_resamples_behind_the_growth_interval():
    models = loaders.load_models()
    rows = dw.model.language_datasets(models, loaders.load_dataset_passes(models), 4.0)
    fit = dw.model.dataset_growth(rows.publication_date, rows.dataset_tokens)
    _, slopes = trends.growth_draws(rows.publication_date, rows.dataset_tokens, 2024.0)
    assert trends.percentile_interval(slopes, fit.level) == pytest.approx((fit.ci_low, fit.ci_high))


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda rows: rows[0].update(distribution="uniform"),
            ["line 2 (input=indexed_web_pages)", "'distribution'"],
        ),
        (lambda rows: rows[1].update(low="9000"), ["line 3 (input=bytes_per_page)", "'high'", "low < high"]),
        (lambda rows: rows[2].update(source_url=""), ["line 4 (input=bytes_per_token)", "'source_url'"]),
    ],
)
def test_a_bad_input_row_names_file_line_input_and_column(tmp_path, edit, expected):
    path = write_edited_csv(tmp_path, INPUTS, edit)
    with pytest.raises(schema.DataError) as error:
        schema.read_table(catalog.TEXT_STOCK_INPUTS, path)
    message = str(error.value)
    assert str(path) in message
    for fragment in expected:
        assert fragment in message, message


def test_the_record_floor_holds_a_path_at_the_record_on_the_record_s_date_not_before():
    dates = pd.to_datetime(["2023-01-01", "2025-07-02"])
    slope = np.array([0.5, 0.2])
    floor = dw.model.record_floor(dates, [1e12, 1e13], slope)
    year = float(trends.decimal_year(dates[1:])[0])
    assert floor == pytest.approx(13.0 - slope * (year - dw.model.STOCK_YEAR))


def test_a_several_pass_row_counts_at_its_unique_size_from_tokens_or_bytes_or_is_left_out():
    """The source's token count wins; bytes convert at the given bytes per token; a several-pass row
    with neither is left out of the series (and listed), a one-pass row keeps its training tokens."""
    models = pd.DataFrame(
        {
            "model": ["a", "b", "c", "d"],
            "organization": ["A", "B", "C", "D"],
            "notes": "",
            "released": True,
            "domain": "language",
            "training_tokens": [4e12, 2e12, 3e12, 1e12],
            "publication_date": pd.Timestamp("2020-01-01"),
        }
    ).set_index("model", drop=False)
    passes = pd.DataFrame(
        {
            "passes": ["several", "several", "several", "one"],
            "printed_unit": ["tokens", "bytes", None, None],
            "dataset_size_as_printed": [1e12, 4e11, None, None],
            "dataset_tokens": [1e12, None, None, None],
        },
        index=pd.Index(["a", "b", "c", "d"], name="model"),
    )
    rows = dw.model.language_datasets(models, passes, 4.0)
    assert rows.dataset_tokens.to_dict() == {"a": 1e12, "b": 1e11, "d": 1e12}
    table = dw.model.multi_pass(models, passes, 4.0)
    assert table.loc["a", "passes"] == pytest.approx(4.0)
    assert table.loc["b", "basis"].startswith("printed bytes")
    assert table.loc["c", "basis"].endswith("left out")


def test_dataset_passes_name_the_line_of_a_model_not_in_models_csv(tmp_path, monkeypatch):
    from analysis.data import paths
    from analysis.data.schema import DataError

    models = loaders.load_models()
    source = (paths.DATA_DIR / "dataset_passes.csv").read_text()
    (tmp_path / "dataset_passes.csv").write_text(
        source.replace("Seq2Seq LSTM (Sutskever et al.)", "Seq2Seq", 1)
    )
    monkeypatch.setattr(paths, "DATA_DIR", tmp_path)
    with pytest.raises(DataError, match=r"dataset_passes.csv: line 3, column 'model': 'Seq2Seq'"):
        loaders.load_dataset_passes(models)


def test_the_2022_backtest_verdict_names_the_years_outside_the_band():
    """Every year inside gives 'about right'; a year outside is named with its side."""

    class Wall:
        datasets = pd.DataFrame(
            {"publication_date": [pd.Timestamp("2022-06-01")], "dataset_tokens": [1e12], "model": ["m"]}
        )

    published = loaders.load_published_estimates()
    inside = pd.DataFrame(
        {
            "end of": [2024, 2025],
            "largest in our data (tokens)": [1e12, 2e12],
            "model": ["a", "b"],
            "actual / coded median": [0.9, 1.1],
            "inside the band": ["yes", "yes"],
        }
    )
    assert dw.facts.backtest_facts(Wall, inside, published)["bt_projection_verdict"].startswith("about right")
    outside = inside.assign(**{"inside the band": ["below", "yes"]})
    assert (
        dw.facts.backtest_facts(Wall, outside, published)["bt_projection_verdict"]
        == "off in 2024 (below the band)"
    )


def test_the_route_verdict_flags_a_filtered_corpus_larger_than_the_stock():
    table = pd.DataFrame(
        {
            "id": ["fineweb.global_dedup_tokens", "redpajama_v2.dedup_tokens", "dclm.pool_tokens"],
            "corpus": ["A corpus", "B corpus", "Raw crawl"],
            "tokens": [4e12, 3e13, 2.4e14],
            "corpus / ours": [0.04, 0.3, 0.47],
            "year of full use at that level": [2024.0, 2026.2, 2026.8],
        }
    )
    facts = dw.routes.route_facts(table, 2027.7)
    assert facts["route_filtered_verdict"].startswith("every filtered corpus is smaller")
    assert facts["route_largest"] == "RedPajama-Data-v2" and facts["route_year_low"] == "2024.0"
    bigger = table.assign(**{"corpus / ours": [0.04, 1.5, 0.47]})
    assert "the stock model is too low" in dw.routes.route_facts(bigger, 2027.7)["route_filtered_verdict"]


def test_a_training_set_counts_once_per_family_and_fine_tune():
    """Same developer and size: one point (the earliest); a fine-tune of another developer's model with
    its base's size: dropped; a different developer with the same size and no fine-tune: kept."""
    rows = pd.DataFrame(
        {
            "model": ["base", "sibling", "tuned-Instruct", "other", "note-tune"],
            "organization": ["A", "A", "B", "C", "D"],
            "dataset_tokens": [1e12, 1e12, 1e12, 1e12, 1e12],
            "notes": ["", "", "", "", "a fine-tune of base"],
            "publication_date": pd.to_datetime(
                ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01"]
            ),
        }
    ).set_index("model", drop=False)
    assert dw.model.same_corpus(rows).to_dict() == {
        "base": False,
        "sibling": True,
        "tuned-Instruct": True,
        "other": False,
        "note-tune": True,
    }
