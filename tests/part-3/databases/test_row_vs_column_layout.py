"""What row_vs_column_layout.py teaches: both layouts give the same
answers; fetching one whole order takes one read in the row layout and
one per column in the column layout; adding up two columns reads every
byte of the row layout but only those two columns of the other."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/databases/row_vs_column_layout.py")


@pytest.mark.parametrize("query", ["oltp", "olap"])
def test_both_layouts_give_the_same_answer(query: str) -> None:
    assert snippet.measured(query, "rows")[0] == snippet.measured(query, "columns")[0]


def test_the_revenue_is_right() -> None:
    table = snippet.orders()
    expected = sum(price * quantity for _, _, price, quantity, _ in table)
    assert snippet.measured("olap", "rows")[0] == expected


def test_one_order_is_one_read_in_rows_and_one_per_column_in_columns() -> None:
    _, reads, size = snippet.measured("oltp", "rows")
    assert (reads, size) == (1, snippet.ROW.size)
    _, reads, size = snippet.measured("oltp", "columns")
    assert (reads, size) == (len(snippet.COLUMNS), snippet.ROW.size)


def test_a_column_scan_reads_only_its_columns() -> None:
    _, _, by_rows = snippet.measured("olap", "rows")
    _, _, by_columns = snippet.measured("olap", "columns")
    assert by_rows == snippet.ROWS * snippet.ROW.size
    assert by_columns == snippet.ROWS * (4 + 2)  # price and quantity only
    assert by_rows > 10 * by_columns
