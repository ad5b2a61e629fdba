# ---
# jupyter:
#   jupytext:
#     default_lexer: ipython3
#     formats: md:myst,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# (appendix-review-response)=
# # Review response

# %% tags=["remove-cell"]
from analysis.data import loaders
from analysis.report import review, tables
from analysis.report.keynumbers import glue_text

responses = loaders.load_review_response()
glue_text(review.summary_facts(responses))

# %% [markdown]
# An expert review of the first three chapters and the data audit, as of the
# report's first release, found {glue:text}`n_blockers` blockers and
# {glue:text}`n_majors` major problems. This page lists each with what changed,
# from `data/review_response.csv`. Every finding not still open names its
# evidence, a key number or a section of a page, and the report's tests fail if
# that evidence is not in the built site.
#
# - **Blockers:** {glue:text}`blockers_status`.
# - **Majors:** {glue:text}`majors_status`.
#
# Minor points are not listed; several are fixed in passing.

# %% tags=["hide-input"]
tables.show(review.display(responses), index=False)
