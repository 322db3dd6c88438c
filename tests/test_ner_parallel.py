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


def test_cache_gives_each_article_its_spans_in_order_and_reads_each_text_once(tmp_path):
    from newsbrief.analyze.cache import SpanCache
    from newsbrief.read import parse

    articles = [parse(f"Headline {i}\n\n{text}\n", f"seeds/{i}.txt", str(i)) for i, text in
                enumerate(TEXTS[:60])]  # each text five times over: one model read each
    expected = ner.recognise([a.body_text for a in articles], processes=1)
    cache = SpanCache(tmp_path)
    assert list(cache.iter_spans(articles[:3])) == expected[:3]
    assert cache.misses == 3
    assert list(cache.iter_spans(articles)) == expected
    assert cache.misses == 3 + 2  # only the two texts not seen before
    again = SpanCache(tmp_path)
    assert list(again.iter_spans(articles[::-1])) == expected[::-1]
    assert again.misses == 0
