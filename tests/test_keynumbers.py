import json
import subprocess
import sys

import pytest

from analysis.report import keynumbers

EXPORT_SCRIPT = """
import numpy as np
from analysis.report import keynumbers
from analysis.science import scaling_laws as sl
law = sl.ChinchillaLaw(E=1.8, A=480.0, B=2100.0, alpha=0.35, beta=0.37)
rng = np.random.default_rng(0)
n = np.logspace(7, 10, 60)
d = np.logspace(9, 11, 60)[rng.permutation(60)]
loss = law.loss(n, d) * np.exp(rng.normal(0, 0.01, 60))
fit = sl.fit_chinchilla(n, d, loss)
boot = sl.bootstrap_chinchilla(n, d, loss, fit, resamples=40, seed=3)
registry = keynumbers.Registry(chapter="chapters/test", data_through="2025-09-02")
for column, name in enumerate(sl.PARAMETER_NAMES):
    registry.register(f"test.fit.{name}", fit.law.as_array()[column],
                      boot.interval(boot.draws[:, column]), 0.95, "dimensionless", name, "test")
print(keynumbers.to_csv(list(registry)) + keynumbers.to_json(list(registry)))
"""


def _register(registry, number_id="chinchilla.fit.alpha", value=0.35, ci=(0.3, 0.4), **options):
    return registry.register(
        number_id,
        value,
        ci,
        options.pop("ci_level", 0.95),
        options.pop("unit", "dimensionless"),
        "test number",
        "test method",
        **options,
    )


def test_export_is_byte_identical_across_two_runs():
    outputs = [
        subprocess.run([sys.executable, "-c", EXPORT_SCRIPT], capture_output=True, check=True).stdout
        for _ in range(2)
    ]
    assert outputs[0] == outputs[1]
    assert b"test.fit.alpha" in outputs[0]


def test_value_outside_its_interval_is_rejected():
    registry = keynumbers.Registry("chapters/test", "2025-09-02")
    with pytest.raises(keynumbers.KeyNumberError, match="outside its interval"):
        _register(registry, value=0.5, ci=(0.3, 0.4))


def test_duplicate_id_is_rejected_within_a_chapter():
    registry = keynumbers.Registry("chapters/test", "2025-09-02")
    _register(registry)
    with pytest.raises(keynumbers.KeyNumberError, match="already registered"):
        _register(registry)


def test_duplicate_id_across_chapters_is_rejected(tmp_path):
    for chapter in ("chapters/one", "chapters/two"):
        registry = keynumbers.Registry(chapter, "2025-09-02")
        _register(registry)
        registry.save(tmp_path)
    with pytest.raises(keynumbers.KeyNumberError, match="registered by two chapters"):
        keynumbers.load_saved(tmp_path)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"number_id": "Chinchilla.fit.alpha"}, "is not <chapter>"),
        ({"number_id": "alpha"}, "is not <chapter>"),
        ({"unit": "furlongs"}, "unknown unit"),
        ({"ci_level": 1.5}, "ci_level"),
        ({"value": float("nan")}, "finite"),
    ],
)
def test_contract_violations_are_rejected(options, message):
    with pytest.raises(keynumbers.KeyNumberError, match=message):
        _register(keynumbers.Registry("chapters/test", "2025-09-02"), **options)


def test_save_and_load_round_trip_and_sorted_export(tmp_path):
    registry = keynumbers.Registry("chapters/test", "2025-09-02")
    _register(registry, "test.b.x", 2.0, (1.0, 3.0))
    _register(registry, "test.a.x", 5.76e23, (5e23, 6e23), unit="FLOP")
    registry.save(tmp_path)
    loaded = keynumbers.load_saved(tmp_path)
    assert sorted(number.id for number in loaded) == ["test.a.x", "test.b.x"]
    records = json.loads(keynumbers.to_json(loaded))
    assert [record["id"] for record in records] == ["test.a.x", "test.b.x"]
    assert records[0]["value"] == "5.76e+23"
    assert keynumbers.to_csv(loaded).splitlines()[0].startswith("id,value,ci_low,ci_high,ci_level,unit")
    assert registry["test.a.x"].text == "5.76 × 10²³ (95% CI 5.00 × 10²³–6.00 × 10²³)"


def test_the_registry_records_the_function_that_registered_a_number():
    registry = keynumbers.Registry(chapter="chapters/test", data_through="2025-09-02")
    number = registry.register("test.value.one", 1.0, (0.5, 2.0), 0.9, "x", "d", "m")
    assert (
        number.code
        == "tests/test_keynumbers.py:test_the_registry_records_the_function_that_registered_a_number"
    )


def test_every_number_carries_its_data_through_date_and_a_window_can_give_its_own():
    """The chapter's default last date of data, a number's own (a window's end), and an unreadable date
    refused naming the number; the export has the column."""
    registry = keynumbers.Registry("chapters/test", "2025-09-02")
    default = _register(registry)
    window = _register(registry, "chinchilla.fit.beta", data_through="2024-05-31")
    assert (default.data_through, window.data_through) == ("2025-09-02", "2024-05-31")
    assert "data_through" in keynumbers.to_csv(list(registry)).splitlines()[0]
    with pytest.raises(keynumbers.KeyNumberError, match="chinchilla.fit.gamma: data_through 'soon'"):
        _register(registry, "chinchilla.fit.gamma", data_through="soon")
    with pytest.raises(keynumbers.KeyNumberError, match="chapters/none: data_through is missing"):
        keynumbers.Registry("chapters/none", None)
