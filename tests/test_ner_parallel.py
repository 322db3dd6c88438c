"""Named-entity recognition gives the same spans, in order, on one process or several."""

from __future__ import annotations

from newsbrief.analyze import ner

TEXTS = [
    "Angela Merkel met Emmanuel Macron in Paris on Monday.",
    "The World Health Organization warned Brazil about dengue.",
    "Shares in Toyota rose in Tokyo after the Bank of Japan held rates.",
    "No names here at all.",
    "Cho Hyun spoke to reporters in Seoul about the United States.",
] * 30  # several chunks, so the workers' results must be put back in order


def test_worker_processes_return_the_spans_one_process_finds():
    one = ner.recognise(TEXTS, processes=1)
    two = ner.recognise(TEXTS, processes=2)
    assert two == one
    assert ner.Span("Seoul", "GPE", TEXTS[4].index("Seoul")) in one[4]
    assert one[3] == ()
