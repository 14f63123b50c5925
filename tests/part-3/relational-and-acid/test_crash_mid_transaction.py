"""What crash_mid_transaction.py teaches: a process killed half-way through a
transaction leaves nothing of it behind with a rollback journal or a WAL (the
total is intact and the file passes integrity_check); without a journal, the
pages already written stay written."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/relational-and-acid/crash_mid_transaction.py")


@pytest.mark.parametrize("journal", ["DELETE", "WAL"])
def test_a_killed_transaction_leaves_no_trace(journal: str) -> None:
    assert snippet.crash_and_check(journal) == (snippet.ACCOUNTS * 100, "ok")


def test_without_a_journal_the_check_passes_but_proves_nothing() -> None:
    """integrity_check tests the file's structure, not the application's totals."""
    total, check = snippet.crash_and_check("OFF")
    assert check == "ok"
    assert total <= snippet.ACCOUNTS * 100 + 100  # at most one move's credit ahead
