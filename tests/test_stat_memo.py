"""A preview reads a file again only when its stat changes, and never keeps what it read
of a file changed within the clock's reach (``fsutil.StatMemo``)."""

from __future__ import annotations

import os
import time

from newsbrief import fsutil
from newsbrief.fsutil import StatMemo


def _counting():
    calls = []

    def read(path: str) -> str:
        calls.append(path)
        with open(path, encoding="utf-8") as handle:
            return handle.read()

    return read, calls


def _age(path, seconds_ago: int) -> None:
    when = os.stat(path).st_mtime_ns - seconds_ago * 1_000_000_000
    os.utime(path, ns=(when, when))


def test_an_unchanged_file_is_read_once(tmp_path, monkeypatch):
    monkeypatch.setattr(fsutil, "RACY_NS", 0)
    path = tmp_path / "a.md"
    path.write_text("one", encoding="utf-8")
    read, calls = _counting()
    memo = StatMemo(read)
    assert memo(path) == memo(path) == "one"
    assert len(calls) == 1


def test_a_change_of_the_same_size_and_time_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(fsutil, "RACY_NS", 0)
    path = tmp_path / "a.md"
    path.write_text("one", encoding="utf-8")
    _age(path, 100)
    read, calls = _counting()
    memo = StatMemo(read)
    assert memo(path) == "one"
    mtime = os.stat(path).st_mtime_ns
    time.sleep(0.05)  # past the file system's clock tick, which RACY_NS covers in real use
    path.write_text("two", encoding="utf-8")
    os.utime(path, ns=(mtime, mtime))  # same size, same modification time: ctime moved
    assert memo(path) == "two"
    assert len(calls) == 2


def test_a_recently_changed_file_is_read_every_time(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("one", encoding="utf-8")  # just now: within RACY_NS
    read, calls = _counting()
    memo = StatMemo(read)
    memo(path)
    memo(path)
    assert len(calls) == 2


def test_arguments_are_part_of_what_is_remembered(tmp_path, monkeypatch):
    monkeypatch.setattr(fsutil, "RACY_NS", 0)
    path = tmp_path / "a.md"
    path.write_text("one", encoding="utf-8")
    memo = StatMemo(lambda name, suffix: open(name, encoding="utf-8").read() + suffix)
    assert memo(path, "!") == "one!"
    assert memo(path, "?") == "one?"


def test_errors_are_raised_each_time_and_not_kept(tmp_path):
    memo = StatMemo(lambda name: 1 / 0)
    path = tmp_path / "a.md"
    path.write_text("one", encoding="utf-8")
    for _ in range(2):
        try:
            memo(path)
        except ZeroDivisionError:
            pass
        else:
            raise AssertionError("the error was swallowed")
