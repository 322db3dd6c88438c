"""Line-ups in sports reports: the players a side names, in lists, not sentences.

"Dudek, Finnan, Carragher, Traore (Biscan 67), Luis Garcia", "G Thomas (Toulouse,
capt); K Morgan (Cardiff), T Shanklin (Cardiff)" and "Subs not used: Pellegrino,
Carson." are lists of players: a name of one or two capitalised words per item,
maybe with a bracket after it that holds a substitute and his minute (a player
too) or the player's club or country (not a player).
"""

from __future__ import annotations

import re
from functools import lru_cache

ROSTER_MIN = 5
ROSTER_MIN_LINE = 3  # items in a line that holds nothing else
# An item of a list: a name, maybe a bracket after it ("Stone (Cisse 76)", "(Cardiff, capt)").
_ITEM = re.compile(r"[ \t]*(?P<name>[^,;()]*?)[ \t]*(?:\(+(?P<sub>[^()]*)\)+[ \t]*)?(?=[,;]|$)")
_SUBSTITUTE = re.compile(r"^([A-Z][\w'\u2019\-]+(?: [A-Z][\w'\u2019\-]+)?)"
                         r" \d{1,3}(?:st|nd|rd|th)?$")
_LISTED = re.compile(r"(?:^|\n)(?:Subs|Substitutes|Replacements|Subs not used|Subs Not Used|"
                     r"Booked|Sent off)[ \t]*:[ \t]*$")
_SEGMENT = re.compile(r"[^\n.:]+(?:\.(?=\S)[^\n.:]*)*")  # a line's parts between stops and colons
_ROSTER_ITEM = re.compile(r"^\s*(?:[A-Z]\.?\s)?(?:(?:de|van|le)\s)?[A-Z][\w'\u2019\-]+"
                          r"(?:\s[A-Z][\w'\u2019\-]+)?\s*$")


@lru_cache(maxsize=4)
def rosters(text: str) -> tuple[tuple[int, int], ...]:
    """Where a sports report lists a side's players: the names of five or more items,
    one or two capitalised words each, between commas and semicolons ("Murphy; Rabeni,
    Smith, Gibson, Healey; Goode, Ellis; Rowntree, Chuter, M Johnson (capt)"), each maybe
    followed by a bracket: a substitute ("Traore (Biscan 67)") or a club ("K Morgan
    (Cardiff)"), which is not the player. Fewer items make a roster on a line of their
    own, or after a label such as "Subs not used:"."""
    out = []
    for segment in _SEGMENT.finditer(text):
        items = [m for m in _ITEM.finditer(segment[0]) if m[0].strip()]
        names = [m for m in items if _ROSTER_ITEM.match(m["name"])]
        start, end = segment.span()
        alone = (start == 0 or text[start - 1] == "\n") and text[end:end + 2] in (".\n", ".", "")
        listed = _LISTED.search(text, max(0, start - 30), start)
        least = 1 if listed else ROSTER_MIN_LINE if alone else ROSTER_MIN
        if len(items) >= least and len(names) >= 0.8 * len(items):
            out += [(start + m.start("name"), start + m.end("name")) for m in names]
            out += [(start + m.start("sub"), start + m.start("sub") + len(sub[1]))
                    for m in names if m["sub"] and (sub := _SUBSTITUTE.match(m["sub"]))]
    return tuple(sorted(out))


def roster_names(text: str) -> list[tuple[str, int]]:
    """The players named in a sports report's line-ups (``rosters``), with offsets."""
    return [(text[begin:end], begin) for begin, end in rosters(text)]
