"""Every page of the build, as a reader on a phone gets it.

One tour visits every HTML page at a 375 px viewport and records what each
page did; the tests below each check one promise against that record.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from .conftest import DESKTOP, HOST, LOCAL_SCHEMES, PHONE, BuiltSite, open_context

pytestmark = pytest.mark.browser

# Elements wider than the viewport, named so a failure says what to fix.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 && getComputedStyle(el).position !== 'fixed';
  });
  return {
    scroll: document.documentElement.scrollWidth, width,
    wide: wide.slice(-3).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')),
  };
}"""


@dataclass(frozen=True)
class Visit:
    path: str
    status: int
    scroll_width: int
    viewport_width: int
    too_wide: tuple[str, ...]


@dataclass(frozen=True)
class Tour:
    visits: tuple[Visit, ...]
    requests: tuple[str, ...]
    problems: tuple[str, ...]


@pytest.fixture(scope="module")
def tour(browser: Browser, built_site: BuiltSite) -> Tour:
    context, watch = open_context(browser, PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    visits = []
    for path in built_site.page_paths():
        response = page.goto(built_site.url(path), wait_until="load")
        found = page.evaluate(OVERFLOW)
        visits.append(Visit(path, response.status if response else 0, found["scroll"],
                            found["width"], tuple(found["wide"])))
    context.close()
    return Tour(tuple(visits), tuple(watch.requests), tuple(watch.problems()))


def test_the_tour_saw_every_page(tour: Tour, built_site: BuiltSite):
    paths = [v.path for v in tour.visits]
    assert "/" in paths and "/about/" in paths
    for briefing in built_site.briefings:
        assert briefing.path in paths
    assert all(v.status == 200 for v in tour.visits), [v for v in tour.visits if v.status != 200]


def test_no_page_raises_a_javascript_error(tour: Tour):
    assert tour.problems == (), "\n".join(tour.problems)


def test_every_request_stays_on_the_site(tour: Tour):
    assert tour.requests, "the tour recorded no requests at all"
    foreign = [url for url in tour.requests
               if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).hostname != HOST]
    assert foreign == []


def test_no_page_scrolls_sideways_at_375px(tour: Tour):
    sideways = [v for v in tour.visits if v.scroll_width > v.viewport_width]
    assert sideways == [], "\n".join(
        f"{v.path}: {v.scroll_width}px wide in a {v.viewport_width}px viewport; "
        f"widest: {', '.join(v.too_wide)}" for v in sideways)
    assert all(v.viewport_width <= PHONE["width"] for v in tour.visits)


def test_the_watch_catches_errors_and_requests_to_other_origins(browser: Browser,
                                                                built_site: BuiltSite):
    context, watch = open_context(browser, DESKTOP)
    page = context.new_page()
    page.goto(built_site.url("/about/"))
    page.evaluate("""() => {
      const img = document.createElement('img');
      img.src = 'https://fonts.googleapis.com/css?family=Roboto';
      document.body.append(img);
      setTimeout(() => { throw new Error('thrown by the test'); });
    }""")
    page.wait_for_timeout(300)  # let the timer fire; a wait, not a timing assertion
    context.close()
    assert "https://fonts.googleapis.com/css?family=Roboto" in watch.foreign
    assert any("thrown by the test" in error for error in watch.errors)
