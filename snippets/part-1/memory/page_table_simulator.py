"""A toy page table, MMU and TLB, with demand paging by a toy kernel.

The kernel owns the page table (virtual page number -> physical frame).
The MMU splits each virtual address into page number and offset, looks in
its TLB (a tiny cache of recent translations), walks the page table on a
miss, and raises PageFault when the page is not mapped. The kernel then
checks that the address belongs to the process: if so, it gives the page a
free frame and the access is retried; if not, the process gets a
segmentation fault. Everything is deterministic.
"""
# output: exact

from collections import OrderedDict

PAGE_SIZE = 4096  # bytes: 2**12, so the low 12 bits are the offset


class PageFault(Exception):
    """Raised by the MMU: the page table has no entry for this page."""

    def __init__(self, address: int, page: int) -> None:
        super().__init__(f"page fault at {address:#06x} (page {page})")
        self.address = address
        self.page = page


class SegmentationFault(Exception):
    """Raised by the kernel: the address is not part of the process."""


class MMU:
    """The hardware side: translate, cache translations, raise faults."""

    def __init__(self, page_table: dict[int, int], tlb_size: int = 2):
        self.page_table = page_table  # built by the kernel, read here
        self.tlb: OrderedDict[int, int] = OrderedDict()
        self.tlb_size = tlb_size
        self.tlb_hits = 0
        self.tlb_misses = 0

    # --8<-- [start:mmu]
    def translate(self, address: int) -> int:
        page, offset = divmod(address, PAGE_SIZE)
        if page in self.tlb:
            self.tlb_hits += 1
            self.tlb.move_to_end(page)  # most recently used
            frame = self.tlb[page]
        else:
            self.tlb_misses += 1
            if page not in self.page_table:  # the "present" bit is off
                raise PageFault(address, page)
            frame = self.page_table[page]  # the page-table walk
            self.tlb[page] = frame
            if len(self.tlb) > self.tlb_size:
                self.tlb.popitem(last=False)  # evict least recently used
        # The offset passes through unchanged: only the page moves.
        return frame * PAGE_SIZE + offset
        # --8<-- [end:mmu]


class Kernel:
    """The OS side: owns the page table and the free frames."""

    def __init__(self, free_frames: list[int], valid_pages: range):
        self.page_table: dict[int, int] = {}  # nothing loaded up front
        self.free_frames = list(free_frames)
        self.valid_pages = valid_pages  # what the process has allocated
        self.mmu = MMU(self.page_table)
        self.faults = 0

    # --8<-- [start:kernel]
    def handle_page_fault(self, fault: PageFault) -> int:
        self.faults += 1
        if fault.page not in self.valid_pages:
            raise SegmentationFault(f"page {fault.page} not allocated")
        frame = self.free_frames.pop(0)  # a real kernel may evict here
        self.page_table[fault.page] = frame
        return frame

    def load(self, address: int) -> tuple[int, str]:
        """One memory access by the process: (physical address, event)."""
        hits = self.mmu.tlb_hits
        try:
            physical = self.mmu.translate(address)
        except PageFault as fault:
            frame = self.handle_page_fault(fault)
            physical = self.mmu.translate(address)  # retry the access
            return physical, f"page fault: kernel maps frame {frame}"
        if self.mmu.tlb_hits > hits:
            return physical, "TLB hit"
        return physical, "TLB miss: page-table walk"
        # --8<-- [end:kernel]


def main() -> None:
    # Frames are handed out in no particular order: physical memory
    # does not have to be contiguous, only each page is.
    kernel = Kernel(free_frames=[7, 3, 9, 4], valid_pages=range(0, 4))
    accesses = [
        0x1A2C,
        0x1A30,
        0x1FFC,
        0x0010,
        0x1004,
        0x3FFF,
        0x0020,
        0x2004,
        0x9000,
    ]
    print(f"{'virtual':<9}{'page':>4}{'offset':>7}  {'physical':<10}event")
    for address in accesses:
        page, offset = divmod(address, PAGE_SIZE)
        try:
            physical, event = kernel.load(address)
            where = f"{physical:#06x}"
        except SegmentationFault as error:
            where, event = "-", f"segmentation fault: {error}"
        print(f"{address:#06x}   {page:>4}{offset:>7}  {where:<10}{event}")
    print(
        f"accesses: {len(accesses)}, TLB hits: {kernel.mmu.tlb_hits},"
        f" page faults: {kernel.faults}"
    )
    print("page table:", dict(sorted(kernel.page_table.items())))


if __name__ == "__main__":
    main()
