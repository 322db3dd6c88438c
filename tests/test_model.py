"""The kinds of name: defined once, and every stage finds its fields by them."""

from __future__ import annotations

import dataclasses

from newsbrief.model import ENTITY_KINDS, KIND_OF, KINDS, TOPIC, Analysis, Briefing
from newsbrief.validate import LIST_KEYS


def test_each_kind_is_named_once_and_found_by_its_key():
    for field in ("key", "folder", "label", "singular", "front_matter"):
        values = [getattr(kind, field) for kind in KINDS]
        assert len(set(values)) == len(KINDS), field
    assert all(KIND_OF[kind.key] is kind for kind in KINDS)
    assert ENTITY_KINDS + (TOPIC,) == KINDS


def test_briefings_and_analyses_have_a_field_per_kind_in_front_matter_order():
    for model in (Briefing, Analysis):
        fields = [f.name for f in dataclasses.fields(model)]
        assert [k.front_matter for k in KINDS] == [f for f in fields if f in LIST_KEYS]
    analysis = Analysis(None, "", people=("A",), topics=("t",))
    assert [analysis.entities(k) for k in KINDS] == [("A",), (), (), ("t",)]
