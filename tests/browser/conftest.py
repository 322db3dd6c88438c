"""One strict build of a project copy, served on 127.0.0.1, driven by Chromium.

The site is built once for this package with a real ``mkdocs build --strict``,
from the shipped seeds plus the short made-up articles in ``seeds/`` here
(copied into the project copy only), so that every page type exists: a page
for a person, an organization and a place, several months on the timeline.
Each test gets a fresh browser context that records every request, page
error and console error; a test fails if any request leaves 127.0.0.1 or any
page logs an error, whatever the test itself checks.
"""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import frontmatter
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from conftest import copy_project, run_mkdocs, share_analysis_cache

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
HOST = "127.0.0.1"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
LOCAL_SCHEMES = ("data", "blob", "about")  # never leave the machine
EXTRA_SEEDS = Path(__file__).resolve().parent / "seeds"


@dataclass(frozen=True)
class BuiltBriefing:
    title: str
    slug: str
    people: tuple[str, ...]
    places: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"/briefings/{self.slug}/"


@dataclass(frozen=True)
class BuiltSite:
    root: Path          # the project copy that was built
    site_dir: Path      # its strict build
    base_url: str       # where it is served, without a trailing slash
    briefings: tuple[BuiltBriefing, ...]

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def briefing(self, person: str) -> BuiltBriefing:
        return next(b for b in self.briefings if person in b.people)

    def page_paths(self) -> list[str]:
        """Every HTML page of the build, as URL paths."""
        paths = []
        for html in sorted(self.site_dir.rglob("*.html")):
            rel = html.relative_to(self.site_dir).as_posix()
            paths.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
        return paths


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer((HOST, 0), partial(_QuietHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{HOST}:{server.server_address[1]}"


def _briefings(root: Path) -> tuple[BuiltBriefing, ...]:
    found = []
    for path in sorted((root / "briefings").glob("*.md")):
        meta = frontmatter.load(path).metadata
        found.append(BuiltBriefing(meta["title"], path.stem, tuple(meta.get("people") or ()),
                                   tuple(meta.get("places") or ())))
    return tuple(found)


@pytest.fixture(scope="package")
def built_site(tmp_path_factory, shared_cache: Path) -> Iterator[BuiltSite]:
    base = tmp_path_factory.mktemp("browser")
    root = copy_project(base / "project")
    for seed in sorted(EXTRA_SEEDS.glob("*.txt")):
        shutil.copy2(seed, root / "seeds" / seed.name)
    share_analysis_cache(root, shared_cache)
    site_dir = base / "site"
    result = run_mkdocs(root, site_dir)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    server, base_url = _serve(site_dir)
    try:
        yield BuiltSite(root, site_dir, base_url, _briefings(root))
    finally:
        server.shutdown()
        server.server_close()


# Package scope: Playwright's sync API allows one running instance at a time,
# so the browser closes before tests elsewhere start their own.
@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's Chromium. "
                    "Fix: run 'make test' as root (it installs it) or "
                    "'sudo apt-get install chromium'.", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Watch:
    """What the pages of one browser context did that a reader should never see."""

    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.route("**/*", self._route)
        context.on("page", self._page)
        for page in context.pages:
            self._page(page)

    def _route(self, route) -> None:
        url = route.request.url
        self.requests.append(url)
        if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).hostname != HOST:
            self.foreign.append(url)
            route.abort()
        else:
            route.continue_()

    def _page(self, page: Page) -> None:
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        page.on("console", lambda msg: msg.type == "error"
                and self.errors.append(f"{page.url}: console: {msg.text}"))

    def problems(self) -> list[str]:
        return [f"request left {HOST}: {url}" for url in self.foreign] + self.errors


def open_context(browser: Browser, viewport: dict, *, color_scheme: str = "light",
                 **options) -> tuple[BrowserContext, Watch]:
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme,
                                  service_workers="block", **options)
    watch = Watch()
    watch.attach(context)
    return context, watch


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, Watch]]:
    context, watch = open_context(browser, DESKTOP)
    page = context.new_page()
    yield page, watch
    context.close()
    problems = watch.problems()
    if problems:
        pytest.fail("the pages misbehaved:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def page(watched) -> Page:
    return watched[0]
