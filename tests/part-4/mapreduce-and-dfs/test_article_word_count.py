"""What article_word_count.py teaches: the article's map keeps punctuation and
misses case folding, and its reduce needs a shuffle that the article leaves out."""

from conftest import load_snippet

snippet = load_snippet("part-4/mapreduce-and-dfs/article_word_count.py")


def counts(mapper_name: str) -> dict[str, int]:
    mapper = getattr(snippet, mapper_name)
    pairs = [pair for doc in snippet.DOCS for pair in mapper(doc)]
    return dict(snippet.article_reduce(w, v) for w, v in snippet.shuffle(pairs).items())


def test_article_map_counts_punctuated_pieces_as_words() -> None:
    article = counts("article_map")
    assert article["cat"] == 2 and article["cat,"] == 1  # one word, two keys
    assert article["sat"] == 1 and article["sat."] == 2
    assert article["—"] == 1  # a dash counted as a word
    assert "strasse" in article and "straße?" in article  # lower() keeps ß


def test_control_the_fixed_map_merges_them() -> None:
    fixed = counts("fixed_map")
    assert fixed == {"a": 1, "cat": 3, "dog": 2, "or": 1, "sat": 3, "strasse": 2, "the": 3}


def test_without_a_shuffle_reduce_sees_one_pair_at_a_time() -> None:
    pairs = snippet.article_map(snippet.DOCS[0])
    ungrouped = [snippet.article_reduce(w, [n]) for w, n in pairs]
    assert ungrouped.count(("the", 1)) == 3  # never ("the", 3)
    assert snippet.shuffle(pairs)["the"] == [1, 1, 1]
