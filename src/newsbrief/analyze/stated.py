"""Names the editors' catalog knows, found in the text where the model missed them.

The model misses well-known names in some sentences ("the Liberal Democrats'
spokesman", "the Labour Assembly Government"). Every spelling the catalog lists
is looked for in the text, word by word and in its own case; a match the model
did not cover is a mention of that entry, unless it is part of a longer name:
after "of" or a capitalised word that is not a function word or a nationality
("Bank of America", "Latin America"), or before another capitalised word
("US Open", "Labour Day"). The model's nationality words ("Democrats" in
"Liberal Democrats") cover nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..catalog import Catalog, entity_key
from ..model import EntityKind
from .gazetteer import is_demonym
from .ner import Span

_WORD_BEFORE = re.compile(r"([\w'\u2019.&-]+)[ \t]+$")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")


def catalog_mentions(text: str, spans: Sequence[Span],
                     catalog: Catalog) -> list[tuple[str, EntityKind, int]]:
    """(spelling, kind, offset) for each uncovered mention of a catalog spelling."""
    from spacy.lang.en.stop_words import STOP_WORDS

    covered = [(s.start, s.start + len(s.text)) for s in spans  # not a nationality word
               if s.label != "NORP" or catalog.lookup(s.text)]
    spellings = sorted({s for names in catalog.aliases.values() for s in names},
                       key=len, reverse=True)
    taken: list[tuple[int, int]] = []
    out = []
    for spelling in spellings:
        entry = catalog.lookup(spelling)
        if entry is None or entity_key(spelling) not in text.casefold().replace(" ", ""):
            continue
        pattern = re.compile(rf"(?<![\w&'\u2019.-]){re.escape(spelling)}(?![\w&-]|\.\w)")
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(b < end and start < e for b, e in covered + taken):
                continue
            before = _WORD_BEFORE.search(text, max(0, start - 30), start)
            if before and (before[1] == "of" or before[1][:1].isupper()
                           and before[1].lower() not in STOP_WORDS
                           and not is_demonym(before[1])):
                continue
            if _CAPITAL_AFTER.match(text, end):
                continue
            taken.append((start, end))
            out.append((spelling, entry.kind, start))
    return out
