"""Sphinx extension: offline assets, the execution cache, figure files and the registry pages.

- Serves the Vega, Vega-Lite and Vega-Embed bundle shipped by vl-convert-python
  and a MathJax subset (from sphinx-mathjax-offline, its CDN URLs rewritten)
  from ``_static``, so no page loads a script, stylesheet or font from another
  host. The Vega bundle is added only to pages that draw a chart.
- Executes, before reading, only the pages whose code or dependencies changed
  (``analysis.build.notebooks``), in parallel, into myst-nb's jupyter-cache.
- ``{figure-svg}`label``` links figure ``label`` as SVG, PNG and CSV with a
  citation line; the files are copied to ``figures/`` (the PNG rendered here).
- Registry directives (``RENDERERS``): ``{key-numbers-table}``,
  ``{key-number-changes}``, ``{report-at-a-glance}`` and ``{claims-checked}``,
  filled once every page has executed; ``key-numbers.csv``/``.json``/``.bib``
  are written at the site root, with the committed data tables, their
  dictionary and ``datapackage.json`` under ``data/``.
- Adds sharing metadata (description, Open Graph) to every page.
"""

import csv
import hashlib
import html
import importlib.metadata
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pandas as pd
import vl_convert
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from analysis import REPO_ROOT
from analysis.build import notebooks
from analysis.data import catalog, datapackage, loaders, paths
from analysis.report import charts, citations, claims, keynumbers, ledger, releases
from analysis.report.bibliography import author_year
from analysis.science import units

logger = logging.getLogger(__name__)

VEGA_BUNDLE = "vega/vega-bundle.js"
MATHJAX_ENTRY = "mathjax/tex-chtml.js"
MATHJAX_PARTS = ["tex-chtml.js", "output/chtml/fonts/woff-v2", "input/tex/extensions", "ui", "a11y"]
"""The parts of MathJax 3 that ``tex-chtml.js`` loads: fonts, TeX extensions, menu, a11y."""

MATHJAX_CDN = "https://cdn.jsdelivr.net/npm/"
"""Where MathJax's speech-rule engine would fetch its maps (and an XPath polyfill) if a reader
turned on the accessibility explorer. The copies served here point those URLs at a path of the
site that does not exist, so the explorer fails quietly instead of leaving the machine."""

MATHJAX_CDN_REPLACEMENT = "./mathjax-speech-maps-not-served/"


def _build_root(app: Sphinx) -> Path:
    return Path(app.outdir).parent


def _write_vendored_assets(folder: Path) -> None:

    vega = folder / VEGA_BUNDLE
    vega.parent.mkdir(parents=True, exist_ok=True)
    # The bundle declares minified top-level names; a function scope keeps them
    # out of the page's globals. It assigns window.vegaEmbed, vega and vegaLite.
    vega.write_text("(function () {\n" + vl_convert.javascript_bundle() + "\n})();\n", encoding="utf-8")
    source = Path(
        str(
            importlib.metadata.distribution("sphinx-mathjax-offline").locate_file(
                "sphinx-mathjax-offline/static/mathjax"
            )
        )
    )
    for part in MATHJAX_PARTS:
        origin, target = source / part, folder / "mathjax" / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if origin.is_dir():
            shutil.copytree(origin, target, dirs_exist_ok=True)
        else:
            shutil.copy2(origin, target)
    for script in (folder / "mathjax").rglob("*.js"):
        text = script.read_text(encoding="utf-8")
        if MATHJAX_CDN in text:
            script.write_text(text.replace(MATHJAX_CDN, MATHJAX_CDN_REPLACEMENT), encoding="utf-8")


def _configure(app: Sphinx, config) -> None:
    build_root = _build_root(app)
    os.environ[paths.OUTPUT_ENV_VAR] = str(build_root / "generated")
    vendored = build_root / "vendored-static"
    _write_vendored_assets(vendored)
    config.html_static_path = [*config.html_static_path, str(vendored)]
    config.mathjax_path = MATHJAX_ENTRY


def _add_vega_to_chart_pages(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if 'class="vega-chart"' in context.get("body", ""):
        app.add_js_file(VEGA_BUNDLE)


SITE_DESCRIPTION = (
    "An open, reproducible report on how AI training scales: every number recomputed from committed data, "
    "with its interval and the published figure it replicates."
)


def _add_page_metadata(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Title and description for sharing (Open Graph and the plain description tag); no outside host."""
    title = html.escape(f"{context.get('title', '')} | {app.config.project}", quote=True)
    description = html.escape(SITE_DESCRIPTION, quote=True)
    context["metatags"] = context.get("metatags", "") + (
        f'\n<meta name="description" content="{description}">'
        f'\n<meta property="og:title" content="{title}">'
        f'\n<meta property="og:description" content="{description}">'
        '\n<meta property="og:type" content="article">'
    )


def figure_svg_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{figure-svg}`fig-label``` links figure ``fig-label`` as SVG, PNG and the CSV of its data, and
    says how to cite it."""
    env = inliner.document.settings.env
    env.metadata[env.docname].setdefault("figure_svgs", [])
    env.metadata[env.docname]["figure_svgs"].append(text)
    depth = env.docname.count("/")
    titles = {"svg": "Download this figure as SVG", "png": "PNG", "csv": "the data it draws (CSV)"}
    kinds = charts.FIGURE_FORMATS
    separators = [", "] * (len(kinds) - 2) + [" or ", ". "]
    parts = []
    for kind, separator in zip(kinds, separators[-len(kinds) :], strict=True):
        uri = "../" * depth + f"figures/{text}.{kind}"
        parts.append(
            nodes.raw(
                "",
                f'<a class="reference external figure-{kind}" href="{uri}" download="{text}.{kind}">'
                f"{html.escape(titles[kind])}</a>",
                format="html",
            )
        )
        parts.append(nodes.Text(separator))
    bundle = "../" * depth + f"figures/{text}.zip"
    parts.append(
        nodes.raw(
            "",
            f'Or a <a class="reference external figure-zip" href="{bundle}" download="{text}.zip">'
            "zip with its data and a README</a>. ",
            format="html",
        )
    )
    credit_file = paths.output_dir() / "figures" / f"{text}{charts.CREDIT_SUFFIX}"
    credit = credit_file.read_text(encoding="utf-8") + " " if credit_file.is_file() else ""
    cite = nodes.inline(
        "", f"{credit}Cite as: {citations.figure_plain(text, citations.report())}", classes=["figure-cite"]
    )
    return [*parts, cite], []


def cite_number_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{cite-number}`compute.growth.notable_since_2010``` links a key number's row on the key-numbers
    page ("cite as ..."); an id the registry does not hold is an error."""
    known = {number.id for number in keynumbers.load_saved()}
    if text not in known:
        message = inliner.reporter.error(f"cite-number: '{text}' is not a registered key number", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    depth = inliner.document.settings.env.docname.count("/")
    uri = "../" * depth + f"key-numbers.html#{citations.key_number_anchor(text)}"
    link = nodes.reference(rawtext, "", nodes.literal(text, text), refuri=uri)
    return [nodes.inline("", "", nodes.Text("(cite as "), link, nodes.Text(")"), classes=["cite-number"])], []


def _execute_stale_pages(app: Sphinx) -> None:
    """Execute, side by side, every page whose cached execution is out of date.

    A page is stale when its code, a file it read (``analysis/`` modules, data
    tables, the bibliography, ``requirements.txt``) or a file it wrote changed
    or went missing since its last execution (``analysis.build.notebooks``). Fresh
    outputs go into myst-nb's jupyter-cache, so the read phase only merges them.
    """
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(app.env.mystnb_config.execution_cache_path)
    stale = {}
    for path in notebooks.notebook_paths():
        hashed, code_hash = cache.create_hashed_notebook(notebooks.read_page(path))
        try:
            cached = cache.match_cache_notebook(hashed) is not None
        except KeyError:
            cached = False
        reason = notebooks.why_stale(path, code_hash, cached)
        if reason:
            stale[path] = code_hash
            logger.info(f"executing {notebooks.page_name(path)}: {reason}")
    executions = notebooks.execute_pages(list(stale))
    for execution in executions:
        cache.cache_notebook_bundle(
            CacheBundleIn(
                execution.notebook, str(execution.path), data={"execution_seconds": execution.seconds}
            ),
            check_validity=False,
            overwrite=True,
        )
        notebooks.write_manifest(execution, stale[execution.path])
        logger.info(f"executed {notebooks.page_name(execution.path)} in {execution.seconds:.1f} s")
    app.env.scaling_trends_executed = {notebooks.page_name(path) for path in stale}
    _start_rendering_figures(app)


def _start_rendering_figures(app: Sphinx) -> None:
    """Render the pages' figure specs to SVG and PNG in a second process.

    Sphinx reads and writes on one core; the stale figures render on the
    other meanwhile, and ``_write_downloads`` waits for them.
    """
    stale = charts.stale_specs(paths.output_dir() / "figures")
    if stale:
        executor = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"))
        app.scaling_trends_rendering = (executor, executor.submit(charts.render_specs, stale))


def _finish_rendering_figures(app: Sphinx) -> None:
    """Wait for the figures rendered in the background (raising its error, if any)."""
    executor, rendered = app.scaling_trends_rendering
    try:
        rendered.result()
    finally:
        executor.shutdown()


def _reread_computed_pages(app, env, added, changed, removed):
    """Pages just executed, and the key-numbers page, are read again.

    Sphinx would otherwise re-read only pages whose source changed, and a
    change to ``analysis/`` or ``data/`` would leave stale numbers on the site.
    """
    executed = getattr(env, "scaling_trends_executed", set())
    return sorted(executed | {name for name, meta in env.metadata.items() if meta.get("key_numbers_page")})


def _cell(*children) -> nodes.entry:
    return nodes.entry("", nodes.paragraph("", "", *children))


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
        link = nodes.reference(
            "", number.id, refuri=app.builder.get_relative_uri(fromdocname, number.chapter)
        )
        rows.append(
            [
                link,
                nodes.Text(number.text),
                nodes.Text(number.unit),
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
    return [_table(columns, rows, ["key-numbers"], ids), *_retired_ids(app, fromdocname, numbers)]


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
        _table([("Key number", 3), ("As last released", 3), ("Now", 6)], rows, ["retired-ids"], ids),
    ]


def _table(
    columns: list[tuple[str, int]],
    rows: list[list[nodes.Node]],
    classes: list[str],
    ids: list[str] | None = None,
) -> nodes.table:
    """A table with titled, weighted columns; ``ids`` (one per row) become the rows' HTML anchors."""
    table = nodes.table(classes=[*classes, "colwidths-given"])
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
    return [intro, _table(columns, rows, ["key-number-changes"]), *_refresh_diff()]


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
        _table([("Kind", 2), ("What", 3), ("Field", 2), ("Before", 3), ("After", 3)], rows, ["data-refresh"]),
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
            figure = published.loc[number.published] if number.published else None
            theirs = (
                f"{units.format_printed(figure.value, figure.unit)} {figure.unit} "
                f"({author_year(figure.source_key)})"
                if figure is not None
                else "none"
            )
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
                    nodes.Text(f"{number.text} {number.unit} (data through {number.data_through})"),
                    nodes.Text(theirs),
                ]
            )
        section += _table(
            [("Headline", 5), ("This report", 4), ("Published", 3)], rows, ["at-a-glance-table"]
        )
        figures = app.env.metadata.get(chapter, {}).get("figure_svgs", [])
        if figures:
            depth = fromdocname.count("/")
            source = "../" * depth + f"figures/{figures[0]}.svg"
            section += nodes.raw(
                "", f'<img src="{source}" alt="{html.escape(title, quote=True)}" width="420">', format="html"
            )
        output.append(section)
    return output


def _claimed_text(claim) -> str:
    prefix = {"at_least": "at least ", "at_most": "at most ", "about": ""}[claim.comparison]
    value = units.format_printed(claim.value, claim.unit)
    if pd.notna(claim.low):
        value += (
            f" ({units.format_printed(claim.low, claim.unit)}–{units.format_printed(claim.high, claim.unit)})"
        )
    return f"{prefix}{value} {claim.unit}"


def _claims(app: Sphinx, fromdocname: str) -> list[nodes.Node]:
    results = claims.verdicts(keynumbers.load_saved())
    counts = pd.Series([result.verdict for result in results]).value_counts()
    summary = ", ".join(f"{count} {name}" for name, count in counts.items())
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
            rows.append(
                [
                    nodes.Text(claim.claim),
                    source,
                    nodes.Text(_claimed_text(claim)),
                    nodes.Text(result.ours or "–"),
                    nodes.Text(verdict_text),
                ]
            )
        if rows:
            section = nodes.container(classes=["claims-topic"])
            section += nodes.paragraph("", "", nodes.strong("", topic.capitalize()))
            section += _table(columns, rows, ["claims-checked"])
            output.append(section)
    return output


class RegistryPlaceholder(nodes.General, nodes.Element):
    """Replaced, once every page has executed, by content built from the key-numbers registry."""


def _registry_directive(kind: str) -> type[SphinxDirective]:
    """A directive that leaves a placeholder for the renderer ``RENDERERS[kind]``."""

    class RegistryDirective(SphinxDirective):
        def run(self):
            if kind not in PAGE_LOCAL_RENDERERS:
                self.env.metadata[self.env.docname]["key_numbers_page"] = True
            return [RegistryPlaceholder(kind=kind)]

    return RegistryDirective


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
    from analysis.report import findings

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


def _fill_registry_pages(app: Sphinx, doctree, fromdocname: str) -> None:
    for placeholder in doctree.findall(RegistryPlaceholder):
        placeholder.replace_self(RENDERERS[placeholder["kind"]](app, fromdocname))


def _column_meaning(column: str) -> str:
    """A figure CSV column's meaning from the data dictionary (the first committed table declaring it),
    else a pointer to the chart."""
    for spec in catalog.COMMITTED_TABLES.values():
        for declared in spec.columns:
            if declared.name == column:
                unit = f" ({declared.unit})" if declared.unit else ""
                return f"{declared.description}{unit} [data/{spec.name}.csv]"
    return "computed for the chart (its axis or tooltip title says what it is)"


def _write_figure_bundle(figures: Path, label: str, target: Path) -> None:
    """``<label>.zip``: the figure's tidy CSV and a README with its title, citation, licence, data
    sources and column meanings, like Our World in Data's chart downloads."""
    import json
    import zipfile

    spec = json.loads((figures / f"{label}{charts.STATIC_SPEC_SUFFIX}").read_text(encoding="utf-8"))
    title = spec.get("title", label)
    title = title.get("text", label) if isinstance(title, dict) else title
    title = " ".join(title) if isinstance(title, list) else str(title)
    table = pd.read_csv(figures / f"{label}.csv", nrows=0)
    credit_file = figures / f"{label}{charts.CREDIT_SUFFIX}"
    lines = [
        title,
        "",
        f"Figure {label} of {citations.report().title}.",
        f"Cite as: {citations.figure_plain(label, citations.report())}",
        "Licence: CC BY 4.0 (data, text and figures of this report); third-party data keep their own "
        "licences, named below.",
        credit_file.read_text(encoding="utf-8") if credit_file.is_file() else "",
        "",
        f"{label}.csv holds one row per plotted point or line value. Columns:",
        "- series: which layers of the chart draw the row (mark, and the fields on its axes)",
        *(f"- {column}: {_column_meaning(column)}" for column in table.columns[1:]),
    ]
    readme, data = "\n".join(lines) + "\n", (figures / f"{label}.csv").read_bytes()
    if target.is_file():
        with zipfile.ZipFile(target) as existing:
            if (
                existing.read("README.txt").decode("utf-8") == readme
                and existing.read(f"{label}.csv") == data
            ):
                return
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(f"{label}.csv", data)
        bundle.writestr("README.txt", readme)


ICON_SCRIPT = Path("_static") / "scripts" / "fontawesome.js"


def _stub_icon_script(outdir: Path) -> None:
    """Replace the theme's 1.5 MB icon script with an empty stub: ``_static/icons.css`` draws the few
    icons the pages use from the bundled webfont."""
    script = outdir / ICON_SCRIPT
    if script.is_file() and script.stat().st_size > 1000:
        script.write_text(
            "/* Icons: _static/icons.css draws them from the bundled webfont. */\n", encoding="utf-8"
        )
    for extra in (script.with_name(script.name + ".map"), script.with_name(script.name + ".LICENSE.txt")):
        extra.unlink(missing_ok=True)


def _write_downloads(app: Sphinx, exception) -> None:
    if hasattr(app, "scaling_trends_rendering"):
        _finish_rendering_figures(app)
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    _stub_icon_script(outdir)
    numbers = keynumbers.load_saved()
    (outdir / "key-numbers.csv").write_text(keynumbers.to_csv(numbers), encoding="utf-8")
    (outdir / "key-numbers.json").write_text(keynumbers.to_json(numbers), encoding="utf-8")
    bibtex = citations.report_bibtex() + "".join(
        citations.key_number_bibtex(number) for number in sorted(numbers, key=lambda n: n.id)
    )
    (outdir / "key-numbers.bib").write_text(bibtex, encoding="utf-8")
    if hasattr(app, "scaling_trends_scorecard"):
        content = app.scaling_trends_scorecard
        (outdir / "forecast-ledger.csv").write_text(ledger.to_csv(content["ledger"]), encoding="utf-8")
        content["outcomes"].to_csv(outdir / "scorecard.csv", index=False, lineterminator="\n")
    (outdir / "data").mkdir(exist_ok=True)
    for table in [*sorted(paths.DATA_DIR.glob("*.csv")), paths.DATA_DIR / "README.md"]:
        shutil.copy2(table, outdir / "data" / table.name)
    datapackage.write(outdir / "data" / "datapackage.json")
    figures = paths.output_dir() / "figures"
    (outdir / "figures").mkdir(exist_ok=True)
    for docname, meta in app.env.metadata.items():
        for label in meta.get("figure_svgs", []):
            source = figures / f"{label}{charts.STATIC_SPEC_SUFFIX}"
            if not source.is_file():
                logger.warning(f"{docname}: figure file {source} was not written", type="figure-svg")
                continue
            charts.render_static(source)
            for kind in charts.FIGURE_FORMATS:
                shutil.copy2(figures / f"{label}.{kind}", outdir / "figures" / f"{label}.{kind}")
            _write_figure_bundle(figures, label, outdir / "figures" / f"{label}.zip")


def setup(app: Sphinx) -> dict:
    """Register the extension's events, role and directives."""
    app.connect("config-inited", _configure)
    app.connect("html-page-context", _add_vega_to_chart_pages)
    app.connect("html-page-context", _add_page_metadata)
    app.connect("builder-inited", _execute_stale_pages, priority=900)
    app.connect("env-get-outdated", _reread_computed_pages)
    app.connect("doctree-resolved", _fill_registry_pages)
    app.connect("build-finished", _write_downloads)
    app.add_role("figure-svg", figure_svg_role)
    app.add_role("cite-number", cite_number_role)
    app.add_node(RegistryPlaceholder)
    for kind in RENDERERS:
        app.add_directive(kind, _registry_directive(kind))
    return {"version": "1.0", "parallel_read_safe": False, "parallel_write_safe": True}
