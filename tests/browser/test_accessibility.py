"""WCAG 2.1 AA on every page type, as axe-core and a keyboard find it in Chromium.

axe-core (pinned in package.json; ``make test`` installs it with ``npm ci``) is
injected into each page type of the browser build: in the light and the dark
palette, on a desktop and at 375 px. A test fails on any violation of a rule
tagged WCAG 2.0 or 2.1 level A or AA, naming the rule, the elements and the
page. What axe cannot judge is checked here directly: the search box, its
results and the palette toggle with the keyboard alone, visible focus rings,
one h1 and headings in order, real list markup, and the contrast of a focused
search result, whose background axe cannot determine.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import REPO
from .conftest import DESKTOP, PHONE, BuiltSite, open_context

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
QUERY = "Cho Hyun"  # a person the browser build names in several briefings

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                          resultTypes: ['violations']});
  return result.violations.map(v => ({
    rule: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                              why: n.failureSummary})),
  }));
}"""
# Wait for finite CSS transitions (a palette switch fades colours in).
SETTLED = """() => Promise.all(document.getAnimations()
  .filter(a => Number.isFinite(a.effect.getComputedTiming().endTime))
  .map(a => a.finished.catch(() => null)))"""
# All results of the query shown: the count in the meta line, at most 10.
RESULTS_SHOWN = """() => {
  const n = parseInt(document.querySelector('.md-search-result__meta').textContent, 10);
  return n > 0 && document.querySelectorAll('.md-search-result__item').length === Math.min(n, 10);
}"""
# WCAG contrast: an element's colour (or its outline's) against the background
# it sits on, compositing translucent backgrounds of it and its ancestors.
COLOURS = """
  const parse = c => {
    const p = c.match(/rgba?\\(([^)]*)\\)/)[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, below) => [0, 1, 2].map(i => top[i] * top[3] + below[i] * (1 - top[3]))
                                         .concat(1);
  const background = node => {
    const layers = [];
    for (let n = node; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const luminance = c => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
"""
TEXT_CONTRAST = f"""el => {{{COLOURS}
  const bg = background(el);
  return ratio(over(parse(getComputedStyle(el).color), bg), bg);
}}"""
# The focus ring of an element (or of the label that shows a focused option).
FOCUS_RING = f"""el => {{{COLOURS}
  const shown = el.matches('.md-option') ? el.nextElementSibling : el;
  const s = getComputedStyle(shown);
  const width = s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth);
  return {{width, style: s.outlineStyle,
          contrast: width ? ratio(over(parse(s.outlineColor), background(shown)),
                                  background(shown)) : 0}};
}}"""


@dataclass(frozen=True)
class Mode:
    name: str
    viewport: dict
    prefers: str   # the reader's system preference; Material picks the matching palette
    palette: str   # the data-md-color-scheme that must then be on <body>


MODES = [Mode("light", DESKTOP, "light", "default"), Mode("dark", DESKTOP, "dark", "slate"),
         Mode("light-375px", PHONE, "light", "default"), Mode("dark-375px", PHONE, "dark", "slate")]


@dataclass(frozen=True)
class PageType:
    name: str
    path: str
    prepare: Callable[[Page], None] | None = None


def open_search(page: Page) -> None:
    """Open the search box with its shortcut and type a name: results on top of the page."""
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type(QUERY)
    page.wait_for_function(RESULTS_SHOWN)


def page_types(site: BuiltSite) -> list[PageType]:
    paths = site.page_paths()

    def one(pattern: str) -> str:
        found = [p for p in paths if re.fullmatch(pattern, p)]
        assert found, (f"the browser build has no page like {pattern}: "
                       "add a made-up article to tests/browser/seeds/")
        return found[0]

    briefing = site.briefing(QUERY).path
    assert (site.site_dir / briefing.strip("/") / "index.html").read_text(
        encoding="utf-8").count('id="related-briefings"') == 1, "no related briefings to check"
    return [
        PageType("home", "/"),
        *(PageType(f"{kind} index", f"/{kind}/")
          for kind in ("people", "organizations", "places", "topics")),
        PageType("A-Z page", one(r"/people/a-z/[a-z0-9-]+/")),
        PageType("person page", one(r"/people/(?!a-z/)[^/]+/")),
        PageType("organization page", one(r"/organizations/(?!a-z/)[^/]+/")),
        PageType("place page", one(r"/places/(?!a-z/)[^/]+/")),
        PageType("topic page", one(r"/topics/(?!a-z/)[^/]+/")),
        PageType("timeline", "/timeline/"),
        PageType("timeline month", one(r"/timeline/\d{4}-\d{2}/")),
        PageType("briefing with related briefings", briefing),
        PageType("hand-written page", "/about/"),
        PageType("search results open", "/about/", open_search),
        PageType("404 page", "/404.html"),
    ]


def axe_violations(page: Page) -> list[dict]:
    page.add_script_tag(path=AXE)
    return page.evaluate(RUN_AXE, WCAG_A_AA)


def report(found: list[tuple[str, dict]]) -> str:
    """One line per rule and page, then per element: where it is, its HTML, why it fails."""
    lines = []
    for where, v in found:
        lines.append(f"{where}: {v['rule']} ({v['impact']}): {v['help']}")
        for node in v["nodes"]:
            lines.append(f"    {node['target']}  {' '.join(node['html'].split())}")
            lines.append(f"      {' '.join(node['why'].split())}")
    return "\n".join(lines)


@pytest.fixture(scope="module", autouse=True)
def axe_installed():
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(REPO)} is missing: the accessibility tests need axe-core. "
                    "Fix: run 'make test' (it runs 'npm ci'), or 'npm ci' in the project.",
                    pytrace=False)


@pytest.mark.parametrize("mode", MODES, ids=[m.name for m in MODES])
def test_every_page_type_has_no_wcag_a_or_aa_violation(browser: Browser, built_site: BuiltSite,
                                                       mode: Mode):
    context, watch = open_context(browser, mode.viewport, color_scheme=mode.prefers)
    page = context.new_page()
    found = []
    for kind in page_types(built_site):
        page.goto(built_site.url(kind.path))
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", mode.palette)
        if kind.prepare:
            kind.prepare(page)
        page.evaluate(SETTLED)
        found += [(f"{kind.name} ({kind.path}, {mode.name})", v) for v in axe_violations(page)]
    context.close()
    assert watch.problems() == []
    assert not found, f"{len(found)} WCAG 2.1 A/AA violation(s):\n" + report(found)


def test_the_axe_check_reports_what_it_finds(browser: Browser, built_site: BuiltSite):
    context, _ = open_context(browser, DESKTOP)
    page = context.new_page()
    page.goto(built_site.url("/about/"))
    page.evaluate("""() => {
      const p = document.createElement('p');
      p.innerHTML = 'Faint <span id="faint" style="color:#ccc">text</span> and a ' +
                    '<a id="bare" href="../" style="text-decoration:none;color:#4051b5">link</a>' +
                    ' beside an <img id="bare-img" src="data:,">';
      document.querySelector('article').append(p);
    }""")
    found = {v["rule"]: [n["target"] for n in v["nodes"]] for v in axe_violations(page)}
    context.close()
    assert "#faint" in found.get("color-contrast", []), found
    assert "#bare" in found.get("link-in-text-block", []), found
    assert "#bare-img" in found.get("image-alt", []), found


HEADINGS_AND_LISTS = """() => {
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .map(h => [Number(h.tagName[1]), h.textContent.trim()]);
  const problems = [];
  for (const list of document.querySelectorAll('article [class^="nb-"]:is(ul, ol)')) {
    if ([...list.children].some(c => c.tagName !== 'LI')) problems.push('list with a non-item');
  }
  for (const table of document.querySelectorAll('article table')) {
    const columns = table.querySelector('tr').children.length;
    if (table.querySelectorAll('thead th').length !== columns)
      problems.push('table without a header per column');
  }
  for (const dl of document.querySelectorAll('article .nb-facts dl')) {
    const tags = [...dl.children].map(c => c.tagName).join(' ');
    if (!/^(DT DD ?)+$/.test(tags + ' ')) problems.push('facts not in dt/dd pairs: ' + tags);
  }
  if (document.querySelector('article .nb-facts ul, article .nb-facts ol'))
    problems.push('key facts as a list of items, not a description list');
  return {headings, problems};
}"""


def test_every_page_has_one_h1_headings_in_order_and_real_lists(page: Page,
                                                                 built_site: BuiltSite):
    bad = []
    for path in built_site.page_paths():
        page.goto(built_site.url(path))
        found = page.evaluate(HEADINGS_AND_LISTS)
        levels = [level for level, _ in found["headings"]]
        if not levels or levels.count(1) != 1 or levels[0] != 1:
            first = f"h{levels[0]}" if levels else "none"
            bad.append(f"{path}: {levels.count(1)} h1, first heading {first}")
        for (before, _), (level, text) in zip(found["headings"], found["headings"][1:]):
            if level > before + 1:
                bad.append(f"{path}: h{level} {text!r} follows an h{before}")
        bad += [f"{path}: {problem}" for problem in found["problems"]]
    assert bad == [], "\n".join(bad)


def tab_to(page: Page, selector: str, most: int = 15) -> None:
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{most} presses of Tab never reached {selector}")


def assert_focus_ring(page: Page, what: str) -> None:
    page.evaluate(SETTLED)  # the search box opens, the palette fades: judge the end state
    ring = page.evaluate_handle("document.activeElement").evaluate(FOCUS_RING)
    assert ring["width"] >= 2 and ring["contrast"] >= 3, f"{what}: focus ring {ring}"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "375px"])
def test_search_works_with_the_keyboard_alone(browser: Browser, built_site: BuiltSite,
                                              viewport: dict):
    context, watch = open_context(browser, viewport)
    page = context.new_page()
    page.goto(built_site.url("/about/"))
    tab_to(page, "input.md-search__input")
    assert_focus_ring(page, "search box")
    page.keyboard.type(QUERY)
    page.wait_for_function(RESULTS_SHOWN)
    page.keyboard.press("ArrowDown")
    first = page.locator(".md-search-result__link").first
    expect(first).to_be_focused()
    assert_focus_ring(page, "search result")
    target = first.get_attribute("href")
    title = first.locator("h2").text_content()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.split("?")[0].endswith(target.split("?")[0]))
    expect(page.locator("article h1")).to_have_text(title)
    context.close()
    assert watch.problems() == []


@pytest.mark.parametrize("prefers", ["light", "dark"])
def test_a_focused_search_result_stays_readable(browser: Browser, built_site: BuiltSite,
                                                prefers: str):
    context, _ = open_context(browser, DESKTOP, color_scheme=prefers)
    page = context.new_page()
    page.goto(built_site.url("/about/"))
    open_search(page)
    page.keyboard.press("ArrowDown")
    result = page.locator(".md-search-result__link").first
    expect(result).to_be_focused()
    page.evaluate(SETTLED)
    parts = {"title": result.locator("h2"), "excerpt": result.locator("p"),
             "match": result.locator("mark").first}
    contrast = {name: part.evaluate(TEXT_CONTRAST) for name, part in parts.items()}
    context.close()
    assert all(value >= 4.5 for value in contrast.values()), contrast


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "375px"])
def test_the_palette_toggle_works_with_the_keyboard_alone(browser: Browser,
                                                          built_site: BuiltSite, viewport: dict):
    context, watch = open_context(browser, viewport)
    page = context.new_page()
    page.goto(built_site.url("/about/"))
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    tab_to(page, "[data-md-component=palette] input")
    assert_focus_ring(page, "palette toggle (light)")
    page.keyboard.press("Enter")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    assert_focus_ring(page, "palette toggle (dark)")
    page.keyboard.press("Enter")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    context.close()
    assert watch.problems() == []


def test_the_readme_states_the_level_and_how_it_is_checked():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    reading = readme[readme.index("## Reading the site"):readme.index("## How it works")]
    assert "WCAG 2.1" in reading and "AA" in reading
    assert "axe-core" in reading and "make test" in reading
