"""What new_uts_namespace.py teaches: one unshare call gives a child its own
hostname (and its own root user), while the parent's view stays as it was."""

import socket

import pytest

from conftest import load_snippet

pytestmark = pytest.mark.linux

snippet = load_snippet("part-1/virtualization/new_uts_namespace.py")


@pytest.fixture(scope="module")
def inside() -> dict[str, object]:
    report = snippet.run_child()
    if "error" in report:
        pytest.skip(f"this system refuses unprivileged namespaces: {report['error']}")
    return report


def test_the_child_has_its_own_hostname(inside: dict[str, object]) -> None:
    assert inside["hostname"] == snippet.NEW_HOSTNAME


def test_the_parent_keeps_its_hostname(inside: dict[str, object]) -> None:
    outside = snippet.view()
    assert outside["hostname"] == socket.gethostname()
    assert outside["hostname"] != snippet.NEW_HOSTNAME


def test_the_child_is_in_new_uts_and_user_namespaces(
    inside: dict[str, object],
) -> None:
    outside = snippet.view()
    assert inside["uts"] != outside["uts"]
    assert inside["user"] != outside["user"]


def test_the_child_is_root_inside_its_user_namespace(
    inside: dict[str, object],
) -> None:
    assert inside["uid"] == 0
