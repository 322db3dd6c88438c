"""The editors' loop, measured as an editor meets it: ``make serve`` (``mkdocs serve
--dirty``) over a converted corpus, then saves, timed from the file write to the
changed HTML served by the preview's own server.

    python -m benchmarks.run --corpus ../shared/corpus/bbc --only preview

Figures, each a median of ``repeat`` runs: a briefing's summary edited; one new
seed added (its page served); one alias added to ``entities.yml`` (the rebuild
served, against a warm full build); the warm full build with nothing changed
(``mkdocs build``, as ``make site`` with a surviving ``.cache/``); and the serve
process's memory (PSS of its process tree, the search indexer included): its peak,
read every ``PEAK_SECONDS`` while the edits are made, and its level after each of
``edits`` edits.
"""

from __future__ import annotations

import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from newsbrief.search import REPORT_NAME, shard_count
from newsbrief.slug import slugify

from . import corpus
from .measure import _pss, _tree, run

TARGETS = {  # (figure, briefings) -> limit, from issue 11
    ("save", 1438): 1.0, ("save", 10_000): 2.0, ("seed", 10_000): 3.0,
    ("memory", 10_000): 1.5 * 2**30,
}
START_TIMEOUT = 3600
PEAK_SECONDS = 0.25  # how often the serve's memory is read while edits are made
SAVE_TIMEOUT = 600


@dataclass
class Preview:
    briefings: int
    saves: list[float] = field(default_factory=list)
    seeds: list[float] = field(default_factory=list)
    aliases: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    memory: list[int] = field(default_factory=list)  # bytes after each edit
    peak: int | None = None  # the highest reading while editing, every PEAK_SECONDS
    indexer_peak: int | None = None  # the search indexer's peak in the first warm build
    index_seconds: float | None = None  # and the time it took, all shards
    first_build: float | None = None
    notes: list[str] = field(default_factory=list)


def measure(folder: Path, seeds: list[Path], repeat: int = 5, edits: int = 20,
            log=print, ner_cache: Path | None = None) -> Preview:
    """``ner_cache``: a folder of the language model's spans kept between runs; converting
    the seeds is not a figure here, so it need not meet the model again."""
    project = corpus.make_project(folder / "project", seeds)
    if ner_cache:
        ner_cache.mkdir(parents=True, exist_ok=True)
        (project / ".cache").mkdir(exist_ok=True)
        (project / ".cache" / "ner").symlink_to(ner_cache.resolve(), target_is_directory=True)
    py = sys.executable
    log("preview: converting the seeds")
    converted = run("convert", [py, "-m", "newsbrief", "--root", str(project), "convert"], project)
    if not converted.ok:
        raise SystemExit(f"convert failed: {converted.output[-2000:]}")
    result = Preview(len(list((project / "briefings").glob("*.md"))))
    build = [py, "-m", "mkdocs", "build", "--site-dir", str(project / "site")]
    for i in range(repeat + 1):  # the first fills the cache
        log(f"preview: warm build {i}/{repeat}")
        done = run("warm", build, project)
        if i and done.ok:
            result.warm.append(done.seconds)
        elif done.ok:  # the first makes the search index, shard by shard
            result.indexer_peak = done.indexer_peak_bytes
            result.index_seconds = _index_seconds(project)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log("preview: starting mkdocs serve --dirty")
    started = time.perf_counter()
    server = subprocess.Popen([py, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(f"{base}/", lambda body: True, START_TIMEOUT)
        result.first_build = time.perf_counter() - started
        briefings = sorted((project / "briefings").glob("*.md"))
        peak = _Peak(server.pid)
        for i in range(edits):
            path = briefings[(i * 7919) % len(briefings)]
            marker = f"Summary changed for the preview benchmark, edit {i}."
            seconds = _save(path, marker, f"{base}/briefings/{path.stem}/")
            if i < repeat:
                result.saves.append(seconds)
            result.memory.append(sum(_pss(pid) for pid in _tree(server.pid)))
            log(f"preview: edit {i + 1}/{edits}: {seconds:.2f} s")
        result.peak = peak.stop()
        for i in range(repeat):
            seconds, slug = _add_seed(project, seeds[i], i, base)
            result.seeds.append(seconds)
            log(f"preview: seed {i + 1}/{repeat} ({slug}): {seconds:.2f} s")
        for i in range(repeat):
            seconds = _add_alias(project, i, base)
            result.aliases.append(seconds)
            log(f"preview: alias {i + 1}/{repeat}: {seconds:.2f} s")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return result


def _index_seconds(project: Path) -> float | None:
    try:
        report = json.loads((project / ".cache" / REPORT_NAME).read_text(encoding="utf-8"))
        return None if report["reused"] else report["seconds"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


class _Peak:
    """The highest memory (PSS) of a process tree, read every ``PEAK_SECONDS`` until stopped:
    the indexer's run and a rebuild's height fall between the readings after each edit."""

    def __init__(self, pid: int):
        self.pid, self.high = pid, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(PEAK_SECONDS):
            self.high = max(self.high, sum(_pss(pid) for pid in _tree(self.pid)))

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.high


def _save(path: Path, marker: str, url: str) -> float:
    text = path.read_text(encoding="utf-8")
    new = re.sub(r"^summary:.*$", f"summary: {marker}", text, count=1, flags=re.M)
    if new == text:
        new = text.replace("---\n", f"---\nsummary: {marker}\n", 1)
    started = time.perf_counter()
    path.write_text(new, encoding="utf-8")
    _wait_for(url, lambda body: marker in body, SAVE_TIMEOUT)
    return time.perf_counter() - started


def _add_seed(project: Path, source: Path, i: int, base: str) -> tuple[float, str]:
    """A new seed: an existing article under a new headline; timed until its page is served."""
    headline = f"Preview benchmark seed number {i} reaches the archive"
    body = source.read_text(encoding="utf-8", errors="replace").split("\n", 1)[1]
    slug = slugify(headline)
    started = time.perf_counter()
    (project / "seeds" / f"zz_preview_{i}.txt").write_text(f"{headline}\n{body}", encoding="utf-8")
    _wait_for(f"{base}/briefings/{slug}/", lambda body: headline in body, SAVE_TIMEOUT)
    return time.perf_counter() - started, slug


def _add_alias(project: Path, i: int, base: str) -> float:
    """One alias added to entities.yml, timed until a rebuild including it is served
    (MkDocs' livereload answers with the new site's epoch when the rebuild is done)."""
    epoch = int(urllib.request.urlopen(f"{base}/livereload/0/0", timeout=60).read())
    path = project / "entities.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("aliases: [UK, U.K.,", f"aliases: [UK, U.K., Preview Alias {i},", 1)
    started = time.perf_counter()
    path.write_text(text, encoding="utf-8")
    while int(urllib.request.urlopen(f"{base}/livereload/{epoch}/{i + 1}",
                                     timeout=SAVE_TIMEOUT).read()) <= epoch:
        pass
    urllib.request.urlopen(f"{base}/", timeout=SAVE_TIMEOUT).read()
    return time.perf_counter() - started


def _wait_for(url: str, ready, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=timeout).read().decode("utf-8", "replace")
            if ready(body):
                return body
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.02)
    raise SystemExit(f"{url}: not served as expected within {timeout} s")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- the report ---------------------------------------------------------------------------

START, END = "<!-- preview figures: start -->", "<!-- preview figures: end -->"


def _median(values) -> float | None:
    return statistics.median(values) if values else None


def _check(value: float | None, limit: float | None, unit: str = "s") -> str:
    if value is None:
        return "not measured"
    if unit == "B":
        shown, bound = f"{value / 2**20:,.0f} MB", f"{(limit or 0) / 2**30:.1f} GB"
    else:
        shown, bound = f"{value:.2f} s", f"{(limit or 0):.1f} s"
    if limit is None:
        return shown
    return f"{shown} ({'met' if value <= limit else 'missed'}: ≤ {bound})"


def section(results: list[Preview], command: str) -> str:
    rows = []
    for r in results:
        n = r.briefings
        warm = _median(r.warm)
        growth = (r.memory[-1] - r.memory[min(4, len(r.memory) - 1)]) if r.memory else None
        rows += [
            f"| {n:,} | save a briefing → changed page served (median of {len(r.saves)}) | "
            f"{_check(_median(r.saves), TARGETS.get(('save', n)) or TARGETS[('save', 10_000)])} |",
            f"| {n:,} | add one seed → its page served (median of {len(r.seeds)}) | "
            f"{_check(_median(r.seeds), TARGETS[('seed', 10_000)])} |",
            f"| {n:,} | entities.yml alias → rebuild served (median of {len(r.aliases)}) | "
            f"{_check(_median(r.aliases), warm)} (target: within a warm full build) |",
            f"| {n:,} | warm full build, nothing changed (median of {len(r.warm)}) | "
            f"{_check(warm, None)} |",
            f"| {n:,} | serve's peak memory over {len(r.memory)} edits, read every "
            f"{PEAK_SECONDS} s (process tree, search indexer included) | "
            f"{_check(r.peak or (max(r.memory) if r.memory else None), TARGETS[('memory', 10_000)], 'B')}; "
            f"after each edit: {min(r.memory or [0]) / 2**20:,.0f}–{max(r.memory or [0]) / 2**20:,.0f} MB, "
            f"growth from edit 5 to edit {len(r.memory)}: "
            f"{(growth or 0) / 2**20:+,.0f} MB |",
            f"| {n:,} | serve's first build (before the first page) | {_check(r.first_build, None)} |",
            f"| {n:,} | search index of the whole site, in {shard_count(n)} shard(s), one at a "
            f"time (first warm build) | {_check(r.index_seconds, None)}, indexer's peak memory "
            f"{(r.indexer_peak or 0) / 2**20:,.0f} MB |",
        ]
    return "\n".join([START, "## Preview: `make serve` while editing", "",
                      f"Reproduce: `{command}`", "",
                      "| Briefings | Figure | Result |", "|---|---|---|", *rows, "", END])


def write_section(path: Path, text: str) -> None:
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if START in old and END in old:
        new = old[: old.index(START)] + text + old[old.index(END) + len(END):]
    else:
        new = old.rstrip() + "\n\n" + text + "\n"
    path.write_text(new, encoding="utf-8")
