"""The review-response appendix: counts by status and check, per review, and the tables a reader sees."""

import pandas as pd

from analysis.data.catalog import REVIEW_CHECKS, REVIEW_STATUSES, REVIEWS


def _status_phrase(rows: pd.DataFrame) -> str:
    counts = rows.status.value_counts()
    parts = [f"{int(counts[status])} {status}" for status in REVIEW_STATUSES if status in counts]
    return ", ".join(parts) if parts else "none"


def _check_phrase(rows: pd.DataFrame) -> str:
    counts = rows.check.value_counts()
    parts = [f"{int(counts[check])} {check}" for check in REVIEW_CHECKS if check in counts]
    unchecked = int(rows.check.isna().sum())
    return ", ".join(parts + ([f"{unchecked} not yet checked"] if unchecked else [])) or "none"


def summary_facts(responses: pd.DataFrame) -> dict:
    """Per review (``r1``, ``r2``, ... in ``REVIEWS`` order) and severity: how many findings, how many
    in each status, and what the independent checks found."""
    facts = {}
    for number, name in enumerate(REVIEWS, start=1):
        rows = responses[responses.review == name]
        facts[f"r{number}_pages"] = ", ".join(dict.fromkeys(rows.page)) or "none yet"
        for severity in ("blocker", "major", "minor"):
            subset = rows[rows.severity == severity]
            facts[f"r{number}_n_{severity}s"] = f"{len(subset)} {severity}{'' if len(subset) == 1 else 's'}"
            facts[f"r{number}_{severity}s_status"] = _status_phrase(subset)
            facts[f"r{number}_{severity}s_check"] = _check_phrase(subset)
    return facts


def evidence_target(evidence: str) -> tuple[str, str, str]:
    """``('key', id, '')`` or ``('page', docname, anchor)`` from an ``evidence`` cell."""
    kind, _, target = evidence.partition(":")
    if kind == "key":
        return kind, target, ""
    page, _, anchor = target.partition("#")
    return kind, page, anchor


def display(responses: pd.DataFrame, review: str) -> pd.DataFrame:
    """One review's table as the page shows it: blockers, majors, then minors, in the review's order,
    with what the independent check found."""
    order = {"blocker": 0, "major": 1, "minor": 2}
    rows = responses[responses.review == review]
    table = rows.assign(rank=rows.severity.map(order)).sort_values("rank", kind="stable")
    table = table.assign(check=table.check.fillna("not yet checked"))
    columns = ["id", "severity", "finding", "status", "response", "evidence", "check", "check_note"]
    return (
        table[columns].fillna("").rename(columns={"check": "independent check", "check_note": "what it read"})
    )
