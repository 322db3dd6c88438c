"""MkDocs glue for newsbrief. The pipeline lives in the ``newsbrief`` package;
this file only passes MkDocs' events to it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from newsbrief import safety, search
from newsbrief.mdext import GeneratedHtml
from newsbrief.messages import NewsbriefError, log, one_line
from newsbrief.project import Project
from newsbrief.site import Site, SiteOptions, build_site

_state: dict[str, object] = {}


def on_config(config):
    _state["project"] = Project.at(Path(config.config_file_path).parent,
                                   docs_dir=config.docs_dir, site_dir=config.site_dir)
    _state["options"] = SiteOptions(config.site_name, config.site_url or "",
                                    config.use_directory_urls)
    config.markdown_extensions.append(GeneratedHtml())  # an optimisation: same HTML, sooner
    return config


def on_pre_build(config):
    try:
        _state["site"] = build_site(_state["project"], _state["options"])
    except (NewsbriefError, OSError) as error:  # one line that says what to do, no traceback
        raise PluginError(one_line(error)) from None


def on_files(files, config):
    site: Site = _state["site"]
    docs = _state["project"].docs_dir
    for page in site.briefing_pages(drafts=True) + site.generated_pages():
        if files.get_file_from_path(page.src_uri):
            log.warning("%s: newsbrief makes a page with this path, so the file is not "
                        "published. Fix: rename or remove it", docs / page.src_uri)
            continue
        draft = InclusionLevel.DRAFT if page.draft else InclusionLevel.UNDEFINED
        files.append(File.generated(config, page.src_uri, content=page.content,
                                    abs_src_path=str(page.abs_path) if page.abs_path else None,
                                    inclusion=draft))
    return files


def on_page_markdown(markdown, page, config, files):
    site: Site = _state["site"]
    title = site.title(page.file.src_uri)
    if title is not None:
        page.meta["title"] = title
    return site.page_markdown(page.file.src_uri, markdown)


def on_nav(nav, config, files):
    site: Site = _state["site"]
    project: Project = _state["project"]
    pages = ((f.src_uri, f.dest_uri, site.is_generated(f.src_uri))
             for f in files.documentation_pages())
    _state["search"] = search.IndexRun(search.Indexed.of(pages, project.rel(project.briefings_dir)),
                                       project.cache_dir)
    return nav


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
    try:
        _state["search"].finish(_state["project"].site_dir)
    except OSError as error:
        raise PluginError(one_line(error)) from None


def on_serve(server, config, builder):
    project: Project = _state["project"]
    for folder in (project.seeds_dir, project.briefings_dir):
        server.watch(str(folder))
    for vocabulary in ("entities.yml", "topics.yml"):
        server.watch(str(project.root / vocabulary))
    return server
