"""Topics: a few reusable labels per article.

Labels come first from the editors' vocabulary (``topics.yml``: label ->
trigger phrases), so the same story gets the same label everywhere. When the
vocabulary finds fewer than ``MIN_TOPICS``, the article's own key phrases
fill in: two- or three-word noun phrases between stop words that the article
repeats, which are its subject rather than a passing mention. Which labels
recur across the corpus is decided at link time, never stored here: a topic
that only one briefing has is not shown.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..catalog import ASCII_FOLD, Catalog
from . import lexicon

MAX_TOPICS = 5
MIN_TOPICS = 3
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|[^\sA-Za-z]+")
_EXTRA_STOP = frozenset("said says also would could year years month week new mr mrs ms".split())
# Phrases that recur in news copy without saying what it is about.
_GENERIC_PHRASES = frozenset({
    "prime minister", "chief executive", "foreign minister", "foreign secretary",
    "home secretary", "don't know", "last year", "next year", "last week", "fourth quarter",
    "third quarter", "first half", "second half", "per cent", "news agency",
})
# A noun just before a numeral is part of a label with it ("world number one", "Flight 101").
_NUMERAL = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)$", re.I)


def find_topics(text: str, catalog: Catalog, entity_names: set[str]) -> tuple[str, ...]:
    counts = Counter()
    folded = text.translate(ASCII_FOLD).lower()
    for label, pattern, needles in _patterns(tuple(catalog.topics.items())):
        if needles is not None and not any(n in folded for n in needles):
            continue  # no trigger's first word is in the text: the regex cannot match
        hits = len(pattern.findall(text))
        if hits:
            counts[label] = hits
    found = [label for label, _ in counts.most_common(MAX_TOPICS)]
    if len(found) >= MIN_TOPICS:
        return tuple(found)
    found += [p for p in key_phrases(text, entity_names) if p not in found]
    return tuple(found[:MIN_TOPICS])


@lru_cache(maxsize=8)
def _patterns(topics: tuple[tuple[str, tuple[str, ...]], ...]):
    """(label, pattern, needles) per topic; a match contains one of the needles."""
    out = []
    for label, triggers in topics:
        alternatives = "|".join(re.escape(t).replace(r"\ ", r"[\s-]+") for t in triggers)
        needles = tuple(t.split(" ")[0].lower() for t in triggers)
        out.append((label, re.compile(rf"\b(?:{alternatives})(?:s|es)?\b", re.I),
                    needles if all(n.isascii() for n in needles) else None))
    return out


def key_phrases(text: str, entity_names: set[str]) -> list[str]:
    """Repeated two- and three-word noun phrases between stop words, most frequent first.

    A phrase is a noun phrase by the model's word lists (``lexicon``): it ends in a
    noun, and holds no form of a verb ("found dead") and no word that can only be an
    adverb ("months later"). Numbers, possessives and names are never part of one, nor
    the noun a numeral labels ("world number one" is no "world number")."""
    stop = STOP_WORDS | _EXTRA_STOP
    named = {w.lower() for name in entity_names for w in name.split()}
    counts: Counter[str] = Counter()
    run: list[str] = []
    for token in [*_TOKEN.findall(text), "."]:
        word = token.lower()
        if (token[0].isalpha() and word not in stop and word not in named and len(word) > 2
                and "'" not in word and "\u2019" not in word and not lexicon.is_verb_form(word)):
            run.append(word)
            continue
        if _NUMERAL.match(token):
            run = run[:-1]
        for n in (2, 3):
            for i in range(len(run) - n + 1):
                counts[" ".join(run[i : i + n])] += 1
        run = []
    repeated = [(p, c) for p, c in counts.items()
                if c >= 2 and p not in _GENERIC_PHRASES and _noun_phrase(p.split())]
    return [p for p, _ in sorted(repeated, key=lambda pc: (-pc[1] * len(pc[0].split()), pc[0]))]


def _noun_phrase(words: list[str]) -> bool:
    if lexicon.noun_lemma(words[-1]) is None:
        return False
    return not any(lexicon.can_be(w, "adv") and not (lexicon.can_be(w, "adj")
                                                     or lexicon.noun_lemma(w)) for w in words)
