"""Which classes of word a word can be: the WordNet-derived tables spaCy's English
model ships for its lemmatizer (nouns, verbs, adjectives, adverbs, and irregular forms).

Read straight from the installed model's files, without running its tagger:
topics need to know that "later" cannot be a noun and "found" is a form of a verb.
"""

from __future__ import annotations

from functools import lru_cache

from .ner import MODEL_PACKAGES


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """(class -> words, irregular verb forms)."""
    import importlib.util

    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    for package in MODEL_PACKAGES:
        if importlib.util.find_spec(package) is None:
            continue
        found = [p for p in get_package_path(package).rglob("lemmatizer/lookups") if p.is_dir()]
        if found:
            lookups = Lookups().from_disk(found[0])
            index, exceptions = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
            classes = {name: frozenset(index.get(name, ())) for name in ("noun", "verb", "adj", "adv")}
            return classes, frozenset(exceptions.get("verb", {}))
    return {name: frozenset() for name in ("noun", "verb", "adj", "adv")}, frozenset()


def can_be(word: str, word_class: str) -> bool:
    return word.lower() in _tables()[0][word_class]


def noun_lemma(word: str) -> str | None:
    """The noun a word is, in the singular ("injuries" -> "injury"), or None if it is none."""
    word = word.lower()
    nouns = _tables()[0]["noun"]
    if word in nouns:
        return word
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + replacement in nouns:
            return word[: -len(suffix)] + replacement
    return None


def is_verb_form(word: str) -> bool:
    """An inflected form of a verb that is no base noun: "found", "said", "elected"."""
    word = word.lower()
    classes, irregular = _tables()
    if word in irregular:
        return True
    return word.endswith("ed") and word not in classes["noun"] and (
        word[:-2] in classes["verb"] or word[:-1] in classes["verb"])
