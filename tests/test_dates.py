"""Analyze stage: the article's date, or none."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.analyze.dates import find_date


@pytest.mark.parametrize("paragraphs, expected", [
    # The weekday fixes the year nearest to the years the text mentions.
    (["Cho announced on Wednesday (October 1st) that talks went well.",
      "The budget for 2026 will rise."], dt.date(2025, 10, 1)),
    (["Shares fell on Tuesday, 1 March.", "Profits in 2004 were up."], dt.date(2005, 3, 1)),
    # A stated year wins.
    (["The vote on Thursday, 5 May 2005 was close."], dt.date(2005, 5, 5)),
    # A dateline opening the first paragraph.
    (["SEOUL, 2 October 2025 - Officials met."], dt.date(2025, 10, 2)),
    (["2025-10-01: Officials met."], dt.date(2025, 10, 1)),
])
def test_dates_the_text_gives(paragraphs, expected):
    assert find_date(paragraphs) == expected


@pytest.mark.parametrize("paragraphs", [
    ["Cho announced on Wednesday (October 1st) that talks went well."],  # no year anywhere
    ["Officials met on Friday to discuss the plan."],  # no day or month
    ["It recalled the attacks of September 11, 2001 in a speech."],  # history, not a dateline
    ["Kick-off is Tuesday, 1 March", "2000 GMT"],  # a time is not a year
    [],
])
def test_no_date_is_invented(paragraphs):
    assert find_date(paragraphs) is None
