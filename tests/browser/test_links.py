"""Cross-links as a reader follows them: entities, related briefings, the timeline."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from .conftest import BuiltSite

pytestmark = pytest.mark.browser

KIND_FOLDERS = ("/people/", "/organizations/", "/places/", "/topics/")
# The text around a link target: the entity page's heading, or its A-Z entry.
TARGET_TEXT = """fragment => {
  const el = fragment ? document.getElementById(fragment) : document.querySelector('article h1');
  return el ? el.closest('li, h1, h2, h3, p, article').textContent : null;
}"""


def heading(text: str) -> re.Pattern:
    """A heading's text, with or without its permalink sign."""
    return re.compile("^" + re.escape(text) + "¶?$")


def follow_to_entity_and_back(page: Page, built_site: BuiltSite, link: Locator, name: str):
    start = page.url
    expect(link).to_have_text(name)
    link.click()
    page.wait_for_url(lambda url: url != start)
    address = urlsplit(page.url)
    assert address.path.startswith(KIND_FOLDERS), page.url
    assert name in (page.evaluate(TARGET_TEXT, address.fragment) or ""), page.url
    page.go_back()
    expect(page).to_have_url(start)
    expect(page.locator("article h1")).to_be_visible()


def test_a_person_in_the_key_facts_links_to_them_and_back_works(page: Page,
                                                                 built_site: BuiltSite):
    briefing = built_site.briefing("Cho Hyun")
    page.goto(built_site.url(briefing.path))
    people = page.locator("article .nb-facts > dl > dt:text-is('People') + dd")
    follow_to_entity_and_back(page, built_site, people.get_by_role("link", name="Cho Hyun"),
                              "Cho Hyun")


def test_first_mention_in_the_text_links_to_the_entity_and_back_works(page: Page,
                                                                       built_site: BuiltSite):
    briefing = built_site.briefing("Cho Hyun")
    page.goto(built_site.url(briefing.path))
    first_paragraph = page.locator("article .nb-facts + p")
    mentions = first_paragraph.get_by_role("link", name="South Korea", exact=True)
    expect(mentions).to_have_count(1)
    # only the first mention is a link: the article names South Korea again unlinked
    expect(page.locator("article .nb-facts ~ p", has_text="South Korea").nth(1)
           .get_by_role("link", name="South Korea", exact=True)).to_have_count(0)
    follow_to_entity_and_back(page, built_site, mentions, "South Korea")


def test_related_briefing_link_opens_it_and_back_returns(page: Page, built_site: BuiltSite):
    briefing = built_site.briefing("Cho Hyun")
    other = next(b for b in built_site.briefings if b != briefing)
    page.goto(built_site.url(briefing.path))
    related = page.locator("article #related-briefings + ul")
    expect(related).to_contain_text("shares:")
    related.get_by_role("link", name=other.title).click()
    expect(page).to_have_url(built_site.url(other.path))
    expect(page.locator("article h1")).to_have_text(other.title)
    expect(page.locator("article #related-briefings + ul")
           .get_by_role("link", name=briefing.title)).to_be_visible()
    page.go_back()
    expect(page).to_have_url(built_site.url(briefing.path))
    expect(page.locator("article h1")).to_have_text(briefing.title)


def test_timeline_lists_briefings_by_month_and_a_month_opens(page: Page, built_site: BuiltSite):
    dated = built_site.briefing("Cho Hyun")
    page.goto(built_site.url("/timeline/"))
    article = page.locator("article")
    expect(article.locator("h1")).to_have_text(heading("Timeline"))
    for briefing in built_site.briefings:
        expect(article.get_by_role("link", name=briefing.title)).to_be_visible()
    article.get_by_role("link", name="October 2025").click()
    expect(page).to_have_url(re.compile(r"/timeline/2025-10/$"))
    expect(article.locator("h1")).to_have_text(heading("October 2025"))
    expect(article.get_by_role("link", name=dated.title)).to_be_visible()


def test_an_entity_page_lists_every_briefing_that_names_it(page: Page, built_site: BuiltSite):
    page.goto(built_site.url("/places/south-korea/"))
    article = page.locator("article")
    expect(article.locator("h1")).to_have_text(heading("South Korea"))
    naming = [b for b in built_site.briefings if "South Korea" in b.places]
    assert len(naming) >= 2  # both shipped briefings name South Korea
    for briefing in naming:
        expect(article.get_by_role("link", name=briefing.title)).to_be_visible()
    expect(article.get_by_role("link", name="Seoul")).to_be_visible()


def test_the_people_index_reaches_every_person(page: Page, built_site: BuiltSite):
    page.goto(built_site.url("/"))
    page.locator(".md-nav--primary").get_by_role("link", name="People").first.click()
    expect(page.locator("article h1")).to_have_text(heading("People"))
    names = {name for b in built_site.briefings for name in b.people}
    assert names, "the shipped briefings should name people"
    hrefs = [urljoin(page.url, a.get_attribute("href")) for a in page.locator("article a").all()]
    text = ""
    for href in hrefs:  # each person has a page or an entry under their letter
        page.goto(href)
        text += page.locator("article").inner_text()
    assert {name for name in names if name in text} == names
