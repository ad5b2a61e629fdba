"""How to cite the report, one of its numbers or one of its figures (plain text and BibTeX).

The version, date and title come from ``CITATION.cff``; a number is cited by its stable
key-number id and the anchor of its row on the Key numbers page, a figure by its label.
"""

from dataclasses import dataclass

from analysis.report.keynumbers import KeyNumber
from analysis.report.releases import citation_field

AUTHORS = "AI Scaling Trends contributors"
KEY_NUMBERS_PAGE = "key-numbers.html"


@dataclass(frozen=True)
class Report:
    """The report as ``CITATION.cff`` describes it."""

    title: str
    version: str
    date: str

    @property
    def year(self) -> str:
        """Year of the release."""
        return self.date[:4]


def report() -> Report:
    """The current release's title, version and date."""
    return Report(citation_field("title"), citation_field("version"), citation_field("date-released"))


def key_number_anchor(number_id: str) -> str:
    """The HTML id of a key number's row (its id, dots kept)."""
    return number_id


def key_number_plain(number: KeyNumber, cited: Report) -> str:
    """Plain citation: authors (year), title, version, key number id and value, and its anchor."""
    return (
        f"{AUTHORS} ({cited.year}). {cited.title}, version {cited.version}, key number {number.id}: "
        f"{number.text} {number.unit}, data through {number.data_through}. "
        f"{KEY_NUMBERS_PAGE}#{key_number_anchor(number.id)}"
    )


def _bibtex_key(number_id: str, cited: Report) -> str:
    return "scalingtrends" + cited.version.replace(".", "") + "_" + number_id.replace(".", "_")


def key_number_bibtex(number: KeyNumber, cited: Report) -> str:
    """A ``@misc`` entry for one key number."""
    return (
        f"@misc{{{_bibtex_key(number.id, cited)},\n"
        f"  author       = {{{{{AUTHORS}}}}},\n"
        f"  title        = {{{{{cited.title}}}: key number {number.id}}},\n"
        f"  year         = {{{cited.year}}},\n"
        f"  version      = {{{cited.version}}},\n"
        f"  note         = {{{number.description}: {number.text} {number.unit}; data through "
        f"{number.data_through}}},\n"
        f"  howpublished = {{{KEY_NUMBERS_PAGE}\\#{key_number_anchor(number.id)}}}\n"
        "}\n"
    )


def figure_plain(label: str, cited: Report) -> str:
    """Plain-text citation of a figure by its label."""
    return f"{AUTHORS} ({cited.year}). {cited.title}, version {cited.version}, figure {label}."
