"""Topics: the vocabulary's labels, else the article's repeated noun phrases; on the site,
only topics that two or more briefings share."""

from __future__ import annotations

import datetime as dt

from newsbrief.analyze.topics import key_phrases
from newsbrief.catalog import Catalog
from newsbrief.model import Briefing
from newsbrief.resolve import resolve_names


def test_key_phrases_are_repeated_noun_phrases():
    text = ("The housing market slowed. Two men were found dead. The housing market fell. "
            "Police found dead birds. Months later the bad weather came. Months later again. "
            "Bad weather hit. Britain's economy grew and Britain's economy shrank.")
    phrases = key_phrases(text, set())
    assert "housing market" in phrases
    assert "bad weather" in phrases
    assert "found dead" not in phrases  # a verb's form
    assert "months later" not in phrases  # ends in a word that is no noun
    assert not any("britain" in p for p in phrases)  # possessives and numbers are never topics


def test_the_site_shows_only_topics_that_recur():
    def briefing(slug: str, *topics: str) -> Briefing:
        return Briefing(f"briefings/{slug}.md", slug, slug, dt.date(2005, 1, 1), "",
                        topics=topics)

    terms = resolve_names([briefing("a", "housing market", "mouth crisis"),
                           briefing("b", "housing market")], Catalog())
    shown = {path: [k[1] for k in keys if k[0] == "topic"] for path, keys in terms.items()}
    assert shown == {"briefings/a.md": ["housingmarket"], "briefings/b.md": ["housingmarket"]}


def test_a_noun_labelled_by_a_numeral_is_no_topic():
    text = ("The chess world number one lost. Later the world number two won. "
            "The team bus 7 was late. The team bus 12 was early.")
    phrases = key_phrases(text, set())
    assert "world number" not in phrases
    assert "team bus" not in phrases
