"""The substring pre-check in topic finding never changes which topics are found."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.analyze import topics
from newsbrief.catalog import load_catalog

CATALOG = load_catalog(Path(__file__).resolve().parent.parent)
TRIGGERS = sorted({t for ts in CATALOG.topics.values() for t in ts})
ODD = ["\u0130", "\u0131", "\u017f", "\u212a", "-", " ", "\n", "s", "es", "."]


def regex_only(text: str) -> list[tuple[str, int]]:
    counts = Counter()
    for label, pattern, _ in topics._patterns(tuple(CATALOG.topics.items())):
        hits = len(pattern.findall(text))
        if hits:
            counts[label] = hits
    return counts.most_common(topics.MAX_TOPICS)


def with_precheck(text: str) -> list[tuple[str, int]]:
    found = topics.find_topics(text, CATALOG, set())
    full = dict(regex_only(text))
    return [(label, full[label]) for label in found if label in full]


words = st.one_of(st.sampled_from(TRIGGERS), st.sampled_from(TRIGGERS).map(str.upper),
                  st.sampled_from(ODD), st.text(max_size=6))


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=12).map(" ".join))
def test_precheck_finds_what_the_regexes_find(text):
    assert with_precheck(text) == regex_only(text)


def test_letters_that_ignorecase_folds_to_ascii_still_match_like_the_regex():
    text = "\u0130MMIGRATION rules, a \u017fummit and \u212aey ta\u0131ks on \u0130mmigration"
    assert regex_only(text)[0] == ("immigration", 2)
    assert with_precheck(text) == regex_only(text)
