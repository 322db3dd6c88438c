"""The search box finds a briefing by an entity's name, and the result opens it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import BuiltSite

pytestmark = pytest.mark.browser


def test_typing_a_name_lists_its_briefing_and_the_result_opens_it(page: Page,
                                                                   built_site: BuiltSite):
    briefing = built_site.briefing("Cho Hyun")
    page.goto(built_site.url("/about/"))
    page.locator("input.md-search__input").click()
    page.keyboard.type("Cho Hyun")
    title = page.locator("h2", has_text=briefing.title)
    result = page.locator(".md-search-result__link").filter(has=title)
    expect(result).to_be_visible()
    result.click()
    expect(page).to_have_url(re.compile(re.escape(built_site.url(briefing.path)) + r"(\?.*)?$"))
    expect(page.locator("article h1")).to_have_text(briefing.title)
