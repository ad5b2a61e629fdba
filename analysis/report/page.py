"""The on-page version of a chart: fitted to its column and to a phone, tooltips in human units, inline
data trimmed to what it draws; and the Vega expressions that write numbers as the report prints them
(``1.2 × 10²⁹``, ``94 kW``, ``USD 1.2 billion``, ``Sep 2027``). The downloadable SVG and PNG use the
chart as built (``analysis.report.charts``)."""

import json
import math
import textwrap
from functools import cache

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def superscript(number: str) -> str:
    """Vega expression: the integer expression ``number`` in superscript digits (and minus sign)."""
    text = f"toString({number})"
    for digit, raised in enumerate(SUPERSCRIPT_DIGITS):
        text = f"replace({text}, regexp('{digit}', 'g'), '{raised}')"
    return f"replace({text}, regexp('-', 'g'), '⁻')"


def scientific(value: str) -> str:
    """Vega expression: the number ``value`` written as the report prints it, ``1.2 × 10²⁹`` (two
    significant digits)."""
    parts = f"split(format({value}, '.1e'), 'e')"
    return f"{parts}[0] + ' × 10' + " + superscript(f"toNumber({parts}[1])")


COMPOSITE_KEYS = ("hconcat", "vconcat", "concat", "facet", "repeat")


NARROW = 600
"""Container width (px) below which a chart on the page is on a phone: its legends take one column and
the phone's width, and its title and long category labels wrap."""

PHONE_TITLE_CHARACTERS = 36
"""Characters a title line holds on a phone before it wraps."""


PHONE_AXIS_CHARACTERS = 26
"""Characters an x-axis title holds on a line of the page's chart (longer titles take two lines)."""


def _on_phone(narrow: str, wide: str) -> dict:
    """A Vega-Lite expression: ``narrow`` in a container narrower than ``NARROW``, else ``wide``."""
    return {"expr": f"containerSize()[0] < {NARROW} ? {narrow} : {wide}"}


def _wrapped_label(characters: int) -> str:
    """Vega expression: ``datum.label`` broken into lines of at most about ``characters`` characters (Vega
    draws an array as lines)."""
    lines = f"replace(datum.label, regexp('(.{{1,{characters}}})( +|$)', 'g'), '$1\\n')"
    return f"split(trim({lines}), '\\n')"


def _fit_phone(node):
    """``node`` (part of a spec) with every legend in one column no wider than the container on a phone,
    every category axis's labels wrapped there, and long x-axis titles on two lines."""
    if isinstance(node, list):
        return [_fit_phone(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _fit_phone(value) for key, value in node.items()}
    legend = node.get("legend")
    if isinstance(legend, dict):
        columns = legend.get("columns", 1)
        node["legend"] = {
            **legend,
            "columns": _on_phone("1", str(columns)) if columns != 1 else 1,
            "labelLimit": _on_phone("containerSize()[0] - 100", str(legend.get("labelLimit", 480))),
            "labelExpr": _on_phone(_wrapped_label(40), "datum.label")["expr"],
        }
    x = node.get("encoding", {}).get("x") if isinstance(node.get("encoding"), dict) else None
    if isinstance(x, dict) and isinstance(x.get("title"), str) and len(x["title"]) > PHONE_AXIS_CHARACTERS:
        node["encoding"] = {
            **node["encoding"],
            "x": {**x, "title": textwrap.wrap(x["title"], PHONE_AXIS_CHARACTERS)},
        }
    axis = node.get("axis")
    if node.get("type") == "nominal" and isinstance(axis, dict) and "labelLimit" in axis:
        node["axis"] = {
            **axis,
            "labelExpr": _on_phone(_wrapped_label(34), "datum.label")["expr"],
            "labelFontSize": _on_phone("10", "12"),
        }
    return node


def _phone_title(title):
    """A title that starts at the chart's left edge and wraps into lines of ``PHONE_TITLE_CHARACTERS`` on a
    phone."""
    title = {**title, "anchor": "start", "frame": "bounds"} if isinstance(title, dict) else title
    text = title.get("text", "") if isinstance(title, dict) else title
    if not isinstance(text, str) or len(text) <= PHONE_TITLE_CHARACTERS:
        return {"text": text, "anchor": "start", "frame": "bounds"} if isinstance(title, str) else title
    lines = json.dumps(textwrap.wrap(text, PHONE_TITLE_CHARACTERS))
    wrapped = _on_phone(lines, json.dumps(text))
    return (
        {**title, "text": wrapped}
        if isinstance(title, dict)
        else {"text": wrapped, "anchor": "start", "frame": "bounds"}
    )


def _ladder(value: str, steps: list[tuple[float, str]], write) -> str:
    """Vega expression: ``value`` divided by the largest scale of ``steps`` it reaches and written by
    ``write(number, word)`` (the unscaled value with ``steps``' last word)."""
    text = write(f"format({value}, '.2~r')", steps[-1][1])
    for scale, word in reversed(steps[:-1]):
        scaled = write(f"format({value} / {scale:g}, '.2~r')", word)
        text = f"{value} >= {scale:g} ? {scaled} : {text}"
    return text


def watts(value: str) -> str:
    """Vega expression: the power ``value`` (W) as a reader reads it, ``94 kW`` or ``4.9 GW``
    (``units.format_watts``)."""
    steps = [(1e9, "GW"), (1e6, "MW"), (1e3, "kW"), (1, "W")]
    return _ladder(value, steps, lambda number, unit: f"{number} + ' {unit}'")


def dollars(value: str) -> str:
    """Vega expression: the cost ``value`` (USD) in words, ``USD 1.2 billion`` (``units.format_usd``)."""
    steps = [(1e9, " billion"), (1e6, " million"), (1e3, " thousand"), (1, "")]
    return _ladder(value, steps, lambda number, word: f"'USD ' + {number} + '{word}'")


def month_year(value: str) -> str:
    """Vega expression: the decimal year ``value`` as ``Apr 2027``."""
    return f"monthAbbrevFormat(floor(({value} % 1) * 12)) + ' ' + floor({value})"


@cache
def _enum_fields() -> frozenset[str]:
    """Names of the columns the catalog declares as enums (their values are snake_case words)."""
    from analysis.data import catalog, schema

    return frozenset(
        column.name
        for spec in vars(catalog).values()
        if isinstance(spec, schema.TableSpec)
        for column in spec.columns
        if column.values
    )


def _human_tooltip(entry: dict) -> tuple[dict, dict | None]:
    """A tooltip entry in human units (a calculated text field and the transform computing it), or the
    entry unchanged: numbers of a million or more (or below 0.001) as ``1.2 × 10²⁹`` and others plainly
    (``units.format_number``), a ``power_w*`` field (or one titled in W) as ``94 kW``, a ``cost_usd*``
    field (or one titled in USD) in words, a decimal ``year`` as its month, a declared enum value
    (``third_party_estimate``) in words."""
    field, fmt = entry.get("field"), entry.get("format")
    if not isinstance(field, str):
        return entry, None
    value = f"datum[{json.dumps(field)}]"
    name = f"{field} (shown)"
    if entry.get("type") == "nominal" and field in _enum_fields():
        words = f"isValid({value}) ? replace({value}, regexp('_', 'g'), ' ') : '–'"
        return {**entry, "field": name, "title": entry.get("title", field)}, {"calculate": words, "as": name}
    if entry.get("type") != "quantitative" or fmt not in (".3~e", ".3~g", ".2f"):
        return entry, None
    title = entry.get("title", field)
    if fmt == ".2f":
        if field != "year":
            return entry, None
        expression = month_year(value)
    elif field.startswith("power_w") or (isinstance(title, str) and title.endswith("(W)")):
        expression = watts(value)
    elif field.startswith("cost_usd") or (isinstance(title, str) and title.endswith("(USD)")):
        expression = dollars(value)
    else:
        expression = (
            f"abs({value}) >= 1e6 || abs({value}) < 1e-3 ? {scientific(value)} : format({value}, ',.3~r')"
        )
    for unit in (" (W)", " (USD)"):
        title = title.replace(unit, "") if isinstance(title, str) else title
    calculate = {"calculate": f"isValid({value}) ? {expression} : '–'", "as": name}
    return {"field": name, "type": "nominal", "title": title}, calculate


def _human_tooltips(node):
    """``node`` with every unit's tooltips in human units (``_human_tooltip``), the text computed by a
    transform of that unit."""
    if isinstance(node, list):
        return [_human_tooltips(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _human_tooltips(value) for key, value in node.items()}
    encoding = node.get("encoding")
    tooltip = encoding.get("tooltip") if isinstance(encoding, dict) else None
    if isinstance(tooltip, list) and ("mark" in node or "layer" in node):
        entries, transforms = [], []
        for entry in tooltip:
            shown, calculate = _human_tooltip(entry) if isinstance(entry, dict) else (entry, None)
            entries.append(shown)
            transforms += [calculate] if calculate else []
        if transforms:
            node["encoding"] = {**encoding, "tooltip": entries}
            node["transform"] = [*node.get("transform", []), *transforms]
    return node


def responsive(spec: dict) -> dict:
    """The on-page version of a spec: a single or layered chart takes its container's width (it shrinks
    to a phone's screen and keeps its labels inside; on a phone its legends, title and category labels
    fit the width, ``_fit_phone``); a concatenated or faceted one keeps its widths and scrolls inside its
    own box; every tooltip in human units (``_human_tooltips``). The downloadable SVG and PNG keep the fixed
    width."""
    spec = _prune_datasets(spec)
    rest = _human_tooltips({key: value for key, value in spec.items() if key != "datasets"})
    if any(key in spec for key in COMPOSITE_KEYS):
        return {**rest, "datasets": spec.get("datasets", {})}
    fitted = _fit_phone(rest)
    if "title" in spec:
        fitted["title"] = _phone_title(spec["title"])
    return {
        **fitted,
        "datasets": spec.get("datasets", {}),
        "width": "container",
        "autosize": {"type": "fit-x", "contains": "padding"},
    }


def _short(value):
    """A float at 6 significant digits (what a tooltip or a pixel can show); anything else unchanged."""
    return float(f"{value:.6g}") if isinstance(value, float) and math.isfinite(value) else value


def _prune_datasets(spec: dict) -> dict:
    """``spec`` with each inline dataset's columns that nothing else in the spec names (no encoding,
    tooltip, transform or expression mentions them) left out, and floats at 6 significant digits: the page
    carries only what it draws. The downloadable CSV (``chart_data``) keeps every column."""
    datasets = spec.get("datasets")
    if not datasets:
        return spec
    rest = json.dumps({key: value for key, value in spec.items() if key != "datasets"})
    pruned = {}
    for name, rows in datasets.items():
        keys = {key for row in rows for key in row}
        used = {
            key for key in keys if f'"{key}"' in rest or f"datum.{key}" in rest or f"datum['{key}']" in rest
        }
        pruned[name] = [{key: _short(value) for key, value in row.items() if key in used} for row in rows]
    return {**spec, "datasets": pruned}
