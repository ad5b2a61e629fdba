"""The forecast ledger: every forward-looking number, ours and the anchors', with what resolves it.

A forecast is a quantity at a future date or the date a threshold is crossed. Ours are registered
with their key number (``Registry.forecast``); the anchors' come from ``data/anchor_forecasts.csv``.
Each names its version and data cutoff, a resolution date and a rule (``RULES``), and its quantiles
(median, an interval at a stated level, and the quartiles where a distribution exists).

A release freezes the build's ledger into ``forecast-ledger.released.csv`` (``freeze``), each row
sealed with a hash of its fields; later builds score those rows unchanged, and a row whose fields no
longer match its seal, or a released forecast that a build at the same version prints differently, is
an error naming it (``check_frozen``).
"""

import csv
import hashlib
import io
import json
import math
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from analysis import REPO_ROOT
from analysis.data import paths
from analysis.science.units import format_in_unit

RULES = {
    "first_above": "the first release (by publication date) estimated above {threshold} FLOP{population}",
    "count_above": "the number of models estimated above {threshold} FLOP published before {resolves}",
    "largest_compute_at": "the largest estimated training run published by {resolves} (FLOP)",
    "largest_dataset_at": "the largest reported training dataset published by {resolves} (words)",
    "largest_cost_at": "the costliest estimated training run published by {resolves} (USD)",
    "first_cost_above": "the first training run estimated to cost above {threshold} USD",
    "not_observable": "not observable in pinned data ({reason})",
}
"""Resolution rules: how the realised value is read from the newest pinned data (``scorecard``)."""

FROZEN = REPO_ROOT / "forecast-ledger.released.csv"
OURS = "this report"
DEVELOPMENT = "dev"
"""The version of a build's own forecasts until a release freezes them under its number."""


class LedgerError(ValueError):
    """A forecast breaks the ledger's contract (names the forecast)."""


@dataclass(frozen=True)
class Forecast:
    """One forecast. ``rule`` is ``<kind> [threshold] [open]`` with ``kind`` a key of ``RULES`` (e.g.
    ``first_above 1e26 open``); dates are ISO; quantiles are in ``unit``, ``low``/``high`` bound the
    interval at ``level`` and ``q25``/``q75`` are NaN where no distribution was registered."""

    id: str
    owner: str
    statement: str
    unit: str
    rule: str
    resolves: str
    made: str
    data_through: str
    version: str
    median: float
    low: float
    high: float
    level: float
    q25: float = math.nan
    q75: float = math.nan
    source: str = ""

    def __post_init__(self):
        parse_rule(self.rule, self.id)
        for name in ("resolves", "made", "data_through"):
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", getattr(self, name) or ""):
                raise LedgerError(f"forecast '{self.id}': {name} {getattr(self, name)!r} is not an ISO date")

    @property
    def kind(self) -> str:
        return parse_rule(self.rule, self.id)[0]

    @property
    def threshold(self) -> float:
        return parse_rule(self.rule, self.id)[1]

    @property
    def open_only(self) -> bool:
        return parse_rule(self.rule, self.id)[2]

    @property
    def rule_text(self) -> str:
        """The rule as a sentence."""
        kind, threshold, open_only = parse_rule(self.rule, self.id)
        reason = self.rule.partition(" ")[2] if kind == "not_observable" else ""
        return RULES[kind].format(
            threshold=format_in_unit(threshold, "FLOP", 2) if not math.isnan(threshold) else "",
            population=" among open-weight models" if open_only else "",
            resolves=self.resolves,
            reason=reason,
        )

    def seal(self) -> str:
        """SHA-256 of the forecast's fields (what a release freezes)."""
        record = {name: _text(value) for name, value in asdict(self).items()}
        return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()


def parse_rule(rule: str, forecast_id: str) -> tuple[str, float, bool]:
    """``(kind, threshold FLOP or NaN, open-weight population only)`` of a rule; a forecast without a
    rule, or with an unknown one, is an error naming it."""
    words = (rule or "").split()
    if not words or words[0] not in RULES:
        raise LedgerError(f"forecast '{forecast_id}': resolution rule {rule!r} is not one of {sorted(RULES)}")
    kind = words[0]
    if kind == "not_observable":
        if len(words) < 2:
            raise LedgerError(f"forecast '{forecast_id}': a not_observable rule says why")
        return kind, math.nan, False
    threshold = math.nan
    if kind in ("first_above", "count_above", "first_cost_above"):
        try:
            threshold = float(words[1])
        except (IndexError, ValueError) as error:
            raise LedgerError(f"forecast '{forecast_id}': rule {rule!r} names no threshold") from error
    return kind, threshold, words[-1] == "open"


def _text(value) -> str:
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:.6g}"
    return str(value)


FIELDS = [field.name for field in fields(Forecast)]


def to_csv(forecasts: list[Forecast], sealed: bool = False) -> str:
    """Forecasts as CSV sorted by version and id; ``sealed`` adds each row's ``seal``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS + (["seal"] if sealed else []), lineterminator="\n")
    writer.writeheader()
    for forecast in sorted(forecasts, key=lambda f: (f.version, f.id)):
        row = {name: _text(getattr(forecast, name)) for name in FIELDS}
        if sealed:
            row["seal"] = forecast.seal()
        writer.writerow(row)
    return buffer.getvalue()


def from_record(record: dict) -> Forecast:
    """A forecast from a CSV or JSON record (numbers as text, empty = NaN)."""
    numbers = {"median", "low", "high", "level", "q25", "q75"}
    values = {
        name: (float(record[name]) if record.get(name) not in ("", None) else math.nan)
        if name in numbers
        else record.get(name, "")
        for name in FIELDS
    }
    return Forecast(**values)


def save(forecasts: list[Forecast], chapter: str, output: Path | None = None) -> Path:
    """Write a chapter's forecasts to ``<output>/forecasts/<chapter>.csv``."""
    folder = (output or paths.output_dir()) / "forecasts"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{chapter.replace('/', '__')}.csv"
    path.write_text(to_csv(forecasts), encoding="utf-8")
    return path


def read_csv(text: str) -> list[Forecast]:
    """Forecasts from the text of a ledger CSV."""
    return [from_record(record) for record in csv.DictReader(io.StringIO(text))]


def load_saved(output: Path | None = None) -> list[Forecast]:
    """This build's forecasts, every chapter's; a duplicate id is an error."""
    found: dict[str, Forecast] = {}
    for path in sorted(((output or paths.output_dir()) / "forecasts").glob("*.csv")):
        for forecast in read_csv(path.read_text(encoding="utf-8")):
            if forecast.id in found:
                raise LedgerError(f"forecast '{forecast.id}' is registered twice")
            found[forecast.id] = forecast
    return list(found.values())


def load_frozen(path: Path = FROZEN) -> list[Forecast]:
    """The released ledgers' forecasts, each checked against its seal (``check_frozen``)."""
    if not path.is_file():
        return []
    forecasts = []
    for line, record in enumerate(csv.DictReader(path.open(encoding="utf-8")), start=2):
        forecast = from_record(record)
        if forecast.seal() != record.get("seal"):
            raise LedgerError(
                f"{path.name}: line {line}, forecast '{forecast.id}' of version {forecast.version} changed "
                "after its release (its fields no longer match its seal)"
            )
        forecasts.append(forecast)
    return forecasts


def check_frozen(current: list[Forecast], frozen: list[Forecast]) -> None:
    """A forecast this build registers under a version a release froze must equal the frozen one."""
    released = {(forecast.version, forecast.id): forecast for forecast in frozen}
    for forecast in current:
        earlier = released.get((forecast.version, forecast.id))
        if earlier is not None and earlier.seal() != forecast.seal():
            raise LedgerError(
                f"forecast '{forecast.id}' of released version {forecast.version} differs from the frozen "
                "ledger: a released forecast never changes (register it under a new version)"
            )


def _content(forecast: Forecast) -> tuple:
    """What a forecast says (not when or under which version it was said)."""
    record = asdict(forecast)
    return tuple(_text(record[name]) for name in FIELDS if name not in ("version", "made"))


def new_since_release(current: list[Forecast], frozen: list[Forecast]) -> list[Forecast]:
    """This build's own forecasts that say something the frozen ledger does not already hold (an unchanged
    forecast appears once, under the release that froze it)."""
    said = {_content(forecast) for forecast in frozen}
    return [forecast for forecast in current if _content(forecast) not in said]


def freeze(current: list[Forecast], version: str, date: str, path: Path = FROZEN) -> Path:
    """Append this build's own forecasts (its development ones and those re-run at an earlier cutoff) to the
    frozen ledger under ``version``, made on the release ``date`` (a release)."""
    frozen = load_frozen(path)
    if any(forecast.version == version for forecast in frozen):
        raise LedgerError(f"{path.name}: version {version} is already frozen")
    released = [
        Forecast(**{**asdict(forecast), "version": version, "made": date})
        for forecast in current
        if forecast.owner == OURS
    ]
    path.write_text(to_csv(frozen + released, sealed=True), encoding="utf-8")
    return path


def unforecast(numbers, forecasts: list[Forecast]) -> list[str]:
    """Forward-looking key numbers with no forecast in the ledger: a year-valued number later than its
    data, or an id naming a year after its data (``..._2030``, ``.2027``)."""
    registered = {forecast.id for forecast in forecasts}
    missing = []
    for number in numbers:
        through = float(number.data_through[:4]) + 1 if number.data_through else math.inf
        years = [int(year) for year in re.findall(r"(?<!\d)(20[2-9]\d)(?!\d)", number.id)]
        ahead = (number.unit == "year" and number.value >= through) or any(year >= through for year in years)
        if ahead and number.id not in registered:
            missing.append(number.id)
    return missing
