"""First-search latency in headless Chromium, against the built site served locally.

For each query (the title of a briefing picked at random) a fresh browser
context opens a briefing page with an empty cache; the clock starts when the
page's load event has fired, the query is typed into the header's search box,
and stops when the first result is on screen. A second query in the same page
measures a later search. The first result must be the briefing the query names.
"""

from __future__ import annotations

import functools
import http.server
import statistics
import threading
import time
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
    later: tuple[float, ...]  # a second query in the same page
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

    first, later, ranked = [], [], 0
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        version = browser.version
        for i, query in enumerate(queries):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(base + start_path, wait_until="load")
            seconds, top = _search(page, query.text)
            first.append(seconds)
            ranked += top == query.path
            other = queries[(i + 1) % len(queries)]
            page.locator("input.md-search__input").fill("")
            page.locator(RESULT).first.wait_for(state="detached")
            later.append(_search(page, other.text)[0])
            context.close()
        browser.close()
    return SearchTimes(tuple(first), tuple(later), ranked, len(queries), version)


def _search(page, text: str) -> tuple[float, str]:
    """Type ``text`` into the search box; seconds until its first result shows, and its path."""
    box = page.locator("input.md-search__input")
    started = time.perf_counter()
    box.click()
    box.fill(text)
    top = page.locator(RESULT).first
    top.wait_for(state="visible")
    return time.perf_counter() - started, top.get_attribute("href") or ""
