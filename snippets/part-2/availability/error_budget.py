"""An SLO, its error budget, and how fast an incident burns it.

The SLI here is the share of requests that succeed. The SLO says it must
be at least 99.9% over a rolling 30 days, so the error budget is the
other 0.1%: of time, 43.2 minutes of full outage; of requests, 1 in
1,000 may fail. The burn rate is how many times faster than "exactly on
budget" errors are arriving; 1 spends the budget in exactly 30 days.
"""
# output: exact

WINDOW_HOURS = 30 * 24


# --8<-- [start:idea]
def sli(good: int, total: int) -> float:
    return good / total  # the measured indicator: successful requests


def budget_spent(slo: float, good: int, total: int) -> float:
    """The share of the error budget used (above 1.0: the SLO is missed)."""
    return (total - good) / ((1 - slo) * total)


def burn_rate(slo: float, error_rate: float) -> float:
    return error_rate / (1 - slo)  # 1.0 lasts exactly the window


def budget_used(rate: float, hours: float) -> float:
    """Share of a 30-day budget that `hours` at burn `rate` consume."""
    return rate * hours / WINDOW_HOURS


# --8<-- [end:idea]


def main() -> None:
    slo = 0.999
    minutes = (1 - slo) * WINDOW_HOURS * 60
    print(f"SLO {slo:.1%} over 30 days: {minutes:.1f} min of full outage")
    total = 1_000_000
    print(f"  of {total:,} requests, {(1 - slo) * total:,.0f} may fail")
    for failed in (400, 1_600):
        good = total - failed
        print(
            f"{failed:>5} failed: SLI {sli(good, total):.2%},"
            f" budget spent {budget_spent(slo, good, total):.0%}"
        )
    rate = burn_rate(slo, error_rate=0.0144)
    print(f"1.44% of requests failing: burn rate {rate:.1f}")
    print(f"  for 1 hour it uses {budget_used(rate, 1):.0%} of the budget")
    print(f"  the whole budget lasts {WINDOW_HOURS / rate:.0f} h")


if __name__ == "__main__":
    main()
