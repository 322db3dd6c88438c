"""Analyze stage: the kind of a name from the words around it in news and sports copy
(short texts of our own, with spans as the model might give them; no model needed)."""

from __future__ import annotations

from test_canon import found

from newsbrief.analyze.canon import canonical_entities
from newsbrief.analyze.ner import Span
from newsbrief.catalog import Catalog, CatalogEntry, entity_key


def test_a_first_name_and_a_surname_after_beat_or_a_score_is_a_player():
    text = ("Tomas Berdal won 6-2 6-3. Marco Ventri lost in three sets after the second seed "
            "beat Paolo Castine 6-4 3-6 6-1 in the quarter-final.")
    out = found(text, ("Tomas Berdal", "PERSON"), ("Marco Ventri", "ORG"),
                ("Paolo Castine", "ORG"), title="TENNIS - OPEN")
    assert set(out["person"]) == {"Tomas Berdal", "Marco Ventri", "Paolo Castine"}
    assert "organization" not in out


def test_the_players_of_a_line_up_with_substitutes_and_clubs_are_people():
    text = ("Rovers won the derby.\n\nHolm, Brandt, Okafor, Lisle (Tarrant 67), Pell, Varga, "
            "Quist.\n\nSubs not used: Marsh, Denby.\n\nOkafor, Pell, Varga.\n\n"
            "T Garvin (Cardiff, capt); K Morlan (Bristol), P Stroud (Bristol), D Wyatt (Bath), "
            "R Ennis (Bath).")
    spans = [("Holm", "ORG"), ("Lisle", "GPE"), ("Quist", "ORG"), ("K Morlan", "ORG"),
             ("Cardiff", "GPE"), ("Bristol", "ORG")]
    out = found(text, *spans, title="SOCCER - ROVERS EDGE DERBY")
    people = set(out["person"])
    assert {"Holm", "Lisle", "Tarrant", "Quist", "Marsh", "Denby", "Okafor", "Pell", "Varga",
            "T Garvin", "K Morlan", "R Ennis"} <= people
    assert not people & {"Cardiff", "Bristol", "Bath", "Rovers"}


def test_a_catalog_name_the_model_missed_is_found_in_the_text():
    spellings = {"Labour Party": ("Labour Party", "Labour"),
                 "United States": ("United States", "US", "America")}
    catalog = Catalog(
        entries={entity_key(a): CatalogEntry(name, "organization" if "Labour" in name else "place")
                 for name, aliases in spellings.items() for a in aliases},
        aliases={entity_key(name): aliases for name, aliases in spellings.items()})
    text = ("Ann Reid, the Labour Party's spokeswoman, spoke. The Bank of America office "
            "closed for Labour Day. Stocks fell in Latin America and the US Open began.")
    spans = tuple(Span(n, label, text.index(n)) for n, label in (
        ("Ann Reid", "PERSON"), ("Bank of America", "ORG"), ("Latin America", "LOC")))
    out = canonical_entities(spans, text, catalog)
    assert out["organization"] == ("Labour Party", "Bank of America")
    assert out["place"] == ("Latin America",)


def test_the_field_of_a_job_title_is_not_an_organization():
    text = ("Secretary of State Ella Marsh met Transport Commissioner Ivo Dane and the "
            "Wales Secretary in Cardiff.")
    out = found(text, ("State", "ORG"), ("Ella Marsh", "PERSON"), ("Transport", "ORG"),
                ("Ivo Dane", "PERSON"), ("Wales", "GPE"), ("Cardiff", "GPE"))
    assert "organization" not in out
    assert out["place"] == ("Wales", "Cardiff")


def test_two_towns_joined_by_a_hyphen_are_one_name():
    text = ("Hale joined Leeds-Bradford Bulls from Leeds-Bradford last year, said the "
            "US-France panel.")
    out = found(text, ("Leeds-Bradford Bulls", "ORG"), ("Leeds-Bradford", "ORG"),
                ("US-France", "GPE"))
    assert "Leeds-Bradford" in out["organization"]
    assert not {"Leeds", "Bradford"} & {n for names in out.values() for n in names}
    assert {"US", "France"} <= set(out["place"])


def test_a_town_after_losses_to_is_its_club():
    text = ("The side had been shaken by consecutive losses to Oldfield in the league. "
            "Defeats to Marchby followed, and the striker scored in the cup match.")
    out = found(text, ("Oldfield", "GPE"), ("Marchby", "GPE"), title="SOCCER - CUP")
    assert set(out["organization"]) == {"Oldfield", "Marchby"}
