import re

import numpy as np
import pandas as pd
import pytest

from analysis.data import loaders, schema
from analysis.topics import audit


def _ours(rows):
    return pd.DataFrame(
        rows,
        columns=["model", "epoch_model", "training_compute_flop", "compute_method"],
    ).assign(publication_date=pd.Timestamp("2020-01-01"), domain="language", confidence="likely")


def test_join_on_alias_and_normalised_name_with_ratios():
    ours = _ours(
        [
            ["GPT-3 175B", "GPT-3 175B (davinci)", 3.1e23, "6ND"],
            ["Big-Model v2", None, 1e22, "hardware"],
            ["Closed One", None, 5e24, "third_party_estimate"],
            ["Unknown", None, 1e20, "6ND"],
            ["No Estimate", None, 1e21, "6ND"],
        ]
    )
    epoch = pd.DataFrame(
        {
            "Model": ["GPT-3 175B (davinci)", "big model V2", "Closed One", "No estimate"],
            "Training compute (FLOP)": [3.14e23, 1e21, 5e24, np.nan],
        }
    )
    joined = audit.join_epoch(ours, epoch).set_index("model")
    assert joined.status.to_dict() == {
        "GPT-3 175B": "compared",
        "Big-Model v2": "compared",
        "Closed One": "compared",
        "Unknown": "not in Epoch",
        "No Estimate": "no Epoch compute",
    }
    assert joined.ratio["GPT-3 175B"] == pytest.approx(3.1 / 3.14)
    assert joined.agrees["GPT-3 175B"] and not joined.agrees["Big-Model v2"]
    assert not joined.independent["Closed One"]
    share = audit.agreement_share(joined.reset_index())
    # Closed One is another group's estimate: left out. 1 of 2 independent rows agree.
    assert (share["agreeing"], share["compared"], share["share"]) == (1, 2, 0.5)
    assert share["low"] < 0.5 < share["high"]


def test_every_real_disagreement_has_a_reason():
    joined = audit.join_epoch(loaders.load_models(), loaders.load_epoch_models("all_ai_models.csv"))
    outside = audit.disagreements(joined)
    assert outside.reason.notna().all()
    assert (~outside.agrees).all()


def test_normalised_names_keep_greek_letters_apart():
    assert audit.normalised_name("PanGu-α") != audit.normalised_name("PanGu-Σ")
    assert audit.normalised_name("GPT-3 175B (davinci)") == "gpt3175bdavinci"


def test_a_missing_frontier_model_without_a_note_is_an_error_naming_it(monkeypatch):
    models, epoch = loaders.load_models(), loaders.load_epoch_models()
    notes = loaders.load_missing_frontier_notes()
    assert len(audit.missing_frontier(models, epoch)) == len(notes)
    monkeypatch.setattr(loaders, "load_missing_frontier_notes", lambda: notes.drop(index="PolyNet"))
    with pytest.raises(schema.DataError, match="no note for Epoch's frontier model 'PolyNet'"):
        audit.missing_frontier(models, epoch)
    stale = pd.concat([notes, notes.loc[["PolyNet"]].rename(index={"PolyNet": "Not Missing"})])
    monkeypatch.setattr(loaders, "load_missing_frontier_notes", lambda: stale)
    with pytest.raises(schema.DataError, match="'Not Missing' is no longer a missing frontier model"):
        audit.missing_frontier(models, epoch)


def test_a_second_reading_of_a_model_without_a_disagreement_is_an_error(monkeypatch):
    notes = loaders.load_audit_notes()
    second = loaders.load_audit_second_reading()
    model = second.index[0]
    monkeypatch.setattr(loaders, "load_audit_notes", lambda: notes.drop(index=model))
    with pytest.raises(schema.DataError, match=f"model '{re.escape(model)}' has no audit note"):
        loaders.load_audit_second_reading()


def test_second_reading_facts_count_sides_and_agreement_with_our_verdicts():
    table = pd.DataFrame(
        {
            "closer to": ["ours", "Epoch's", "neither"],
            "our verdict": ["ours", "Epoch", "both plausible"],
            "verdict from this reading": [False, False, False],
        }
    )
    facts = audit.second_reading_facts(table)
    keys = ("blind_n", "blind_ours", "blind_epoch", "blind_decided", "blind_confirms", "blind_own")
    assert [facts[key] for key in keys] == [3, 1, 1, 2, 2, 0]
    circular = table.assign(**{"verdict from this reading": [False, True, False]})
    facts = audit.second_reading_facts(circular)
    assert [facts[key] for key in keys] == [3, 1, 1, 1, 1, 1], (
        "a verdict the reading decided is not a confirmation"
    )


def test_verdict_counts_leave_conventions_out_and_the_balance_follows_the_counts():
    import pandas as pd

    from analysis.topics import audit

    outside = pd.DataFrame(
        {
            "difference": ["convention", "inputs", "inputs", "different run"],
            "better_estimate": ["ours", "ours", "Epoch", "both plausible"],
        }
    )
    counts = audit.verdict_counts(outside)
    assert (counts["n_judged"], counts["n_ours_better"], counts["n_epoch_better"]) == (3, 1, 1)
    assert counts["verdict_balance"] == "our reading favours each side equally often"
    outside.loc[3, "better_estimate"] = "Epoch"
    assert "favours Epoch's estimates" in audit.verdict_counts(outside)["verdict_balance"]
