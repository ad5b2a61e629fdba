"""Author-year labels for the report's bibliography (``references.bib``), parsed with pybtex.

``author_year("besiroglu2024chinchilla")`` is ``"Besiroglu et al. 2024"``; an organisation
author (``{Epoch AI}``) is printed whole. Pages and figure stamps use these labels instead of
raw BibTeX keys; LaTeX accents print as characters (``Rold{\\'a}n`` as ``Roldán``).
"""

from functools import cache

from pybtex.database import parse_file
from pybtex.plugin import register_plugin
from pybtex.richtext import Text
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle

from analysis import REPO_ROOT

BIBLIOGRAPHY = REPO_ROOT / "references.bib"


@cache
def _entries() -> dict:
    return dict(parse_file(str(BIBLIOGRAPHY), bib_format="bibtex").entries)


@cache
def author_year(key: str) -> str:
    """``Surname 2024``, ``Surname and Other 2024`` or ``Surname et al. 2024`` for a BibTeX key;
    a key missing from ``references.bib`` is an error naming it."""
    entries = _entries()
    if key not in entries:
        raise KeyError(f"{BIBLIOGRAPHY.name}: no entry {key!r}")
    entry = entries[key]
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [str(Text.from_latex(" ".join(person.last_names))) for person in people]
    year = entry.fields.get("year", "n.d.")
    if not names:
        return f"{entry.fields.get('title', key)} {year}"
    if len(names) == 1:
        return f"{names[0]} {year}"
    if len(names) == 2:
        return f"{names[0]} and {names[1]} {year}"
    return f"{names[0]} et al. {year}"


STYLE = "author_year_labels"
"""The name ``AuthorYearStyle`` and ``AuthorYearLabels`` are registered under with pybtex."""


class AuthorYearLabels(BaseLabelStyle):
    """The References page's labels as the text cites: ``[Besiroglu et al. 2024]`` (``author_year``),
    with ``a``, ``b`` after the year where two entries would share a label."""

    def format_labels(self, sorted_entries):
        labels = [author_year(entry.key) for entry in sorted_entries]
        shared = {label for label in labels if labels.count(label) > 1}
        seen: dict[str, int] = {}
        for label in labels:
            if label in shared:
                seen[label] = seen.get(label, 0) + 1
                yield f"{label}{chr(ord('a') + seen[label] - 1)}"
            else:
                yield label


class AuthorYearStyle(PlainStyle):
    """pybtex's plain style with ``AuthorYearLabels`` (``bibtex_default_style = "author_year_labels"``)."""

    default_label_style = STYLE


def register_style() -> None:
    """Register the style with pybtex (the Sphinx extension calls this before sphinxcontrib-bibtex reads
    the bibliography)."""
    register_plugin("pybtex.style.labels", STYLE, AuthorYearLabels, force=True)
    register_plugin("pybtex.style.formatting", STYLE, AuthorYearStyle, force=True)
