"""The README's picture of a briefing page, taken from the real build.

Every run takes the screenshot and checks it; with UPDATE_SCREENSHOT=1 the
picture also replaces docs/assets/briefing.png, the one the README shows.
"""

from __future__ import annotations

import os
import shutil
import struct
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from conftest import REPO
from .conftest import BuiltSite, open_context

pytestmark = pytest.mark.browser

README_SCREENSHOT = REPO / "docs" / "assets" / "briefing.png"
SIZE = {"width": 1200, "height": 800}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_screenshot_of_a_briefing_page(browser: Browser, built_site: BuiltSite, tmp_path: Path):
    context, watch = open_context(browser, SIZE)
    page = context.new_page()
    briefing = built_site.briefing("Cho Hyun")
    page.goto(built_site.url(briefing.path))
    expect(page.locator("article h1")).to_have_text(briefing.title)
    expect(page.locator("article .admonition.abstract")).to_be_in_viewport()
    shot = tmp_path / "briefing.png"
    page.screenshot(path=shot, animations="disabled", caret="hide")
    context.close()
    assert watch.problems() == []

    data = shot.read_bytes()
    assert png_size(data) == (SIZE["width"], SIZE["height"])
    # a blank or header-only page compresses to a few kilobytes; a page of text does not
    assert len(data) > 40_000, f"the screenshot is suspiciously small: {len(data)} bytes"
    if os.environ.get("UPDATE_SCREENSHOT") == "1":
        README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, README_SCREENSHOT)


def test_the_readme_shows_the_committed_screenshot():
    assert "docs/assets/briefing.png" in (REPO / "README.md").read_text(encoding="utf-8")
    data = README_SCREENSHOT.read_bytes()
    assert png_size(data) == (SIZE["width"], SIZE["height"])
    assert len(data) > 40_000
