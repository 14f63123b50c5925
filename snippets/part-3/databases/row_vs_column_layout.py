"""Rows or columns: the same table laid out two ways, and what two
queries must read from storage in each.

An OLTP query fetches one whole order; an OLAP query adds up two
columns over every order. The row layout keeps each order's fields
together; the column layout keeps each column's values together. The
program counts the reads and bytes each query needs, and checks that
both layouts give the same answers.
"""
# output: exact

from __future__ import annotations

import random
import struct
from dataclasses import dataclass

ROWS = 10_000
# id, customer, price in cents, quantity, note: 94 bytes per order
COLUMNS = {
    "id": "q",
    "customer": "16s",
    "price": "i",
    "quantity": "h",
    "note": "64s",
}
ROW = struct.Struct("<" + "".join(COLUMNS.values()))


@dataclass
class Storage:
    """Bytes on a device, and a count of what was read from them."""

    data: bytes
    reads: int = 0
    bytes_read: int = 0

    def read(self, offset: int, size: int) -> bytes:
        self.reads += 1
        self.bytes_read += size
        return self.data[offset : offset + size]


def orders(seed: int = 7) -> list[tuple[int, bytes, int, int, bytes]]:
    rng = random.Random(seed)
    return [
        (i, b"cust%06d" % rng.randrange(500), rng.randrange(100, 9_999),
         rng.randrange(1, 5), b"gift wrap" if rng.random() < 0.1 else b"")
        for i in range(ROWS)
    ]  # fmt: skip


def row_layout(table: list[tuple[int, bytes, int, int, bytes]]) -> Storage:
    return Storage(b"".join(ROW.pack(*order) for order in table))


def column_layout(
    table: list[tuple[int, bytes, int, int, bytes]],
) -> dict[str, Storage]:
    return {
        name: Storage(struct.pack(f"<{ROWS}{fmt}", *[r[i] for r in table]))
        if not fmt.endswith("s")
        else Storage(b"".join(struct.pack(fmt, r[i]) for r in table))
        for i, (name, fmt) in enumerate(COLUMNS.items())
    }


# --8<-- [start:idea]
def one_order_by_rows(rows: Storage, order_id: int) -> tuple[object, ...]:
    return ROW.unpack(rows.read(order_id * ROW.size, ROW.size))  # one read


def one_order_by_columns(
    cols: dict[str, Storage], order_id: int
) -> tuple[object, ...]:
    fields = []
    for name, fmt in COLUMNS.items():  # one read in every column
        size = struct.calcsize(fmt)
        (value,) = struct.unpack(fmt, cols[name].read(order_id * size, size))
        fields.append(value)
    return tuple(fields)


def revenue_by_rows(rows: Storage) -> int:
    data = rows.read(0, ROWS * ROW.size)  # every byte of every order
    return sum(r[2] * r[3] for r in ROW.iter_unpack(data))


def revenue_by_columns(cols: dict[str, Storage]) -> int:
    prices = cols["price"].read(0, ROWS * 4)  # only the two columns needed
    quantities = cols["quantity"].read(0, ROWS * 2)
    return sum(
        p * q
        for p, q in zip(
            struct.unpack(f"<{ROWS}i", prices),
            struct.unpack(f"<{ROWS}h", quantities),
            strict=True,
        )
    )
    # --8<-- [end:idea]


def measured(query: str, layout: str) -> tuple[object, int, int]:
    """(answer, reads, bytes read) for one query on a fresh layout."""
    table = orders()
    if layout == "rows":
        rows = row_layout(table)
        answer: object = (
            one_order_by_rows(rows, 4242)
            if query == "oltp"
            else revenue_by_rows(rows)
        )
        return answer, rows.reads, rows.bytes_read
    cols = column_layout(table)
    answer = (
        one_order_by_columns(cols, 4242)
        if query == "oltp"
        else revenue_by_columns(cols)
    )
    return (
        answer,
        sum(c.reads for c in cols.values()),
        sum(c.bytes_read for c in cols.values()),
    )


def describe(answer: object) -> str:
    if isinstance(answer, tuple):
        order_id, customer, price, quantity, _ = answer
        name = customer.rstrip(b"\0").decode()
        return f"order {order_id}, {name}, {quantity} x {price / 100:.2f}"
    return f"{answer / 100:,.2f}" if isinstance(answer, int) else repr(answer)


def main() -> None:
    print(f"{ROWS:,} orders of {ROW.size} bytes")
    for query, what in (
        ("oltp", "one order, all fields"),
        ("olap", "total revenue"),
    ):
        answers = set()
        for layout in ("rows", "columns"):
            answer, reads, size = measured(query, layout)
            answers.add(answer)
            print(f"{what:22} by {layout:8} {reads} reads, {size:>7,} bytes")
        assert len(answers) == 1, answers  # both layouts agree
        print(f"{'':22} answer: {describe(answers.pop())}")


if __name__ == "__main__":
    main()
