"""The review-response appendix: counts by status and the table a reader sees."""

import pandas as pd

from analysis.data.catalog import REVIEW_STATUSES


def _status_phrase(rows: pd.DataFrame) -> str:
    counts = rows.status.value_counts()
    parts = [f"{int(counts[status])} {status}" for status in REVIEW_STATUSES if status in counts]
    return ", ".join(parts) if parts else "none"


def summary_facts(responses: pd.DataFrame) -> dict:
    """How many blockers and majors there are, and how many are in each status."""
    blockers = responses[responses.severity == "blocker"]
    majors = responses[responses.severity == "major"]
    return {
        "n_blockers": str(len(blockers)),
        "n_majors": str(len(majors)),
        "blockers_status": _status_phrase(blockers),
        "majors_status": _status_phrase(majors),
    }


def evidence_target(evidence: str) -> tuple[str, str, str]:
    """``('key', id, '')`` or ``('page', docname, anchor)`` from an ``evidence`` cell."""
    kind, _, target = evidence.partition(":")
    if kind == "key":
        return kind, target, ""
    page, _, anchor = target.partition("#")
    return kind, page, anchor


def display(responses: pd.DataFrame) -> pd.DataFrame:
    """The table as the page shows it: blockers first, then majors, in the review's order."""
    order = {"blocker": 0, "major": 1}
    table = responses.assign(rank=responses.severity.map(order)).sort_values("rank", kind="stable")
    return table[["id", "severity", "finding", "status", "response", "evidence"]].fillna("")
