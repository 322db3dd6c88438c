"""EVALUATION.md: the figures of one `make eval` run, checked against the targets."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable, Sequence

from .corpora import REPO
from .score import KINDS, Counts

VIEWS = (("lists", "front matter"), ("site", "as linked on the site"), ("raw", "raw spaCy"))


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _f(x: float) -> str:
    return f"{x:.3f}"


def _table(rows: Sequence[tuple[str, dict[str, Counts]]]) -> list[str]:
    out = ["| articles | kind | precision | recall | F1 | listed | gold entities |",
           "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for label, counts in rows:
        for kind in (*KINDS, "all"):
            c = counts[kind]
            name = "**all kinds**" if kind == "all" else kind
            out.append(f"| {label} | {name} | {_f(c.precision)} | {_f(c.recall)} | "
                       f"{_f(c.f1)} | {c.listed} | {c.gold} |")
    return out


def render(results, corpus, seconds: float) -> str:
    from .run import totals

    def pick(**where) -> list:
        return [r for r in results if all(getattr(r.sample, k) == v for k, v in where.items())]

    reuters, bbc, seeds = pick(corpus="reuters-dev"), pick(corpus="bbc"), pick(corpus="seeds")
    news, sport = pick(corpus="reuters-dev", group="news"), pick(corpus="reuters-dev", group="sport")
    r_all, r_news, r_sport, b_all = (totals(x) for x in (reuters, news, sport, bbc))
    dates_right = sum(r.date == r.sample.date for r in reuters)
    leaks = [(r, where) for r in reuters for where in r.leaks()]
    targets: list[tuple[str, str, bool]] = [
        ("reuters-dev names F1, news articles ≥ 0.85", _f(r_news["all"].f1), r_news["all"].f1 >= .85),
        ("reuters-dev names F1, sport articles ≥ 0.72", _f(r_sport["all"].f1),
         r_sport["all"].f1 >= .72),
        ("reuters-dev names F1, all articles ≥ 0.78", _f(r_all["all"].f1), r_all["all"].f1 >= .78),
    ]
    targets += [(f"reuters-dev names F1, {kind} ≥ 0.70", _f(r_all[kind].f1), r_all[kind].f1 >= .70)
                for kind in KINDS]
    targets += [
        ("reuters-dev: the dateline's date in every article", f"{dates_right} of {len(reuters)}",
         dates_right == len(reuters)),
        ("reuters-dev: no dateline or byline as title, summary or heading",
         f"{len(leaks)}", not leaks),
        ("labelled BBC articles: precision ≥ 0.95", _f(b_all["all"].precision),
         b_all["all"].precision >= .95),
        ("labelled BBC articles: recall ≥ 0.95", _f(b_all["all"].recall), b_all["all"].recall >= .95),
    ]
    targets += _seed_targets(seeds)
    if corpus:
        targets += [
            ("BBC corpus: no date outside 2004–2005", f"{len(corpus.out_of_range)} of "
             f"{corpus.dated} dated", not corpus.out_of_range),
            ("BBC corpus: every topic shown has a page (≥ 2 briefings)",
             f"{len(corpus.lone_topics)} without", not corpus.lone_topics),
        ]
    met = sum(ok for *_, ok in targets)
    lines = [
        "# Evaluation", "",
        f"Run on {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, newsbrief {_commit()}, "
        f"in {seconds:.0f} s. Reproduce with:", "",
        "```sh", "make eval            # = python -m evaluation.run --shared ../shared", "```", "",
        "Each labelled article goes through the build's own stages (read → analyze → render), "
        "and its briefing's front matter is scored against hand labels as "
        "`../shared/corpus/reuters-dev/README.md` defines a fair score: gold spellings "
        "grouped into entities, names normalised, a name counted right only under its "
        "labelled kind. The articles of each corpus are then linked as one site and the names "
        "shown there are scored too; raw spaCy (`en_core_web_sm`, its PERSON, ORG, GPE, LOC and "
        "FAC spans over the text below the headline) is the reference. BBC labels are in "
        "`evaluation/labels/` (conventions in its README): `dev` articles are the ones whose "
        "errors are read while developing, `held-out` ones are never looked at that way.", "",
        f"## Targets: {met} of {len(targets)} met", "",
        "| target | measured | result |", "| --- | --- | --- |",
        *[f"| {name} | {value} | {'pass' if ok else '**MISSED**'} |" for name, value, ok in targets],
        "",
    ]
    for title, groups in (
        ("reuters-dev (202 wire articles)", [("news", news), ("sport", sport), ("all", reuters)]),
        ("Hand-labelled BBC articles", [("dev", pick(corpus="bbc", split="dev")),
                                        ("held-out", pick(corpus="bbc", split="held-out")),
                                        *[(g, pick(corpus="bbc", group=g)) for g in
                                          ("business", "politics", "sport")],
                                        ("all", bbc)]),
        ("Seeds", [("both", seeds)]),
    ):
        lines += [f"## {title}", ""]
        for view, label in VIEWS:
            lines += [f"### Names, {label}", "",
                      *_table([(f"{g} ({len(x)})", totals(x, view)) for g, x in groups if x]), ""]
    lines += _dates(reuters, bbc, seeds, leaks)
    if corpus:
        lines += _corpus(corpus)
    return "\n".join(lines) + "\n"


def _seed_targets(seeds) -> list[tuple[str, str, bool]]:
    out = []
    for r in seeds:
        expected = r.sample.date or ""
        out.append((f"seed {r.sample.name[:3]}: date {expected or 'none'}", r.date or "none",
                    r.date == expected))
        for kind, names in (r.sample.labels.get("expect") or {}).items():
            got = r.lists.get(kind, ())
            out.append((f"seed {r.sample.name[:3]}: {kind} {', '.join(names)}",
                        ", ".join(got) or "none", sorted(got) == sorted(names)))
    return out


def _dates(reuters, bbc, seeds, leaks) -> list[str]:
    def line(label: str, items, check: Callable) -> str:
        right = sum(check(r) for r in items)
        return f"| {label} | {right} of {len(items)} |"

    in_range = lambda r: not r.date or r.date[:4] in ("2004", "2005")  # noqa: E731
    out = ["## Dates, datelines and bylines", "",
           "| check | articles |", "| --- | ---: |",
           line("reuters-dev: date is the dateline's", reuters, lambda r: r.date == r.sample.date),
           line("labelled BBC: no date, or one in 2004–2005", bbc, in_range),
           line("labelled BBC: dated", bbc, lambda r: bool(r.date)),
           line("seeds: date as expected", seeds, lambda r: r.date == (r.sample.date or "")),
           f"| reuters-dev: a byline or dateline as title, summary or heading | {len(leaks)} |",
           ""]
    if leaks:
        out += ["Leaks: " + "; ".join(f"{r.sample.name} ({where})" for r, where in leaks), ""]
    return out


def _corpus(c) -> list[str]:
    out = ["## The whole BBC corpus as one site", "",
           f"{c.articles} articles built without MkDocs in {c.seconds:.0f} s (analysis cached "
           "in `.cache/` after the first run).", "",
           f"- Dated: {c.dated}; outside 2004–2005: {len(c.out_of_range)}"
           + (" (" + ", ".join(f"{s} {d}" for s, d in c.out_of_range[:20]) + ")"
              if c.out_of_range else "") + ".",
           f"- Topics shown on briefing pages: {c.topics_shown} distinct, {c.topic_mentions} in "
           f"all; without a page of their own: {len(c.lone_topics)}"
           + (f" ({', '.join(c.lone_topics[:20])})" if c.lone_topics else "") + ".",
           f"- Briefings that show no topic: {c.briefings_without_topics}.", "",
           f"### The {len(next(iter(c.top.values())))} most mentioned names of each kind", "",
           "Checked by eye for names under the wrong kind.", ""]
    for kind, names in c.top.items():
        out += [f"**{kind}**: " + ", ".join(f"{n} ({k})" for n, k in names), ""]
    return out
