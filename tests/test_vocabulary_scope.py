"""A vocabulary change regenerates only the briefings it can change: the part of
``entities.yml`` and ``topics.yml`` that applies to a seed is what its machine block
records (``Catalog.relevant_sha256``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import copy_project, share_analysis_cache
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.analyze.canon import canonical_entities
from newsbrief.analyze.ner import Span
from newsbrief.analyze.topics import find_topics
from newsbrief.catalog import Catalog, CatalogEntry, entity_key
from newsbrief.pipeline import convert
from newsbrief.project import Project

TEXT = ("The U.K. government and the Labour Party met in Seoul. Lee Jae-myung said "
        "cost-sharing talks would go on, said Kim Jong Un's envoy.")
CATALOG = Catalog(
    entries={entity_key(a): CatalogEntry("United Kingdom", "place") for a in ("UK", "Britain")},
    ignored=frozenset({entity_key("Reuters")}),
    topics={"defense cost-sharing": ("cost sharing",)}, sha256="v1")


def with_entry(catalog: Catalog, name: str, kind: str, sha: str) -> Catalog:
    return replace(catalog, entries={**catalog.entries, entity_key(name): CatalogEntry(name, kind)},
                   sha256=sha)


def test_an_entry_the_text_never_mentions_leaves_its_part_of_the_vocabulary_as_it_is():
    before = CATALOG.relevant_sha256(TEXT)
    assert with_entry(CATALOG, "Gazprom", "organization", "v2").relevant_sha256(TEXT) == before
    ignored = replace(CATALOG, ignored=CATALOG.ignored | {entity_key("Yukos")}, sha256="v3")
    assert ignored.relevant_sha256(TEXT) == before


def test_a_name_the_text_mentions_in_any_spelling_changes_its_part():
    before = CATALOG.relevant_sha256(TEXT)
    for spelling, sha in (("LEE JAE MYUNG", "v4"), ("Labour party", "v5"), ("Kim Jong-un", "v6")):
        assert with_entry(CATALOG, spelling, "person", sha).relevant_sha256(TEXT) != before
    topic = replace(CATALOG, topics={**CATALOG.topics, "talks": ("talks",)}, sha256="v7")
    assert topic.relevant_sha256(TEXT) != before


WORDS = st.sampled_from(["Lee", "Seoul", "Labour", "Party", "met", "the", "said", "Bank",
                         "of", "Korea", "cost-sharing", "talks", "İzmir", "U.K.", "envoy"])


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=3, max_size=30), st.lists(WORDS, min_size=1, max_size=3),
       st.sampled_from(["person", "organization", "place"]), st.data())
def test_analysis_never_depends_on_an_entry_the_text_does_not_mention(words, name_words, kind,
                                                                      data):
    """The claim ``relevant_sha256`` rests on: an entry left out of a text's part of the
    vocabulary changes neither its names nor its topics."""
    text = " ".join(words) + "."
    name = " ".join(name_words)
    bigger = with_entry(CATALOG, name, kind, f"v8 {name} {kind}")
    bigger = replace(bigger, topics={**bigger.topics, name.lower(): (name.lower(),)})
    if bigger.relevant_sha256(text) != CATALOG.relevant_sha256(text):
        return  # mentioned: the briefing is generated again, nothing to compare
    starts = sorted(data.draw(st.sets(st.integers(0, len(words) - 1), max_size=4)))
    spans, offset = [], 0
    offsets = []
    for word in words:
        offsets.append(offset)
        offset += len(word) + 1
    for i in starts:
        label = data.draw(st.sampled_from(["PERSON", "ORG", "GPE", "NORP"]))
        spans.append(Span(" ".join(words[i:i + 2]), label, offsets[i]))
    spans = tuple(spans)
    assert (canonical_entities(spans, text, bigger) == canonical_entities(spans, text, CATALOG))
    assert find_topics(text, bigger, set()) == find_topics(text, CATALOG, set())


def test_an_alias_no_seed_mentions_regenerates_no_briefing(tmp_path: Path, shared_cache: Path):
    root = copy_project(tmp_path / "project")
    share_analysis_cache(root, shared_cache)
    convert(Project.at(root))
    entities = root / "entities.yml"

    def add(entry: str) -> None:
        text = entities.read_text(encoding="utf-8")
        entities.write_text(text.replace("entities:\n", "entities:\n" + entry, 1), "utf-8")

    add("  - name: Zanzibar Shipping Board\n    kind: organization\n")
    assert convert(Project.at(root)).written == ()
    add("  - name: Gyeongju Summit Desk\n    kind: organization\n    aliases: [Gyeongju]\n")
    assert len(convert(Project.at(root)).written) == 1  # only the seed that names Gyeongju
