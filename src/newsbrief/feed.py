"""An Atom feed of the newest dated briefings, built with feedgen.

Its timestamps come from the briefings' dates, never the clock, so a build
with nothing new produces the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from feedgen.feed import FeedGenerator

from .model import Briefing

FEED_URI = "feed.xml"
FEED_LIMIT = 50


def atom_feed(briefings: Sequence[Briefing], *, title: str, site_url: str, url_of) -> str:
    """``url_of(src_uri)`` gives a page's URL relative to the site root."""
    dated = [b for b in briefings if b.date][:FEED_LIMIT]
    base = site_url.rstrip("/") + "/" if site_url else ""
    fg = FeedGenerator()
    fg.id(base + FEED_URI if base else "urn:newsbrief:feed")
    fg.title(title)
    fg.link(href=base + FEED_URI, rel="self")
    fg.link(href=base or "./", rel="alternate")
    fg.updated(_stamp(dated[0].date) if dated else _stamp(dt.date(1970, 1, 1)))
    for b in reversed(dated):  # feedgen lists the last added first
        entry = fg.add_entry()
        url = base + url_of(b.path)
        entry.id(url if base else f"urn:newsbrief:{b.slug}")
        entry.title(b.title)
        entry.link(href=url)
        entry.summary(b.summary or b.title)
        entry.updated(_stamp(b.date))
        entry.published(_stamp(b.date))
    return fg.atom_str(pretty=True).decode("utf-8")


def _stamp(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(), tzinfo=dt.timezone.utc)
