"""What article_idempotency.py teaches: the article's increment counts a
redelivered message twice; a status consumer that also sends receipts goes
wrong when redelivery comes after a refund; the processed-messages table
with a guarded transition fixes both."""

from conftest import load_snippet

snippet = load_snippet("part-3/pubsub-and-idempotency/article_idempotency.py")


def test_the_articles_increment_counts_a_redelivery_twice() -> None:
    assert snippet.counter_after_redelivery(fixed=False) == 2


def test_recording_the_message_id_counts_it_once() -> None:
    assert snippet.counter_after_redelivery(fixed=True) == 1


def test_the_naive_consumer_ends_complete_with_two_receipts() -> None:
    assert snippet.outcome("naive", snippet.REDELIVERED) == ("COMPLETE", 2)
    assert snippet.outcome("naive", snippet.REPUBLISHED) == ("COMPLETE", 2)


def test_the_fixed_consumer_ends_refunded_with_one_receipt() -> None:
    assert snippet.outcome("fixed", snippet.REDELIVERED) == ("REFUNDED", 1)


def test_the_guard_handles_a_retry_under_a_new_message_id() -> None:
    # the processed table cannot help here: m3 is a new id
    assert snippet.outcome("fixed", snippet.REPUBLISHED) == ("REFUNDED", 1)
