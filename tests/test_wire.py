"""Read stage on wire copy: datelines, bylines, stamps, credits and tables are not prose.

None of them may become the title, the summary or a heading; a table keeps its rows."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.analyze.dates import find_date
from newsbrief.analyze.summary import summarize
from newsbrief.model import Dateline
from newsbrief.read import parse
from newsbrief.render import render_body


def read(text: str):
    return parse(text, "seeds/x.txt", "0" * 64)


def summary(article) -> str:
    return summarize(article.paragraphs)


@pytest.mark.parametrize("text, place, region, date, agency", [
    ("Stocks fall\n\nLONDON 1996-08-30\n\nShares fell on Friday.", "LONDON", "", "1996-08-30", ""),
    ("Bill signed\n\nTALLAHASSEE, Fla. 1996-12-06\n\nThe governor signed.", "TALLAHASSEE",
     "Fla.", "1996-12-06", ""),
    ("Talks open\n\nSEOUL, March 3 (Yonhap) -- South Korea said it would talk.", "SEOUL", "",
     "March 3", "Yonhap"),
    ("Rates held\n\nWASHINGTON (Reuters) - The Fed held rates.", "WASHINGTON", "", "", "Reuters"),
    ("Shares rise\n\nFARMINGTON HILLS, Mich.\n\n1996-08-30\n\nShares rose.", "FARMINGTON HILLS",
     "Mich.", "1996-08-30", ""),
    ("Vote due\n\nBERLIN, 6 December 1996 - Voters go to the polls.", "BERLIN", "",
     "6 December 1996", ""),
    ("Court rules\n\nNEW YORK, Dec. 6, 1996 (Reuters) - A court ruled.", "NEW YORK", "",
     "Dec. 6, 1996", "Reuters"),
])
def test_datelines_in_their_common_shapes(text, place, region, date, agency):
    article = read(text)
    assert article.dateline == Dateline(place, region, date, agency)
    assert place not in summary(article) and place not in article.title
    assert all(b.kind != "heading" for b in article.blocks)
    assert not any(place in b.text for b in article.blocks)


def test_bylines_go_to_front_matter_not_headings():
    article = read("Upsets under the lights\n\nLarry Fine\n\nNEW YORK 1996-08-30\n\n"
                   "Andre Agassi escaped disaster on Thursday.\n\nMore text follows here.")
    assert article.byline == "Larry Fine"
    assert summary(article).startswith("Andre Agassi")
    article = read("Stocks fall on rate fears\nBy Jane Smith\nWASHINGTON (Reuters) - Stocks fell.")
    assert article.byline == "Jane Smith" and article.title == "Stocks fall on rate fears"
    assert summary(article) == "Stocks fell."


def test_an_updated_stamp_dates_the_article_and_is_not_prose():
    article = read("Budget unveiled\n\nUpdated 14:30 GMT, Thursday, 3 March 2005\n\n"
                   "The chancellor unveiled his budget.")
    assert article.stamp and summary(article) == "The chancellor unveiled his budget."
    assert find_date(article.paragraphs, article.dateline, article.stamp) == dt.date(2005, 3, 3)


def test_a_table_keeps_its_rows():
    text = ("Soccer - Scottish league results\n\nGLASGOW 1996-08-31\n\n"
            "Results of Scottish league matches on Saturday:\n\n"
            "Airdrieonians 2 Alloa 1\nArbroath 0 Ayr 3\nCeltic 4 Hearts 0")
    article = read(text)
    assert [b.kind for b in article.blocks] == ["paragraph", "table"]
    assert article.blocks[1].text.split("\n") == ["Airdrieonians 2 Alloa 1", "Arbroath 0 Ayr 3",
                                                   "Celtic 4 Hearts 0"]
    body = render_body(article)
    assert "Airdrieonians 2 Alloa 1  \nArbroath 0 Ayr 3  \nCeltic 4 Hearts 0" in body


def test_prose_wrapped_over_lines_is_one_paragraph():
    article = read("Headline here\n\nThe tourists will play nine first-class matches against\n"
                   "English county sides and another against British Universities.")
    assert [b.kind for b in article.blocks] == ["paragraph"]


def test_a_headline_in_capitals_is_written_as_the_article_spells_its_words():
    article = read("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.\n\n"
                   "LONDON 1996-08-30\n\nPhil Simmons took four as Leicestershire beat Somerset.")
    assert article.title == "Cricket - Leicestershire take over at top after innings victory"


def test_a_headline_with_a_slug_and_a_long_dash_is_still_a_headline():
    article = read("IPO FILING -- Homegate Hospitality Inc.\n\nWASHINGTON 1996-08-30\n\n"
                   "Company Name Homegate Hospitality Inc")
    assert article.title_origin == "headline" and article.dateline.place == "WASHINGTON"


def test_credit_lines_are_never_headings():
    article = read("Headline here\n\nThe story text runs here.\n\nReporting by Jane Smith\n\n"
                   "More story text here.")
    assert all(b.kind != "heading" for b in article.blocks)


def test_the_key_facts_show_the_dateline_and_byline_as_text():
    from newsbrief.briefing_page import header
    from newsbrief.catalog import Catalog
    from newsbrief.link import link
    from newsbrief.model import Briefing
    from newsbrief.urls import Urls

    b = Briefing("briefings/x.md", "x", "Talks open", dt.date(2004, 3, 3), "South Korea said.",
                 dateline="Seoul", byline="Jane <Smith>")
    facts = header(Urls(), b, link([b], Catalog()))
    assert "<dt>Dateline</dt>\n<dd>Seoul</dd>" in facts
    assert "<dt>By</dt>\n<dd>Jane &lt;Smith&gt;</dd>" in facts
