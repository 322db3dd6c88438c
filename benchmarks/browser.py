"""First-search latency in headless Chromium, against the built site served locally.

For each query (the title of a briefing picked at random) a fresh browser
context opens a page with an empty cache, and the query is typed into the
header's search box as soon as the page has loaded. The clock is the page's
own: from the end of its load event (and, beside it, from the moment the
query was typed) to the moment the first result is in the list. Timing on the
Python side would add Playwright's polling, which waits up to half a second
between looks. A second query in the same page measures a later search. The
first result must be the briefing the query names.
"""

from __future__ import annotations

import functools
import http.server
import statistics
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
RESULT = ".md-search-result__link"
TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class Query:
    text: str  # what the reader types
    path: str  # the URL path of the briefing it names, e.g. /briefings/x/


@dataclass(frozen=True)
class SearchTimes:
    first: tuple[float, ...]  # seconds from page load to the first result, per query
    typed: tuple[float, ...]  # seconds from typing the query to its first result
    later: tuple[float, ...]  # a second query in the same page, from typing it
    ranked_first: int  # queries whose first result was the briefing they name
    queries: int
    chromium: str

    @property
    def first_median(self) -> float:
        return statistics.median(self.first)

    @property
    def first_max(self) -> float:
        return max(self.first)

    @property
    def typed_median(self) -> float:
        return statistics.median(self.typed)

    @property
    def later_median(self) -> float:
        return statistics.median(self.later)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


@contextmanager
def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def first_search(site: Path, queries: list[Query], start_path: str) -> SearchTimes:
    from playwright.sync_api import sync_playwright

    first, typed, later, ranked = [], [], [], 0
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        version = browser.version
        for i, query in enumerate(queries):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(base + start_path, wait_until="load")
            since_load, since_typed, top = _search(page, query.text)
            first.append(since_load)
            typed.append(since_typed)
            ranked += top == query.path
            page.locator("input.md-search__input").fill("")
            page.locator(RESULT).first.wait_for(state="detached")
            later.append(_search(page, queries[(i + 1) % len(queries)].text)[1])
            context.close()
        browser.close()
    return SearchTimes(tuple(first), tuple(typed), tuple(later), ranked, len(queries), version)


_WATCH = """() => {
  const marks = window.__bench = {};
  document.addEventListener("input", () => { marks.typed ??= performance.now(); }, true);
  new MutationObserver(() => {
    if (document.querySelector("%s")) marks.result ??= performance.now();
  }).observe(document.querySelector(".md-search-result__list"), {childList: true});
}""" % RESULT
_READ = """() => [window.__bench.result,
                 performance.getEntriesByType("navigation")[0].loadEventEnd,
                 window.__bench.typed]"""


def _search(page, text: str) -> tuple[float, float, str]:
    """Type ``text``; seconds from page load and from typing to the first result, and its path."""
    page.evaluate(_WATCH)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(text)
    top = page.locator(RESULT).first
    top.wait_for(state="visible")
    result, loaded, typed = page.evaluate(_READ)
    return (result - loaded) / 1000, (result - typed) / 1000, top.get_attribute("href") or ""
