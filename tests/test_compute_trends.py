import numpy as np
import pandas as pd

from analysis.topics import compute_trends as ct


def _models():
    return pd.DataFrame(
        {
            "model": ["a", "b", "c", "d", "e"],
            "publication_date": pd.to_datetime(
                ["2016-01-01", "2018-01-01", "2019-01-01", "2020-01-01", "2021-01-01"]
            ),
            "training_compute_flop": [1e20, 1e21, 1e22, 1e19, 1e25],
            "domain": ["language", "multimodal", "vision", "language", "language"],
            "confidence": ["confident", "speculative", "likely", "likely", "likely"],
            "released": [True, True, True, True, False],
        }
    )


def test_language_sample_takes_language_and_multimodal_only():
    sample = ct.model.Sample("language", domain=ct.model.LANGUAGE_DOMAINS)
    assert list(sample.select(_models(), **ct.model.OURS).model) == ["a", "b", "d"]


def test_epoch_domain_replaces_ours_for_epoch_rows():
    epoch = pd.DataFrame(
        {
            "Model": ["x", "y"],
            "Publication date": pd.to_datetime(["2018-01-01", "2019-01-01"]),
            "Training compute (FLOP)": [1e21, 1e22],
            "Domain": ["Multimodal,Vision", "Language"],
            "Confidence": ["Likely", "Likely"],
        }
    )
    sample = ct.model.Sample("language", domain=ct.model.LANGUAGE_DOMAINS, epoch_domain=("language",))
    assert list(sample.select(epoch, **ct.model.EPOCH).Model) == ["y"]


def test_window_speculative_and_frontier_filters():
    models = _models()
    assert list(
        ct.model.Sample("w", end=pd.Timestamp("2018-06-01")).select(models, **ct.model.OURS).model
    ) == ["a", "b"]
    assert "b" not in set(ct.model.Sample("s", drop_speculative=True).select(models, **ct.model.OURS).model)
    top1 = ct.model.Sample("f", frontier="top1").select(models, **ct.model.OURS)
    # the unreleased "e" never enters; "a" is top-1 only because it is first (burn-in)
    assert list(top1.model) == ["b", "c"]


def test_choice_influence_ranks_the_choice_that_moves_the_estimate():
    curve = pd.DataFrame(
        {
            "frontier rule": ["all", "all", "top10", "top10"],
            "start": [2010, 2018, 2010, 2018],
            "domain": ["all domains"] * 4,
            "speculative rows": ["included"] * 4,
            "self-play": ["optimisation only"] * 4,
            "estimator": ["OLS", "OLS", "OLS", "OLS"],
            "growth": [4.0, 4.2, 6.0, 6.2],
        }
    )
    influence = ct.specification.choice_influence(curve)
    assert influence.index[0] == "frontier rule" and influence.iloc[0] == 6.1 / 4.1
    assert "estimator" not in influence.index  # one option only: not a choice of this curve


def _backtest_row(inside_50: float, inside_80: float, inside_90: float, bias: float = 0.4) -> pd.Series:
    return pd.Series(
        {
            "cutoff": "2020-12-31",
            "sample": "Notable models",
            "later models": 200,
            "inside 50% band": inside_50,
            "inside 80% band": inside_80,
            "share inside 90% band": inside_90,
            "median bias (OOM)": bias,
            "scatter fitted (OOM)": 0.5,
            "scatter held out (OOM)": 0.4,
            "growth fitted (x/yr)": 4.0,
            "growth of later models (x/yr)": 3.0,
        }
    )


def test_the_backtest_verdict_is_computed_per_row_and_level():
    """A row close to nominal at every level says so; one level off is named with its direction; the
    median bias is turned into a factor and a direction."""
    from analysis.topics.compute_trends import facts

    nominal = facts.coverage_sentence(_backtest_row(0.5, 0.8, 0.9))
    assert "close to nominal at 50% and 80% and 90%" in nominal and "above the projected trend" in nominal
    wide_50 = facts.coverage_sentence(_backtest_row(0.66, 0.8, 0.9, bias=-0.13))
    assert "too wide at 50%" in wide_50 and "close to nominal at 80% and 90%" in wide_50
    assert "below the projected trend" in wide_50
    assert (
        "scatter 0.80 times" in wide_50
        and "grow at 3.0x a year among themselves against the fitted 4.0x" in wide_50
    )
    narrow = facts.coverage_sentence(_backtest_row(0.5, 0.6, 0.9))
    assert "too narrow at 80%" in narrow
    table = pd.DataFrame([_backtest_row(0.5, 0.8, 0.9), _backtest_row(0.66, 0.98, 1.0)])
    verdict = facts.backtest_facts(table.assign(**{"share above band": 0.0}))["bt_calibration"]
    assert (
        verdict.count("Notable models fitted to 2020") == 2 and "too wide at 50% and 80% and 90%" in verdict
    )


def _fit(factor: float, low: float, high: float):
    import numpy as np

    from analysis.science import trends

    slope = np.log10(factor)
    return trends.GrowthFit(
        slope=slope,
        intercept=0.0,
        reference_year=2021.0,
        ci_low=np.log10(low),
        ci_high=np.log10(high),
        n=50,
        level=0.9,
        first_year=2018.0,
        last_year=2024.4,
        method="test",
    )


def test_the_start_year_agreement_and_the_swap_verdict_follow_the_fits():
    from analysis.topics.compute_trends import facts

    table = pd.DataFrame(
        {
            "start": [2018, 2019, 2020],
            "ours": [_fit(5.6, 5.0, 6.3), _fit(5.2, 4.5, 5.9), _fit(4.6, 3.8, 5.6)],
            "epoch": [_fit(4.6, 4.0, 5.2), _fit(4.6, 4.1, 5.2), _fit(4.6, 3.8, 5.8)],
            "ours_epoch_before_2018": [_fit(4.8, 4.4, 5.4)] * 3,
            "ours_to_date": [_fit(5.7, 5.2, 6.3)] * 3,
        }
    )
    text = facts.start_facts(table)
    assert text["start_agreement"].startswith("on Epoch AI's window our data and Epoch AI's agree from 2019")
    assert "from 2018 they do not" in text["start_agreement"]
    assert text["start_swapped_verdict"].startswith("which agrees with Epoch's data")
    apart = table.assign(epoch=[_fit(3.0, 2.8, 3.2)] * 3, ours_epoch_before_2018=[_fit(5.6, 5.0, 6.3)] * 3)
    text = facts.start_facts(apart)
    assert text["start_agreement"] == "our data and Epoch AI's disagree at every start year tried"
    assert text["start_swapped_verdict"].startswith("which still differs")


def test_the_speculative_verdict_follows_the_fit_without_them():
    from analysis.topics.compute_trends import facts

    rests = facts.speculative_verdict(_fit(6.1, 5.2, 7.0), _fit(4.6, 3.7, 5.6), 12)
    assert "without its 12 speculative rows" in rests and "it rests on them" in rests
    holds = facts.speculative_verdict(_fit(4.2, 3.9, 4.5), _fit(4.1, 3.8, 4.5), 30)
    assert "it does not rest on them" in holds
    close = facts.speculative_verdict(_fit(2.439, 2.2, 2.7), _fit(2.7, 2.449, 2.99), 8)
    assert "2.45" in close and "excludes the headline" in close


def test_the_reproduction_verdict_needs_each_estimate_inside_the_other():
    from analysis.topics.compute_trends import facts

    figure = pd.Series({"value": 5.3, "ci_low": 4.9, "ci_high": 5.7})
    assert facts.reproduction(_fit(5.2, 4.8, 5.6), figure) == "yes"
    assert facts.reproduction(_fit(4.8, 4.5, 5.1), figure) == "no"
    assert facts.reproduction(_fit(4.8, 4.5, 5.4), figure) == "partly"
    assert (
        facts.reproduction(_fit(4.8, 4.5, 5.4), pd.Series({"value": 5.0, "ci_low": None, "ci_high": None}))
        == "yes"
    )


def test_the_specification_curve_fits_each_distinct_sample_once():
    """No two rows of one estimand and estimator fit the same models, and no frontier row is restricted
    to language models."""
    from analysis.data import loaders

    models = loaders.load_models()
    curve = ct.specification.specification_curve(models)
    assert not (curve.estimand.eq(ct.specification.FRONTIER) & curve.domain.eq("language")).any()
    keys = curve[["estimand", "estimator", "self-play", "n", "growth"]].round(12)
    assert not keys.duplicated().any()


def test_the_acceleration_verdict_follows_the_interval():
    from analysis.topics.compute_trends import facts

    assert facts.change_verdict(0.01, 0.03) == "sped up"
    assert facts.change_verdict(-0.03, -0.01) == "slowed down"
    assert facts.change_verdict(-0.01, 0.03).startswith("neither")


def test_self_play_counting_changes_only_rows_with_self_play_compute():
    models = pd.DataFrame(
        {"training_compute_flop": [1e20, 2e20], "self_play_compute_flop": [np.nan, 1e21]}, index=["a", "b"]
    )
    counted = ct.specification.with_self_play(models)
    assert counted.training_compute_flop.tolist() == [1e20, 1.2e21]
