"""The key-numbers registry: every headline number, once, with its interval.

A chapter creates one ``Registry(chapter=...)``, registers each headline with
``register(...)`` and glues it into the prose with ``glue(...)``, so prose,
tables and downloads read the same object. ``save()`` writes the chapter's
numbers to ``<output>/key-numbers/<chapter>.json``; the book's Sphinx
extension merges every chapter's file into ``key-numbers.csv`` and
``key-numbers.json`` at the site root and renders the Key numbers page.
"""

import csv
import io
import json
import math
import re
import sys
from dataclasses import dataclass, fields
from pathlib import Path

from analysis import REPO_ROOT
from analysis.data import paths
from analysis.data.schema import ID_PATTERN, UNITS
from analysis.report.bibliography import author_year
from analysis.science.units import (
    format_estimate,
    format_in_unit,
    format_interval,
    format_number,
    format_printed,
)

EXPORT_SIGNIFICANT_DIGITS = 6
"""Significant digits of numbers in the CSV/JSON export (fixed, for byte-identical builds)."""


class KeyNumberError(ValueError):
    """A key number breaks the registry contract."""


@dataclass(frozen=True)
class KeyNumber:
    """One headline number of the report.

    ``id`` is ``<chapter>.<quantity>.<qualifier>``; ``ci_low``/``ci_high`` bound
    the interval at level ``ci_level`` (e.g. 0.95); ``published`` is the id of
    the published figure it replicates in ``data/published_estimates.csv``
    (empty when none); ``chapter`` is the docname of the page that computes it;
    ``headline`` marks the chapter's headline on the landing page; ``interval_kind`` is ``CI``
    for a confidence interval, or names a range that is not one (``grade range``); ``code`` is
    the function that registered it (``analysis/topics/<topic>/facts.py:register_key_numbers``),
    recorded by ``Registry.register``: it reads the value from the topic's ``model``; ``caveat`` is a
    computed sentence the number travels with (e.g. whether a to-date rate rests on its speculative
    rows), printed beside it on the landing and key-numbers pages and exported (empty when none);
    ``data_through`` is the last date (ISO) of the data the number rests on: its sample's newest row,
    or a window's end.
    """

    id: str
    value: float
    ci_low: float
    ci_high: float
    ci_level: float
    unit: str
    description: str
    method: str
    published: str
    chapter: str
    significant: int = 3
    headline: bool = False
    interval_kind: str = "CI"
    code: str = ""
    caveat: str = ""
    data_through: str = ""

    @property
    def value_text(self) -> str:
        """The value as prose writes it, e.g. ``0.347``."""
        return format_in_unit(self.value, self.unit, self.significant)

    @property
    def interval_text(self) -> str:
        """The interval as prose writes it, e.g. ``95% CI 0.317–0.373``."""
        return format_interval(
            self.ci_low, self.ci_high, self.ci_level, self.significant, self.unit, self.interval_kind
        )

    @property
    def text(self) -> str:
        """Value and interval together, e.g. ``0.347 (95% CI 0.317–0.373)``."""
        return format_estimate(
            self.value,
            self.ci_low,
            self.ci_high,
            self.ci_level,
            self.significant,
            self.unit,
            self.interval_kind,
        )


def _iso_date(value, owner: str, what: str = "data_through") -> str:
    """``value`` (a date, timestamp or ISO string) as ``YYYY-MM-DD``; anything else is an error naming
    ``owner``."""
    import pandas as pd

    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError) as error:
        raise KeyNumberError(f"{owner}: {what} {value!r} is not a date") from error
    if pd.isna(stamp):
        raise KeyNumberError(f"{owner}: {what} is missing")
    return stamp.date().isoformat()


def _export_number(value: float) -> str:
    return f"{value:.{EXPORT_SIGNIFICANT_DIGITS}g}"


EXPORT_FIELDS = [field.name for field in fields(KeyNumber)]
"""Columns of ``key-numbers.csv`` and keys of each ``key-numbers.json`` entry."""


class Registry:
    """The key numbers of one chapter (``chapter`` is its docname, e.g. ``chapters/03-chinchilla``)."""

    def __init__(self, chapter: str, data_through):
        """``data_through`` (a date) is the default last date of data for the chapter's numbers; a number
        resting on less (a window) gives its own to ``register``."""
        self.chapter = chapter
        self.data_through = _iso_date(data_through, chapter)
        self._numbers: dict[str, KeyNumber] = {}
        self._forecasts: list = []

    def add_forecasts(self, forecasts: list) -> None:
        """Add ledger entries that are not key numbers (e.g. forecasts re-run at an earlier data cutoff)."""
        self._forecasts.extend(forecasts)

    def forecast(self, number_id: str, rule: str, resolves, quartiles: tuple[float, float] | None = None):
        """Register the key number ``number_id`` as a forecast in the ledger (``analysis.report.ledger``):
        resolved on ``resolves`` (a date) by ``rule``; ``quartiles`` (25th, 75th percentiles) where the
        number comes from a distribution of draws."""
        from analysis.report import ledger

        number = self._numbers[number_id]
        q25, q75 = quartiles if quartiles is not None else (math.nan, math.nan)
        forecast = ledger.Forecast(
            id=number_id,
            owner=ledger.OURS,
            statement=number.description,
            unit=number.unit,
            rule=rule,
            resolves=_iso_date(resolves, number_id, "resolves"),
            made=number.data_through,
            data_through=number.data_through,
            version=ledger.DEVELOPMENT,
            median=number.value,
            low=number.ci_low,
            high=number.ci_high,
            level=number.ci_level,
            q25=float(q25),
            q75=float(q75),
            source=f"key-numbers#{number_id}",
        )
        self._forecasts.append(forecast)
        return forecast

    def __iter__(self):
        return iter(self._numbers.values())

    def __getitem__(self, number_id: str) -> KeyNumber:
        return self._numbers[number_id]

    def register(
        self,
        number_id: str,
        value: float,
        ci: tuple[float, float],
        ci_level: float,
        unit: str,
        description: str,
        method: str,
        published: str = "",
        significant: int = 3,
        headline: bool = False,
        interval_kind: str = "CI",
        caveat: str = "",
        data_through=None,
    ) -> KeyNumber:
        """Add a headline number; reject duplicates, bad ids and values outside their interval."""
        if number_id in self._numbers:
            raise KeyNumberError(f"key number '{number_id}' is already registered")
        if not re.match(ID_PATTERN, number_id):
            raise KeyNumberError(f"key number id '{number_id}' is not <chapter>.<quantity>.<qualifier>")
        if unit not in UNITS:
            raise KeyNumberError(f"key number '{number_id}': unknown unit '{unit}'")
        low, high = (float(bound) for bound in ci)
        value = float(value)
        if not all(math.isfinite(number) for number in (value, low, high)):
            raise KeyNumberError(f"key number '{number_id}': value and interval must be finite")
        if not low <= value <= high:
            raise KeyNumberError(
                f"key number '{number_id}': value {value} lies outside its interval [{low}, {high}]"
            )
        if not 0.5 <= ci_level < 1.0:
            raise KeyNumberError(f"key number '{number_id}': ci_level {ci_level} is not in [0.5, 1)")
        caller = sys._getframe(1)
        code = f"{Path(caller.f_code.co_filename).resolve().relative_to(REPO_ROOT)}:{caller.f_code.co_name}"
        number = KeyNumber(
            id=number_id,
            value=value,
            ci_low=low,
            ci_high=high,
            ci_level=float(ci_level),
            unit=unit,
            description=description,
            method=method,
            published=published,
            chapter=self.chapter,
            significant=significant,
            headline=headline,
            interval_kind=interval_kind,
            code=code,
            caveat=caveat,
            data_through=self.data_through if data_through is None else _iso_date(data_through, number_id),
        )
        self._numbers[number_id] = number
        return number

    def glue(self) -> None:
        """Glue every number for the prose: ``<id>`` (value), ``<id>.ci`` and ``<id>.text``."""
        from myst_nb import glue

        for number in self:
            glue(number.id, number.value_text, display=False)
            glue(f"{number.id}.ci", number.interval_text, display=False)
            glue(f"{number.id}.text", number.text, display=False)

    def save(self, output: Path | None = None) -> Path:
        """Write this chapter's numbers to ``<output>/key-numbers/<chapter>.json``."""
        folder = (output or paths.output_dir()) / "key-numbers"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.chapter.replace('/', '__')}.json"
        path.write_text(to_json(list(self)), encoding="utf-8")
        from analysis.report import ledger

        ledger.save(self._forecasts, self.chapter, output)
        return path


def glue_text(facts: dict) -> None:
    """Glue each fact for the prose under its key: text as it is, numbers formatted once (``format_number``).

    Chapters call it in a hidden cell just before the section whose prose
    uses the facts, with a dict that an ``analysis`` function returns.
    """
    from myst_nb import glue

    for name, value in facts.items():
        glue(name, value if isinstance(value, str) else format_number(value), display=False)


def _export_record(number: KeyNumber) -> dict:
    record = {name: getattr(number, name) for name in EXPORT_FIELDS}
    for name in ("value", "ci_low", "ci_high", "ci_level"):
        record[name] = _export_number(record[name])
    record["headline"] = "true" if number.headline else "false"
    return record


def from_record(record: dict) -> KeyNumber:
    """A key number from an exported record (CSV row or JSON object); older exports lack the last fields."""
    values = {name: float(record[name]) for name in ("value", "ci_low", "ci_high", "ci_level")}
    headline = str(record.get("headline", "false")).lower() == "true"
    kind = record.get("interval_kind") or "CI"
    fields = {**record, **values, "significant": int(record["significant"]), "headline": headline}
    return KeyNumber(**{**fields, "interval_kind": kind})


def to_json(numbers: list[KeyNumber]) -> str:
    """Key numbers as JSON, sorted by id, numbers as fixed-precision strings."""
    records = [_export_record(number) for number in sorted(numbers, key=lambda n: n.id)]
    return json.dumps(records, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def to_site_json(numbers: list[KeyNumber], version: str, url: str) -> str:
    """The site's ``key-numbers.json``: the report, its version, licence and address, then every key
    number sorted by id with its values as JSON numbers (at the exported precision) and flags as booleans."""
    records = []
    for number in sorted(numbers, key=lambda n: n.id):
        record = _export_record(number)
        for name in ("value", "ci_low", "ci_high", "ci_level"):
            record[name] = float(record[name])
        record["significant"] = int(record["significant"])
        record["headline"] = str(record["headline"]).lower() == "true"
        records.append(record)
    document = {
        "report": "AI Scaling Trends",
        "version": version,
        "licence": "CC BY 4.0",
        "url": url,
        "key_numbers": records,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def to_csv(numbers: list[KeyNumber]) -> str:
    """Key numbers as CSV, sorted by id, numbers as fixed-precision strings."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for number in sorted(numbers, key=lambda n: n.id):
        writer.writerow(_export_record(number))
    return buffer.getvalue()


def load_saved(output: Path | None = None) -> list[KeyNumber]:
    """Every chapter's saved key numbers; raise ``KeyNumberError`` on a duplicate id."""
    folder = (output or paths.output_dir()) / "key-numbers"
    numbers: dict[str, KeyNumber] = {}
    for path in sorted(folder.glob("*.json")):
        for record in json.loads(path.read_text(encoding="utf-8")):
            number = from_record(record)
            if number.id in numbers:
                raise KeyNumberError(f"key number '{number.id}' is registered by two chapters")
            numbers[number.id] = number
    return list(numbers.values())


UNIT_CONVERSIONS = {("OOM/yr", "x/yr"): lambda value: 10**value}
"""Published units the comparison table converts into ours, so both sides read in one unit."""


def _in_unit(figure, unit: str) -> str:
    """A published figure (value and interval) converted into ``unit``, if a conversion is known."""
    import pandas as pd

    convert = UNIT_CONVERSIONS.get((figure.unit, unit))
    if convert is None:
        return ""
    text = format_number(convert(figure.value), 2)
    if pd.notna(figure.ci_low):
        text += f" ({format_number(convert(figure.ci_low), 2)}–{format_number(convert(figure.ci_high), 2)})"
    return f"{text} {unit}"


def comparison_table(registry: Registry, published, pairs: list[tuple[str, str, str]]):
    """The chapter's "Comparison with published estimates" table.

    ``pairs`` lists ``(key number id, published id, why they differ)``;
    ``published`` is ``data.load_published_estimates()``. One row per pair:
    quantity, ours with interval, the published value with its uncertainty,
    the source and location, and the reason.
    """
    import pandas as pd

    rows = []
    for number_id, published_id, reason in pairs:
        number = registry[number_id]
        figure = published.loc[published_id]
        theirs = format_printed(figure.value, figure.unit)
        if pd.notna(figure.ci_low):
            low, high = (
                format_printed(figure.ci_low, figure.unit),
                format_printed(figure.ci_high, figure.unit),
            )
            theirs += f" ({figure.ci_level:.0%} CI {low}–{high})"
        elif isinstance(figure.uncertainty, str) and figure.uncertainty.startswith("published as a range"):
            theirs = figure.uncertainty[0].upper() + figure.uncertainty[1:]
        elif isinstance(figure.uncertainty, str):
            theirs += f" ({figure.uncertainty})"
        if figure.unit != number.unit:
            theirs += f" {figure.unit}"
            converted = _in_unit(figure, number.unit)
            if converted:
                theirs += f" = {converted}"
        rows.append(
            {
                "Quantity": figure.quantity,
                "Unit": number.unit,
                "This report": number.text,
                "Published": theirs,
                "Source": f"{author_year(figure.source_key)}, {figure.location}",
                "Why they differ": reason,
            }
        )
    return pd.DataFrame(rows)
