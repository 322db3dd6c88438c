"""Site search: which pages Pagefind indexes, the index a real build writes,
and the search box answering in Chromium from the site itself."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import logging
import re
import threading
from pathlib import Path

import pytest
from conftest import run_mkdocs

from newsbrief import search

SLUG_004 = "preliminary-formation-of-south-korea-us-security-agreement"
TITLE_004 = "Preliminary Formation of South Korea-US Security Agreement"
HOSTILE_TITLE = "Harbour <b>council</b> backs <img src=x onerror=window.pwned=1> tidal barrier"
HOSTILE_SEED = f"""{HOSTILE_TITLE}

The harbour council of Porthcawl voted on Tuesday to fund a tidal barrier, after winter storms flooded the old quay twice.

Councillor Marisol Quenby said the <script>window.pwned=2</script> barrier would protect two hundred homes.
"""


# -- which pages are indexed ---------------------------------------------------

@pytest.mark.parametrize("src_uri, generated, expected", [
    ("briefings/some-briefing.md", True, True),      # briefings are added by the hook
    ("about.md", False, True),                      # hand-written pages are searched
    ("index.md", False, False),                     # home is a list of briefings
    ("people/cho-hyun/index.md", True, False),      # generated list pages are not
    ("timeline/index.md", True, False),
])
def test_only_briefings_and_hand_written_pages_are_indexed(src_uri, generated, expected):
    assert search.indexable(src_uri, generated=generated, briefings_dir="briefings") is expected


def test_the_index_holds_briefings_and_hand_written_pages_in_one_shard_on_a_small_site():
    pages = [("index.md", "index.html", False), ("about.md", "about/index.html", False),
             ("briefings/a.md", "briefings/a/index.html", True),
             ("briefings/b.md", "briefings/b/index.html", True),
             ("people/x/index.md", "people/x/index.html", True), ("notes.md", "notes.html", False)]
    indexed = search.Indexed.of(pages, "briefings")
    assert indexed.src_uris == {"about.md", "briefings/a.md", "briefings/b.md", "notes.md"}
    assert indexed.shards == (("about/index.html", "briefings/a/index.html",
                               "briefings/b/index.html", "notes.html"),)


@pytest.mark.parametrize("pages, per_shard, count", [
    (0, 2000, 1), (2000, 2000, 1), (2001, 2000, 2), (4000, 2000, 2), (4001, 2000, 4),
    (10_000, 2000, 8), (3, 1, 4)])
def test_shards_are_a_power_of_two_that_holds_the_pages(pages, per_shard, count):
    assert search.shard_count(pages, per_shard) == count


def briefing_pages(n: int, start: int = 0) -> list[tuple[str, str, bool]]:
    return [(f"briefings/b{i}.md", f"briefings/b{i}/index.html", True) for i in range(start, n)]


def test_each_page_is_in_one_shard_and_stays_there_as_the_site_grows():
    small = search.Indexed.of(briefing_pages(900), per_shard=100)
    assert len(small.shards) == 16
    every = [dest for shard in small.shards for dest in shard]
    assert sorted(every) == sorted(dest for _, dest, _ in briefing_pages(900))
    assert max(map(len, small.shards)) < 2 * 900 / 16  # a hash spreads them
    grown = search.Indexed.of(briefing_pages(950), per_shard=100)  # still 16 shards
    for k, shard in enumerate(small.shards):
        assert set(shard) <= set(grown.shards[k])  # a new page touches only its own shard


def test_mark_puts_the_content_and_its_title_in_newsbriefs_own_element():
    marked = search.mark("<p>Text.</p>", "Harbour &amp; quay")
    assert marked == "<div data-pagefind-body>\n<h1>Harbour &amp; quay</h1>\n<p>Text.</p>\n</div>"
    own = search.mark('<h1 id="about">About</h1>\n<p>x</p>', "About")
    assert own.count("<h1") == 1 and own.startswith("<div data-pagefind-body>\n<h1 id=")


def test_only_indexed_pages_are_marked():
    run = search.IndexRun(search.Indexed(frozenset({"briefings/a.md"}), ((),)), None)
    assert run.mark("briefings/a.md", "<p>x</p>", "A").startswith("<div data-pagefind-body>")
    assert run.mark("people/x/index.md", "<p>x</p>", "X") == "<p>x</p>"


def test_a_missing_site_is_a_warning_that_says_how_to_fix_it(tmp_path: Path, caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.newsbrief"):
        assert search.index_site(tmp_path / "nowhere") is None
    message = caplog.records[-1].getMessage()
    assert "nowhere" in message and "index.html is missing" in message and "Fix:" in message


def test_a_missing_indexer_is_a_warning_that_says_how_to_fix_it(tmp_path: Path, caplog, monkeypatch):
    (tmp_path / "index.html").write_text("<html><body>x</body></html>")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.newsbrief"):
        assert search.index_site(tmp_path) is None
    message = caplog.records[-1].getMessage()
    assert "Pagefind binary was not found" in message and "make site" in message


# -- the index a real build writes ----------------------------------------------

def bundles(site: Path) -> list[Path]:
    """The index's shards: pagefind/ and any listed in pagefind-shards.json."""
    listed = json.loads((site / search.SHARDS_FILE).read_text(encoding="utf-8"))
    return [site / name for name in listed]


def fragments(site: Path) -> list[dict]:
    """Every page in the Pagefind index, all shards (its fragments are gzipped JSON)."""
    out = []
    for bundle in bundles(site):
        for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
            data = gzip.decompress(path.read_bytes())
            out.append(json.loads(data[data.index(b"{"):]))
    return out


def shard_pages(project: Path, pages: int) -> None:
    """Index the project's site in shards of ``pages`` pages (mkdocs.yml's setting)."""
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"\nextra:\n  newsbrief:\n    search_shard_pages: {pages}\n")


@pytest.fixture
def built(project: Path, tmp_path: Path, request) -> Path:
    """The site, its index in one shard, or in shards of ``request.param`` pages."""
    (project / "seeds" / "harbour.txt").write_text(HOSTILE_SEED, encoding="utf-8")
    if getattr(request, "param", None):
        shard_pages(project, request.param)
    site = tmp_path / "site"
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.stderr
    assert "search index of" in result.stderr
    return site


@pytest.mark.build
@pytest.mark.parametrize("built", [None, 1], indirect=True, ids=["one-shard", "shards"])
def test_build_writes_a_search_index_of_briefings_without_list_pages(built: Path):
    assert all((bundle / "pagefind-entry.json").is_file() for bundle in bundles(built))
    urls = [f["url"] for f in fragments(built)]
    assert len(urls) == len(set(urls)) == 4  # each page in one shard
    pages = {f["url"]: f for f in fragments(built)}
    assert f"/briefings/{SLUG_004}/" in pages
    assert pages[f"/briefings/{SLUG_004}/"]["meta"]["title"].startswith(TITLE_004)
    assert "/about/" in pages
    assert "/" not in pages                           # home lists briefings
    assert not [u for u in pages if u.startswith(("/people/", "/topics/", "/timeline/"))]
    assert len([u for u in pages if u.startswith("/briefings/")]) == 3
    # the title is indexed with the text; the lists of other briefings are not
    content = pages[f"/briefings/{SLUG_004}/"]["content"]
    assert content.startswith(TITLE_004)
    assert "Related briefings" not in content and "South Korea remains confident" not in content


@pytest.mark.build
def test_the_build_reports_its_index_in_the_cache(built: Path):
    report = json.loads((built.parent / "project" / ".cache" / search.REPORT_NAME).read_text())
    assert report["pages"] == 4 and not report["reused"] and report["seconds"] > 0
    assert report["bundle_bytes"] == search.folder_bytes(built / "pagefind")


@pytest.mark.build
@pytest.mark.parametrize("built", [1], indirect=True)
def test_a_site_larger_than_a_shard_lists_its_shards_for_the_search_box(built: Path):
    listed = json.loads((built / search.SHARDS_FILE).read_text())
    assert len(listed) > 1 and listed[0].startswith("pagefind")  # 4 pages, 1 a shard: 4 shards
    assert sorted(p.name + "/" for p in built.glob("pagefind*") if p.is_dir()) == sorted(listed)
    assert not list(built.glob(".pagefind*"))  # the indexer's reading folders are gone
    for bundle in bundles(built):
        assert (bundle / "pagefind.js").is_file() and not (bundle / "pagefind-ui.js").exists()


@pytest.mark.build
def test_files_the_site_never_loads_are_not_shipped(built: Path):
    assert (built / "pagefind" / "pagefind.js").is_file()
    assert not (built / "pagefind" / "pagefind-ui.js").exists()
    assert not (built / "assets" / "javascripts" / "lunr").exists()


@pytest.mark.build
def test_search_box_is_in_the_header_and_loads_nothing_from_elsewhere(built: Path):
    html = (built / "briefings" / SLUG_004 / "index.html").read_text(encoding="utf-8")
    header = html[html.index("<header"):html.index("</header>")]
    assert 'class="md-search__input"' in header
    assert '<script src="../../assets/javascripts/pagefind-search.js" defer>' in header
    assert (built / "assets" / "javascripts" / "pagefind-search.js").is_file()
    assert "search_index.json" not in html and not (built / "search").exists()


# -- in the browser ---------------------------------------------------------------

@pytest.fixture
def served(built: Path):
    handler = type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(handler, directory=built))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def page(served):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        page.elsewhere = []
        page.on("request", lambda r: r.url.startswith(served) or r.url.startswith("data:")
                or page.elsewhere.append(r.url))
        yield page
        browser.close()


def results(page, served: str, query: str) -> list[str]:
    page.goto(served + "/about/")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)  # one input event: no results for half a query can come back late
    page.locator(".md-search-result__link").first.wait_for()
    return page.locator(".md-search-result__link h2").all_text_contents()


@pytest.mark.browser
@pytest.mark.parametrize("built", [None, 1], indirect=True, ids=["one-shard", "shards"])
def test_a_query_naming_a_briefing_ranks_it_first(page, served: str):
    titles = results(page, served, TITLE_004)
    assert titles[0].startswith(TITLE_004)
    page.locator(".md-search-result__link").first.click()
    page.wait_for_url(f"{served}/briefings/{SLUG_004}/")
    assert page.elsewhere == []


@pytest.mark.browser
@pytest.mark.parametrize("built", [None, 1], indirect=True, ids=["one-shard", "shards"])
def test_seed_text_in_results_shows_as_text(page, served: str):
    titles = results(page, served, "Quenby said protect homes")
    assert titles[0] == HOSTILE_TITLE
    listing = page.locator(".md-search-result__list")
    assert listing.locator("img, script, b").count() == 0
    assert "<script>window.pwned=2</script>" in listing.text_content()
    assert page.evaluate("window.pwned") is None


@pytest.mark.build
def test_an_unchanged_site_reuses_its_index_and_a_changed_briefing_rebuilds_it(project: Path,
                                                                                 tmp_path: Path):
    first = run_mkdocs(project, tmp_path / "one")
    assert "search index of" in first.stderr
    second = run_mkdocs(project, tmp_path / "two")
    assert "search index unchanged" in second.stderr
    report = json.loads((project / ".cache" / search.REPORT_NAME).read_text())
    assert report["reused"] and report["pages"] == 3
    files = lambda site: {p.relative_to(site).as_posix(): p.read_bytes()  # noqa: E731
                          for p in (site / "pagefind").rglob("*") if p.is_file()}
    assert files(tmp_path / "two") == files(tmp_path / "one")
    briefing = next((project / "briefings").glob("*.md"))
    briefing.write_text(briefing.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    third = run_mkdocs(project, tmp_path / "three")
    assert "search index of" in third.stderr and "search index unchanged" not in third.stderr


@pytest.mark.build
def test_a_changed_briefing_indexes_only_its_own_shard_again(project: Path, tmp_path: Path):
    shard_pages(project, 1)
    first = run_mkdocs(project, tmp_path / "one")
    made = re.search(r"\((\d) of (\d) shard\(s\) made\)", first.stderr)
    assert made and made[1] == made[2] and int(made[1]) > 1, first.stderr
    briefing = next((project / "briefings").glob("*.md"))
    briefing.write_text(briefing.read_text(encoding="utf-8") + "\nA new closing line.\n",
                        encoding="utf-8")
    second = run_mkdocs(project, tmp_path / "two")
    assert f"(1 of {made[2]} shard(s) made)" in second.stderr, second.stderr
    urls = lambda site: sorted(f["url"] for f in fragments(site))  # noqa: E731
    assert urls(tmp_path / "two") == urls(tmp_path / "one")


@pytest.mark.build
def test_a_shard_size_that_is_not_a_number_of_pages_stops_the_build_with_a_fix(project: Path,
                                                                               tmp_path: Path):
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nextra:\n  newsbrief:\n    search_shard_pages: many\n")
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode != 0
    assert "mkdocs.yml: extra.newsbrief.search_shard_pages is 'many'" in result.stderr
    assert "Fix: set it to a number" in result.stderr


def test_the_preview_asks_again_only_for_shards_changed_or_missing_and_not_on_their_way(
        tmp_path: Path):
    from newsbrief.preview_index import shards_to_index

    indexed = search.Indexed.of(briefing_pages(900), per_shard=100)  # 16 shards
    for k in range(16):
        if k not in (3, 4):  # two bundles not made yet
            (tmp_path / search.bundle_name(k)).mkdir()
    (tmp_path / search.SHARDS_FILE).write_text(json.dumps(indexed.bundles()))
    assert shards_to_index(tmp_path, indexed, {7}, []) == {3, 4, 7}
    gone = indexed.shards[9][0]
    assert shards_to_index(tmp_path, indexed, set(), [gone]) == {3, 4, 9}
    # shard 4 is being made: a missing bundle on its way is not asked for twice,
    # but a shard whose pages were written is, whatever the indexer is doing
    assert shards_to_index(tmp_path, indexed, {7}, [], busy={4, 7}) == {3, 7}
    # the shards themselves changed (the site doubled): every one
    (tmp_path / search.SHARDS_FILE).write_text(json.dumps(["pagefind/"]))
    assert shards_to_index(tmp_path, indexed, set(), []) == set(range(16))
