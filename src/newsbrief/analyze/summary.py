"""A one- or two-sentence summary: the news lead."""

from __future__ import annotations

from ..text import sentences, word_count

SHORT_SENTENCE_WORDS = 25
MAX_SUMMARY_WORDS = 60


def summarize(paragraphs: tuple[str, ...]) -> str:
    """The lead's first sentence, plus the second when the first is short."""
    if not paragraphs:
        return ""
    lead = sentences(paragraphs[0])
    summary = lead[0]
    if len(lead) > 1 and word_count(summary) < SHORT_SENTENCE_WORDS:
        longer = f"{summary} {lead[1]}"
        if word_count(longer) <= MAX_SUMMARY_WORDS:
            summary = longer
    return summary
