"""Analyze stage: raw model spans -> canonical entities (no model needed)."""

from __future__ import annotations

from newsbrief.analyze.canon import canonical_entities, clean
from newsbrief.analyze.ner import Span
from newsbrief.catalog import Catalog, CatalogEntry, entity_key

CATALOG = Catalog(entries={
    entity_key(alias): CatalogEntry("United States", "place")
    for alias in ("United States", "US", "U.S.", "Washington")
}, ignored=frozenset({entity_key("Quarterly")}))


def spans(*items):
    return tuple(Span(text, label, i * 10) for i, (text, label) in enumerate(items))


def test_clean_strips_possessives_the_and_stray_hyphens():
    assert clean("South Korea's") == "South Korea"
    assert clean("North Korea\u2019s") == "North Korea"
    assert clean("South Korea-") == "South Korea"
    assert clean("the United States") == "United States"
    assert clean("U.S.") == "U.S."


def test_variants_merge_into_one_canonical_name():
    out = canonical_entities(spans(("U.S.", "GPE"), ("the United States", "GPE"), ("US", "GPE"),
                                   ("South Korea's", "GPE"), ("South Korea-", "GPE")), "", CATALOG)
    assert out["place"] == ("United States", "South Korea")


def test_joined_names_are_split():
    out = canonical_entities(spans(("U.S.-South Korea", "GPE"), ("South Korea", "GPE")), "", CATALOG)
    assert set(out["place"]) == {"United States", "South Korea"}


def test_surname_resolves_to_the_full_name_even_when_mislabelled():
    out = canonical_entities(spans(("Donald Trump", "PERSON"), ("Trump", "ORG"), ("Trump", "PERSON")), "", CATALOG)
    assert out["person"] == ("Donald Trump",)
    assert "organization" not in out


def test_headline_fragments_nationalities_and_ignored_names_are_dropped():
    out = canonical_entities(spans(("Announced Before APEC Summit", "ORG"), ("South Korean", "NORP"),
                                   ("Quarterly", "ORG"), ("APEC", "ORG")), "", CATALOG)
    assert out == {"organization": ("APEC",)}


def test_long_form_defined_with_an_acronym_becomes_the_acronym():
    text = "before the Asia-Pacific Economic Cooperation (APEC) meeting"
    out = canonical_entities(spans(("the Asia-Pacific Economic Cooperation", "LOC"), ("APEC", "ORG")), text, CATALOG)
    assert out == {"organization": ("APEC",)}


def test_names_are_ordered_by_mentions_then_first_mention():
    out = canonical_entities(spans(("Seoul", "GPE"), ("Gyeongju", "GPE"), ("Gyeongju", "GPE")), "", CATALOG)
    assert out["place"] == ("Gyeongju", "Seoul")
