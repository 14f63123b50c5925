"""Access control three ways: ACL, RBAC and ABAC, all denying by default.

An ACL is a list on each resource: who may do what to it. RBAC grants
permissions to roles and roles to users. ABAC decides from attributes
of the user, the resource and the request. The same question, "may
this user do this action on this invoice?", is answered by each; then
one user leaves the billing team, and we count the edits each needs.
"""
# output: exact

INVOICES = ["inv-1", "inv-2", "inv-3"]

# --8<-- [start:acl]
# ACL: on every resource, user -> allowed actions.
Acl = dict[str, dict[str, set[str]]]


def acl_allows(acl: Acl, user: str, action: str, resource: str) -> bool:
    return action in acl.get(resource, {}).get(user, set())  # else deny
    # --8<-- [end:acl]


# --8<-- [start:rbac]
# RBAC: role -> permissions, user -> roles. Least privilege: the
# support role may read invoices, and nothing else.
ROLES = {
    "support": {("read", "invoice")},
    "billing": {("read", "invoice"), ("refund", "invoice")},
}


def rbac_allows(
    user_roles: dict[str, set[str]], user: str, action: str, kind: str
) -> bool:
    return any(
        (action, kind) in ROLES.get(role, set())
        for role in user_roles.get(user, set())  # unknown user: no roles
    )
    # --8<-- [end:rbac]


# --8<-- [start:abac]
# ABAC: a rule over attributes of subject, resource and environment.
def abac_allows(
    subject: dict[str, object],
    action: str,
    resource: dict[str, object],
    hour: int,
) -> bool:
    same_region = subject["region"] == resource["region"]
    if action == "read":
        return same_region
    if action == "refund":
        limit, amount = subject.get("refund_limit", 0), resource["amount"]
        assert isinstance(limit, int) and isinstance(amount, int)
        in_hours = 8 <= hour < 18  # the environment is an attribute too
        return same_region and amount <= limit and in_hours
    return False  # any other action: deny
    # --8<-- [end:abac]


def main() -> None:
    acl: Acl = {
        inv: {"ana": {"read", "refund"}, "ben": {"read"}} for inv in INVOICES
    }
    roles = {"ana": {"billing"}, "ben": {"support"}}
    asks = [
        ("ana", "refund"),
        ("ben", "read"),
        ("ben", "refund"),
        ("eve", "read"),
        ("ana", "delete"),
    ]
    for user, action in asks:
        by_acl = acl_allows(acl, user, action, "inv-1")
        by_rbac = rbac_allows(roles, user, action, "invoice")
        print(f"{user} {action:6} inv-1: ACL {by_acl!s:5}  RBAC {by_rbac}")

    # --8<-- [start:revoke]
    print("ana leaves the billing team:")
    roles["ana"].discard("billing")  # RBAC: one edit
    acl_edits = 0
    for inv in INVOICES:  # ACL: one edit per resource she could touch
        acl[inv]["ana"].discard("refund")
        acl_edits += 1
    still = [
        inv
        for inv in INVOICES
        if rbac_allows(roles, "ana", "refund", "invoice")
    ]
    print(f"  RBAC: 1 edit, refunds still allowed on {len(still)} of 3")
    print(f"  ACL: {acl_edits} edits, one per invoice")
    # --8<-- [end:revoke]

    clerk = {"region": "eu", "refund_limit": 500}
    for amount, region, hour in [
        (120, "eu", 10),
        (900, "eu", 10),
        (120, "eu", 23),
        (120, "us", 10),
    ]:
        invoice = {"amount": amount, "region": region}
        print(
            f"ABAC: refund {amount:3} ({region}) at {hour:02}:00:",
            abac_allows(clerk, "refund", invoice, hour),
            "| read:",
            abac_allows(clerk, "read", invoice, hour),
        )


if __name__ == "__main__":
    main()
