"""Issue-level checks of the cross-links in a real strict build."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import run_mkdocs, snapshot, share_analysis_cache

pytestmark = pytest.mark.build

B004 = "briefings/preliminary-formation-of-south-korea-us-security-agreement"
B000 = "briefings/south-korea-remains-confident-in-the-stability-of-its"
PEOPLE = ["Cho Hyun", "Donald Trump", "Lee Jae-myung", "Kim Jong-un"]
PLACES = ["South Korea", "United States", "North Korea", "Gyeongju", "Pyongyang", "Seoul"]


def page(site: Path, url: str) -> str:
    return (site / url.split("#")[0] / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def fact_links(html: str, label: str) -> dict[str, str]:
    """Name -> href in one line of a briefing's key facts."""
    line = re.search(rf"<dt>{label}</dt>\s*<dd>(.*?)</dd>", html, re.S).group(1)
    return {text: href for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', line)}


def resolve(from_url: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(from_url, href.split("#")[0])).strip("/")


@pytest.fixture(scope="module")
def site(tmp_path_factory, shared_cache) -> Path:
    from conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("crosslinks") / "project")
    share_analysis_cache(root, shared_cache)
    out = root.parent / "site"
    result = run_mkdocs(root, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def flat_site(tmp_path_factory, shared_cache) -> Path:
    """The shipped seeds and 120 made-up briefings, built with ``use_directory_urls: false``:
    page/2 of a list, its pager and ``.html`` links in a real strict build."""
    from conftest import copy_project, made_up_briefings

    root = copy_project(tmp_path_factory.mktemp("flat") / "project")
    share_analysis_cache(root, shared_cache)
    made_up_briefings(root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "use_directory_urls: true" in text
    config.write_text(text.replace("use_directory_urls: true", "use_directory_urls: false"),
                      encoding="utf-8")
    out = root.parent / "site"
    result = run_mkdocs(root, out)
    assert result.returncode == 0, result.stderr
    for pages in ("people/marisol-quenby/page/3.html", "timeline/2025-09/page/2.html",
                  "topics/harbours/page/2.html"):
        assert (out / pages).is_file(), pages
    return out


def test_seed_004_lists_canonical_entities_each_linking_to_a_page_that_links_back(site: Path):
    html = page(site, B004)
    people, places = fact_links(html, "People"), fact_links(html, "Places")
    orgs = fact_links(html, "Organizations")
    assert list(people) == PEOPLE
    assert set(places) == set(PLACES)
    assert list(orgs) == ["APEC"]
    for name, href in {**people, **places, **orgs}.items():
        target = page(site, resolve(B004, href))
        assert name in target
        assert "preliminary-formation-of-south-korea-us-security-agreement/" in target, name


def test_no_variant_spellings_anywhere_in_the_facts(site: Path):
    html = page(site, B004)
    for variant in ("South Korea's", "the United States", "U.S.", "South Korea-", "Trump<"):
        assert variant not in re.search(r"<dt>Places</dt>.*?</dd>", html, re.S).group()


def test_the_two_seeds_are_related_with_shared_entities_as_reason(site: Path):
    for here, there in ((B004, B000), (B000, B004)):
        html = page(site, here)
        section = html[html.index('id="related-briefings"'):]
        assert posixpath.basename(there) in section
        reason = re.search(r"shares: ([^<]+)", section).group(1)
        assert {"South Korea", "United States", "Seoul"} <= {s.strip() for s in reason.split(",")}


def test_first_mention_in_the_text_links_to_the_entity(site: Path):
    html = article(page(site, B004))
    text = html[html.index("min read"):html.index('id="related-briefings"')]
    assert re.search(r'Foreign Minister <a href="[^"]*cho-hyun[^"]*">Cho Hyun</a>', text)
    assert text.count(">Cho Hyun</a>") == 1


def test_feed_lists_dated_briefings_only(site: Path):
    feed = ET.parse(site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)]
    assert titles == ["Preliminary Formation of South Korea-US Security Agreement, "
                      "Intended to be Announced Before APEC Summit"]


def test_timeline_lists_every_briefing_and_undated_apart(site: Path):
    html = article(page(site, "timeline"))
    assert "October 2025" in html and "Undated" in html
    assert html.index("preliminary-formation") < html.index("Undated") < html.index("south-korea-remains")


def test_indexes_of_people_organizations_places_and_topics_exist(site: Path):
    for kind in ("people", "organizations", "places", "topics"):
        html = page(site, kind)
        assert "A-Z directory" in html
    places = page(site, "places")
    assert re.search(r">Seoul</a></td>\s*<td[^>]*>2</td>", places)


def test_editing_front_matter_changes_the_site_and_adding_a_seed_rewrites_nothing(project: Path, tmp_path: Path):
    assert run_mkdocs(project, tmp_path / "one").returncode == 0
    b004 = project / f"{B004}.md"
    b004.write_text(b004.read_text(encoding="utf-8").replace("- Kim Jong-un\n", ""), encoding="utf-8")
    before = snapshot(project / "briefings")
    (project / "seeds" / "900_new.txt").write_text(
        "Seoul hosts tariff talks\n\nOfficials from South Korea met in Seoul on tariffs.\n", encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "two")
    assert result.returncode == 0, result.stderr
    after = snapshot(project / "briefings")
    assert {k: v for k, v in after.items() if k in before} == before
    assert len(after) == len(before) + 1
    html = page(tmp_path / "two", B004)
    assert "Kim Jong-un" not in re.search(r"<dt>People</dt>.*?</dd>", html, re.S).group()


@pytest.mark.parametrize("built", ["site", "flat_site"])
def test_every_link_on_every_page_resolves_to_a_page_and_anchor(built: str, request):
    """Generated lists carry resolved links that MkDocs does not check; this does, with
    directory URLs and, over a site whose lists run to several pages, without them."""
    site: Path = request.getfixturevalue(built)
    ids: dict[Path, set[str]] = {}

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8")))
        return ids[path]

    checked = 0
    for html_file in site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        for href in re.findall(r'<a [^>]*href="([^"]+)"', article(html) if "<article" in html else ""):
            if re.match(r"[a-z]+:|//|#", href):
                continue
            path, _, fragment = href.partition("#")
            target = (html_file.parent / path).resolve()
            target = target / "index.html" if target.is_dir() else target
            assert target.is_file(), f"{html_file.relative_to(site)}: broken link {href}"
            if fragment:
                assert fragment in anchors(target), f"{html_file.relative_to(site)}: no #{fragment}"
            checked += 1
    assert checked > 100
