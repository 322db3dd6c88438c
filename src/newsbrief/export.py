"""``newsbrief export DIR``: the complete Markdown tree the site is built from.

The tree holds every page exactly as the build sees it (hand-written docs,
briefings and generated pages, with their build-time additions and escaped
titles) and an ``mkdocs.yml`` without the hook, so plain ``mkdocs build``
makes the same pages with no newsbrief code. That keeps the content free to
move to another engine, and it is the floor the benchmark compares against.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from .briefing_file import parse_front_matter
from .fsutil import write_if_changed
from .messages import NewsbriefError
from .machine import MACHINE_KEY
from .render import dump_yaml
from .site import Site, SiteOptions

CONFIG_NAME = "mkdocs.yml"


class ExportError(NewsbriefError):
    """The export cannot go on; the message says why and what to do."""


def read_config(config_path: Path) -> dict:
    try:
        return yaml.safe_load(config_path.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise ExportError(f"{config_path}: cannot be read ({error.strerror}). "
                          "Fix: run from the project folder or pass --config") from None
    except yaml.YAMLError as error:
        raise ExportError(f"{config_path}: cannot be read as plain YAML ({error}). Fix: remove "
                          "custom YAML tags from it, or export with a plain config") from None


def options_from_config(config: dict) -> SiteOptions:
    return SiteOptions(str(config.get("site_name") or SiteOptions.name),
                       str(config.get("site_url") or ""),
                       bool(config.get("use_directory_urls", True)))


def export(site: Site, dest: Path, config_path: Path, config: dict) -> int:
    """Write the tree under ``dest``; returns how many pages were written."""
    docs = dest / "docs"
    count = 0
    for path in sorted(site.project.docs_dir.rglob("*")):
        if path.is_file():
            uri = path.relative_to(site.project.docs_dir).as_posix()
            if path.suffix == ".md":
                count += _write_page(site, docs / uri, uri, path.read_text(encoding="utf-8"))
            else:
                (docs / uri).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, docs / uri)
    for page in site.briefing_pages():
        count += _write_page(site, docs / page.src_uri, page.src_uri,
                             page.abs_path.read_text(encoding="utf-8"))
    for page in site.generated_pages():
        if page.src_uri.endswith(".md"):
            count += _write_page(site, docs / page.src_uri, page.src_uri, page.content)
        else:
            write_if_changed(docs / page.src_uri, page.content.encode("utf-8"))
    _write_config(dest, config_path, dict(config))
    return count


def _write_page(site: Site, target: Path, uri: str, text: str) -> int:
    metadata, content = parse_front_matter(text)
    meta = {k: v for k, v in metadata.items() if k != MACHINE_KEY}
    title = site.title(uri)
    if title is not None:
        meta["title"] = title
    body = site.page_markdown(uri, content)
    head = f"---\n{dump_yaml(meta)}---\n\n" if meta else ""
    write_if_changed(target, (head + body).encode("utf-8"))
    return 1


def _write_config(dest: Path, config_path: Path, config: dict) -> None:
    config.pop("hooks", None)
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    theme = config.get("theme") or {}
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom:
        source = (config_path.parent / custom).resolve()
        if source.is_dir():
            shutil.copytree(source, dest / "overrides", dirs_exist_ok=True)
            theme["custom_dir"] = "overrides"
    text = "# Exported by `newsbrief export`: build with plain `mkdocs build`.\n" + yaml.safe_dump(
        config, sort_keys=False, allow_unicode=True)
    write_if_changed(dest / CONFIG_NAME, text.encode("utf-8"))
