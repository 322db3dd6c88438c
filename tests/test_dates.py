"""Analyze stage: the article's date, or none. A wrong date is worse than none."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.analyze.dates import find_date
from newsbrief.model import Dateline


@pytest.mark.parametrize("paragraphs, expected", [
    # The weekday fixes the year, within one of a year the text gives as its present.
    (["Cho announced on Wednesday (October 1st) that talks went well.",
      "The budget for 2026 will rise."], dt.date(2025, 10, 1)),
    (["Shares fell on Tuesday, 1 March.", "The 2005 results are due."], dt.date(2005, 3, 1)),
    # A stated year counts when the weekday agrees and no later year is mentioned.
    (["The vote on Thursday, 5 May 2005 was close."], dt.date(2005, 5, 5)),
])
def test_dates_the_text_gives(paragraphs, expected):
    assert find_date(paragraphs) == expected


@pytest.mark.parametrize("written, expected", [
    ("1996-08-30", dt.date(1996, 8, 30)),
    ("6 December 1996", dt.date(1996, 12, 6)),
    ("Dec. 6, 1996", dt.date(1996, 12, 6)),
    ("Friday, 6 December 1996", dt.date(1996, 12, 6)),
])
def test_the_datelines_date_in_any_common_form(written, expected):
    assert find_date(["Officials met."], Dateline("SEOUL", date=written)) == expected


def test_a_dateline_without_a_year_takes_the_year_its_weekday_fixes():
    text = ["Talks opened on Wednesday, March 3, the ministry said.", "The 2004 budget."]
    assert find_date(text, Dateline("SEOUL", date="March 3", agency="Yonhap")) == dt.date(2004, 3, 3)
    # With nothing to fix its year, no date.
    assert find_date(["Talks opened."], Dateline("SEOUL", date="March 3")) is None


def test_an_updated_stamp_with_a_full_date():
    assert find_date(["Text."], stamp="14:30 GMT, Thursday, 3 March 2005") == dt.date(2005, 3, 3)
    assert find_date(["Text."], stamp="2 hours ago") is None


@pytest.mark.parametrize("paragraphs", [
    ["Cho announced on Wednesday (October 1st) that talks went well."],  # no year anywhere
    ["Officials met on Friday to discuss the plan."],  # no day or month
    ["It recalled the attacks of September 11, 2001 in a speech."],  # history, not a dateline
    ["Kick-off is Tuesday, 1 March", "2000 GMT"],  # a time is not a year
    [],
    # A year the text places in the past never lends its year ("in 2000", "in 1993").
    ["The sides meet on Saturday 20 November.", "They won 83-3 in 2000."],
    ["Maniffesto is on S4C on Sunday, 12 December.", "He was convicted in 1993."],
    ["Shares fell on Tuesday, 1 March.", "Profits in 2004 were up."],
    # A four-digit time is not a year: "from 1930 on BBC One".
    ["The replay is live on Wednesday 19 January, from 1930 on BBC One."],
    # A full date with its weekday is history when the text mentions a later year.
    ["Pearl Harbor was attacked on Sunday, 7 December 1941.", "The 2005 film tells it."],
    # The weekday must agree with the date.
    ["The vote on Friday, 5 May 2005 was close."],
])
def test_no_date_is_invented(paragraphs):
    assert find_date(paragraphs) is None
