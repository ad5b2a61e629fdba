"""Sphinx extension: the book's offline assets, figure files and key numbers.

- Serves the Vega, Vega-Lite and Vega-Embed bundle shipped by vl-convert-python
  and a MathJax subset (from sphinx-mathjax-offline) from ``_static``, so no
  page loads a script, stylesheet or font from another host. The Vega bundle
  is added only to pages that draw a chart.
- ``{figure-svg}`label``` links the static SVG of figure ``label`` that the
  chapter wrote while executing; the files are copied to ``figures/``.
- ``{key-numbers-table}`` renders every chapter's registered key numbers, and
  ``key-numbers.csv`` / ``key-numbers.json`` are written at the site root,
  with the committed data tables and their dictionary under ``data/``.
"""

import importlib.metadata
import os
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from analysis import data, datapackage, keynumbers, notebooks, paths

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
    import vl_convert

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


def figure_svg_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{figure-svg}`fig-label``` links the static SVG file of figure ``fig-label``."""
    env = inliner.document.settings.env
    env.metadata[env.docname].setdefault("figure_svgs", [])
    env.metadata[env.docname]["figure_svgs"].append(text)
    depth = env.docname.count("/")
    uri = "../" * depth + f"figures/{text}.svg"
    node = nodes.reference(rawtext, "Download this figure as SVG", refuri=uri, classes=["figure-svg"])
    return [node], []


class KeyNumbersPlaceholder(nodes.General, nodes.Element):
    """Replaced by the key-numbers table once every chapter has executed."""


class KeyNumbersTable(SphinxDirective):
    """``{key-numbers-table}``: the table of every registered key number."""

    def run(self):
        self.env.metadata[self.env.docname]["key_numbers_page"] = True
        return [KeyNumbersPlaceholder()]


def _execute_stale_pages(app: Sphinx) -> None:
    """Execute, side by side, every page whose cached execution is out of date.

    A page is stale when its code, a file it read (``analysis/`` modules, data
    tables, the bibliography, ``requirements.txt``) or a file it wrote changed
    or went missing since its last execution (``analysis.notebooks``). Fresh
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
    published = data.load_published_estimates()
    columns = [
        ("Key number", 3),
        ("Estimate", 3),
        ("Unit", 2),
        ("What it is, and how it was computed", 6),
        ("Published figure it replicates", 4),
    ]
    table = nodes.table(classes=["key-numbers", "colwidths-given"])
    group = nodes.tgroup(cols=len(columns))
    table += group
    group.extend(nodes.colspec(colwidth=width) for _, width in columns)
    head = nodes.thead()
    head += nodes.row("", *(_cell(nodes.Text(title)) for title, _ in columns))
    body = nodes.tbody()
    for number in numbers:
        if number.published:
            row = published.loc[number.published]
            reference = f"{row.quantity}: {row.value:g} ({row.source_key}, {row.location})"
        else:
            reference = "none"
        link = nodes.reference(
            "", number.id, refuri=app.builder.get_relative_uri(fromdocname, number.chapter)
        )
        body += nodes.row(
            "",
            _cell(link),
            _cell(nodes.Text(number.text)),
            _cell(nodes.Text(number.unit)),
            _cell(nodes.Text(f"{number.description}. Method: {number.method}.")),
            _cell(nodes.Text(reference)),
        )
    group += head
    group += body
    return table


def _fill_key_numbers(app: Sphinx, doctree, fromdocname: str) -> None:
    for placeholder in doctree.findall(KeyNumbersPlaceholder):
        placeholder.replace_self(_key_numbers_table(app, fromdocname))


def _write_downloads(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    numbers = keynumbers.load_saved()
    (outdir / "key-numbers.csv").write_text(keynumbers.to_csv(numbers), encoding="utf-8")
    (outdir / "key-numbers.json").write_text(keynumbers.to_json(numbers), encoding="utf-8")
    (outdir / "data").mkdir(exist_ok=True)
    for table in [*sorted(paths.DATA_DIR.glob("*.csv")), paths.DATA_DIR / "README.md"]:
        shutil.copy2(table, outdir / "data" / table.name)
    datapackage.write(outdir / "data" / "datapackage.json")
    figures = paths.output_dir() / "figures"
    (outdir / "figures").mkdir(exist_ok=True)
    for docname, meta in app.env.metadata.items():
        for label in meta.get("figure_svgs", []):
            source = figures / f"{label}.svg"
            if not source.is_file():
                logger.warning(f"{docname}: figure file {source} was not written", type="figure-svg")
                continue
            shutil.copy2(source, outdir / "figures" / source.name)


def setup(app: Sphinx) -> dict:
    """Register the extension's events, role and directive."""
    app.connect("config-inited", _configure)
    app.connect("html-page-context", _add_vega_to_chart_pages)
    app.connect("builder-inited", _execute_stale_pages, priority=900)
    app.connect("env-get-outdated", _reread_computed_pages)
    app.connect("doctree-resolved", _fill_key_numbers)
    app.connect("build-finished", _write_downloads)
    app.add_role("figure-svg", figure_svg_role)
    app.add_node(KeyNumbersPlaceholder)
    app.add_directive("key-numbers-table", KeyNumbersTable)
    return {"version": "1.0", "parallel_read_safe": False, "parallel_write_safe": True}
