"""What user_vs_kernel_time.py teaches: system calls put a process's CPU time in
kernel mode (system time), pure computation stays in user mode, and a mode
switch is not a context switch."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/system-calls/user_vs_kernel_time.py")
pytestmark = pytest.mark.posix


@pytest.mark.parametrize("n", [0, 1, 10, 1000])
def test_arithmetic_is_a_sum_of_squares(n: int) -> None:
    assert snippet.arithmetic(n) == sum(i * i for i in range(n))


def test_cpu_time_split_adds_up() -> None:
    cpu = snippet.CpuTime(user=0.25, system=0.75, voluntary=0, involuntary=0)
    assert cpu.system_share == pytest.approx(0.75)
    assert snippet.CpuTime(0.0, 0.0, 0, 0).system_share == 0.0


@pytest.mark.timing
def test_system_calls_run_mostly_in_kernel_mode() -> None:
    # Best of three: CPU time is sampled, so one run can be off.
    shares = []
    for _ in range(3):
        shares.append(snippet.measure(snippet.read_zeros, snippet.READS).system_share)
        if shares[-1] > 0.5:
            break
    # Typically 70-90%; more than half is the claim.
    assert max(shares) > 0.5, f"system share of the read loop: {shares}"


@pytest.mark.timing
def test_arithmetic_runs_in_user_mode() -> None:
    shares = []
    for _ in range(3):
        shares.append(snippet.measure(snippet.arithmetic, snippet.ROUNDS).system_share)
        if shares[-1] < 0.2:
            break
    # Typically 0-2%.
    assert min(shares) < 0.2, f"system share of arithmetic: {shares}"


def test_a_system_call_is_not_a_context_switch() -> None:
    # 100,000 trips into the kernel, and the process never gives up its CPU
    # by blocking. (Involuntary switches, preemption, depend on the load.)
    cpu = snippet.measure(snippet.read_zeros, snippet.READS)
    assert cpu.voluntary < snippet.READS // 1000, cpu
