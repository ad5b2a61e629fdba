"""Checks that a row's prose agrees with its own columns: products written in the notes recomputed
against the result they state, and a constraint input's derivation naming the distribution its
``distribution`` column draws.

Both catch the slips a hidden audit found (``a x b = c`` with a wrong ``c``; "drawn log-uniform" beside
``lognormal_80``); ``analysis.data.validate`` runs them on every build and test."""

import math
import re

import pandas as pd

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:e[+-]?\d+)?"
OPERATOR = r"\s*(?:[*×/]|(?<=\s)x(?=\s))\s*"
PRODUCT = re.compile(
    rf"((?:{NUMBER})(?:{OPERATOR}(?:{NUMBER}))+)\s*=\s*~?\s*({NUMBER})(?![\d%]|\s*[*×/])", re.I
)
CONTINUES = re.compile(r"(?:[*×/(+\-^,]|\sx|\d\s[a-zA-Z]{1,3}|[a-zA-Z]\))\s*$|[a-zA-Z]$")
TOLERANCE = 1.08
"""Largest ratio between a recomputed product and the value the text states (rounding to two
significant figures moves a value by at most 5%)."""


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _evaluate(expression: str) -> float:
    parts = re.split(OPERATOR, expression)
    operators = re.findall(OPERATOR, expression)
    value = _number(parts[0])
    for operator, part in zip(operators, parts[1:], strict=True):
        value = value / _number(part) if operator.strip() == "/" else value * _number(part)
    return value


def arithmetic_slips(text: str) -> list[str]:
    """Each whole product or quotient in ``text`` (``6 * 7e10 * 1.4e12 = 5.9e23``) whose stated result is
    more than ``TOLERANCE`` away from the recomputed one, as "expression = stated (recomputed R)".
    A chain that continues an expression on its left (a sum, brackets, units between factors) is
    skipped: only what can be recomputed from the text alone is judged."""
    slips = []
    for match in PRODUCT.finditer(text):
        if CONTINUES.search(text[: match.start()]):
            continue
        stated, computed = _number(match.group(2)), _evaluate(match.group(1))
        if stated > 0 and computed > 0 and abs(math.log(computed / stated)) > math.log(TOLERANCE):
            slips.append(f"'{match.group(0)}' (recomputed {computed:.3g})")
    return slips


DISTRIBUTION_WORDS = {
    "loguniform": r"log-?uniform",
    "uniform": r"(?<!log-)(?<!log)uniform",
    "lognormal_80": r"log-?normal",
    "normal_80": r"(?<!log-)(?<!log)(?<!two-piece log-)\bnormal",
}
DRAWN = re.compile(r"\bdrawn\b[^.;]*", re.I)


def distribution_slips(frame: pd.DataFrame, text_column: str = "derivation") -> list[tuple[int, str]]:
    """Rows of a constraint-input table whose derivation says how the input is drawn ("drawn ... as a
    two-piece log-normal") naming a different distribution from the ``distribution`` column, as
    (row position, message)."""
    slips = []
    for position, (text, distribution) in enumerate(zip(frame[text_column], frame.distribution, strict=True)):
        for clause in DRAWN.findall(str(text)):
            named = [name for name, pattern in DISTRIBUTION_WORDS.items() if re.search(pattern, clause, re.I)]
            if named and distribution not in named:
                slips.append(
                    (position, f"derivation says '{clause.strip()}' but distribution is '{distribution}'")
                )
    return slips
