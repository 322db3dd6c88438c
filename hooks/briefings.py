"""MkDocs glue for newsbrief. The pipeline lives in the ``newsbrief`` package;
this file only passes MkDocs' events to it."""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

import newsbrief
from newsbrief import safety, search
from newsbrief.mdext import GeneratedHtml
from newsbrief.messages import NewsbriefError, log, one_line
from newsbrief.pagesources import PageSources, linked_pages, stamp
from newsbrief.preview import SESSION, nav_uris
from newsbrief.preview_index import shards_to_index
from newsbrief.project import Project
from newsbrief.site import Site, SiteOptions, build_site

_state: dict[str, object] = {}  # MkDocs loads this file afresh for each build; SESSION lasts


def on_startup(command, dirty):
    SESSION.start(command, dirty)


def on_config(config):
    project = Project.at(Path(config.config_file_path).parent,
                         docs_dir=config.docs_dir, site_dir=config.site_dir)
    _state["project"] = project
    _state["options"] = SiteOptions(config.site_name, config.site_url or "",
                                    config.use_directory_urls, preview=SESSION.serving)
    # What every page carries besides its own Markdown: when it changes, every page is rebuilt.
    overrides = sorted(Path(config.theme.custom_dir).rglob("*")) if config.theme.custom_dir else []
    _state["stamp"] = stamp(newsbrief.__version__, Path(config.config_file_path).read_bytes(),
                            config.site_url or "", str(SESSION.serving),
                            *(p.read_bytes() for p in overrides if p.is_file()))
    config.markdown_extensions.append(GeneratedHtml())  # an optimisation: same HTML, sooner
    if SESSION.serving:  # the preview is read, not crawled: no sitemap of every page per save
        config.theme.static_templates.discard("sitemap.xml")
    return config


def on_pre_build(config):
    try:
        _state["site"] = build_site(_state["project"], _state["options"], SESSION.site)
        if SESSION.serving:  # the next rebuild reuses what this one made
            SESSION.site = _state["site"]
    except (NewsbriefError, OSError) as error:  # one line that says what to do, no traceback
        raise PluginError(one_line(error)) from None


def on_files(files, config):
    """Every page newsbrief makes or adds to, read from its final source in the cache, so
    a --dirty build (``make serve``) renders only the pages whose source changed; a
    preview rebuild is handed only those and what they need (``SESSION.pages_to_hand``)."""
    site: Site = _state["site"]
    project: Project = _state["project"]
    sources = PageSources(project.cache_dir / "pages", _state["stamp"])
    pages = list(site.sources())
    theirs = dict(files.src_uris)  # one lookup table, not a search per page
    every = theirs.keys() | {page[0] for page in pages}
    needed = nav_uris(config.nav)
    for file in files.documentation_pages():  # hand-written pages in docs/
        needed.update(t for t, _ in linked_pages(file.src_uri, file.content_string, every))
    made = []
    for src_uri, text, own, draft in pages:
        existing = theirs.get(src_uri)
        if existing and src_uri != "index.md":
            log.warning("%s: newsbrief makes a page with this path, so the file is not "
                        "published. Fix: rename or remove it", project.docs_dir / src_uri)
            continue
        if existing:
            files.remove(existing)  # home: the file in docs/ with the latest briefings added
        # Links newsbrief adds go to pages that exist; an editor's own may not.
        links = linked_pages(src_uri, own, every) if own else ()
        made.append((src_uri, sources.put(src_uri, text, links), draft))
    sources.finish()
    texts = {page[0]: page[1] for page in pages}
    handed = SESSION.pages_to_hand(project.site_dir, texts, sources.changed, needed)
    outputs, last = {}, SESSION.last_outputs(project.site_dir)
    for src_uri, path, draft in made:
        if handed is None or src_uri in handed:
            inclusion = InclusionLevel.DRAFT if draft else InclusionLevel.UNDEFINED
            file = File.generated(config, src_uri, abs_src_path=str(path), inclusion=inclusion)
            files.append(file)
            outputs[src_uri] = file.dest_uri
        else:
            outputs[src_uri] = last[src_uri]
    _state["pages"] = outputs
    _state["outputs"] = frozenset(f.dest_uri for f in files) | frozenset(outputs.values())
    return files


def on_page_markdown(markdown, page, config, files):
    site: Site = _state["site"]
    title = site.title(page.file.src_uri)
    if title is not None:
        page.meta["title"] = title
    return markdown  # newsbrief's additions are in the page's source already


def on_nav(nav, config, files):
    site: Site = _state["site"]
    project: Project = _state["project"]
    ours = _state["pages"]  # every page of the site, those not handed over this time too
    pages = [(f.src_uri, f.dest_uri, False) for f in files.documentation_pages()
             if f.src_uri not in ours]
    pages += [(src_uri, dest_uri, site.is_generated(src_uri)) for src_uri, dest_uri in ours.items()]
    indexed = search.Indexed.of(pages, project.rel(project.briefings_dir), _shard_pages(config))
    _state["search"] = search.IndexRun(indexed, project.cache_dir)
    return nav


def _shard_pages(config) -> int:
    """``extra: {newsbrief: {search_shard_pages: N}}`` in mkdocs.yml: pages per search shard."""
    settings = config.extra.get("newsbrief") or {}
    value = settings.get("search_shard_pages", search.SHARD_PAGES) if isinstance(settings, dict) \
        else None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise PluginError(f"{config.config_file_path}: extra.newsbrief.search_shard_pages is "
                          f"{value!r}, not a whole number of pages. Fix: set it to a number "
                          f"such as {search.SHARD_PAGES}, or remove it")
    return value


def on_env(env, config, files):
    if SESSION.serving:  # each rebuild has a new Jinja environment: keep the theme compiled
        folder = _state["project"].cache_dir / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


def on_page_content(html, page, config, files):
    site: Site = _state["site"]
    if site.owns(page.file.src_uri):
        for problem in safety.page_problems(page.file.src_uri, html):
            log.warning(str(problem))
    return _state["search"].mark(page.file.src_uri, html, page.title)


def on_post_page(output, page, config):
    _state["search"].page(page.file.src_uri, page.file.dest_uri, output)
    return output


def on_post_build(config):
    site_dir = _state["project"].site_dir
    run: search.IndexRun = _state["search"]
    try:
        gone = SESSION.remove_vanished(site_dir, _state["outputs"])
        SESSION.finished(site_dir, _state["pages"])
        if SESSION.serving:  # the page first; the index follows in the background
            shards = shards_to_index(site_dir, run.indexed, run.touched, gone,
                                     SESSION.indexing(site_dir))
            search.finish_site(site_dir, run.indexed)
            if shards:
                SESSION.index_later(site_dir, run.indexed, shards)
        elif run.seen < len(run.indexed.src_uris):  # a dirty build wrote only some pages
            search.index_site(site_dir, run.indexed)
        else:
            run.finish(site_dir)
    except OSError as error:
        raise PluginError(one_line(error)) from None


def on_serve(server, config, builder):
    project: Project = _state["project"]
    inputs = [project.seeds_dir, project.briefings_dir,
              project.root / "entities.yml", project.root / "topics.yml"]
    trigger = project.cache_dir / "preview" / "changed"
    if SESSION.watch(inputs, trigger):  # the system's change events touch one file
        server.watch(str(trigger.parent), recursive=False)
    else:
        for path in inputs:
            server.watch(str(path))
    return server


def on_shutdown():
    SESSION.unwatch()
