"""Link stage: terms, postings and related briefings over a whole corpus."""

from __future__ import annotations

import datetime as dt

from newsbrief.catalog import Catalog, CatalogEntry, entity_key
from newsbrief.link import RELATED_LIMIT, link
from newsbrief.model import Briefing

CATALOG = Catalog(entries={entity_key(a): CatalogEntry("United States", "place") for a in ("US", "U.S.")},
                  ignored=frozenset({entity_key("Government")}))


def brief(slug, day=None, people=(), orgs=(), places=(), topics=(), pin=(), hide=()):
    date = dt.date(2025, 10, day) if day else None
    return Briefing(f"briefings/{slug}.md", slug, slug.title(), date, "", None, tuple(people),
                    tuple(orgs), tuple(places), tuple(topics), tuple(pin), tuple(hide))


def term(links, kind: str, name: str):
    """The term ``name`` of ``kind`` ("person"...), or None."""
    return links.terms.get((kind, entity_key(name)))


def newest_first(*briefings):
    return sorted(briefings, key=lambda b: b.sort_key)


def test_front_matter_names_go_through_the_catalog():
    links = link([brief("a", places=["US"], orgs=["Government", "APEC"]),
                  brief("b", places=["United States"])], CATALOG)
    us = term(links, "place", "United States")
    assert us.name == "United States"
    assert links.briefings_for(us) == ("briefings/a.md", "briefings/b.md")
    assert term(links, "organization", "Government") is None


def test_terms_in_two_briefings_have_pages_and_singletons_directory_entries():
    links = link([brief("a", people=["Cho Hyun"], places=["Seoul"]), brief("b", places=["Seoul"])], CATALOG)
    seoul, cho = term(links, "place", "Seoul"), term(links, "person", "Cho Hyun")
    assert seoul.has_page and seoul.uri == "places/seoul/index.md"
    assert not cho.has_page and cho.uri == "people/a-z/c/index.md#cho-hyun"


def test_related_ranks_by_weighted_shared_terms_with_reasons():
    target = brief("target", 1, people=["Cho Hyun"], places=["Seoul", "Busan"], topics=["tariffs"])
    strong = brief("strong", 2, people=["Cho Hyun"], places=["Seoul"], topics=["tariffs"])
    weak = brief("weak", 3, places=["Seoul"])
    unrelated = brief("unrelated", 4, places=["Paris"])
    links = link(newest_first(target, strong, weak, unrelated), CATALOG)
    related = links.related["briefings/target.md"]
    assert [r.uri for r in related][0] == "briefings/strong.md"
    assert related[0].shared[0] == "Cho Hyun"  # a shared person outweighs a shared place
    assert set(related[0].shared) == {"Cho Hyun", "Seoul", "tariffs"}
    assert "briefings/unrelated.md" not in [r.uri for r in related]


def test_a_single_common_place_is_not_a_relation():
    corpus = [brief(f"b{i}", places=["Seoul"]) for i in range(20)]
    links = link(corpus, CATALOG)
    assert links.related["briefings/b0.md"] == ()


def test_related_is_limited_and_editors_can_pin_and_hide():
    others = [brief(f"o{i}", people=["Cho Hyun"], places=["Seoul"]) for i in range(8)]
    target = brief("target", people=["Cho Hyun"], places=["Seoul"], pin=["lonely"], hide=["o0"])
    lonely = brief("lonely", places=["Paris"])
    links = link([target, lonely, *others], CATALOG)
    related = links.related["briefings/target.md"]
    assert related[0].uri == "briefings/lonely.md" and related[0].pinned
    assert "briefings/o0.md" not in [r.uri for r in related]
    assert len(related) == RELATED_LIMIT


def test_unknown_pinned_slug_is_reported_with_a_fix():
    from newsbrief.briefing_file import parse_briefing
    from newsbrief.review import related_problems
    from newsbrief.sync import Plan

    target = parse_briefing("---\ntitle: T\nrelated: {pin: [nope, other]}\n---\n\nText.\n",
                            "briefings/target.md")
    other = parse_briefing("---\ntitle: O\n---\n\nText.\n", "briefings/other.md")
    [problem] = related_problems([target, other], Plan((), (), (), {}))
    assert problem.path == "briefings/target.md" and "'nope'" in problem.message and problem.fix


def test_co_mentions_count_shared_briefings():
    links = link([brief("a", people=["Cho Hyun", "Donald Trump"]), brief("b", people=["Cho Hyun", "Donald Trump"]),
                  brief("c", people=["Cho Hyun", "Lee Jae-myung"])], CATALOG)
    co = links.co_mentions(term(links, "person", "Cho Hyun"))
    assert [(t.name, n) for t, n in co] == [("Donald Trump", 2), ("Lee Jae-myung", 1)]


def test_distinct_names_with_the_same_slug_get_distinct_uris():
    links = link([brief("a", people=["José Díaz"]), brief("b", people=["Jose Diaz!"]),
                  brief("c", people=["José Díaz", "Jose Diaz!"])], CATALOG)
    uris = {t.uri for t in links.terms.values()}
    assert len(uris) == 2


def test_a_name_takes_the_kind_most_briefings_give_it():
    links = link([brief("a", orgs=["Labour"]), brief("b", orgs=["Labour"]), brief("c", people=["Labour"])], CATALOG)
    labour = term(links, "organization", "Labour")
    assert labour is not None and term(links, "person", "Labour") is None
    assert len(links.briefings_for(labour)) == 3


def test_a_lone_surname_joins_the_only_person_with_that_surname():
    links = link([brief("a", people=["Tony Blair"]), brief("b", people=["Blair"]),
                  brief("c", people=["Gordon Brown", "Craig Brown"]), brief("d", people=["Brown"])], CATALOG)
    blair = term(links, "person", "Tony Blair")
    assert links.briefings_for(blair) == ("briefings/a.md", "briefings/b.md")
    assert term(links, "person", "Blair") is None
    assert term(links, "person", "Brown") is not None  # two Browns: left alone


# -- the preview's links: what is kept from the last build equals what a fresh run gives ----

import dataclasses  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newsbrief import resolve  # noqa: E402

POOL = {"people": ["Cho Hyun", "Lee Jae-myung", "Tony Blair", "Blair", "Cherie Blair"],
        "orgs": ["APEC", "Labour", "Government"],
        "places": ["Seoul", "US", "United States", "Paris"],
        "topics": ["trade", "tariffs"]}
BRIEFS = st.builds(
    lambda slug, day, picks, pin: brief(slug, day, pin=pin, **picks),
    st.sampled_from([f"b{i}" for i in range(12)]),
    st.one_of(st.none(), st.integers(1, 28)),
    st.fixed_dictionaries({k: st.lists(st.sampled_from(v), max_size=3, unique=True)
                           for k, v in POOL.items()}),
    st.lists(st.sampled_from([f"b{i}" for i in range(12)]), max_size=1))


def _view(links):
    terms = {k: (t.kind.key, t.name, t.slug, t.has_page) for k, t in links.terms.items()}
    by = {u: tuple(t.ref for t in ts) for u, ts in links.by_briefing.items()}
    return terms, links.postings, by, links.related


@settings(max_examples=150, deadline=None)
@given(before=st.lists(BRIEFS, max_size=10), after=st.lists(BRIEFS, max_size=10))
def test_links_kept_from_the_last_build_equal_fresh_ones(before, after):
    old = newest_first(*{b.path: b for b in before}.values())
    new = newest_first(*{b.path: b for b in after}.values())
    last = link(old, CATALOG)
    was = {b.path: b for b in old}
    moved = frozenset(b.path for b in new if was.get(b.path) != b)
    assert _view(link(new, CATALOG, last, moved)) == _view(link(new, CATALOG))


@settings(max_examples=150, deadline=None)
@given(before=st.lists(BRIEFS, min_size=9, max_size=14), change=BRIEFS, drop=st.booleans())
def test_links_after_one_briefing_changes_equal_fresh_ones(before, change, drop):
    """One briefing added, edited or removed: the archive keeps its size class (8 to 16),
    so the related lists are worked out again only where they can differ."""
    was = {b.path: b for b in before}
    now = dict(was)
    if drop and len(now) > 9:
        now.pop(change.path, None)
    else:
        now[change.path] = change
    old, new = newest_first(*was.values()), newest_first(*now.values())
    last = link(old, CATALOG)
    moved = frozenset(b.path for b in new if was.get(b.path) != b)
    kept = link(new, CATALOG, last, moved)
    assert _view(kept) == _view(link(new, CATALOG))


NAME_POOL = {"people": ["Tony Blair", "Blair", "Cherie Blair", "Jordan", "Ada Byron"],
             "orgs": ["Labour", "Jordan"], "places": ["Jordan", "Paris", "Byron"],
             "topics": ["trade", "tariffs", "Trade"]}
NAMED = st.builds(
    lambda slug, picks: brief(slug, **picks),
    st.sampled_from([f"b{i}" for i in range(8)]),
    st.fixed_dictionaries({k: st.lists(st.sampled_from(v), max_size=3, unique=True)
                           for k, v in NAME_POOL.items()}))


@settings(max_examples=300, deadline=None)
@given(before=st.lists(NAMED, max_size=8), after=st.lists(NAMED, max_size=8))
def test_names_resolved_from_the_last_answer_equal_fresh_ones(before, after):
    """The last answer's per-briefing terms are kept only where nothing they were made
    from changed: a name's kind, a surname's owner, a topic shared or no longer shared."""
    catalog = dataclasses.replace(CATALOG, sha256="a vocabulary")
    old = newest_first(*{b.path: b for b in before}.values())
    new = newest_first(*{b.path: b for b in after}.values())
    resolve._LAST.clear()
    resolve.resolve_names(old, catalog)
    kept = resolve.resolve_names(new, catalog)
    resolve._LAST.clear()
    assert kept == resolve.resolve_names(new, catalog)
