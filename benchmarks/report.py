"""BENCHMARKS.md: the machine, the figures, the targets with pass/fail, and profiles."""

from __future__ import annotations

import datetime as dt
import os
import platform
import pstats
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from io import StringIO
from pathlib import Path

from .corpus import REPO

MB = 1e6
KB = 1e3
PACKAGES = ("mkdocs", "mkdocs-material", "spacy", "pagefind", "pagefind-bin", "playwright")
PROFILED = ("newsbrief", "mkdocs", "material", "markdown", "jinja2", "yaml", "pagefind", "spacy")


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    passed: bool | str | None  # None: not measured in this run; "info": no limit


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next(int(line.split()[1]) * 1024
               for line in Path("/proc/meminfo").read_text().splitlines()
               if line.startswith("MemTotal"))
    versions = {name: _version(name) for name in PACKAGES}
    try:
        from newsbrief.analyze.ner import model_id
        versions["model"] = model_id()
    except ImportError:
        pass
    commit = _git("rev-parse", "--short", "HEAD")
    if _git("status", "--porcelain", "--untracked-files=no"):
        commit += " (with uncommitted changes)"
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "python": platform.python_version(),
            "os": f"{platform.system()} {platform.release()}", "versions": versions,
            "commit": commit,
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "load_before": load()}


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def _git(*args: str) -> str:
    result = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
    return result.stdout.strip()


def profile(build: list[str], cwd: Path, out: Path, top: int = 15) -> str:
    """Profile ``build`` (``python -m module ...``) with cProfile; a Markdown table of the top."""
    python, dash_m, *rest = build
    subprocess.run([python, "-m", "cProfile", "-o", str(out), dash_m, *rest], cwd=cwd,
                   capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return summary(out, top)


def profile_convert(root: Path, out: Path, top: int = 15) -> str:
    """Profile a cold conversion of the project at ``root`` on one process."""
    subprocess.run([sys.executable, "-m", "benchmarks.profile_convert", str(root), str(out)],
                   cwd=REPO, capture_output=True)
    return summary(out, top)


def summary(out: Path, top: int = 15) -> str:
    if not out.exists():
        return "(the profiled run failed)"
    stats = pstats.Stats(str(out), stream=StringIO())
    rows = [(key, value) for key, value in stats.stats.items()
            if any(part in key[0] for part in PROFILED) or key[0] == "~"]
    total = max(v[3] for v in stats.stats.values())
    lines = [f"Profile of one run ({total:.1f} s under cProfile), by own time:", "",
             "| own s | cumulative s | calls | function |", "| ---: | ---: | ---: | --- |"]
    for (file, line, name), (_, calls, own, cum, _) in sorted(rows, key=lambda r: -r[1][2])[:top]:
        lines.append(f"| {own:.2f} | {cum:.2f} | {calls} | `{_short(file)}:{line}({name})` |")
    return "\n".join(lines)


def _short(file: str) -> str:
    for marker in ("site-packages/", "src/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


# -- targets -------------------------------------------------------------------------

def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def floor_with_search(size) -> float | None:
    floor, index = size.seconds("floor"), size.seconds("floor index")
    return floor + index if floor is not None and index is not None else None


def cold_rate(size) -> float | None:
    seconds = size.seconds("cold convert")
    return size.seeds / seconds if seconds else None


def time_targets_missed(size) -> bool:
    warm_floor = ratio(size.seconds("warm"), floor_with_search(size))
    changed = ratio(size.seconds("one seed changed"), floor_with_search(size))
    return bool((warm_floor and warm_floor > 1.3) or (changed and changed > 1.4))


def peak(size, steps=("cold convert", "cold first build", "warm", "one seed changed")) -> int:
    return max((r.peak_bytes for s in steps for r in size.runs.get(s, [])), default=0)


def targets(sizes: list) -> list[Target]:
    base, big = sizes[0], sizes[-1]
    out = []
    for size in sizes:
        n = f"{size.seeds:,}"
        r = ratio(size.seconds("warm"), floor_with_search(size))
        out.append(Target(f"warm build ≤ 1.3 × floor ({n})", _x(r), _le(r, 1.3)))
        r = ratio(size.seconds("one seed changed"), floor_with_search(size))
        out.append(Target(f"one seed changed ≤ 1.4 × floor ({n})", _x(r), _le(r, 1.4)))
    r = ratio(base.seconds("warm"), base.seconds("peer"))
    out.append(Target(f"warm build ≤ 0.5 × blog plugin ({base.seeds:,})", _x(r), _le(r, 0.5)))
    for size in sizes:
        rate = cold_rate(size)
        out.append(Target(f"cold conversion ≥ 40 articles/s ({size.seeds:,})",
                          f"{rate:.1f}/s" if rate else "n/a", None if rate is None else rate >= 40))
    for size in sizes:
        per = size.site.get("bytes_per_briefing")
        out.append(Target(f"≤ 60 KB of site per briefing page ({size.seeds:,})",
                          f"{per / KB:.1f} KB" if per else "n/a",
                          None if per is None else per <= 60 * KB))
    mem = peak(big)
    out.append(Target(f"build peak memory ≤ 1 GB ({big.seeds:,})", f"{mem / MB:,.0f} MB",
                      mem <= 1e9 if mem else None))
    indexer = big.site.get("indexer_peak_mb")
    out.append(Target(f"search indexer peak memory, on its own ({big.seeds:,})",
                      f"{indexer:,} MB" if indexer else "n/a", "info"))
    if len(sizes) > 1:
        r = ratio(big.seconds("warm"), base.seconds("warm"))
        out.append(Target(f"linear: {big.seeds:,} build ≤ 8 × {base.seeds:,} build",
                          _x(r), _le(r, 8)))
    s = big.search
    out.append(Target(f"first search ≤ 1 s after page load ({big.seeds:,})",
                      f"{s.first_max:.2f} s (worst of {s.queries})" if s else "n/a",
                      s.first_max <= 1 if s else None))
    out.append(Target(f"the briefing a query names ranks first ({big.seeds:,})",
                      f"{s.ranked_first}/{s.queries}" if s else "n/a",
                      s.ranked_first == s.queries if s else None))
    return out


def _x(r: float | None) -> str:
    return f"{r:.2f} ×" if r is not None else "n/a"


def _le(r: float | None, limit: float) -> bool | None:
    return None if r is None else r <= limit


# -- the document --------------------------------------------------------------------

def render(sizes: list, machine: dict, command: str) -> str:
    checks = targets(sizes)
    met = sum(1 for t in checks if t.passed is True)
    checks_n = sum(1 for t in checks if t.passed != "info")
    out = ["# Benchmarks", "",
           f"Run on {machine['date']}, newsbrief {machine['commit']}. Reproduce with:", "",
           "```sh", f"make bench            # = {command}", "```", "",
           "## Machine", "",
           f"- CPU: {machine['cpu']}, {machine['cores']} cores; "
           f"memory {machine['memory'] / 2**30:.0f} GiB",
           f"- {machine['os']}, Python {machine['python']}",
           "- " + ", ".join(f"{k} {v}" for k, v in machine["versions"].items()),
           f"- Load average (1/5/15 min) before: {machine['load_before']}; after: "
           f"{machine.get('load_after', '?')}. Other work on the machine makes times noisy;"
           " CPU seconds are shown beside wall times.", "",
           f"## Targets: {met} of {checks_n} met", "",
           "| target | measured | result |", "| --- | --- | --- |"]
    out += [f"| {t.name} | {t.measured} | {_verdict(t.passed)} |" for t in checks]
    for size in sizes:
        out += _size_section(size)
    return "\n".join(out) + "\n"


def _verdict(passed) -> str:
    if passed == "info":
        return "reported"
    return "not measured" if passed is None else ("pass" if passed else "**MISSED**")


STEPS = (("cold convert", "cold: `newsbrief convert`, no briefings, no cache"),
         ("cold first build", "cold: first `mkdocs build` after it"),
         ("warm", "warm: nothing changed"),
         ("one seed changed", "one seed changed"),
         ("floor", "floor: plain MkDocs + Material over `newsbrief export`"),
         ("floor index", "floor: Pagefind over the floor's site"),
         ("peer", "peer: Material's blog plugin (+ its search)"))


def _size_section(size) -> list[str]:
    floor = floor_with_search(size)
    out = ["", f"## {size.seeds:,} seeds → {size.briefings:,} briefings", "",
           "| step | wall s (median) | runs | × floor+index | CPU s | peak memory |",
           "| --- | ---: | --- | ---: | ---: | ---: |"]
    for step, label in STEPS:
        runs = size.runs.get(step)
        if not runs:
            continue
        seconds = size.seconds(step)
        times = ", ".join(f"{r.seconds:.1f}" for r in runs)
        r = ratio(seconds, floor)
        out.append(f"| {label} | {seconds:.1f} | {times} | {_x(r) if r else ''} | "
                   f"{max(x.cpu_seconds for x in runs):.1f} | "
                   f"{max(x.peak_bytes for x in runs) / MB:,.0f} MB |"
                   if seconds is not None else f"| {label} | failed | | | | |")
    site = size.site
    rate = cold_rate(size)
    out += ["",
            f"- Cold conversion: {rate:.1f} articles/s." if rate else "- Cold conversion: failed.",
            f"- Site: {site.get('site_bytes', 0) / MB:.1f} MB in all, "
            f"{site.get('bytes_per_briefing', 0) / KB:.1f} KB per briefing page "
            f"(a briefing's own HTML: {site.get('page_bytes', 0) / KB:.1f} KB).",
            f"- Search index (`pagefind*/`, every shard): {site.get('search_bytes', 0) / MB:.1f} MB for "
            f"{site.get('indexed_pages', '?')} pages; "
            f"the indexer took {site.get('index_seconds', 0):.1f} s "
            f"when it last ran, with its own peak memory of {site.get('indexer_peak_mb', '?')} MB "
            "(not counted in the build's peak above)."]
    if size.search:
        s = size.search
        out.append(f"- First search in Chromium {s.chromium}: median {s.first_median:.2f} s, worst "
                   f"{s.first_max:.2f} s after page load ({s.queries} queries, each a briefing's "
                   f"title typed as the page loads, empty cache; {s.typed_median:.2f} s from "
                   f"typing to the first result); a later search: median {s.later_median:.2f} s. "
                   f"The named briefing ranked first for {s.ranked_first} of {s.queries}.")
    out += [f"- Note: {note}" for note in size.notes]
    for name, table in size.profiles.items():
        out += ["", f"### Where the time goes: {name}", "", table]
    return out
