"""Run one command and measure it: wall time, CPU time, and peak memory.

Peak memory is the largest total proportional memory (PSS) of the command's whole
process tree (the build and its analysis workers), sampled from /proc while
it runs. The search indexer (Pagefind) is a child of the build but is kept on
its own line: its peak is sampled separately, so the build's figure is what
MkDocs and newsbrief hold.

Reading PSS makes the kernel walk a process's page tables: about 20 ms of CPU
for a build with its model workers, which every 0.1 s would take a fifth of a
core from the run being measured. So the sampler reads the cheap resident size
every 0.1 s and reads PSS only when the resident total reaches a new high (PSS
is never above it) or PSS has not been read for a second.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.1
PSS_SECONDS = 1.0  # the longest gap between two PSS readings
NEW_HIGH = 1.02  # a resident total this much above the last high is read as PSS
INDEXER_NAMES = frozenset({"pagefind", "pagefind_extended"})
_PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Run:
    label: str
    seconds: float
    cpu_seconds: float
    peak_bytes: int  # the command's process tree, without the search indexer
    indexer_peak_bytes: int
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run(label: str, args: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``args`` in ``cwd`` to the end, sampling its memory; never raises on failure."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    sampler = _Sampler(process.pid)
    sampler.start()
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(label, seconds, cpu, sampler.peak, sampler.indexer_peak, process.returncode, output)


class _Sampler(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.indexer_peak = 0
        self._resident_high = 0
        self._pss_at = 0.0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            self.sample()
            self._halt.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._halt.set()
        self.join()

    def sample(self) -> None:
        pids = _tree(self.pid)
        resident = sum(_resident(pid) for pid in pids)
        now = time.monotonic()
        if resident < self._resident_high * NEW_HIGH and now - self._pss_at < PSS_SECONDS:
            return
        self._resident_high, self._pss_at = max(resident, self._resident_high), now
        build = indexer = 0
        for pid in pids:
            if _name(pid) in INDEXER_NAMES:
                indexer += _pss(pid)
            else:
                build += _pss(pid)
        self.peak = max(self.peak, build)
        self.indexer_peak = max(self.indexer_peak, indexer)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            parent = _ppid(int(entry))
            if parent is not None:
                children[parent].append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _ppid(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat[stat.rindex(")") + 2:].split()[1])


def _pss(pid: int) -> int:
    """The process's proportional set size: memory it shares with others (the model
    workers share the model with the build that forked them) counts once across them,
    where summing resident sizes would count it once per process."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return _resident(pid)


def _resident(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
