"""No number changes silently: the snapshot diff, and the acknowledged numbers equal the build's."""

from analysis.report import keynumbers, releases
from analysis.report.keynumbers import KeyNumber


def _number(number_id, value, low, high):
    return KeyNumber(number_id, value, low, high, 0.9, "x/yr", "d", "m", "", "chapters/x", 2)


def test_changes_on_a_toy_registry():
    before = {
        n.id: n
        for n in [
            _number("a.b.c", 4.01, 3.6, 4.4),
            _number("a.b.d", 2.0, 1.0, 3.0),
            _number("a.b.gone", 1.0, 0.5, 2.0),
        ]
    }
    after = {
        n.id: n
        for n in [
            _number("a.b.c", 4.04, 3.6, 4.4),
            _number("a.b.d", 2.6, 1.0, 3.0),
            _number("a.b.new", 1.0, 0.5, 2.0),
        ]
    }
    found = {change.id: change for change in releases.changes(before, after)}
    assert "a.b.c" not in found, "a move below the printed precision is not a change"
    assert found["a.b.d"].status == "changed" and found["a.b.d"].before.startswith("2.0")
    assert found["a.b.new"].status == "new" and found["a.b.gone"].status == "removed"


def test_exported_numbers_round_trip_through_the_snapshot_format():
    numbers = [_number("a.b.c", 4.01, 3.6, 4.4)]
    again = releases.read_numbers(keynumbers.to_csv(numbers))
    assert again["a.b.c"].text == numbers[0].text


def test_every_number_the_build_prints_is_acknowledged(built_site):
    """Fails when a change moved a printed number: look at the Changes page, then run ``make acknowledge``."""
    fresh = releases.read_numbers((built_site / "key-numbers.csv").read_text(encoding="utf-8"))
    acknowledged = releases.read_numbers(releases.ACKNOWLEDGED.read_text(encoding="utf-8"))
    unacknowledged = releases.changes(acknowledged, fresh)
    assert not unacknowledged, "not yet acknowledged (make acknowledge): " + "; ".join(
        f"{c.id}: {c.before or '-'} -> {c.after or '-'}" for c in unacknowledged
    )
    assert "Changes since the last release" in (built_site / "changes.html").read_text(encoding="utf-8")


def test_a_release_keeps_a_tombstone_for_every_id_it_drops(tmp_path):
    """Ids in the outgoing release but not in the acknowledged numbers are appended once to the
    retired list, with the version that last printed them."""
    from analysis.report import keynumbers

    registry = keynumbers.Registry("chapters/test", "2025-09-02")
    kept = registry.register("chinchilla.fit.alpha", 0.35, (0.3, 0.4), 0.95, "dimensionless", "a", "m")
    dropped = registry.register("chinchilla.fit.beta", 0.37, (0.3, 0.4), 0.95, "dimensionless", "b", "m")
    path = tmp_path / "retired.csv"
    releases.retire({kept.id: kept, dropped.id: dropped}, {kept.id: kept}, path)
    releases.retire({kept.id: kept, dropped.id: dropped}, {kept.id: kept}, path)
    rows = path.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "id,version,printed" and len(rows) == 2 and rows[1].startswith("chinchilla.fit.beta,")
