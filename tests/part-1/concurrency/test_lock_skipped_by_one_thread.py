"""What lock_skipped_by_one_thread.py teaches: a lock only excludes threads that
take the same lock."""

from conftest import load_snippet

snippet = load_snippet("part-1/concurrency/lock_skipped_by_one_thread.py")


def test_a_thread_that_skips_the_lock_still_loses_updates() -> None:
    assert snippet.one_side_locks(1000) == 1000


def test_when_both_take_the_lock_nothing_is_lost() -> None:
    assert snippet.both_sides_lock(1000) == 2000
