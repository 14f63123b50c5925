"""Multiwindow, multi-burn-rate alerts, on a simulated error stream.

The SLO: 99.9% of requests succeed over 30 days, so the error budget is
0.1%. The burn rate is the error ratio divided by that budget: at 1 the
budget lasts exactly 30 days, at 14.4 an hour spends 2% of it. The rules
are those of Google's SRE Workbook, chapter 5: each needs a long window
(is this significant?) and a short one (is it still happening?). Time is
a minute counter passed in, never the machine's clock.
"""
# output: exact

import itertools

SLO = 0.999
REQUESTS_PER_MINUTE = 1000

Rule = tuple[str, float, int, int]

# --8<-- [start:rules]
# (severity, burn rate, long window, short window), windows in minutes
RULES: list[Rule] = [
    ("page", 14.4, 60, 5),  # 2% of the budget in 1 hour
    ("page", 6.0, 360, 30),  # 5% of the budget in 6 hours
    ("ticket", 1.0, 3 * 1440, 360),  # 10% of the budget in 3 days
]
# --8<-- [end:rules]


# --8<-- [start:idea]
class BurnRateAlerts:
    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.requests = [0]  # running totals, one entry per minute
        self.errors = [0]

    def record_minute(self, requests: int, errors: int) -> None:
        self.requests.append(self.requests[-1] + requests)
        self.errors.append(self.errors[-1] + errors)

    def burn_rate(self, window: int) -> float:
        start = max(0, len(self.requests) - 1 - window)
        requests = self.requests[-1] - self.requests[start]
        errors = self.errors[-1] - self.errors[start]
        return (errors / requests) / (1 - SLO) if requests else 0.0

    def firing(self) -> set[str]:
        return {
            f"{severity}: {rate}x over {long}+{short} min"
            for severity, rate, long, short in self.rules
            if self.burn_rate(long) >= rate and self.burn_rate(short) >= rate
        }
        # --8<-- [end:idea]


def error_ratio(minute: int, incidents: list[tuple[int, int, float]]) -> float:
    """Baseline 0.02% errors, plus incidents (start, length, ratio)."""
    for start, length, ratio in incidents:
        if start <= minute < start + length:
            return ratio
    return 0.0002


# --8<-- [start:simulate]
def simulate(
    incidents: list[tuple[int, int, float]],
    minutes: int,
    rules: list[Rule] = RULES,
) -> list[tuple[int, str, str]]:
    """Minute by minute; returns (minute, "fires"/"clears", alert)."""
    alerts, changes, before = BurnRateAlerts(rules), [], set[str]()
    for minute in itertools.chain(range(-3 * 1440, 0), range(minutes)):
        ratio = error_ratio(minute, incidents)  # minutes < 0: history
        errors = round(REQUESTS_PER_MINUTE * ratio)
        alerts.record_minute(REQUESTS_PER_MINUTE, errors)
        now = alerts.firing()
        changes += [(minute, "fires", a) for a in sorted(now - before)]
        changes += [(minute, "clears", a) for a in sorted(before - now)]
        before = now
    return changes
    # --8<-- [end:simulate]


SCENARIOS = {
    "fast burn: 5% errors for 40 minutes": ([(60, 40, 0.05)], 180),
    "blip: 10% errors for 2 minutes": ([(60, 2, 0.10)], 180),
    "slow burn: 0.8% errors for 8 hours": ([(60, 480, 0.008)], 720),
}


def show(title: str, changes: list[tuple[int, str, str]]) -> None:
    print(title)
    for minute, what, alert in changes:
        print(f"  minute {minute:3}: {what:6} {alert}")
    if not changes:
        print("  no alert")


def main() -> None:
    for name, (incidents, minutes) in SCENARIOS.items():
        show(f"{name} (from minute 60)", simulate(incidents, minutes))
    # The control: each window alone, on the same incidents.
    fast, _ = SCENARIOS["fast burn: 5% errors for 40 minutes"]
    blip, _ = SCENARIOS["blip: 10% errors for 2 minutes"]
    long_only: list[Rule] = [("page", 14.4, 60, 60)]
    short_only: list[Rule] = [("page", 14.4, 5, 5)]
    show("the 1-hour window alone, fast burn:", simulate(fast, 180, long_only))
    show("the 5-minute window alone, blip:", simulate(blip, 180, short_only))


if __name__ == "__main__":
    main()
