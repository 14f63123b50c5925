"""The nines: how much downtime an availability target allows.

An availability of A allows (1 - A) of the time to be down. Over a year
of 365.25 days (the average, leap years included) and over a 30-day
window, the usual window of an SLO, that comes to the figures below.
"""
# output: exact

YEAR = 365.25 * 24 * 3600  # seconds
MONTH = 30 * 24 * 3600  # a 30-day window


# --8<-- [start:idea]
def downtime(availability: float, period: float) -> float:
    """Seconds of downtime allowed in `period` seconds."""
    return (1 - availability) * period


def readable(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:.2f} h"
    if seconds >= 60:
        return f"{seconds / 60:.2f} min"
    return f"{seconds:.1f} s"


# --8<-- [end:idea]


def main() -> None:
    print(f"{'availability':<20} {'per year':>10} {'per 30 days':>12}")
    for nines in range(2, 6):
        availability = 1 - 10**-nines
        label = f"{availability:.{nines - 2}%} ({nines} nines)"
        print(
            f"{label:<20} {readable(downtime(availability, YEAR)):>10}"
            f" {readable(downtime(availability, MONTH)):>12}"
        )


if __name__ == "__main__":
    main()
