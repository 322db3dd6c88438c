"""Page URLs as MkDocs makes them, and relative links between pages.

Generated lists are written as HTML with their links already resolved, so
MkDocs' Markdown inline pass and link resolution (most of a build's time on
pages made of links) skip them. ``Urls`` gives those links the URLs MkDocs
would: ``people/x/index.md`` -> ``people/x/`` with directory URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Urls:
    directory: bool = True

    def url(self, src_uri: str) -> str:
        """A page's URL relative to the site root; a ``#fragment`` is kept."""
        return _url(src_uri, self.directory)

    def href(self, from_uri: str, to_uri: str) -> str:
        """The link from page ``from_uri`` to page ``to_uri``, relative, as a browser needs it."""
        return _relative(_folder(self.url(from_uri)), self.url(to_uri)) or "./"


def source_link(from_uri: str, to_uri: str) -> str:
    """The Markdown link from source file ``from_uri`` to ``to_uri`` ("../people/x/index.md"),
    which MkDocs resolves and checks in strict builds."""
    return _relative(from_uri.split("/")[:-1], to_uri)


@lru_cache(maxsize=1 << 16)
def _url(src_uri: str, directory: bool) -> str:
    path, hashmark, fragment = src_uri.partition("#")
    stem = path.removesuffix(".md")
    if path == stem:  # not a page: feed.xml, an image
        url = path
    elif not directory:
        url = stem + ".html"
    elif stem == "index" or stem.endswith("/index"):
        url = stem.removesuffix("index")
    else:
        url = stem + "/"
    return url + hashmark + fragment


def _folder(url: str) -> list[str]:
    return url.split("#")[0].split("/")[:-1]


def _relative(folder: list[str], target_url: str) -> str:
    target = target_url.split("/")
    common = 0
    while common < len(folder) and common < len(target) - 1 and folder[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(folder) - common) + target[common:])
