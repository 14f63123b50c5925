"""What mmap_demand_paging.py teaches: mapping memory grows the address space
(VmSize) but not RAM (VmRSS); writing a page costs one minor fault and one page
of RAM; reading untouched anonymous memory faults but adds no RAM; unmapping
returns both."""

from typing import Any

import pytest

from conftest import load_snippet

pytestmark = pytest.mark.linux

snippet = load_snippet("part-1/memory/mmap_demand_paging.py")
MIB = 1 << 20


@pytest.fixture(scope="module")
def steps() -> dict[str, Any]:
    mapped, written, read, unmapped = snippet.demand_paging(64, 16)
    return {"map": mapped, "write": written, "read": read, "unmap": unmapped}


def test_status_reports_sizes_in_bytes() -> None:
    status = snippet.memory_status()
    assert status["VmSize"] >= status["VmRSS"] > 0
    assert status["VmSize"] % 1024 == 0


def test_mapping_grows_virtual_size_not_resident_memory(steps: dict[str, Any]) -> None:
    mapped = steps["map"]
    # Python's allocator may map an arena meanwhile: allow a little slack.
    assert abs(mapped.vm_size - 64 * MIB) < 2 * MIB
    assert abs(mapped.vm_rss) < MIB
    # Nothing touched yet: touching the mapping would fault once per page (16,384).
    # The count is the whole process's, and in a test worker other threads fault too,
    # so the bound is a sixteenth of that, not zero.
    assert mapped.minor_faults < mapped.pages // 16


def test_writing_each_page_faults_once_and_makes_it_resident(steps: dict[str, Any]) -> None:
    written = steps["write"]
    assert written.pages == 16 * MIB // snippet.PAGE
    assert abs(written.vm_size) < 2 * MIB
    assert abs(written.vm_rss - 16 * MIB) < MIB
    # One minor fault per page; a few more for Python's own allocations.
    assert written.pages <= written.minor_faults < written.pages * 1.1


def test_reading_untouched_pages_faults_but_adds_no_ram(steps: dict[str, Any]) -> None:
    read = steps["read"]
    assert abs(read.vm_rss) < MIB  # the shared zero page, not new frames
    assert read.pages <= read.minor_faults < read.pages * 1.1


def test_unmapping_gives_back_address_space_and_ram(steps: dict[str, Any]) -> None:
    unmapped = steps["unmap"]
    assert abs(unmapped.vm_size + 64 * MIB) < 2 * MIB
    assert abs(unmapped.vm_rss + 16 * MIB) < MIB
