"""`make bench`: measure newsbrief's builds on a corpus folder and write BENCHMARKS.md.

    python -m benchmarks.run --corpus ../shared/corpus/bbc          # the full run
    python -m benchmarks.run --corpus ../shared/corpus/bbc --quick  # a few minutes
    python -m benchmarks.run --corpus ../shared/corpus/bbc --only preview  # make serve only

At the corpus size, and again at ``--scale`` briefings recombined from it, in
one run: cold (no briefings, no cache), warm (nothing changed), one seed
changed, the floor (plain MkDocs over ``newsbrief export``, no hook), and the
peer (Material's blog plugin over the same articles, corpus size only). Then
site bytes, the search index, and first-search latency in Chromium. All work
happens in a temporary folder; the corpus and the project are only read.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter

from newsbrief.indexer import executable
from newsbrief.search import REPORT_NAME

from . import browser, corpus, preview, report
from .measure import Run, folder_bytes, run

PROFILE_SEEDS = 300
DEFAULT_CORPUS = corpus.REPO.parent / "shared" / "corpus" / "bbc"


@dataclass
class Size:
    """Everything measured for one number of briefings."""

    seeds: int
    briefings: int = 0
    runs: dict[str, list[Run]] = field(default_factory=dict)
    site: dict[str, float] = field(default_factory=dict)
    search: browser.SearchTimes | None = None
    notes: list[str] = field(default_factory=list)
    profiles: dict[str, str] = field(default_factory=dict)
    indexes: list[tuple[Run, dict]] = field(default_factory=list)  # each build's index report

    def add(self, step: str, result: Run) -> Run:
        self.runs.setdefault(step, []).append(result)
        if not result.ok:
            self.notes.append(f"{step} failed (exit {result.returncode}): "
                              + " | ".join(result.output.strip().splitlines()[-3:]))
        return result

    def seconds(self, step: str) -> float | None:
        runs = [r.seconds for r in self.runs.get(step, []) if r.ok]
        return statistics.median(runs) if runs else None


def main(argv: list[str] | None = None) -> int:
    args = _options(argv)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="newsbrief-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    files = corpus.corpus_files(args.corpus, args.limit)
    if args.only == "preview":
        return _preview_only(work, files, args)
    machine = report.machine()
    sizes = [measure(work / f"n{len(files)}", files, args, args.repeat, peer=not args.no_peer,
                     profile=True)]
    if args.scale:
        scaled = work / "scale-seeds"
        corpus.scale_seeds(files, scaled, args.scale)
        sizes.append(measure(work / f"n{args.scale}", sorted(scaled.glob("*.txt")), args,
                             args.scale_repeat, peer=False, profile=args.profile))
    machine["load_after"] = report.load()
    text = report.render(sizes, machine, _command(args))
    output = args.output or (work / "BENCHMARKS.md" if args.quick
                             else corpus.REPO / "BENCHMARKS.md")
    output.write_text(text, encoding="utf-8")
    if not args.no_preview:
        previews = _previews(work, files, args)
        preview.write_section(output, preview.section(previews, _command(args, only="preview")))
        text = output.read_text(encoding="utf-8")
    print(text)
    print(f"\nwritten to {output}; work folder {work}", file=sys.stderr)
    if not args.keep:
        shutil.rmtree(work / f"n{len(files)}", ignore_errors=True)
        shutil.rmtree(work / f"n{args.scale}", ignore_errors=True)
        shutil.rmtree(work / "scale-seeds", ignore_errors=True)
    return 0


def _previews(work: Path, files: list[Path], args) -> list[preview.Preview]:
    """The editors' loop at the corpus size and at ``--scale``."""
    results = [preview.measure(work / f"preview-{len(files)}", files, args.repeat_preview,
                               args.edits, _progress(len(files)), args.ner_cache)]
    if args.scale:
        scaled = work / "preview-scale-seeds"
        corpus.scale_seeds(files, scaled, args.scale)
        results.append(preview.measure(work / f"preview-{args.scale}",
                                       sorted(scaled.glob("*.txt")), args.repeat_preview,
                                       args.edits, _progress(args.scale), args.ner_cache))
    if not args.keep:
        for folder in work.glob("preview-*"):
            shutil.rmtree(folder, ignore_errors=True)
    return results


def _preview_only(work: Path, files: list[Path], args) -> int:
    """Only the editors' loop; its section of BENCHMARKS.md is replaced, the rest kept."""
    results = _previews(work, files, args)
    text = preview.section(results, _command(args, only="preview"))
    output = args.output or corpus.REPO / "BENCHMARKS.md"
    preview.write_section(output, text)
    print(text)
    print(f"\nwritten to {output}; work folder {work}", file=sys.stderr)
    return 0


def measure(folder: Path, seeds: list[Path], args, repeat: int, peer: bool,
            profile: bool) -> Size:
    size = Size(len(seeds))
    log = _progress(len(seeds))
    project = corpus.make_project(folder / "project", seeds)
    py = sys.executable
    site = project / "site"
    build = [py, "-m", "mkdocs", "build", "--site-dir", str(site)]

    log("cold: convert")
    size.add("cold convert", run("cold convert", [py, "-m", "newsbrief", "--root", str(project),
                                                  "convert"], project))
    log("cold: first build")
    _build(size, "cold first build", build, project)
    for i in range(repeat):
        log(f"warm build {i + 1}/{repeat}")
        _build(size, "warm", build, project)
    for i in range(repeat):
        log(f"one seed changed {i + 1}/{repeat}")
        seed = corpus.change_seed(project, i)
        result = _build(size, "one seed changed", build, project)
        if "wrote 1 briefing(s)" not in result.output:
            size.notes.append(f"one seed changed ({seed.name}): the build did not report exactly "
                              "one briefing written")
    size.briefings = len(list((project / "briefings").glob("*.md")))
    size.site = site_stats(site, project, size)
    _floor(folder, project, size, repeat, log)
    if peer:
        _peer(folder, project, size, repeat, log)
    if not args.no_browser:
        log("first search in Chromium")
        size.search = browser.first_search(site, queries(project, args.searches), "/about/")
    if profile and (args.profile or report.time_targets_missed(size)):
        log("profiling the warm build")
        size.profiles["warm build"] = report.profile(build + ["--quiet"], project,
                                                     folder / "warm.prof")
    rate = report.cold_rate(size)
    if profile and (args.profile or (rate is not None and rate < 40)):
        log("profiling a cold conversion on one process")
        sample = corpus.make_project(folder / "profiled", seeds[:PROFILE_SEEDS])
        size.profiles[f"cold conversion of {min(len(seeds), PROFILE_SEEDS)} seeds, one process"] = (
            report.profile_convert(sample, folder / "convert.prof"))
    return size


def _build(size: Size, step: str, build: list[str], project: Path) -> Run:
    """One build, with the search index report it leaves in the project's cache."""
    path = project / ".cache" / REPORT_NAME
    started = time.time()
    result = size.add(step, run(step, build, project))
    if path.is_file() and path.stat().st_mtime >= started:  # written by this build
        size.indexes.append((result, json.loads(path.read_text(encoding="utf-8"))))
    return result


def _floor(folder: Path, project: Path, size: Size, repeat: int, log) -> None:
    py = sys.executable
    tree = folder / "export"
    log("floor: export")
    exported = size.add("export", run("export", [py, "-m", "newsbrief", "--root", str(project),
                                                 "export", str(tree)], project))
    if not exported.ok:
        return
    for i in range(repeat):
        log(f"floor build {i + 1}/{repeat}")
        size.add("floor", run("floor", [py, "-m", "mkdocs", "build", "-f", str(tree / "mkdocs.yml"),
                                        "--site-dir", str(tree / "site")], tree))
    log("floor: search index")
    size.add("floor index", run("floor index", [str(executable()), "--site", str(tree / "site"),
                                                "--quiet"], tree))


def _peer(folder: Path, project: Path, size: Size, repeat: int, log) -> None:
    peer = folder / "peer"
    corpus.peer_project(peer, project / "briefings")
    for i in range(repeat):
        log(f"peer (blog plugin) build {i + 1}/{repeat}")
        size.add("peer", run("peer", [sys.executable, "-m", "mkdocs", "build", "--site-dir",
                                      str(peer / "site")], peer))


def site_stats(site: Path, project: Path, size: Size) -> dict[str, float]:
    pages = list((site / "briefings").glob("*/index.html"))
    total = folder_bytes(site)
    index = sum(folder_bytes(b) for b in site.glob("pagefind*") if b.is_dir())  # every shard
    stats = {"site_bytes": total, "briefing_pages": len(pages),
             "bytes_per_briefing": total / max(len(pages), 1),
             "page_bytes": statistics.mean(p.stat().st_size for p in pages) if pages else 0,
             "search_bytes": index}
    # The indexer runs only when indexed pages changed: a warm build reuses the index.
    # Its figures come from the build's report; its memory from this harness's sampling.
    ran = [(r, index) for r, index in size.indexes if not index["reused"]]
    if ran:
        last, index = ran[-1]
        stats.update(indexed_pages=index["pages"], index_seconds=index["seconds"],
                     indexer_peak_mb=last.indexer_peak_bytes // 2**20)
    else:
        size.notes.append("no build reported its search index")
    warm = size.runs.get("warm", [])
    reused = sum(index["reused"] for r, index in size.indexes if r.label == "warm")
    if reused:
        size.notes.append(f"{reused} of {len(warm)} warm builds reused the search index from the "
                          "cache (no indexed page changed); the index figures are those of the "
                          "last build that ran the indexer")
    return stats


def queries(project: Path, count: int) -> list[browser.Query]:
    """Titles of ``count`` briefings picked at random (fixed seed), as readers would type them."""
    paths = sorted((project / "briefings").glob("*.md"))
    picked = random.Random(5).sample(paths, min(count, len(paths)))
    return [browser.Query(str(frontmatter.load(p)["title"]), f"/briefings/{p.stem}/")
            for p in picked]


def _progress(seeds: int):
    def log(step: str) -> None:
        print(f"[{seeds} seeds] {step}", file=sys.stderr, flush=True)
    return log


def _command(args, only: str | None = None) -> str:
    parts = ["python -m benchmarks.run", f"--corpus {args.corpus}"]
    if only:
        parts += [f"--only {only}", f"--scale {args.scale}",
                  f"--repeat-preview {args.repeat_preview}", f"--edits {args.edits}"]
        return " ".join(parts + ([f"--limit {args.limit}"] if args.limit else []))
    if args.quick:
        parts.append("--quick")
    else:
        parts += [f"--scale {args.scale}", f"--repeat {args.repeat}",
                  f"--scale-repeat {args.scale_repeat}", f"--searches {args.searches}"]
        if args.limit:
            parts.append(f"--limit {args.limit}")
    return " ".join(parts)


def _options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="folder of .txt articles (default: %(default)s)")
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument("--scale", type=int, default=10_000,
                        help="also measure this many recombined briefings; 0 to skip "
                             "(default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per timed step; the median counts")
    parser.add_argument("--scale-repeat", type=int, default=1,
                        help="runs per timed step at --scale "
                             "(default: %(default)s; each takes minutes)")
    parser.add_argument("--searches", type=int, default=5,
                        help="queries timed in Chromium per size")
    parser.add_argument("--quick", action="store_true",
                        help="a quick check of the harness: 120 articles, 600 scaled, 1 run each; "
                             "writes BENCHMARKS.md into the work folder")
    parser.add_argument("--no-peer", action="store_true", help="skip Material's blog plugin")
    parser.add_argument("--no-browser", action="store_true", help="skip first-search latency")
    parser.add_argument("--profile", action="store_true",
                        help="profile the warm build even if targets pass")
    parser.add_argument("--only", choices=["preview"],
                        help="measure only the editors' loop (make serve) and replace its "
                             "section of BENCHMARKS.md")
    parser.add_argument("--no-preview", action="store_true",
                        help="skip the editors' loop (make serve)")
    parser.add_argument("--repeat-preview", type=int, default=5,
                        help="runs per preview figure; the median counts (default: %(default)s)")
    parser.add_argument("--edits", type=int, default=20,
                        help="briefing edits in the preview, memory read after each "
                             "(default: %(default)s)")
    parser.add_argument("--ner-cache", type=Path,
                        help="preview: keep the language model's spans in this folder between "
                             "runs (converting the seeds is not measured there)")
    parser.add_argument("--output", type=Path, help="where to write the report")
    parser.add_argument("--workdir", type=Path, help="work folder (default: a new temporary one)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the built projects in the work folder")
    args = parser.parse_args(argv)
    if args.quick:
        args.limit = args.limit or 120
        args.scale = min(args.scale, 600)
        args.repeat, args.scale_repeat, args.searches = 1, 1, 2
    args.corpus = args.corpus.resolve()
    return args


if __name__ == "__main__":
    sys.exit(main())
