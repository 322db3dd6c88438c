"""newsbrief: plain-text news articles in, a cross-linked briefing site out.

The pipeline's stages are modules. Per article: ``read`` -> ``analyze`` ->
``render`` -> ``sync`` (a briefing file in ``briefings/``). Then, for the whole
site from the briefings' front matter: ``link`` (with ``resolve``) -> the pages
readers see (``briefing_page``, ``listings``, ``feed``). ``pipeline`` and
``site`` wire them up; ``hooks/briefings.py`` hands the result to MkDocs.
"""

__version__ = "0.1.0"
