"""First mentions of entities in Markdown become links; nothing else changes."""

from __future__ import annotations

from newsbrief.mentions import link_first_mentions

TARGETS = [(("Cho Hyun",), "../people/cho-hyun/"), (("United States", "U.S."), "../places/us/")]


def test_only_the_first_mention_of_each_entity_is_linked():
    md = "Cho Hyun met U.S. envoys.\n\nLater Cho Hyun and the United States agreed."
    assert link_first_mentions(md, TARGETS) == (
        "[Cho Hyun](../people/cho-hyun/) met [U.S.](../places/us/) envoys.\n\n"
        "Later Cho Hyun and the United States agreed.")


def test_headings_code_links_html_and_words_inside_words_are_left_alone():
    md = ("## Cho Hyun speaks\n\n`Cho Hyun` and [Cho Hyun](x) and <b title=\"Cho Hyun\">\n\n"
          "    Cho Hyun in code\n\nChoHyun Cho Hyunsoo then Cho Hyun.")
    out = link_first_mentions(md, TARGETS)
    assert out.count("](../people/cho-hyun/)") == 1
    assert out.endswith("then [Cho Hyun](../people/cho-hyun/).")


def test_fenced_code_is_left_alone():
    md = "```\nCho Hyun\n```\n\nCho Hyun"
    assert link_first_mentions(md, TARGETS) == "```\nCho Hyun\n```\n\n[Cho Hyun](../people/cho-hyun/)"


def test_escaped_names_match_their_escaped_form():
    targets = [(("Under_Score Ltd",), "u/")]
    assert link_first_mentions(r"We met Under\_Score Ltd today.", targets) == r"We met [Under\_Score Ltd](u/) today."
