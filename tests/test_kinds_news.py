"""Analyze stage: the kind of a name from the words around it in news and sports copy
(short texts of our own, with spans as the model might give them; no model needed)."""

from __future__ import annotations

from test_canon import found


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
