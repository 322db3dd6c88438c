"""newsbrief: plain-text news articles in, a cross-linked briefing site out.

The pipeline's stages are modules: ``read`` -> ``analyze`` -> ``link`` ->
``render``/``pages`` -> ``sync``; ``pipeline`` and ``site`` wire them up.
"""

__version__ = "0.1.0"
