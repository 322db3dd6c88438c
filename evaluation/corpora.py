"""The labelled articles `make eval` reads: reuters-dev, hand-labelled BBC articles, the seeds.

The corpora are read in place from the shared folder and never copied into
the project; only the hand labels for BBC articles and the seeds live here
(``evaluation/labels/``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "labels"
REPO = LABELS.parent.parent
# A wire headline that opens with a sport's slug: "SOCCER -", "Boxing-Bruno", "NFL AMERICAN FOOTBALL-".
SPORTS = ("soccer|football|cricket|tennis|golf|athletics|boxing|cycling|rugby(?: union| league)?|"
          "baseball|basketball|squash|badminton|swimming|rowing|sailing|hockey|ice hockey|"
          "motor racing|motorcycling|motocross|horse racing|racing|skiing|alpine skiing|olympics|"
          "triathlon|volleyball|handball|snooker|darts|judo|wrestling|nfl american football|"
          "american football|nhl ice hockey|nba basketball|chess|equestrianism|gymnastics")
_SPORT_SLUG = re.compile(rf"^(?:{SPORTS})\s*-", re.I)
_ISO_DATE = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d\b")


@dataclass(frozen=True)
class Sample:
    corpus: str  # "reuters-dev", "bbc" or "seeds"
    name: str  # the article's file name
    group: str  # reuters: sport/news; bbc: business/politics/sport; seeds: seed
    split: str  # "dev" or "held-out"
    raw: bytes
    labels: dict | None  # gold / anywhere / optional, by kind; None: not labelled
    date: str | None  # the expected date, "" when the article must get none, None: unknown
    head_lines: tuple[str, ...] = ()  # byline and dateline lines, as written


def reuters(folder: Path) -> list[Sample]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    out = []
    for name in sorted(gold):
        raw = (folder / "articles" / name).read_bytes()
        text = raw.decode("utf-8")
        headline = text.strip().split("\n", 1)[0]
        group = "sport" if _SPORT_SLUG.match(headline) else "news"
        out.append(Sample("reuters-dev", name, group, "dev", raw, gold[name], gold[name]["date"],
                          head_lines(text, gold[name]["date"])))
    return out


def head_lines(text: str, date: str) -> tuple[str, ...]:
    """The lines between the headline and the body: bylines and the dateline.

    By the corpus's layout, they end with the line that holds the dateline's date."""
    lines = [line.strip() for line in text.strip().split("\n")[1:] if line.strip()]
    for end, line in enumerate(lines[:4]):
        if date in line or _ISO_DATE.search(line):
            return tuple(lines[: end + 1])
    return ()


def bbc(folder: Path, labels: Path = LABELS / "bbc.json") -> list[Sample]:
    data = json.loads(labels.read_text(encoding="utf-8"))
    out = []
    for name in sorted(data):
        group = name.split("_")[1]
        out.append(Sample("bbc", name, group, data[name]["split"], (folder / name).read_bytes(),
                          data[name], None))
    return out


def seeds(labels: Path = LABELS / "seeds.json") -> list[Sample]:
    data = json.loads(labels.read_text(encoding="utf-8"))
    return [Sample("seeds", name, "seed", "dev", (REPO / "seeds" / name).read_bytes(), item,
                   item.get("date") or "")
            for name, item in sorted(data.items())]


def corpus_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))
