"""What access_policy.py teaches: every model denies by default; revoking
one RBAC role removes access to every resource at once, while an ACL needs
one edit per resource; ABAC decides from attributes, environment included."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/security/access_policy.py")


def fresh_acl() -> dict[str, dict[str, set[str]]]:
    return {inv: {"ana": {"read", "refund"}} for inv in snippet.INVOICES}


@pytest.mark.parametrize(("user", "action"), [("eve", "read"), ("ana", "delete"), ("ana", "")])
def test_unknown_means_deny(user: str, action: str) -> None:
    assert not snippet.acl_allows(fresh_acl(), user, action, "inv-1")
    assert not snippet.acl_allows(fresh_acl(), "ana", "read", "inv-404")
    assert not snippet.rbac_allows({"ana": {"billing"}}, user, action, "invoice")
    assert not snippet.rbac_allows({"ana": {"no-such-role"}}, "ana", "read", "invoice")


def test_least_privilege_support_only_reads() -> None:
    roles = {"ben": {"support"}}
    assert snippet.rbac_allows(roles, "ben", "read", "invoice")
    assert not snippet.rbac_allows(roles, "ben", "refund", "invoice")


def test_revoking_a_role_removes_access_everywhere_at_once() -> None:
    roles = {"ana": {"billing"}}
    assert snippet.rbac_allows(roles, "ana", "refund", "invoice")
    roles["ana"].discard("billing")
    assert not snippet.rbac_allows(roles, "ana", "refund", "invoice")


def test_an_acl_edit_on_one_resource_leaves_the_others() -> None:
    acl = fresh_acl()
    acl["inv-1"]["ana"].discard("refund")
    still = [i for i in snippet.INVOICES if snippet.acl_allows(acl, "ana", "refund", i)]
    assert still == ["inv-2", "inv-3"]


def test_abac_uses_subject_resource_and_environment() -> None:
    clerk = {"region": "eu", "refund_limit": 500}
    ok = {"amount": 120, "region": "eu"}
    assert snippet.abac_allows(clerk, "refund", ok, 10)
    assert not snippet.abac_allows(clerk, "refund", {**ok, "amount": 900}, 10)
    assert not snippet.abac_allows(clerk, "refund", ok, 23)
    assert not snippet.abac_allows(clerk, "refund", {**ok, "region": "us"}, 10)
    assert not snippet.abac_allows(clerk, "delete", ok, 10)
    assert not snippet.abac_allows({"region": "eu"}, "refund", ok, 10)  # no limit
