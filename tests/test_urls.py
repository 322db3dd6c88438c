"""``Urls`` against MkDocs itself: the package mirrors ``File.url`` and ``get_relative_url``
without importing MkDocs, so these tables hold the two side by side in both URL modes."""

from __future__ import annotations

import itertools

import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from newsbrief.urls import Urls, source_link

SOURCES = [
    "index.md", "about.md", "README.md", "notes/README.md", "notes/index.md",
    "briefings/cho-visit.md", "briefings/a b.md", "briefings/café.md", "briefings/x.markdown",
    "briefings/y.mdown", "people/index.md", "people/cho-hyun/index.md",
    "people/cho-hyun/page/2.md", "people/a-z/c/index.md", "timeline/2025-10/page/3.md",
    "feed.xml", "assets/briefing.png", "docs/with.dots/page.md",
]
MODES = [True, False]


def mkdocs_url(src_uri: str, directory: bool) -> str:
    return File(src_uri, src_dir=None, dest_dir="site", use_directory_urls=directory).url


@pytest.mark.parametrize("directory", MODES)
@pytest.mark.parametrize("src_uri", SOURCES)
def test_url_is_mkdocs_file_url(src_uri: str, directory: bool):
    assert Urls(directory).url(src_uri) == mkdocs_url(src_uri, directory)


@pytest.mark.parametrize("directory", MODES)
def test_href_is_the_link_mkdocs_writes_between_any_two_pages(directory: bool):
    urls = Urls(directory)
    pages = [s for s in SOURCES if s.endswith((".md", ".markdown", ".mdown"))]
    for here, there in itertools.product(pages, repeat=2):
        expected = get_relative_url(mkdocs_url(there, directory), mkdocs_url(here, directory))
        assert urls.href(here, there) == expected, (here, there)
        assert urls.href(here, there + "#cho-hyun") == expected + "#cho-hyun"


@pytest.mark.parametrize("directory", MODES)
def test_links_to_files_that_are_not_pages_keep_their_name(directory: bool):
    urls = Urls(directory)
    assert urls.href("briefings/cho-visit.md", "feed.xml") == (
        "../../feed.xml" if directory else "../feed.xml")
    assert urls.href("index.md", "assets/briefing.png") == "assets/briefing.png"


@pytest.mark.parametrize("here, there", [
    ("briefings/cho-visit.md", "people/cho-hyun/index.md"),
    ("briefings/cho-visit.md", "people/a-z/c/index.md#cho"),
    ("index.md", "briefings/cho-visit.md"),
    ("people/cho-hyun/page/2.md", "people/cho-hyun/index.md"),
])
def test_source_links_are_relative_paths_between_source_files(here: str, there: str):
    assert source_link(here, there) == get_relative_url(there, here)
