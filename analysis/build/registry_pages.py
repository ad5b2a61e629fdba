"""The registry pages' content: the Key numbers table (with tombstones for retired ids), the Changes page
(with the last data refresh), the landing page's findings and at-a-glance tables, the Claims page, the
Scorecard, and each chapter's list of the tables it read. Each renderer turns the saved key numbers,
forecasts and committed tables into docutils nodes once every page has executed; ``RENDERERS`` maps a
directive to its renderer (``analysis.build.sphinx_extension`` registers them)."""

import csv
import hashlib
import html

import pandas as pd
from docutils import nodes
from sphinx.application import Sphinx

from analysis import REPO_ROOT
from analysis.build import notebooks
from analysis.data import catalog, loaders, paths
from analysis.report import charts, citations, claims, findings, keynumbers, ledger, releases
from analysis.report.bibliography import author_year
from analysis.science import units


def _cell(*children) -> nodes.entry:
    return nodes.entry("", nodes.paragraph("", "", *children))


HUMANISED_UNITS = ("W", "USD", "year")
"""Units whose estimates the Key numbers page also writes as a reader reads them (4.9 GW, Sep 2027)."""


def _key_numbers_table(app: Sphinx, fromdocname: str) -> nodes.table:
    """Id (linked to its chapter), estimate with interval, unit, what and how, published figure."""
    numbers = sorted(keynumbers.load_saved(), key=lambda number: number.id)
    published = loaders.load_published_estimates()
    columns = [
        ("Key number", 3),
        ("Estimate", 3),
        ("Unit", 2),
        ("Data through", 2),
        ("What it is, and how it was computed", 6),
        ("Published figure it replicates", 4),
        ("Cite as", 4),
    ]
    rows, ids = [], []
    for number in numbers:
        if number.published:
            row = published.loc[number.published]
            reference = f"{row.quantity}: {row.value:g} ({author_year(row.source_key)}, {row.location})"
        else:
            reference = "none"
        section = app.env.metadata.get(number.chapter, {}).get("number_sections", {}).get(number.id)
        page = app.builder.get_relative_uri(fromdocname, number.chapter)
        link = nodes.reference("", number.id, refuri=f"{page}#{section}" if section else page)
        rows.append(
            [
                link,
                nodes.Text(
                    f"{number.text} ({findings.human_value(number.value, number)})"
                    if number.unit in HUMANISED_UNITS
                    else number.text
                ),
                nodes.Text("–" if number.unit == "dimensionless" else number.unit),
                nodes.Text(number.data_through),
                nodes.inline(
                    "",
                    "",
                    nodes.Text(f"{number.description}. Method: {number.method}. Code: "),
                    nodes.literal("", number.code),
                    *([nodes.Text(". "), nodes.strong("", number.caveat)] if number.caveat else []),
                ),
                nodes.Text(reference),
                nodes.Text(citations.key_number_plain(number)),
            ]
        )
        ids.append(citations.key_number_anchor(number.id))
    return [
        _table(columns, rows, ["key-numbers"], ids, caption="Every key number of this build"),
        *_retired_ids(app, fromdocname, numbers),
    ]


def _retired_ids(app: Sphinx, fromdocname: str, numbers) -> list[nodes.Node]:
    """A tombstone row (with the old anchor) for each id a release dropped (``key-numbers.retired.csv``)
    or the build drops from the last release, naming the current ids of the same chapter and quantity,
    so an old citation still lands somewhere."""
    version = releases.citation_field("version")
    released = releases.read_numbers(releases.RELEASED.read_text(encoding="utf-8"))
    current = {number.id for number in numbers}
    tombstones = {
        number_id: (version, f"{number.text} {number.unit}")
        for number_id, number in released.items()
        if number_id not in current
    }
    if releases.RETIRED.is_file():
        for row in csv.DictReader(releases.RETIRED.open(encoding="utf-8")):
            if row["id"] not in current:
                tombstones.setdefault(row["id"], (row["version"], row["printed"]))
    if not tombstones:
        return []
    rows, ids = [], []
    for number_id, (last, printed) in sorted(tombstones.items()):
        prefix = ".".join(number_id.split(".")[:2]) + "."
        related = sorted(other for other in current if other.startswith(prefix))
        rows.append(
            [
                nodes.Text(number_id),
                nodes.Text(f"{printed} (version {last})"),
                nodes.Text(
                    f"Retired after version {last}. "
                    + (f"Its successors: {', '.join(related)}." if related else "No id replaces it.")
                    + " The Changes page lists what moved."
                ),
            ]
        )
        ids.append(citations.key_number_anchor(number_id))
    return [
        nodes.paragraph("", "", nodes.strong("", "Retired ids")),
        _table(
            [("Key number", 3), ("As last released", 3), ("Now", 6)],
            rows,
            ["retired-ids"],
            ids,
            caption="Retired key numbers",
        ),
    ]


def _table(
    columns: list[tuple[str, int]],
    rows: list[list[nodes.Node]],
    classes: list[str],
    ids: list[str] | None = None,
    *,
    caption: str,
) -> nodes.table:
    """A table under its ``caption``, with titled, weighted columns; ``ids`` (one per row) become the
    rows' HTML anchors."""
    table = nodes.table(classes=[*classes, "colwidths-given"], ids=[nodes.make_id(f"table {caption}")])
    table += nodes.title("", caption)
    group = nodes.tgroup(cols=len(columns))
    table += group
    group.extend(nodes.colspec(colwidth=width) for _, width in columns)
    head = nodes.thead()
    head += nodes.row("", *(_cell(nodes.Text(title)) for title, _ in columns))
    body = nodes.tbody()
    for index, cells in enumerate(rows):
        body += nodes.row("", *(_cell(cell) for cell in cells), ids=[ids[index]] if ids else [])
    group += head
    group += body
    return table


def _changes_table(app: Sphinx, fromdocname: str) -> list[nodes.Node]:
    released = releases.read_numbers(releases.RELEASED.read_text(encoding="utf-8"))
    current = {number.id: number for number in keynumbers.load_saved()}
    version, date = releases.citation_field("version"), releases.citation_field("date-released")
    moved = releases.changes(released, current)
    intro = nodes.paragraph(
        "",
        f"Compared with version {version} (released {date}): {len(moved)} of {len(current)} key numbers "
        "print differently, appeared or vanished. Numbers are compared at the precision they are printed.",
    )
    page = app.builder.get_relative_uri(fromdocname, "key-numbers")
    rows = [
        [
            nodes.reference("", change.id, refuri=f"{page}#{citations.key_number_anchor(change.id)}"),
            nodes.Text(change.status),
            nodes.Text(change.before or "–"),
            nodes.Text(change.after or "–"),
        ]
        for change in moved
    ]
    columns = [("Key number", 3), ("Status", 1), (f"Version {version}", 4), ("Now", 4)]
    return [
        intro,
        _table(columns, rows, ["key-number-changes"], caption="Key numbers that moved since the release"),
        *_refresh_diff(),
    ]


def _refresh_diff() -> list[nodes.Node]:
    """The last data refresh (``data-refresh.csv``, written by ``python -m analysis.build.refresh``)."""
    from analysis.build import refresh

    if not refresh.DIFF_FILE.is_file():
        return [nodes.paragraph("", "No data refresh since the pinned snapshots were first committed.")]
    diff = pd.read_csv(refresh.DIFF_FILE, dtype=str, keep_default_na=False)
    pin = diff.iloc[0]
    counts = diff.iloc[1:].kind.value_counts()
    summary = ", ".join(f"{count} {kind} change{'s' if count != 1 else ''}" for kind, count in counts.items())
    rows = [[nodes.Text(value or "–") for value in row] for row in diff.iloc[1:].itertuples(index=False)]
    return [
        nodes.paragraph(
            "",
            f"Last data refresh: {pin.id} moved from {pin.before} to {pin.after}: "
            f"{summary or 'nothing changed'}.",
        ),
        _table(
            [("Kind", 2), ("What", 3), ("Field", 2), ("Before", 3), ("After", 3)],
            rows,
            ["data-refresh"],
            caption="What the refreshed data changed",
        ),
    ]


def _glance(app: Sphinx, fromdocname: str) -> list[nodes.Node]:
    numbers = [number for number in keynumbers.load_saved() if number.headline]
    published = loaders.load_published_estimates()
    output = []
    for chapter in dict.fromkeys(number.chapter for number in sorted(numbers, key=lambda n: n.chapter)):
        title = app.env.titles[chapter].astext() if chapter in app.env.titles else chapter
        uri = app.builder.get_relative_uri(fromdocname, chapter)
        section = nodes.container(classes=["at-a-glance"])
        section += nodes.paragraph("", "", nodes.strong("", "", nodes.reference("", title, refuri=uri)))
        rows = []
        for number in (n for n in numbers if n.chapter == chapter):
            theirs = findings.published_text(number, published)[0] or "none"
            page = app.builder.get_relative_uri(fromdocname, "key-numbers")
            anchor = f"{page}#{citations.key_number_anchor(number.id)}"
            headline = nodes.paragraph(
                "",
                "",
                nodes.Text(f"{number.description} ("),
                nodes.reference("", number.id, refuri=anchor),
                nodes.Text(")"),
                *([nodes.Text(". "), nodes.emphasis("", number.caveat)] if number.caveat else []),
            )
            rows.append(
                [
                    headline,
                    nodes.Text(
                        f"{findings.human_value(number.value, number)} ({findings.interval_text(number)}); "
                        f"data through {findings.data_through_text(number)}"
                    ),
                    nodes.Text(theirs),
                ]
            )
        section += _table(
            [("Headline", 5), ("This report", 4), ("Published", 3)],
            rows,
            ["at-a-glance-table"],
            caption=f"{title}: headlines beside the published figures",
        )
        figures = app.env.metadata.get(chapter, {}).get("figure_svgs", [])
        if figures:
            depth = fromdocname.count("/")
            source = "../" * depth + f"figures/{figures[0]}.svg"
            alt = f"Chart: {charts.figure_title(figures[0])}"
            section += nodes.raw(
                "",
                f'<a href="{uri}#{figures[0]}"><img class="glance-figure" src="{source}" '
                f'alt="{html.escape(alt, quote=True)}"></a>',
                format="html",
            )
        output.append(section)
    return output


def _claimed_text(claim, numbers: dict) -> str:
    """The claimed value as printed (power, money and dates as a reader reads them: 10 GW, Sep 2027),
    and, where our key number is in another unit, the same value in ours (``claims.convert``: a growth
    rate, OOM/yr or a halving time); a count has no unit word."""
    prefix = {"at_least": "at least ", "at_most": "at most ", "about": ""}[claim.comparison]
    if claim.unit in ("W", "USD", "year"):
        value = units.format_human(claim.value, claim.unit)
        if pd.notna(claim.low):
            low, high = (units.format_human(bound, claim.unit) for bound in (claim.low, claim.high))
            value += f" ({low} to {high})"
        return f"{prefix}{value}"
    value = units.format_printed(claim.value, claim.unit)
    if pd.notna(claim.low):
        value += (
            f" ({units.format_printed(claim.low, claim.unit)}–{units.format_printed(claim.high, claim.unit)})"
        )
    unit = "" if claim.unit == "dimensionless" else f" {claim.unit}"
    number = numbers.get(claim.key_number) if isinstance(claim.key_number, str) else None
    if number is not None and number.unit != claim.unit:
        try:
            converted = claims.convert(claim.value, claim.unit, number.unit)
        except claims.ClaimError:
            return f"{prefix}{value}{unit}"
        return f"{prefix}{value}{unit} (= {units.format_number(converted, 2)} {number.unit})"
    return f"{prefix}{value}{unit}"


def _claims(app: Sphinx, fromdocname: str) -> list[nodes.Node]:
    saved = keynumbers.load_saved()
    numbers = {number.id: number for number in saved}
    results = claims.verdicts(saved, _scorecard_content()["by_id"])
    counts = pd.Series([result.verdict for result in results]).value_counts()
    summary = "; ".join(f"{count} {name}" for name, count in counts.items())
    output = [nodes.paragraph("", f"{len(results)} claims: {summary}.")]
    columns = [("Claim", 5), ("Who, where", 3), ("Claimed", 2), ("This report", 3), ("Verdict", 3)]
    for topic in catalog.CLAIM_TOPICS:
        rows = []
        for result in (r for r in results if r.claim.topic == topic):
            claim = result.claim
            source = nodes.paragraph(
                "",
                "",
                nodes.Text(f"{claim.claimant}, "),
                nodes.reference("", claim.source_title, refuri=claim.source_url),
                nodes.Text(
                    f" ({claim.source_date}), {claim.location}"
                    if pd.notna(claim.source_date) and claim.source_date
                    else f", {claim.location}"
                ),
            )
            verdict_text = result.verdict
            if result.verdict == claims.INCONSISTENT:
                verdict_text += f": {claim.explanation}"
            if result.verdict == claims.NOT_TESTABLE:
                verdict_text = claim.explanation
            rows.append(
                [
                    nodes.Text(claim.claim),
                    source,
                    nodes.Text(_claimed_text(claim, numbers)),
                    nodes.Text(result.ours or "–"),
                    nodes.Text(verdict_text),
                ]
            )
        if rows:
            section = nodes.section(ids=[f"claims-{topic}"], classes=["claims-topic"])
            section += nodes.title("", topic.capitalize())
            section += _table(columns, rows, ["claims-checked"], caption=f"Claims about {topic}")
            output.append(section)
    return output


def _scorecard_inputs_key() -> str:
    """A hash of everything the Scorecard reads: committed tables, the frozen ledger, this build's
    forecasts, the pinned snapshot's pin and the code that scores."""
    digest = hashlib.sha256()
    files = [
        *(
            paths.DATA_DIR / name
            for name in ("models.csv", "anchor_forecasts.csv", "published_estimates.csv")
        ),
        ledger.FROZEN,
        REPO_ROOT / "analysis" / "topics" / "scorecard.py",
        REPO_ROOT / "analysis" / "report" / "ledger.py",
        REPO_ROOT / "analysis" / "build" / "registry_pages.py",
        REPO_ROOT / "analysis" / "data" / "sources.py",
        *sorted((paths.output_dir() / "forecasts").glob("*.csv")),
    ]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()


def _scorecard_content() -> dict:
    """The Scorecard's sentences, table, ledger and outcomes, recomputed only when its inputs change
    (scoring imports most of ``analysis.topics``; a rebuild with nothing changed should not)."""
    import pickle

    cache = paths.output_dir() / "scorecard-content.pickle"
    key = _scorecard_inputs_key()
    if cache.is_file():
        stored = pickle.loads(cache.read_bytes())
        if stored.get("key") == key:
            return stored
    from analysis.topics import scorecard
    from analysis.topics.timelines.cutoff_check import EARLIER_CUTOFF

    table, end = scorecard.pinned_models()
    forecasts = ledger_forecasts(table)
    scored = scorecard.scorecard(forecasts, table, end)
    unseen = scorecard.unseen(table)
    since = str(EARLIER_CUTOFF.date())
    content = {
        "key": key,
        "end": end,
        "verdict": scorecard.verdict(scored),
        "since": since,
        "unseen": list(unseen.name),
        "recent": list(unseen[unseen.date > since].name),
        "earlier": list(unseen[unseen.date <= since].name),
        "rows": scorecard.table(scored),
        "ledger": forecasts,
        "outcomes": scorecard.outcomes(scored),
        "by_id": {
            row.forecast.id: (row.realised.text if row.realised is not None else "–", outcome)
            for row, outcome in zip(scored.itertuples(), scorecard.outcomes(scored).outcome, strict=True)
        },
    }
    cache.write_bytes(pickle.dumps(content))
    return content


def _scorecard(app: Sphinx, fromdocname: str) -> list[nodes.Node]:
    """The Scorecard: every forecast in the ledger (frozen releases', this build's, the anchors') scored
    against the newest pinned data."""
    content = _scorecard_content()
    app.scaling_trends_scorecard = content
    end, since = content["end"], content["since"]
    output = [
        nodes.paragraph(
            "",
            f"Pinned data through {end:%d %B %Y} (the newest publication date in our models.csv and Epoch "
            f"AI's snapshot together). {content['verdict']}",
        ),
        nodes.paragraph(
            "",
            f"What the data cannot see: {len(content['unseen'])} frontier or notable releases that neither "
            f"we nor Epoch AI estimate, {len(content['recent'])} of them since {since} "
            f"({', '.join(content['recent'])}); the others: {', '.join(content['earlier'])}. Each row counts "
            "those dated before its resolution (and, for a threshold, those whose public parameter count "
            "allows it). A forecast they could decide is scored at both bounds they allow, and an outcome is "
            "stated only where it holds at both.",
        ),
    ]
    rows = content["rows"]
    columns = [
        (name, 3 if name in ("Forecast", "Forecast value", "Realised", "Outcome", "Resolves") else 2)
        for name in rows.columns
    ]
    output.append(
        _table(
            columns,
            [[nodes.Text(str(value)) for value in row] for row in rows.itertuples(index=False)],
            ["forecast-scorecard"],
            caption="Every forecast in the ledger, scored against the pinned data",
        )
    )
    return output


def ledger_forecasts(table) -> list:
    """This build's ledger: the frozen releases' forecasts, this build's own (checked against them), and
    the anchors' (``data/anchor_forecasts.csv``)."""
    from analysis.topics import scorecard

    frozen = ledger.load_frozen()
    current = ledger.load_saved()
    ledger.check_frozen(current, frozen)
    anchors = scorecard.anchor_forecasts(
        loaders.load_published_estimates(), loaders.load_anchor_forecasts(), table
    )
    return frozen + ledger.new_since_release(current, frozen) + anchors


def _findings(app: Sphinx, fromdocname: str) -> list[nodes.Node]:
    """The landing page's findings: one card per headline key number (``analysis.report.findings``)."""

    cards = nodes.container(classes=["findings"])
    references = app.builder.get_relative_uri(fromdocname, "references")
    key_numbers = app.builder.get_relative_uri(fromdocname, "key-numbers")
    for finding in findings.findings(keynumbers.load_saved(), loaders.load_published_estimates()):
        card = nodes.container(classes=["finding-card"])
        card += nodes.paragraph("", "", nodes.strong("", finding.sentence))
        card += nodes.paragraph(
            "",
            "",
            nodes.inline("", finding.value, classes=["finding-value"]),
            nodes.Text(f" ({finding.interval})"),
        )
        published = (
            [nodes.Text("Published: "), nodes.reference("", finding.published, refuri=references)]
            if finding.published
            else [nodes.Text("No published figure measures the same quantity")]
        )
        card += nodes.paragraph(
            "",
            "",
            *published,
            nodes.Text(f". Data through {finding.data_through}. "),
            nodes.reference("", "Details", refuri=f"{key_numbers}#{citations.key_number_anchor(finding.id)}"),
        )
        cards += card
    return [cards]


def _tables_read(app: Sphinx, fromdocname: str) -> list[nodes.Node]:
    """The data tables this page read when it last executed (its execution manifest), each linked to its
    download and to the data dictionary."""
    manifest = notebooks.read_manifest(REPO_ROOT / f"{fromdocname}.md")
    tables = sorted(
        name
        for name in (manifest or {}).get("dependencies", {})
        if name.startswith("data/") and name.endswith(".csv")
    )
    if not tables:
        return [nodes.paragraph("", "This page read no committed data table.")]
    depth = fromdocname.count("/")
    items = nodes.bullet_list()
    for name in tables:
        link = nodes.raw(
            "", f'<a href="{"../" * depth}{name}" download>{html.escape(name)}</a>', format="html"
        )
        items += nodes.list_item("", nodes.paragraph("", "", link))
    readme = nodes.raw("", f'<a href="{"../" * depth}data/README.md">data/README.md</a>', format="html")
    return [
        nodes.paragraph(
            "",
            "",
            nodes.Text("The committed tables this page read (column meanings: "),
            readme,
            nodes.Text("):"),
        ),
        items,
    ]


PAGE_LOCAL_RENDERERS = {"data-tables-read"}
"""Placeholders that depend only on their own page's execution: a page re-executed is re-read anyway, so
they do not force a re-read on every build as the registry pages do."""

RENDERERS = {
    "key-numbers-table": _key_numbers_table,
    "key-number-changes": _changes_table,
    "report-at-a-glance": _glance,
    "claims-checked": _claims,
    "forecast-scorecard": _scorecard,
    "report-findings": _findings,
    "data-tables-read": _tables_read,
}
"""Directives whose content is built from the registry: the Key numbers table, the Changes page, the
landing page's at-a-glance tables and the Claims checked page."""
