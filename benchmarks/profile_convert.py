"""Profile a cold conversion on one process: ``python -m benchmarks.profile_convert ROOT OUT``.

The build runs the model in worker processes, which cProfile in the parent
cannot see; on one process the profile shows where all of the time goes.
"""

from __future__ import annotations

import cProfile
import sys

from newsbrief.analyze import ner
from newsbrief.pipeline import convert
from newsbrief.project import Project


def main(root: str, out: str) -> None:
    ner.PARALLEL_THRESHOLD = sys.maxsize
    project = Project.at(root)
    cProfile.runctx("convert(project)", globals(), {"project": project, "convert": convert},
                    filename=out)


if __name__ == "__main__":
    main(*sys.argv[1:3])
