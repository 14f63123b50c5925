"""The article's processes-vs-threads example, fixed to run everywhere.

`cpu_task` accepts the item that `pool.map` hands it. Everything that
starts processes sits under `if __name__ == "__main__":`, so a child that
re-imports this file (spawn, forkserver) starts none of its own. Every
wait has a timeout. Threads run through an executor, which returns their
results.
"""
# output: exact

import multiprocessing
import time
from concurrent.futures import ThreadPoolExecutor


def cpu_task(n: int) -> int:
    # Pure-Python arithmetic holds the GIL all along: CPU-bound work.
    return sum(i * i for i in range(n))


def io_task(seconds: float) -> str:
    # A sleep stands in for waiting on a disk or network: it frees the GIL.
    time.sleep(seconds)
    return "completed"


def main() -> None:
    sizes = [100_000, 200_000, 300_000, 400_000]
    # Processes for CPU-bound work: each has its own interpreter and GIL.
    with multiprocessing.Pool(processes=2) as pool:
        totals = pool.map_async(cpu_task, sizes).get(timeout=30)
    for n, total in zip(sizes, totals, strict=True):
        print(f"cpu_task({n:,}) = {total:,}")

    # Threads for I/O-bound work: they wait side by side.
    with ThreadPoolExecutor(max_workers=4) as threads:
        statuses = list(threads.map(io_task, [0.1] * 4, timeout=10))
    print("io_task x4:", statuses)


if __name__ == "__main__":
    main()
