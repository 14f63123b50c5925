"""Producer and consumers sharing nothing but a bounded queue.Queue.

The producer puts work items on a queue that holds at most MAXSIZE of
them: when it is full, put() waits until a consumer has taken one, so a
fast producer cannot run ahead of slow consumers (backpressure). To shut
down, the producer puts one sentinel per consumer; a consumer that gets
it stops. Every put and get has a timeout, and every thread is joined.
queue.Queue does its own locking: inside, it is a lock and two condition
variables, "not empty" (consumers wait on it) and "not full" (producers).
"""
# output: exact

import queue
import threading

ITEMS = 8
CONSUMERS = 2
MAXSIZE = 2
WAIT = 5.0  # seconds: a stuck thread raises queue.Full or queue.Empty
STOP = None  # the sentinel: "no more work"


# --8<-- [start:idea]
def producer(work: "queue.Queue[int | None]", sizes: list[int]) -> None:
    for item in range(ITEMS):
        work.put(item, timeout=WAIT)  # waits while the queue is full
        sizes.append(work.qsize())
    for _ in range(CONSUMERS):
        work.put(STOP, timeout=WAIT)  # one sentinel per consumer


def consumer(work: "queue.Queue[int | None]", done: list[int]) -> None:
    while True:
        item = work.get(timeout=WAIT)  # waits while the queue is empty
        if item is STOP:
            return
        done.append(item * item)  # the "work"; list.append is atomic


def main() -> None:
    work: queue.Queue[int | None] = queue.Queue(maxsize=MAXSIZE)
    sizes: list[int] = []
    done: list[int] = []
    threads = [threading.Thread(target=producer, args=(work, sizes))]
    threads += [
        threading.Thread(target=consumer, args=(work, done))
        for _ in range(CONSUMERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=WAIT)
    # --8<-- [end:idea]
    print(f"{ITEMS} items, {CONSUMERS} consumers, queue bounded at {MAXSIZE}")
    print(f"results: {sorted(done)}")
    print(f"the queue never held more than {MAXSIZE}: {max(sizes) <= MAXSIZE}")
    print(f"threads still running: {sum(t.is_alive() for t in threads)}")
    print(f"items left in the queue: {work.qsize()}")


if __name__ == "__main__":
    main()
