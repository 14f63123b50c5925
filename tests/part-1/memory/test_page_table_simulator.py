"""What page_table_simulator.py teaches: address = page * 4096 + offset, the
offset survives translation, the MMU faults on unmapped pages, the kernel maps
valid ones on demand (and only then), and the TLB serves repeated pages."""

from typing import Any

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/memory/page_table_simulator.py")


def fresh_kernel() -> Any:
    return snippet.Kernel(free_frames=[7, 3, 9, 4], valid_pages=range(0, 4))


def test_page_size_is_4096() -> None:
    assert snippet.PAGE_SIZE == 4096 == 2**12


def test_mmu_translates_page_and_keeps_offset() -> None:
    mmu = snippet.MMU({1: 7, 0: 3})
    assert mmu.translate(0x1A2C) == 0x7A2C
    assert mmu.translate(0x0FFF) == 0x3FFF
    assert mmu.translate(0x1000) == 0x7000


def test_mmu_raises_page_fault_for_an_unmapped_page() -> None:
    mmu = snippet.MMU({})
    with pytest.raises(snippet.PageFault) as info:
        mmu.translate(0x2004)
    assert (info.value.page, info.value.address) == (2, 0x2004)


def test_nothing_is_mapped_until_first_touch() -> None:
    kernel = fresh_kernel()
    assert kernel.page_table == {}
    physical, event = kernel.load(0x1A2C)
    assert physical == 0x7A2C
    assert event == "page fault: kernel maps frame 7"
    assert kernel.page_table == {1: 7}
    assert kernel.faults == 1


def test_second_access_to_a_page_hits_the_tlb_without_a_fault() -> None:
    kernel = fresh_kernel()
    kernel.load(0x1A2C)
    assert kernel.load(0x1A30) == (0x7A30, "TLB hit")
    assert kernel.faults == 1


def test_tlb_evicts_least_recently_used_then_walks_the_table() -> None:
    kernel = fresh_kernel()  # TLB of two entries
    for address in (0x1000, 0x0000, 0x1004, 0x3000):  # evicts page 0
        kernel.load(address)
    assert list(kernel.mmu.tlb) == [1, 3]
    assert kernel.load(0x0020) == (0x3020, "TLB miss: page-table walk")
    assert kernel.faults == 3  # the walk found page 0: no new fault


def test_address_outside_the_process_is_a_segmentation_fault() -> None:
    kernel = fresh_kernel()
    with pytest.raises(snippet.SegmentationFault):
        kernel.load(0x9000)
    assert kernel.page_table == {}  # nothing mapped for an invalid page
    assert kernel.free_frames == [7, 3, 9, 4]


def test_the_whole_run(capsys: pytest.CaptureFixture[str]) -> None:
    snippet.main()
    out = capsys.readouterr().out
    assert "accesses: 9, TLB hits: 3, page faults: 5" in out
    assert "page table: {0: 3, 1: 7, 2: 4, 3: 9}" in out
    assert out.count("segmentation fault") == 1
