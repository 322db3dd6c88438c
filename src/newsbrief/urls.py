"""Page URLs as MkDocs makes them, and relative links between pages.

Generated lists are written as HTML with their links already resolved, so
MkDocs' Markdown inline pass and link resolution (most of a build's time on
pages made of links) skip them. ``Urls`` gives those links the URLs MkDocs
would: ``people/x/index.md`` -> ``people/x/`` with directory URLs. The package
does not import MkDocs, so this mirrors ``File.url`` and ``get_relative_url``;
``tests/test_urls.py`` holds the two side by side in both URL modes.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")  # pages, to MkDocs


@dataclass(frozen=True)
class Urls:
    directory: bool = True

    def url(self, src_uri: str) -> str:
        """A page's URL relative to the site root; a ``#fragment`` is kept."""
        return _url(src_uri, self.directory)

    def href(self, from_uri: str, to_uri: str) -> str:
        """The link from page ``from_uri`` to page ``to_uri``, relative, as a browser needs it."""
        target, hashmark, fragment = self.url(to_uri).partition("#")
        return _relative(target, self.url(from_uri)) + hashmark + fragment


def source_link(from_uri: str, to_uri: str) -> str:
    """The Markdown link from source file ``from_uri`` to ``to_uri``
    (``../people/x/index.md``), which MkDocs resolves and checks in strict builds."""
    return _relative(to_uri, from_uri)


@lru_cache(maxsize=1 << 16)
def _url(src_uri: str, directory: bool) -> str:
    path, hashmark, fragment = src_uri.partition("#")
    url = _destination(path, directory)
    folder, name = posixpath.split(url)
    if directory and name == "index.html":
        url = (folder or ".") + "/"
    return quote(url) + hashmark + fragment


def _destination(path: str, directory: bool) -> str:
    """The file a source file becomes: ``a/b.md`` -> ``a/b/index.html`` (or ``a/b.html``)."""
    if not path.endswith(MARKDOWN_SUFFIXES):
        return path  # not a page: feed.xml, an image
    folder, name = posixpath.split(path)
    stem = posixpath.splitext(name)[0]
    stem = "index" if stem == "README" else stem
    if not directory or stem == "index":
        return posixpath.join(folder, stem + ".html")
    return posixpath.join(folder, stem, "index.html")


def _relative(url: str, other: str) -> str:
    """``url`` as seen from ``other``, whose last part is a file when it holds a dot."""
    folder, _, name = other.rpartition("/")
    if "." in name:
        other = folder
    base, target = _parts(other), _parts(url)
    common = 0
    while common < len(base) and common < len(target) and base[common] == target[common]:
        common += 1
    relative = "/".join([".."] * (len(base) - common) + target[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def _parts(path: str) -> list[str]:
    if ".." in path:
        path = posixpath.normpath("/" + path)
    return [part for part in path.split("/") if part not in ("", ".")]
