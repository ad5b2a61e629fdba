"""How to cite the report, one of its numbers or one of its figures (plain text and BibTeX).

The release's version, date and title come from ``CITATION.cff``. A build that is not that release
cites itself as the development version after it (``0.2.0.dev0+<commit>``); a key number whose printed
value is unchanged since the release is cited as the release's. A number is cited by its stable id and
the anchor of its row on the Key numbers page, a figure by its label. BibTeX is LaTeX-safe (``latex_safe``)
and carries a ``url`` when a site URL is configured (``site_url``).
"""

import codecs
import functools
import os
import re
import subprocess
from dataclasses import dataclass

import latexcodec  # noqa: F401  (registers the "latex" codec)
import yaml

from analysis import REPO_ROOT
from analysis.report.keynumbers import KeyNumber
from analysis.report.releases import RELEASED, citation_field, read_numbers

AUTHORS = "AI Scaling Trends contributors"
KEY_NUMBERS_PAGE = "key-numbers.html"
SITE_URL_ENV_VAR = "SCALING_TRENDS_SITE_URL"


@dataclass(frozen=True)
class Report:
    """The report as cited: title, version and date (the release's, or the development version's)."""

    title: str
    version: str
    date: str

    @property
    def year(self) -> str:
        """Year of the release."""
        return self.date[:4]


@functools.cache
def _commit() -> str:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short=10", "HEAD"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return ""
    return result.stdout.strip()


@functools.cache
def release() -> Report:
    """The last release, as ``CITATION.cff`` names it."""
    return Report(citation_field("title"), citation_field("version"), citation_field("date-released"))


def development_version(released: str) -> str:
    """The development version after ``released`` (``0.1.0`` -> ``0.2.0.dev0+<commit>``)."""
    major, minor, *_ = released.split(".")
    commit = _commit()
    return f"{major}.{int(minor) + 1}.0.dev0" + (f"+{commit}" if commit else "")


@functools.cache
def _released_texts() -> dict[str, str]:
    numbers = read_numbers(RELEASED.read_text(encoding="utf-8")) if RELEASED.is_file() else {}
    return {number_id: number.text for number_id, number in numbers.items()}


@functools.cache
def _acknowledged_is_released() -> bool:
    from analysis.report.releases import ACKNOWLEDGED

    return (
        ACKNOWLEDGED.is_file() and RELEASED.is_file() and ACKNOWLEDGED.read_bytes() == RELEASED.read_bytes()
    )


@functools.cache
def report() -> Report:
    """The report as this build cites itself: the release when the build's acknowledged numbers are the
    released ones, else the development version after it (dated by the release it follows)."""
    cited = release()
    if _acknowledged_is_released():
        return cited
    return Report(cited.title, development_version(cited.version), cited.date)


def for_number(number: KeyNumber) -> Report:
    """The version a key number is cited as: the release's if it prints as the release printed it."""
    if _released_texts().get(number.id) == number.text:
        return release()
    return report()


def site_url() -> str:
    """The published site's base URL (``SCALING_TRENDS_SITE_URL``, else ``html.baseurl`` in
    ``_config.yml``), with a trailing slash; empty when none is configured."""
    url = os.environ.get(SITE_URL_ENV_VAR, "").strip()
    if not url:
        config = yaml.safe_load((REPO_ROOT / "_config.yml").read_text(encoding="utf-8")) or {}
        url = str((config.get("html") or {}).get("baseurl") or "").strip()
    return url if not url or url.endswith("/") else url + "/"


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "^": r"\^{}",
    "~": r"\~{}",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "#": r"\#",
}


def _plain(text: str) -> str:
    out = []
    for char in text:
        if char in _SPECIAL:
            out.append(_SPECIAL[char])
        elif ord(char) < 128:
            out.append(char)
        else:
            out.append(codecs.encode(char, "latex", "replace").decode("ascii"))
    return "".join(out)


def latex_safe(text: str) -> str:
    """``text`` as ASCII LaTeX: ``%``, ``&``, ``_``, ``#``, ``$``, braces escaped; ``× 10⁹`` as
    ``$\\times 10^{9}$``, other superscripts as ``$^{...}$``, ``∝`` as ``$\\propto$``, accents and dashes
    by latexcodec."""
    pattern = re.compile(r"× 10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)|([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)|∝")
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(_plain(text[last : match.start()]))
        if match.group(1):
            out.append(r"$\times 10^{" + match.group(1).translate(_SUPERSCRIPTS) + "}$")
        elif match.group(2):
            out.append("$^{" + match.group(2).translate(_SUPERSCRIPTS) + "}$")
        else:
            out.append(r"$\propto$")
        last = match.end()
    out.append(_plain(text[last:]))
    return "".join(out)


def key_number_anchor(number_id: str) -> str:
    """The HTML id of a key number's row (its id, dots kept)."""
    return number_id


def key_number_plain(number: KeyNumber, cited: Report | None = None) -> str:
    """Plain citation: authors (year), title, version, key number id and value, data cutoff, anchor."""
    cited = cited or for_number(number)
    return (
        f"{AUTHORS} ({cited.year}). {cited.title}, version {cited.version}, key number {number.id}: "
        f"{number.text} {number.unit}, data through {number.data_through}. "
        f"{site_url()}{KEY_NUMBERS_PAGE}#{key_number_anchor(number.id)}"
    )


def _bibtex_key(number_id: str) -> str:
    return "scalingtrends_" + re.sub(r"[^A-Za-z0-9]", "_", number_id)


def key_number_bibtex(number: KeyNumber, cited: Report | None = None) -> str:
    """A LaTeX-safe ``@misc`` entry for one key number (``url`` only when a site URL is configured)."""
    cited = cited or for_number(number)
    anchor = f"{KEY_NUMBERS_PAGE}\\#{latex_safe(key_number_anchor(number.id))}"
    note = f"{number.description}: {number.text} {number.unit}; data through {number.data_through}"
    url = site_url()
    lines = [
        f"@misc{{{_bibtex_key(number.id)},",
        f"  author       = {{{{{AUTHORS}}}}},",
        f"  title        = {{{{{latex_safe(cited.title)}}}: key number {latex_safe(number.id)}}},",
        f"  year         = {{{cited.year}}},",
        f"  version      = {{{latex_safe(cited.version)}}},",
        f"  note         = {{{latex_safe(note)}}},",
        f"  howpublished = {{{anchor if not url else 'AI Scaling Trends, key-numbers page'}}},",
    ]
    if url:
        lines.append(f"  url          = {{{url}{KEY_NUMBERS_PAGE}#{key_number_anchor(number.id)}}},")
    return "\n".join(lines) + "\n}\n"


def report_bibtex() -> str:
    """A ``@software`` entry for the report as this build cites itself."""
    cited = report()
    url = site_url()
    lines = [
        "@software{scalingtrends,",
        f"  author       = {{{{{AUTHORS}}}}},",
        f"  title        = {{{{{latex_safe(cited.title)}}}}},",
        f"  year         = {{{cited.year}}},",
        f"  version      = {{{latex_safe(cited.version)}}},",
        "  license      = {Code MIT; data, text and figures CC BY 4.0},",
    ]
    if url:
        lines.append(f"  url          = {{{url}}},")
    return "\n".join(lines) + "\n}\n"


def figure_plain(label: str, cited: Report) -> str:
    """Plain-text citation of a figure by its label."""
    return f"{AUTHORS} ({cited.year}). {cited.title}, version {cited.version}, figure {label}."
