"""Render stage: Article + Analysis -> briefing file text."""

from __future__ import annotations

import datetime as dt

import frontmatter

from newsbrief.briefing_file import parse_briefing
from newsbrief.model import Analysis, Article, Block
from newsbrief.machine import content_hash
from newsbrief.render import render_briefing

ARTICLE = Article("seeds/a.txt", "a" * 64, "A headline", "headline",
                  (Block("paragraph", "First paragraph."), Block("heading", "A Section"),
                   Block("paragraph", "newsbrief:")))
ANALYSIS = Analysis(dt.date(2025, 10, 1), "First paragraph.", ("Cho Hyun",), ("APEC",),
                    ("Seoul",), ("tariffs",))


def test_front_matter_has_the_stable_keys_in_order():
    post = frontmatter.loads(render_briefing(ARTICLE, ANALYSIS))
    assert list(post.metadata) == ["title", "date", "source", "summary", "people",
                                   "organizations", "places", "topics", "newsbrief"]
    assert post["date"] == dt.date(2025, 10, 1)
    assert post["source"] == "seeds/a.txt"
    assert post["newsbrief"]["seed_sha256"] == "a" * 64


def test_no_date_means_no_date_key():
    post = frontmatter.loads(render_briefing(ARTICLE, Analysis(None, "S.")))
    assert "date" not in post.metadata
    assert post["people"] == []


def test_generated_file_is_recognised_and_any_edit_is_detected():
    text = render_briefing(ARTICLE, ANALYSIS)
    assert parse_briefing(text, "briefings/a.md").state == "generated"
    edited = text.replace("First paragraph.\n", "First paragraph, edited.\n")
    assert parse_briefing(edited, "briefings/a.md").state == "edited"
    retitled = text.replace("title: A headline", "title: Another headline")
    assert parse_briefing(retitled, "briefings/a.md").state == "edited"


def test_hash_ignores_only_the_machine_block_in_front_matter():
    text = render_briefing(ARTICLE, ANALYSIS)
    digest = content_hash(text)
    assert frontmatter.loads(text)["newsbrief"]["generated_sha256"] == digest
    block = text[text.index("newsbrief:\n  seed"):text.index("---\n\n")]
    assert content_hash(text.replace(block, "")) == digest
    head, body = text.split("\n---\n", 1)
    # Any change to the body changes the hash: a word, and the body line that looks like
    # the machine block, which is content, not the block.
    assert content_hash(f"{head}\n---\n{body.replace('First', 'Second')}") != digest
    assert body.rstrip().endswith("\nnewsbrief:")
    assert content_hash(f"{head}\n---\n{body.rstrip()} edited\n") != digest
    assert content_hash(f"{head}\n---\n{body.rstrip()[:-len('newsbrief:')]}") != digest


def test_hostile_headline_stays_a_plain_yaml_string():
    hostile = Article("seeds/h.txt", "b" * 64, "---\ntitle: pwned", "headline", ())
    post = frontmatter.loads(render_briefing(hostile, Analysis(None, "key: value")))
    assert post["title"] == "---\ntitle: pwned"
    assert post["summary"] == "key: value"
