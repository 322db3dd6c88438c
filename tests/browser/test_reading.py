"""Reading the site: the home page, following links and back, the palette."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import BuiltSite

pytestmark = pytest.mark.browser


def test_home_page_lists_the_briefings(page: Page, built_site: BuiltSite):
    page.goto(built_site.url("/"))
    assert len(built_site.briefings) >= 2
    for briefing in built_site.briefings:
        link = page.locator("article a", has_text=briefing.title)
        expect(link.first).to_be_visible()
        assert link.first.get_attribute("href").rstrip("/").endswith(briefing.slug)


def test_a_briefing_link_opens_the_briefing_and_back_returns_home(page: Page,
                                                                  built_site: BuiltSite):
    briefing = built_site.briefings[0]
    page.goto(built_site.url("/"))
    page.locator("article a", has_text=briefing.title).first.click()
    expect(page).to_have_url(built_site.url(briefing.path))
    expect(page.locator("article h1")).to_have_text(briefing.title)
    page.go_back()
    expect(page).to_have_url(built_site.url("/"))
    expect(page.locator("article h1")).to_be_visible()


def test_palette_toggle_switches_to_dark_and_back_and_is_remembered(page: Page,
                                                                     built_site: BuiltSite):
    page.goto(built_site.url(built_site.briefings[0].path))
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    background = _background(page)
    page.get_by_title("Switch to dark mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    assert _background(page) != background
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_title("Switch to light mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    assert _background(page) == background


def _background(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def test_briefing_page_opens_with_summary_then_key_facts_then_article(page: Page,
                                                                      built_site: BuiltSite):
    briefing = built_site.briefing("Cho Hyun")
    page.goto(built_site.url(briefing.path))
    article = page.locator("article")
    summary = article.locator(".admonition.abstract")
    expect(summary).to_be_visible()
    expect(summary.locator(".admonition-title")).to_have_text("Summary")
    facts = article.locator(".admonition.abstract + ul")
    expect(facts).to_contain_text("Date:")
    expect(facts).to_contain_text("Cho Hyun")
    expect(facts).to_contain_text(re.compile(r"\d+ min read"))
    # bottom line up front: summary, then facts, then the first paragraph of the article
    tops = [loc.bounding_box()["y"] for loc in (summary, facts, article.locator("ul + p").first)]
    assert tops == sorted(tops)
