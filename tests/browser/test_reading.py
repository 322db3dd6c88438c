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
    facts = article.locator(".nb-facts > dl")
    expect(facts.locator("dt").first).to_have_text("Date")
    expect(facts).to_contain_text("Cho Hyun")
    expect(facts).to_contain_text(re.compile(r"\d+ min read"))
    # bottom line up front: summary, then facts, then the first paragraph of the article
    tops = [loc.bounding_box()["y"] for loc in (summary, facts, article.locator(".nb-facts + p").first)]
    assert tops == sorted(tops)


def test_print_shows_the_article_alone_in_readable_black_type(page: Page, built_site: BuiltSite):
    page.goto(built_site.url(built_site.briefing("Cho Hyun").path))
    page.get_by_title("Switch to dark mode").click()  # print is black on white in any scheme
    # an outside link and a link within the site, to see which addresses print
    page.evaluate("""() => {
      const p = document.createElement('p');
      p.innerHTML = '<a id="out" href="https://example.org/report">report</a> ' +
                    '<a id="in" href="../">home</a>';
      document.querySelector('article').append(p);
    }""")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                   ".md-search", ".md-footer", ".md-top"):
        expect(page.locator(chrome).first).to_be_hidden()
    article = page.locator("article")
    expect(article.locator("h1")).to_be_visible()
    expect(article.locator(".admonition.abstract")).to_be_visible()
    style = page.evaluate("""() => {
      const s = getComputedStyle(document.querySelector('article'));
      const after = (id) => getComputedStyle(document.getElementById(id), '::after').content;
      return {size: parseFloat(s.fontSize), color: s.color, out: after('out'), in: after('in'),
              line: getComputedStyle(document.getElementById('in')).textDecorationLine,
              background: getComputedStyle(document.body).backgroundColor};
    }""")
    assert style["size"] >= 14, style          # 11pt is 14.7px
    assert style["color"] == "rgb(0, 0, 0)", style
    assert style["background"] == "rgb(255, 255, 255)", style
    assert "https://example.org/report" in style["out"], style
    assert style["in"] in ("none", "normal"), style
    assert style["line"] == "none", style  # a link within the site prints as plain text


def test_key_facts_are_a_description_list_in_two_columns(page: Page, built_site: BuiltSite):
    page.goto(built_site.url(built_site.briefing("Cho Hyun").path))
    facts = page.locator("article .nb-facts > dl")
    expect(facts.locator("dt")).to_have_text(["Date", "Source", "People", "Organizations",
                                              "Places", "Topics", "Reading time"])
    expect(facts.locator("dt + dd")).to_have_count(7)  # each label has its value right after
    people = facts.locator("dt:text-is('People') + dd")
    expect(people.get_by_role("link", name="Cho Hyun")).to_be_visible()
    style = facts.evaluate("""dl => ({
      display: getComputedStyle(dl).display,
      columns: getComputedStyle(dl).gridTemplateColumns.split(' ').length,
      sizes: [getComputedStyle(dl).fontSize, getComputedStyle(dl.parentElement).fontSize],
    })""")
    assert style["display"] == "grid" and style["columns"] == 2, style
    assert float(style["sizes"][0][:-2]) < float(style["sizes"][1][:-2])
    # label and value side by side: the value starts on the label's line
    date, value = facts.locator("dt").first.bounding_box(), facts.locator("dd").first.bounding_box()
    assert value["x"] > date["x"] and abs(value["y"] - date["y"]) < 2
