"""Read stage: bytes -> Article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.read import MAX_SEED_BYTES, SeedError, decode, load_seed, parse, parse_seed

REPO = Path(__file__).resolve().parent.parent
SEED_000 = REPO / "seeds" / "000_cd2c957b51300a6d.txt"
SEED_004 = REPO / "seeds" / "004_9acd160b5a1f3811.txt"


def article(text: str):
    return parse(decode(text.encode("utf-8"), "seeds/x.txt")[0], "seeds/x.txt", "0" * 64)


def test_short_first_line_is_the_headline_without_its_full_stop():
    a = parse_seed(load_seed(SEED_004, REPO))
    assert a.title == ("Preliminary Formation of South Korea-US Security Agreement, "
                       "Intended to be Announced Before APEC Summit")
    assert a.title_origin == "headline"
    assert a.blocks[0].text.startswith("South Korean Foreign Minister Cho Hyun")
    assert all(b.kind == "paragraph" for b in a.blocks)


def test_long_lead_gets_a_short_headline_and_stays_the_first_paragraph():
    a = parse_seed(load_seed(SEED_000, REPO))
    assert a.title_origin == "lead"
    assert len(a.title.split()) <= 15
    assert a.title == "South Korea remains confident in the stability of its relationship with the United States"
    assert a.blocks[0].kind == "paragraph"
    assert a.blocks[0].text.startswith("Amid global anticipation")
    headings = [b.text for b in a.blocks if b.kind == "heading"]
    assert headings == ["Steadfast Alliance Amid Electoral Uncertainty",
                        "Advancing Defense and Security Collaboration"]


def test_lead_without_a_short_main_clause_falls_back_to_the_first_heading():
    lead = " ".join(["Officials"] + ["from many distant and rather important places"] * 4) + " met today."
    a = article(f"{lead}\n\nKey Talks Begin\n\nThe talks began on time and went on late.\n")
    assert a.title == "Key Talks Begin"
    assert a.title_origin == "heading"


def test_crlf_bom_and_hard_wrapped_paragraphs():
    raw = "\ufeffHeadline here\r\n\r\nFirst line of a\r\nwrapped paragraph.\r\n".encode("utf-8")
    text, repairs = decode(raw, "seeds/x.txt")
    a = parse(text, "seeds/x.txt", "0" * 64)
    assert repairs == ()
    assert a.title == "Headline here"
    assert a.paragraphs == ("First line of a wrapped paragraph.",)


def test_sentence_like_short_lines_are_not_headings():
    a = article("Title\n\nA paragraph here.\n\nThe government had claimed tobacco firms\n\nMore text follows.\n")
    assert [b.kind for b in a.blocks] == ["paragraph", "paragraph", "paragraph"]


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty"),
    (b" \n\t\n", "empty"),
    (b"Title\x00\x01binary", "NUL"),
    (b"x" * (MAX_SEED_BYTES + 1), "limit"),
])
def test_unusable_seeds_are_refused_with_the_reason(raw, reason):
    with pytest.raises(SeedError) as caught:
        decode(raw, "seeds/bad.txt")
    assert "seeds/bad.txt" in str(caught.value)
    assert reason in str(caught.value)
    assert "Fix:" in str(caught.value)


def test_legacy_encoding_is_decoded_with_a_warning():
    raw = "Caf\u00e9 owners \u2013 na\u00efve pricing\n\nThe caf\u00e9\u2019s owners said \u201cno\u201d to the plan.".encode("cp1252")
    text, repairs = decode(raw, "seeds/legacy.txt")
    assert "Caf\u00e9 owners" in text and "\u201cno\u201d" in text
    assert len(repairs) == 1 and "not UTF-8" in repairs[0].message


def test_control_characters_are_stripped_with_a_warning():
    text, repairs = decode(b"Head\x07line\n\nBody\x1b[31m text.", "seeds/ctl.txt")
    assert text == "Headline\n\nBody[31m text."
    assert "control characters" in repairs[0].message
