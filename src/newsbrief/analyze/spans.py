"""Raw model spans -> clean name candidates.

The model's spans often carry more than a name, or two names in one:
- titles and job words before a name ("Model Sophie Anderton", "President
  Bush": nameparser's list of titles), and nationality words ("Kenyan Susan
  Chepkemei") are stripped;
- numbers are not part of names: ages and scores ("Natalie Appleton,31",
  "D. Blenkiron 4-43", "Pohang 3 Ulsan 2") split the span there;
- brackets, spaced dashes, table rows and commas separate names ("Scott
  Draper (Australia", "Romania - Cosmin Contra", "Rowntree, Chuter");
- a lower-case word that is not part of names ("to", "at", "in") joins two
  names, not one ("Arsenal to Real Madrid", "Yorkshire at Headingley"), and
  so does a title inside ("Foreign Policy Centre Mr Straw");
- "X and Y" is two names when the text also names X and Y each on its own
  ("Gazprom and Gazpromneft"), one otherwise ("Department for Education and
  Skills").
A part split off a span keeps the model's label only as a weak vote: its kind
is decided from other evidence. Spans the model split inside one name are
joined first (``merge_adjacent``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .gazetteer import is_demonym, is_first_name, place_type
from .kinds import ORG_ENDINGS, PLACE_ENDINGS, ending_kind
from .ner import Span

MAX_NAME_WORDS = 12
_POSSESSIVE = re.compile(r"['\u2019]s$|(?<=s)['\u2019]$")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
# Pieces: table rows, brackets, spaced dashes, semicolons, slashes, quotes, commas and
# colons ("Business: Company", a form's label and its value).
_SEPARATORS = re.compile(r"\n|\s*[()\[\];/\"\u201c\u201d]\s*|\s+(?:-|--|\u2013|\u2014)\s+|,\s*|:\s+"
                         r"|['\u2019]s\s+(?=[A-Z])")  # "Manchester United's Brown"
_NUMBER = re.compile(r"^[\d][\d\-./:,+%]*$|^[-+]?\d")
# Lower-case particles inside names: "Santiago de Cuba", "Rami al-Saadani", "Kengo wa Dondo".
_PARTICLE = re.compile(r"^(?:(?:al|el|ad|as|ash|at|az|ar|an|ad|bin|ibn|abu)[-\u2019'][A-Z]|"
                       r"(?:bin|ibn|da|de|del|della|di|du|la|le|van|von|der|den|ter|ten|y|wa|dos|"
                       r"das|do|of|for|and|the|upon|on|&|und|et)$)")
# Names that end in a number: "BBC Radio 4", "BBC News 24", "Channel 4".
_NUMBERED = frozenset({"radio", "channel", "news", "bbc", "itv", "s4c", "e4", "formula"})
_COUNTRY_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,3}$|^[A-Z]{2,3}$")
_ADDRESS = re.compile(r"^\d{1,4} (?:[A-Z][a-z]+ ){1,2}(?:Street|Road|Avenue|Lane|Square)$")
_OWNED = re.compile(r"['\u2019]s $")
_ACRONYM_HEAD = re.compile(r"(?<![\w.&'\u2019-])((?:[A-Z]\.){2,3}|[A-Z]{2,3}) $")
_NUMBER_AFTER = re.compile(r" \d{1,2}\b")
_INNER_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir"})
_TRAILING = frozenset({"of", "and", "for", "the", "in", "on", "&"})  # never end a name
_ROLE_WORDS = frozenset("striker midfielder defender goalkeeper keeper winger forward boss "
                        "chairman chairwoman star champion former ex shadow mp mep spokesman "
                        "spokeswoman skipper veteran rookie teenager youngster".split())


@dataclass(frozen=True)
class Candidate:
    name: str
    label: str  # the model's label for the span it came from
    start: int  # offset of the name in the text
    whole: bool = True  # False for a part split off a span: its label is a weak vote


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from nameparser.config import CONSTANTS

    return frozenset(t.lower() for t in CONSTANTS.titles) | _ROLE_WORDS


def candidates(span: Span, text: str) -> list[Candidate]:
    """The names in one model span, cleaned, with their offsets."""
    out: list[Candidate] = []
    span_text = span.text
    numbered = _NUMBER_AFTER.match(text, span.start + len(span_text))
    if numbered and span_text.rsplit(None, 1)[-1].lower() in _NUMBERED:
        span_text += numbered[0]  # "BBC Radio" + " 4"
    if _ADDRESS.match(span_text):  # "10 Downing Street": an address keeps its number
        return [Candidate(span_text, span.label, span.start)]
    pieces = _pieces(span_text, span.start)
    for piece, start in pieces:
        for part, offset in _split_inner(piece, start, text):
            name, offset = _trim(part, offset, person=span.label == "PERSON")
            if name:
                out.append(Candidate(name, span.label, offset, len(pieces) == 1 and part == piece))
    return out


def _pieces(text: str, start: int) -> list[tuple[str, int]]:
    """Split at separators and at number tokens; each piece with its offset."""
    pieces, position = [], 0
    for sep in [*_SEPARATORS.finditer(text), None]:
        end = sep.start() if sep else len(text)
        chunk, chunk_start = text[position:end], start + position
        run, run_start, cursor = [], chunk_start, 0
        for token in re.finditer(r"\S+", chunk):
            number = _POSSESSIVE.sub("", token[0])
            if _NUMBER.match(number) and not (run and run[-1].lower() in _NUMBERED
                                              and number.isdigit() and len(number) <= 2):
                if run:
                    pieces.append((" ".join(run), run_start))
                run = []
                continue
            if not run:
                run_start = chunk_start + token.start()
            run.append(token[0])
            cursor = token.end()
        if run:
            pieces.append((" ".join(run), run_start))
        if sep:
            position = sep.end()
    return [(p, s) for p, s in pieces if p.strip()]


def _split_inner(piece: str, start: int, text: str) -> list[tuple[str, int]]:
    """Split where a lower-case word or a title joins two names, or at "and"
    when the text names both sides on their own."""
    groups: list[list[re.Match]] = [[]]
    for token in re.finditer(r"\S+", piece):
        word = token[0]
        # "in" joins two names, except in an "X for Y in Z" name ("... Cooperation in Europe")
        inside = word == "in" and any(t[0] in ("for", "of") for t in groups[-1])
        if groups[-1] and (word[0].islower() and not (_PARTICLE.match(word) or inside)
                           or word in ("AT", "V", "VS")):  # "BOSTON AT OAKLAND"
            groups.append([])  # "Arsenal to Real Madrid": the lower-case word joins two names
            continue
        if groups[-1] and word.lower().rstrip(".") in _INNER_TITLES:
            groups.append([])  # "Foreign Policy Centre Mr Straw"
        groups[-1].append(token)
    parts = [(piece[g[0].start():g[-1].end()], start + g[0].start()) for g in groups if g]
    if len(parts) != 1 or parts[0][0] != piece:
        return parts
    return _split_and(piece, start, text)


def _split_and(piece: str, start: int, text: str) -> list[tuple[str, int]]:
    match = re.search(r"\s+(?:and|&)\s+", piece)
    if not match:
        return [(piece, start)]
    left, right = piece[: match.start()], piece[match.end():]
    if _stands_alone(left, piece, text) and _stands_alone(right, piece, text) or (
            " " not in left + right and match[0].strip() == "and" and not place_type(piece)):
        return [(left, start), (right, start + match.end())]
    return [(piece, start)]


def _stands_alone(part: str, whole: str, text: str) -> bool:
    """The text names ``part`` somewhere other than inside ``whole``."""
    pattern = re.compile(rf"(?<![\w&]){re.escape(part)}(?![\w&])")
    return len(pattern.findall(text)) > len(re.findall(re.escape(whole), text))


def _trim(name: str, start: int, person: bool) -> tuple[str, int]:
    """Strip possessives, a leading "the" and stray punctuation; from a person's name,
    titles, job words and nationality words too (an organization's name keeps them:
    "General Motors", "British Airways")."""
    name = " ".join(name.split())
    name = _POSSESSIVE.sub("", name)
    stripped = _EDGE.sub("", name) if not name.endswith(".") else name.lstrip("-\u2013 ,")
    start += name.find(stripped[:1]) if stripped else 0
    name = stripped
    titles = _titles()
    tokens = name.split()
    person = person and not place_type(name)  # "Sri Lanka": no title inside a place's name
    while len(tokens) > 1 and (tokens[0].lower() in ("the", *_INNER_TITLES) or person and (
            tokens[0].lower().rstrip(".") in titles or is_demonym(tokens[0]))
            or _described_person(tokens)):
        start += len(tokens[0]) + 1
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in _TRAILING:
        tokens = tokens[:-1]  # "Budget of": the span ran into the next phrase
    if not tokens or len(tokens) > MAX_NAME_WORDS:
        return "", start
    return " ".join(tokens), start


def _described_person(tokens: list[str]) -> bool:
    """A nationality word before a first name and a surname, whatever the model's label
    ("American Dennis Mitchell"): the person's name is the rest."""
    return (len(tokens) == 3 and is_demonym(tokens[0]) and is_first_name(tokens[1])
            and tokens[2][:1].isupper())


def merge_adjacent(spans: tuple[Span, ...], text: str) -> list[Span]:
    """Join spans the model split inside one name: a country's acronym before an
    organization ("UK" + "Independence Party", "U.S." + "Treasury"), the place that ends
    an "X for Y in Z" name ("Organisation for Security and Cooperation" + "in Europe"),
    and two parts of one person's name side by side ("Aung San" + "Suu Kyi"); a title
    "X with Y" after an owner's possessive is one work, not two names ("the BBC's
    Breakfast with Frost"); and an
    organization's name takes in the words the model left before it, coordinated with
    its own ("Public and" + "Commercial Services Union")."""
    ordered = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    for span in ordered:
        span = _with_coordinated_head(span, text, out[-1] if out else None)
        head = _ACRONYM_HEAD.search(text, max(0, span.start - 6), span.start)
        if (span.label == "ORG" and head and not (out and out[-1].start == head.start())
                and not span.text.isupper()):  # not a line in capitals: "AT CALIFORNIA"
            span = Span(head[1] + " " + span.text, "ORG", head.start())  # "UK Independence Party"
        if out and span.start <= out[-1].start:
            out.pop()  # the head was a span of its own: it is part of this name
        last = out[-1] if out else None
        if last is not None:
            gap = text[last.start + len(last.text):span.start]
            if (gap == " " and last.label == "GPE" and span.label == "ORG"
                    and _COUNTRY_ACRONYM.match(last.text)):
                out[-1] = Span(f"{last.text} {span.text}", "ORG", last.start)
                continue
            if gap == " with " and _OWNED.search(text, max(0, last.start - 3), last.start):
                # "BBC One's Breakfast with Frost": a programme's title, not two names
                out[-1] = Span(f"{last.text} with {span.text}", "WORK_OF_ART", last.start)
                continue
            if gap == " " and last.label == span.label == "PERSON":
                out[-1] = Span(f"{last.text} {span.text}", "PERSON", last.start)
                continue  # "Aung San" + "Suu Kyi", "Zine al-Abidine" + "Ben Ali"
            if (gap == " and " and last.label == span.label == "ORG"
                    and re.search(r"\b(?:for|of)\b", last.text) and " " not in span.text
                    and lexicon.noun_lemma(span.text)):
                out[-1] = Span(f"{last.text} and {span.text}", "ORG", last.start)
                continue  # "Department for Education" + "and Skills"
            if (gap == " in " and last.label == "ORG" and span.label in ("GPE", "LOC")
                    and re.search(r"\b(?:for|of)\b", last.text)
                    and last.text.rsplit(None, 1)[-1].lower() not in ORG_ENDINGS):
                out[-1] = Span(f"{last.text} in {span.text}", "ORG", last.start)
                continue
        out.append(span)
    return out


# "the Public and Commercial Services Union": one or two capitalised words and "and" just
# before an organization's name that ends in an organization word.
_COORDINATED_HEAD = re.compile(
    r"(?<![\w&\-'\u2019])(?!(?:The|A|An) )((?:[A-Z][a-z]+ ){0,1}[A-Z][a-z]+) and $")


def _with_coordinated_head(span: Span, text: str, last: Span | None) -> Span:
    """The span with the words the model cut off the front of a coordinated organization
    name. Not when those words are a name the model found on its own ("Labour and
    Conservative Party"), start a sentence, or are named elsewhere in the text."""
    words = span.text.split()
    if span.label not in ("ORG", "NORP") and not (len(words) > 1 and span.label == "GPE"):
        return span
    if len(words) < 2 or words[-1].lower() not in ORG_ENDINGS:
        return span
    head = _COORDINATED_HEAD.search(text, max(0, span.start - 40), span.start)
    if not head or head.end() != span.start:
        return span
    if (last is not None and last.start + len(last.text) > head.start() and last.label != "NORP"
            and not (last.text == head[1] and re.search(rf"\b{head[1].lower()}\b", text))):
        return span  # a name of its own, unless a common word the text also writes in lower case
    if re.search(r"(?:^|[.!?:\"\u201c]\s*|\n\s*)$", text[max(0, head.start() - 4):head.start()]):
        return span  # a capital that opens a sentence says nothing
    if place_type(head[1]) or _stands_alone(head[1], f"{head[1]} and {span.text}", text):
        return span
    return Span(text[head.start():span.start] + span.text, "ORG", head.start())


_ENDING_WORDS = "|".join(sorted((w.capitalize() for w in ORG_ENDINGS | PLACE_ENDINGS),
                                key=len, reverse=True))
_TITLED = re.compile(rf"(?<![\w'\u2019.&-])(?:[A-Z][\w'\u2019&-]*[ ]){{1,3}}"
                     rf"(?:{_ENDING_WORDS})(?![\w'\u2019&-])")
_LONGER = re.compile(r"(?:\b(?:of|and|for|de)|&|['\u2019]s) $")
_LONGER_AFTER = re.compile(r" (?:[A-Z&]|of [A-Z])|['\u2019]s [A-Z]")


def titled_names(spans: tuple[Span, ...], text: str) -> list[Span]:
    """Names the model missed that say their kind by their last word: capitalised words
    ending in an organization's or a place's word ("the Sunday Telegraph", "Neither
    Downing Street nor"), outside every span of the model's. A sentence's opening
    function word is not part of the name."""
    from spacy.lang.en.stop_words import STOP_WORDS

    covered = [(s.start, s.start + len(s.text)) for s in spans]
    out = []
    for match in _TITLED.finditer(text):
        words, start = match[0].split(), match.start()
        while words and words[0].lower() in STOP_WORDS:
            start += len(words[0]) + 1
            words = words[1:]
        end = match.end()
        if (len(words) < 2 or any(b < end and start < e for b, e in covered)
                or _LONGER.search(text, 0, start) or _LONGER_AFTER.match(text, end)):
            continue  # part of a longer name: "Gold Fields of South Africa Ltd"
        name = " ".join(words)
        if _POSSESSIVE.search(words[-2]):
            continue  # "Queen's Park": the model's own spans say better where it splits
        out.append(Span(name, "ORG" if ending_kind(name) == "organization" else "FAC", start))
    return out
