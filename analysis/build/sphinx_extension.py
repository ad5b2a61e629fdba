"""Sphinx extension: offline assets, the execution cache, figure files and the registry pages.

- Serves the Vega, Vega-Lite and Vega-Embed bundle shipped by vl-convert-python
  and a MathJax subset (from sphinx-mathjax-offline, its CDN URLs rewritten)
  from ``_static``, so no page loads a script, stylesheet or font from another
  host. The Vega bundle is added only to pages that draw a chart.
- Executes, before reading, only the pages whose code or dependencies changed
  (``analysis.build.notebooks``), in parallel, into myst-nb's jupyter-cache.
- ``{figure-svg}`label``` links figure ``label`` as SVG, PNG and CSV with a
  citation line; the files are copied to ``figures/`` (the PNG rendered here).
- Registry directives (``analysis.build.registry_pages.RENDERERS``: the key-numbers
  table, changes, findings, at-a-glance, claims, scorecard and tables-read
  placeholders), filled once every page has executed; ``key-numbers.csv``/``.json``/``.bib``
  and the forecast ledger are written at the site root, with the committed data
  tables, their dictionary and ``datapackage.json`` under ``data/``, and each
  figure's SVG, PNG, CSV and zip under ``figures/``.
- Adds sharing metadata (description, Open Graph) to every page.
"""

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

from analysis.build import notebooks
from analysis.build.registry_pages import PAGE_LOCAL_RENDERERS, RENDERERS
from analysis.data import catalog, datapackage, paths
from analysis.report import charts, citations, keynumbers, ledger

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


def _drop_mathjax_without_maths(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """A page with no maths does not load MathJax (1.2 MB): myst-nb asks for it on every page, in case a
    notebook output holds maths; ours never do."""
    if 'class="math' in context.get("body", ""):
        return
    context["script_files"] = [
        script for script in context.get("script_files", []) if MATHJAX_ENTRY not in str(script)
    ]


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
    page ("cite as ..."); an id the registry does not hold is an error. The section it sits in is recorded
    (``number_sections``, the last citing section), so the key-numbers page links each id there."""
    known = {number.id for number in keynumbers.load_saved()}
    if text not in known:
        message = inliner.reporter.error(f"cite-number: '{text}' is not a registered key number", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    env = inliner.document.settings.env
    section = inliner.parent
    while section is not None and not isinstance(section, nodes.section):
        section = section.parent
    if section is not None and section["ids"]:
        env.metadata[env.docname].setdefault("number_sections", {})[text] = section["ids"][0]
    depth = env.docname.count("/")
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
    (outdir / "key-numbers.json").write_text(
        keynumbers.to_site_json(numbers, citations.report().version, citations.site_url()), encoding="utf-8"
    )
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
    from analysis.report import bibliography

    bibliography.register_style()
    app.connect("config-inited", _configure)
    app.connect("html-page-context", _add_vega_to_chart_pages)
    app.connect("html-page-context", _drop_mathjax_without_maths)
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
