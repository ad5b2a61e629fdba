"""Charts: the report's one Altair theme, its chart builders and offline rendering.

Importing this module registers and enables the theme and an HTML renderer
that draws charts with the Vega libraries served from the site itself (the
Sphinx extension adds the bundle to every page that has a chart), so no page
loads a script from a CDN; the page draws each chart's on-page version
(``analysis.report.page``: fitted to a phone, tooltips in human units).
``publish(chart, label)`` also writes a static SVG of the chart (via vl-convert)
that the figure caption links to.
"""

import hashlib
import html as html_escape
import json
import math
from collections.abc import Sequence
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd
import vl_convert

from analysis.data import paths
from analysis.report import labels, page
from analysis.science.units import format_human

OKABE_ITO = [
    "#0072B2",  # blue
    "#B07800",  # orange, darkened
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#2B8CC4",  # sky blue, darkened
    "#D55E00",  # vermillion
    "#8A7A00",  # yellow, darkened to olive
    "#000000",  # black
]
"""Okabe & Ito's colour-blind-safe palette, the report's categorical colours, with its orange, sky blue and
yellow darkened so every colour has at least 3:1 contrast on white (``contrast_on_white``)."""


def contrast_on_white(colour: str) -> float:
    """WCAG contrast ratio of a ``#rrggbb`` colour against white."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 1.05 / (0.2126 * red + 0.7152 * green + 0.0722 * blue + 0.05)


SEQUENTIAL_SCHEME = "viridis"
"""Colour-blind-safe sequential scheme for continuous colour scales."""

WIDTH, HEIGHT = 440, 300
FONT = "Helvetica, Arial, sans-serif"
EMBED_OPTIONS = {"actions": False, "renderer": "svg"}
THEME_NAME = "scaling_trends"


@alt.theme.register(THEME_NAME, enable=True)
def theme() -> alt.theme.ThemeConfig:
    """The report's Altair theme: sizes, fonts, palette, quiet grid; legends below the plot, one entry a
    line, with room for a phone-wide label (no truncated legend text), symbols at full opacity (a band
    behind a line does not make its legend swatch pale)."""
    return {
        "config": {
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "font": FONT,
            "range": {"category": OKABE_ITO, "ramp": {"scheme": SEQUENTIAL_SCHEME}},
            "axis": {
                "labelFontSize": 12,
                "titleFontSize": 13,
                "titleFontWeight": "normal",
                "gridColor": "#e6e6e6",
                "domainColor": "#888888",
                "tickColor": "#888888",
            },
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "titleFontWeight": "normal",
                "labelLimit": 480,
                "titleLimit": 340,
                "orient": "bottom",
                "direction": "vertical",
                "layout": {"bottom": {"direction": "vertical", "anchor": "start"}},
                "symbolOpacity": 1,
            },
            "point": {"size": 40, "filled": True},
            "line": {"strokeWidth": 2},
        }
    }


def _embed_html(spec: dict, **_metadata) -> dict:
    """Mime bundle for one chart: a div (an image to assistive technology, named by the chart's
    ``description``; a group when it has sliders) plus a ``vegaEmbed`` call, no CDN, stable id."""
    spec = page.responsive(spec)
    spec_json = json.dumps(spec, sort_keys=True, separators=(",", ":"))
    chart_id = "vega-" + hashlib.sha256(spec_json.encode()).hexdigest()[:12]
    role = "group" if '"bind"' in spec_json else "img"
    label = html_escape.escape(spec.get("description", "Chart"), quote=True)
    html = (
        f'<div class="vega-chart" id="{chart_id}" role="{role}" aria-label="{label}"></div>\n'
        f'<script type="text/javascript">vegaEmbed("#{chart_id}", {spec_json}, '
        f"{json.dumps(EMBED_OPTIONS, sort_keys=True)}).catch(console.error);</script>"
    )
    return {"text/html": html, "application/vnd.vegalite.v6+json": spec}


alt.renderers.register("scaling_trends_offline", _embed_html)
alt.renderers.enable("scaling_trends_offline")


def powers_of_ten(low: float, high: float) -> list[float]:
    """Every power of ten from the one at or below ``low`` to the one at or above ``high``."""
    return [10.0**k for k in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1)]


POWER_OF_TEN_LABEL = "'10' + " + page.superscript("round(log(datum.value) / LN10)")
"""Vega expression labelling a power-of-ten tick as ``10ⁿ``."""


def year_domain(dates: pd.Series) -> list[int]:
    """A temporal scale's domain from 1 January of the first date's year (the axis names it) to the first
    of the month after the last date (ms since 1970), explicit so that labels can be placed
    (``point_labels``)."""
    dates = pd.to_datetime(dates)
    last = dates.max()
    bounds = [
        pd.Timestamp(dates.min().year, 1, 1),
        pd.Timestamp(last.year, last.month, 1) + pd.DateOffset(months=1),
    ]
    return [int(bound.value // 1_000_000) for bound in bounds]


def log_axis(title: str, low: float, high: float) -> dict:
    """Encoding options for a log10 axis ticked at powers of ten, labelled ``10ⁿ``.

    Wide ranges are ticked at every second (or third...) power so labels never crowd; a range of two
    decades or less is ticked at 1, 2 and 5 times each power (within one decade also at 1.5, 3, 4 and 7),
    labelled plainly (0.5, 1, 2).
    """
    ticks = powers_of_ten(low, high)
    if len(ticks) <= 3:
        factors = (1, 2, 5) if high / low > 10 else (1, 1.5, 2, 3, 4, 5, 7)
        steps = [factor * tick for tick in ticks for factor in factors]
        below = max(step for step in steps if step <= low)
        above = min(step for step in steps if step >= high)
        return {
            "scale": alt.Scale(type="log", domain=[below, above], nice=False),
            "axis": alt.Axis(
                title=title,
                values=[step for step in steps if below <= step <= above],
                format="~g",
                labelOverlap="greedy",
            ),
        }
    labelled = ticks if len(ticks) <= 7 else ticks[:: -(-len(ticks) // 7)]
    return {
        "scale": alt.Scale(type="log", domain=[ticks[0], ticks[-1]], nice=False),
        "axis": alt.Axis(
            title=title,
            values=labelled,
            labelExpr=POWER_OF_TEN_LABEL,
            labelOverlap="greedy",
        ),
    }


FIGURE_FORMATS = ("svg", "png", "csv")
"""Files served for every figure: the static image twice, and the data it draws (SVG and PNG are
rendered by the book build from the spec the page wrote, so chapters do not pay for them)."""


def _layer_names(spec: dict, inherited: str | None = None, found: dict | None = None) -> dict[str, list[str]]:
    """For each inline dataset, what the layers drawing it show: ``points (x: date, y: flop)``."""
    found = {} if found is None else found
    data = spec.get("data", {}).get("name", inherited) if isinstance(spec.get("data"), dict) else inherited
    if "mark" in spec and data:
        mark = spec["mark"] if isinstance(spec["mark"], str) else spec["mark"].get("type", "mark")
        fields = [
            f"{channel}: {encoding['field']}"
            for channel, encoding in spec.get("encoding", {}).items()
            if channel in ("x", "y", "x2", "y2") and isinstance(encoding, dict) and "field" in encoding
        ]
        kind = {"point": "points", "circle": "points", "line": "line", "area": "band", "rule": "rules"}.get(
            mark, mark
        )
        found.setdefault(data, []).append(f"{kind} ({', '.join(fields)})" if fields else kind)
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for child in spec.get(key, []):
            _layer_names(child, data, found)
    if isinstance(spec.get("spec"), dict):
        _layer_names(spec["spec"], data, found)
    return found


def chart_data(spec: dict) -> pd.DataFrame:
    """Every dataset a chart draws, stacked, with a ``series`` column (first) saying which layers draw
    each row (``points (x: year, y: flop)``; several layers joined by ``; ``)."""
    names = _layer_names(spec)
    frames = [
        pd.DataFrame(rows).assign(series="; ".join(dict.fromkeys(names.get(name, [f"data {index + 1}"]))))
        for index, (name, rows) in enumerate(spec.get("datasets", {}).items())
    ]
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame({"series": []})
    return table[["series", *[column for column in table.columns if column != "series"]]]


CREDIT_SUFFIX = ".credit.txt"
"""A published figure's data credit (``data_credit``), which its caption on the page prints."""

TABLE_SOURCES = {
    "constraint_inputs": "sevilla2024can",
    "constraint_correlations": "sevilla2024can",
    "text_stock_inputs": "villalobos2024data",
}
"""Our tables whose rows are read mostly from one publication, credited beside the table's name."""


def data_credit(sources: Sequence[str]) -> str:
    """ "Data: ..." naming what a figure draws: each table of ``data/`` it reads (by file stem, e.g.
    ``models``) and each third-party file (a key of ``analysis.data.sources.SOURCES``) as its
    publication's author-year label with its licence. An unknown name is an error naming it."""
    from analysis.data.sources import SOURCES
    from analysis.report.bibliography import author_year

    if not sources:
        raise ValueError("a published figure names the data it draws (sources=...)")
    ours, theirs = [], []
    for name in sources:
        if name in SOURCES:
            source = SOURCES[name]
            credit = f"{author_year(source.citation)}, {source.licence}"
            if credit not in theirs:
                theirs.append(credit)
        elif (paths.DATA_DIR / f"{name}.csv").is_file():
            ours.append(
                f"{name}.csv (read from {author_year(TABLE_SOURCES[name])})"
                if name in TABLE_SOURCES
                else f"{name}.csv"
            )
        else:
            raise ValueError(
                f"figure source {name!r} is neither a table of data/ nor a pinned third-party file"
            )
    parts = [f"this report's {', '.join(ours)}"] if ours else []
    if "models" in sources:
        parts.append(
            "in models.csv, each third-party estimate (most of them Epoch AI's) credited in its row's notes"
        )
    return "Data: " + "; ".join(parts + theirs) + "."


def source_line(label: str, sources: Sequence[str]) -> list[str]:
    """The two lines every downloadable figure carries: report, version, figure, licence; its data."""
    from analysis.report import citations

    cited = citations.report()
    return [f"AI Scaling Trends, version {cited.version}, figure {label}. CC BY 4.0.", data_credit(sources)]


def stamped(spec: dict, label: str, sources: Sequence[str]) -> dict:
    """``spec`` with ``source_line`` under its title (or as a small title if it has none), for the
    static SVG and PNG."""
    title = spec.get("title", "")
    text = title.get("text", "") if isinstance(title, dict) else title
    if not text:
        line = {
            "text": source_line(label, sources),
            "fontSize": 9,
            "fontWeight": "normal",
            "color": "#555555",
            "anchor": "start",
        }
        return {**spec, "title": line}
    subtitle = {"subtitle": source_line(label, sources), "subtitleFontSize": 9, "subtitleColor": "#555555"}
    return {**spec, "title": {"text": text, **subtitle}}


STATIC_SPEC_SUFFIX = ".vl.json"
"""Suffix of the stamped Vega-Lite spec a page writes for each figure; the build renders it."""


class _Rendered:
    """A chart already turned into its (validated) spec, displayed by the offline renderer."""

    def __init__(self, spec: dict):
        self.spec = spec

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return _embed_html(self.spec)


def publish(
    chart: alt.TopLevelMixin, label: str, sources: Sequence[str], data: pd.DataFrame | None = None
) -> alt.TopLevelMixin:
    """Write ``<output>/figures/<label>.{vl.json,csv}`` and glue the chart under ``label``.

    ``<label>.vl.json`` is the Vega-Lite spec of the static figure, stamped with
    ``source_line`` so it keeps its attribution when taken out of the page (``sources`` names
    the tables and third-party files it draws, see ``data_credit``; the
    page's own chart does not repeat it); the book build renders it to SVG and
    PNG once (``analysis.build.sphinx_extension``), so pages do not pay for it.
    The chart is serialised and validated once, here, and glued as that spec.

    ``data`` (with a ``series`` column) replaces the CSV of what the spec holds, for a chart whose page
    computes its lines in the browser (the interactive chart's lines at its defaults).

    ``label`` is the figure's name (``fig-<chapter>-<name>``); the chapter shows
    it with a ``glue:figure`` directive and links the files with ``{figure-svg}``. Every chart
    needs a title line (readable when the figure leaves the page); one without is an error.
    """
    from myst_nb import glue

    spec = chart.to_dict()
    if not spec.get("title"):
        raise ValueError(f"{label}: a published chart needs a title line (.properties(title=...))")
    title = spec["title"].get("text", "") if isinstance(spec["title"], dict) else spec["title"]
    spec = {**spec, "description": f"Chart: {title}"}
    folder = paths.output_dir() / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    static = json.dumps(stamped(spec, label, sources), sort_keys=True, ensure_ascii=False)
    (folder / f"{label}{STATIC_SPEC_SUFFIX}").write_text(static, encoding="utf-8")
    table = chart_data(spec) if data is None else data
    table.to_csv(folder / f"{label}.csv", index=False, lineterminator="\n")
    (folder / f"{label}{CREDIT_SUFFIX}").write_text(data_credit(sources), encoding="utf-8")
    glue(label, _Rendered(spec), display=False)
    return chart


def figure_title(label: str) -> str:
    """The title line of the published figure ``label`` (its chart's title), e.g. for alt text."""
    spec = json.loads(
        (paths.output_dir() / "figures" / f"{label}{STATIC_SPEC_SUFFIX}").read_text(encoding="utf-8")
    )
    title = spec.get("title", "")
    return title.get("text", "") if isinstance(title, dict) else title


def _rendered_files(spec_path: Path) -> tuple[Path, Path]:
    label = spec_path.name.removesuffix(STATIC_SPEC_SUFFIX)
    return spec_path.with_name(f"{label}.svg"), spec_path.with_name(f"{label}.png")


def _is_fresh(source: Path, target: Path) -> bool:
    return target.is_file() and target.stat().st_mtime >= source.stat().st_mtime


def stale_specs(folder: Path) -> list[Path]:
    """The stamped specs in ``folder`` whose SVG or PNG is missing or older than the spec."""
    stale = []
    for spec_path in sorted(folder.glob(f"*{STATIC_SPEC_SUFFIX}")):
        svg, png = _rendered_files(spec_path)
        if not (_is_fresh(spec_path, svg) and _is_fresh(svg, png)):
            stale.append(spec_path)
    return stale


def render_specs(specs: list[Path]) -> None:
    """Render each stamped spec (see ``render_static``)."""
    for spec_path in specs:
        render_static(spec_path)


def render_static(spec_path: Path) -> None:
    """Render ``<label>.vl.json`` to ``<label>.svg`` and ``<label>.png`` beside it, where missing or older."""
    svg, png = _rendered_files(spec_path)
    if not _is_fresh(spec_path, svg):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        svg.write_text(vl_convert.vegalite_to_svg(spec), encoding="utf-8")
    if not _is_fresh(svg, png):
        png.write_bytes(vl_convert.svg_to_png(svg.read_text(encoding="utf-8"), scale=2))


def identity_scatter(
    frame: pd.DataFrame, x: str, y: str, color: str, tooltip: list, titles: dict
) -> alt.LayerChart:
    """Scatter of ``y`` against ``x`` with the line y = x (e.g. fitted vs observed).

    ``titles`` maps column names to axis or legend titles; both axes share one
    linear scale (for quantities spanning less than an order of magnitude).
    """
    low = float(min(frame[x].min(), frame[y].min()))
    high = float(max(frame[x].max(), frame[y].max()))
    identity = pd.DataFrame({x: [low, high], y: [low, high]})
    scale = alt.Scale(domain=[low, high], zero=False, nice=True)
    line = (
        alt.Chart(identity)
        .mark_line(color="#888888", strokeDash=[4, 4])
        .encode(x=alt.X(x, scale=scale), y=alt.Y(y, scale=scale))
    )
    points = (
        alt.Chart(frame)
        .mark_point()
        .encode(
            x=alt.X(x, title=titles[x], scale=scale),
            y=alt.Y(y, title=titles[y], scale=scale),
            color=alt.Color(color, title=titles[color]),
            tooltip=tooltip,
        )
    )
    return line + points


def point_labels(
    frame: pd.DataFrame,
    x: alt.X,
    y: alt.Y,
    label: str,
    avoid: pd.DataFrame | None = None,
    sides: Sequence[str] = tuple(labels.SIDES),
    name: str = "names",
    font_size: int = 11,
    height: int = HEIGHT,
) -> list[alt.Chart]:
    """Names (column ``label``) beside the points a reader looks for, e.g. GPT-4, each on the side of its
    point where no two names overlap at any page width (``labels.place``; on a narrow plot with no room,
    later rows' names are hidden), off the points of ``avoid``
    (same columns as ``frame``); a name on several rows takes one of them. ``x`` and ``y`` need explicit
    scale domains; ``height`` is the plot's (px). One text layer per side used, named
    ``<name>_label_<side>`` (the browser test finds them)."""
    x_channel, y_channel = (channel.to_dict(context={"data": frame}) for channel in (x, y))
    position = {
        axis: labels.fractions(frame[channel["field"]], channel)
        for axis, channel in (("x", x_channel), ("y", y_channel))
    }
    others = avoid if avoid is not None else frame.iloc[:0]
    placed = labels.place(
        position["x"],
        position["y"],
        list(frame[label].astype(str)),
        height,
        font_size,
        avoid=(
            labels.fractions(others[x_channel["field"]], x_channel),
            labels.fractions(others[y_channel["field"]], y_channel),
        ),
        sides=sides,
    )
    never = [
        text
        for text, place in zip(frame[label], placed, strict=True)
        if place and place.shown_from == labels.HIDDEN
    ]
    if never:
        raise ValueError(f"no room for the labels {never} at any width: name fewer points")
    frame = frame.assign(shown_from=[place.shown_from if place else labels.HIDDEN for place in placed])
    layers = []
    for side in dict.fromkeys(place.side for place in placed if place):
        mark = labels.mark_properties(side)
        rows = frame[[place is not None and place.side == side for place in placed]]
        layers.append(
            alt.Chart(rows)
            .mark_text(
                align=mark.align,
                baseline=mark.baseline,
                dx=mark.dx,
                dy=mark.dy,
                fontSize=font_size,
                opacity=alt.ExprRef("width >= datum.shown_from ? 1 : 0"),
            )
            .encode(x=x, y=y, text=f"{label}:N")
            .properties(name=f"{name}_label_{side.replace('-', '_')}")
        )
    return layers


def log_log_layers(
    lines: pd.DataFrame,
    points: pd.DataFrame,
    x: str,
    y: str,
    line_group: str,
    point_color: str,
    tooltip: list,
    titles: dict,
    path: pd.DataFrame | None = None,
    markers: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Lines (one per ``line_group`` value) and points on shared log10 axes.

    Used for iso-loss contours with the runs over them. ``titles`` maps column
    names to axis and legend titles. An optional ``path`` (columns ``x``,
    ``y``, e.g. the compute-optimal frontier) is drawn dashed, and optional
    ``markers`` (``x``, ``y``, ``label``) as named black diamonds.
    """
    extra = [frame for frame in (path, markers) if frame is not None]
    low_x = float(min(lines[x].min(), points[x].min(), *(frame[x].min() for frame in extra)))
    high_x = float(max(lines[x].max(), points[x].max(), *(frame[x].max() for frame in extra)))
    low_y = float(min(lines[y].min(), points[y].min(), *(frame[y].min() for frame in extra)))
    high_y = float(max(lines[y].max(), points[y].max(), *(frame[y].max() for frame in extra)))
    x_encoding = alt.X(x, **log_axis(titles[x], low_x, high_x))
    y_encoding = alt.Y(y, **log_axis(titles[y], low_y, high_y))
    contour = (
        alt.Chart(lines)
        .mark_line(strokeWidth=1.5, clip=True)
        .encode(
            x=x_encoding,
            y=y_encoding,
            detail=f"{line_group}:N",
            color=alt.Color(
                f"{line_group}:Q", title=titles[line_group], scale=alt.Scale(scheme="greys", reverse=False)
            ),
            tooltip=[alt.Tooltip(f"{line_group}:Q", title=titles[line_group], format=".2f")],
        )
    )
    dots = (
        alt.Chart(points)
        .mark_point(size=30)
        .encode(
            x=x_encoding,
            y=y_encoding,
            fill=alt.Fill(point_color, title=titles[point_color], scale=alt.Scale(scheme=SEQUENTIAL_SCHEME)),
            color=alt.value(None),
            tooltip=tooltip,
        )
    )
    layers = [contour, dots]
    if path is not None:
        layers.append(
            alt.Chart(path)
            .mark_line(strokeDash=[6, 3], color="#000000", clip=True)
            .encode(x=x_encoding, y=y_encoding, tooltip=[alt.Tooltip("label:N", title="line")])
        )
    if markers is not None:
        layers.append(
            alt.Chart(markers)
            .mark_point(size=90, shape="diamond", filled=True, color="#000000")
            .encode(x=x_encoding, y=y_encoding, tooltip=[alt.Tooltip("label:N", title="model")])
        )
        layers += point_labels(markers, x_encoding, y_encoding, "label", avoid=points)
    return alt.layer(*layers).resolve_scale(color="independent", fill="independent")


def band_lines(
    frame: pd.DataFrame,
    x: str,
    y: str,
    low: str,
    high: str,
    group: str,
    titles: dict,
    markers: pd.DataFrame | None = None,
    marker_label: str | None = None,
) -> alt.LayerChart:
    """A line per ``group`` with its interval band (``low``-``high``) on log10 axes.

    Groups are told apart by colour and dash, in the order they first appear
    in ``frame`` (the first is solid).

    Optional ``markers`` (same ``x``/``y`` columns) are drawn as labelled points,
    e.g. real models on a fitted frontier.
    """
    low_x = float(min(frame[x].min(), markers[x].min() if markers is not None else np.inf))
    high_x = float(max(frame[x].max(), markers[x].max() if markers is not None else -np.inf))
    low_y = float(min(frame[low].min(), frame[y].min(), markers[y].min() if markers is not None else np.inf))
    high_y = float(
        max(frame[high].max(), frame[y].max(), markers[y].max() if markers is not None else -np.inf)
    )
    x_encoding = alt.X(x, **log_axis(titles[x], low_x, high_x))
    y_axis = log_axis(titles[y], low_y, high_y)
    order = list(dict.fromkeys(frame[group]))
    legend = alt.Legend(orient="bottom", columns=2)
    color = alt.Color(f"{group}:N", title=titles[group], scale=alt.Scale(domain=order), legend=legend)
    band = (
        alt.Chart(frame)
        .mark_area(opacity=0.2)
        .encode(x=x_encoding, y=alt.Y(low, **y_axis), y2=high, color=color)
    )
    line = (
        alt.Chart(frame)
        .mark_line()
        .encode(
            x=x_encoding,
            y=alt.Y(y, **y_axis),
            color=color,
            strokeDash=alt.StrokeDash(
                f"{group}:N", title=titles[group], scale=alt.Scale(domain=order), legend=legend
            ),
            tooltip=[
                alt.Tooltip(f"{group}:N", title=titles[group]),
                alt.Tooltip(x, title=titles[x], format=".3~e"),
                alt.Tooltip(y, title=titles[y], format=".3~e"),
                alt.Tooltip(low, title=titles[low], format=".3~e"),
                alt.Tooltip(high, title=titles[high], format=".3~e"),
            ],
        )
    )
    layers = [band, line]
    if markers is not None:
        marker_tooltip = [alt.Tooltip(f"{marker_label}:N", title=titles[marker_label])] + [
            alt.Tooltip(column, title=titles[column], format=".3~e") for column in (x, y)
        ]
        points = (
            alt.Chart(markers)
            .mark_point(size=80, shape="diamond", filled=True, color="#000000")
            .encode(x=x_encoding, y=alt.Y(y, **y_axis), tooltip=marker_tooltip)
        )
        layers += [
            points,
            *point_labels(markers, x_encoding, alt.Y(y, **y_axis), marker_label, frame, font_size=12),
        ]
    return alt.layer(*layers)


def scatter_over_time(
    points: pd.DataFrame,
    lines: pd.DataFrame,
    value: str,
    value_title: str,
    color: str,
    color_title: str,
    tooltip: list,
    band: pd.DataFrame | None = None,
    named: tuple[str, ...] = (),
) -> alt.LayerChart:
    """Points over time on a log10 axis, with trend lines (one per ``trend``) and an optional band.

    ``points`` and ``lines`` share the columns ``date`` and ``value``; ``band``
    has ``date``, ``low`` and ``high`` (e.g. a projection's prediction interval).
    Points whose ``model`` is in ``named`` are labelled (in its order of priority where space is short).
    """
    low = float(min(points[value].min(), lines[value].min(), band.low.min() if band is not None else np.inf))
    high = float(max(points[value].max(), lines[value].max(), band.high.max() if band is not None else 0))
    y_axis = log_axis(value_title, low, high)
    x = alt.X("date:T", title="Publication date", scale=alt.Scale(domain=year_domain(points.date)))
    layers = []
    if band is not None:
        layers.append(
            alt.Chart(band)
            .mark_area(opacity=0.18, color="#666666")
            .encode(x=x, y=alt.Y("low:Q", **y_axis), y2="high:Q")
        )
    layers.append(
        alt.Chart(points)
        .mark_point(size=36, opacity=0.85)
        .encode(
            x=x,
            y=alt.Y(f"{value}:Q", **y_axis),
            color=alt.Color(f"{color}:N", title=color_title, legend=alt.Legend(orient="bottom", columns=3)),
            shape=alt.Shape(f"{color}:N", title=color_title, legend=alt.Legend(orient="bottom", columns=3)),
            tooltip=tooltip,
        )
    )
    layers.append(
        alt.Chart(lines)
        .mark_line(color="#000000")
        .encode(
            x=x,
            y=alt.Y(f"{value}:Q", **y_axis),
            strokeDash=alt.StrokeDash(
                "trend:N", title="Trend", legend=alt.Legend(orient="bottom", columns=1)
            ),
            tooltip=[alt.Tooltip("trend:N", title="trend")],
        )
    )
    labelled = points[points.model.isin(named)] if named else points.iloc[:0]
    if len(labelled):
        labelled = labelled.iloc[np.argsort([named.index(model) for model in labelled.model], kind="stable")]
        layers += point_labels(labelled, x, alt.Y(f"{value}:Q", **y_axis), "model", avoid=points)
    return alt.layer(*layers).resolve_scale(color="independent", shape="independent")


def interval_dots(
    frame: pd.DataFrame, x: str, y: str, low: str, high: str, color: str, titles: dict, tooltip: list
) -> alt.LayerChart:
    """Estimates with their intervals as dots and rules (a specification curve or forest plot).

    ``y``/``low``/``high`` are on a log10 axis; ``x`` orders the estimates.
    """
    y_axis = {
        "scale": alt.Scale(type="log"),
        "axis": alt.Axis(title=titles[y]),
    }
    base = alt.Chart(frame).encode(x=alt.X(f"{x}:Q", title=titles[x]))
    rules = base.mark_rule(opacity=0.5).encode(
        y=alt.Y(f"{low}:Q", **y_axis), y2=f"{high}:Q", color=alt.Color(f"{color}:N", title=titles[color])
    )
    dots = base.mark_point(size=30, filled=True).encode(
        y=alt.Y(f"{y}:Q", **y_axis),
        color=alt.Color(f"{color}:N", title=titles[color], legend=alt.Legend(orient="bottom", columns=3)),
        tooltip=tooltip,
    )
    return alt.layer(rules, dots)


CATEGORY_STEP = 40
"""Height (px) of a row of a forest plot or tornado: room for a label wrapped onto three lines on a phone."""


def forest(
    frame: pd.DataFrame,
    label: str,
    value: str,
    low: str,
    high: str,
    color: str,
    titles: dict,
    log: bool = True,
):
    """A forest plot: one row per estimate (``label``), dot at ``value``, rule from ``low`` to ``high``.

    The value axis is log10 (``log=False``: linear, labelled as whole years);
    rows keep the order of ``frame``. Missing intervals draw the dot alone.
    """
    order = list(frame[label])
    y = alt.Y(f"{label}:N", sort=order, title=None, axis=alt.Axis(labelLimit=240))
    x_scale = alt.Scale(type="log") if log else alt.Scale(zero=False)
    number = ".3~g" if log else ".1f"
    x_axis = alt.Axis(format="d")
    if log:
        lowest, highest = float(frame[low].min()), float(frame[high].max())
        x_axis = (
            alt.Axis(values=powers_of_ten(lowest, highest), labelExpr=POWER_OF_TEN_LABEL)
            if highest / lowest > 100
            else alt.Axis(format="~g")
        )
    color_encoding = alt.Color(f"{color}:N", title=titles[color], legend=alt.Legend(orient="bottom"))
    rules = (
        alt.Chart(frame)
        .mark_rule(strokeWidth=2)
        .encode(
            y=y,
            x=alt.X(f"{low}:Q", scale=x_scale, title=titles[value], axis=x_axis),
            x2=f"{high}:Q",
            color=color_encoding,
        )
    )
    shown = [
        alt.Tooltip(f"{column}:Q", title=title, format=number)
        for column, title in ((value, titles[value]), (low, "low"), (high, "high"))
    ]
    if not log:
        months = {
            column: frame[column].map(lambda year: format_human(year, "year") if pd.notna(year) else "–")
            for column in (value, low, high)
        }
        frame = frame.assign(**{f"{column} (month)": text for column, text in months.items()})
        shown = [
            alt.Tooltip(f"{column} (month):N", title=title)
            for column, title in ((value, titles[value]), (low, "low"), (high, "high"))
        ]
    dots = (
        alt.Chart(frame)
        .mark_point(size=70, filled=True)
        .encode(
            y=y,
            x=alt.X(f"{value}:Q", scale=x_scale, title=titles[value], axis=x_axis),
            color=color_encoding,
            tooltip=[
                alt.Tooltip(f"{label}:N", title="estimate"),
                *shown,
                alt.Tooltip(f"{color}:N", title=titles[color]),
            ],
        )
    )
    return alt.layer(rules, dots).properties(height=alt.Step(CATEGORY_STEP), width=260)


def projection_layers(frame: pd.DataFrame, x, y_axis: dict, value: str, unit: str, banded=None) -> list:
    """A median line per ``projection`` (``forecasts.projection_quantiles``), told apart by colour and
    dash in order of appearance, with the ``low``-``high`` band of the projections in ``banded``
    (default: all); tooltips in ``unit``."""
    order = list(dict.fromkeys(frame.projection))
    legend = alt.Legend(orient="bottom", columns=1)
    color = alt.Color("projection:N", title="Projection", scale=alt.Scale(domain=order), legend=legend)
    shown = frame if banded is None else frame[frame.projection.isin(banded)]
    band = (
        alt.Chart(shown)
        .mark_area(opacity=0.15)
        .encode(x=x, y=alt.Y("low:Q", **y_axis), y2="high:Q", color=color)
    )
    line = (
        alt.Chart(frame)
        .mark_line()
        .encode(
            x=x,
            y=alt.Y(f"{value}:Q", **y_axis),
            color=color,
            strokeDash=alt.StrokeDash(
                "projection:N", title="Projection", scale=alt.Scale(domain=order), legend=legend
            ),
            tooltip=[
                alt.Tooltip("projection:N"),
                alt.Tooltip("year:Q", format=".2f"),
                alt.Tooltip(f"{value}:Q", title=f"median ({unit})", format=".3~e"),
                alt.Tooltip("low:Q", title=f"low ({unit})", format=".3~e"),
                alt.Tooltip("high:Q", title=f"high ({unit})", format=".3~e"),
            ],
        )
    )
    return [band, line]
