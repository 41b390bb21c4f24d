"""Who sees which customers, and their contact details.

Contact details (phone, email, address, IM handle) belong to the customer's owner and the
owner's managers (write) and to support (read); every other role that reaches the row sees them
masked, so a rep browsing the public pool sees `138****5678`.
"""

from crm.core.policy import Access, FieldRule, ObjectRule, RowScope

A, T, OWN, N = RowScope.ALL, RowScope.TEAM, RowScope.OWN, RowScope.NONE

_CUSTOMER_READ = {"admin": A, "sales_manager": T, "sales_rep": OWN, "marketing": A, "support": A,
                  "finance": A, "viewer": A, "warehouse": N, "hr": N}
_CUSTOMER_WRITE = {"admin": A, "sales_manager": T, "sales_rep": OWN}


def _contact_detail(mask: str) -> FieldRule:
    return FieldRule(
        roles={"admin": Access.WRITE, "support": Access.READ},
        default=Access.MASKED,
        owner=Access.WRITE,
        mask=mask,
    )


OBJECTS = {
    "Customer": ObjectRule(read=_CUSTOMER_READ, write=_CUSTOMER_WRITE),
    "Contact": ObjectRule(read=_CUSTOMER_READ, write=_CUSTOMER_WRITE),
    "Tag": ObjectRule(
        read={r: A for r in _CUSTOMER_READ if _CUSTOMER_READ[r] is not N},
        write={"admin": A, "sales_manager": A, "sales_rep": A, "marketing": A},
    ),
}

FIELDS = {
    "Customer.phone": _contact_detail("phone"),
    "Customer.email": _contact_detail("email"),
    "Customer.address": _contact_detail("text"),
    "Contact.phone": _contact_detail("phone"),
    "Contact.email": _contact_detail("email"),
    "Contact.imHandle": _contact_detail("text"),
}

# Audit keys each type shows under another field's policy (None: never shown in history):
# merge and pool bookkeeping name records the reader may not be allowed to see.
AUDIT_AS: dict[str, str | None] = {
    "Contact.ownerId": None,
    "Customer.mergedIntoId": None,
    "Customer.mergedFrom": None,
    "Customer.pooledAt": "inPool",
    "Customer.releasedFromTeamId": None,
}
