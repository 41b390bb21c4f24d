"""GraphQL types of the change feed."""

from __future__ import annotations

from enum import Enum

import strawberry

from crm.core.graphql import Node


@strawberry.enum(name="ChangeType", description="A kind of record the change feed carries.")
class ChangeType(Enum):
    CUSTOMER = strawberry.enum_value("Customer", description="Customers (客户).")
    CONTACT = strawberry.enum_value("Contact", description="Contacts of customers.")
    INTERACTION = strawberry.enum_value("Interaction", description="Follow-ups (跟进记录).")
    LEAD = strawberry.enum_value("Lead", description="Leads (线索).")
    OPPORTUNITY = strawberry.enum_value("Opportunity", description="Opportunities (商机).")
    TASK = strawberry.enum_value("Task", description="Tasks and reminders.")
    ORDER = strawberry.enum_value("Order", description="Orders and contracts.")
    PRODUCT = strawberry.enum_value("Product", description="Products of the catalogue.")


@strawberry.enum(name="RemovalReason", description="Why a record left the device's copy.")
class RemovalReason(Enum):
    DELETED = strawberry.enum_value("DELETED", description="It was deleted (it may be restored, "
                                    "and then comes back as a change).")
    OUT_OF_SCOPE = strawberry.enum_value(
        "OUT_OF_SCOPE", description="You may no longer read it: it went to an owner outside your "
        "reach, back to the public pool, or with a customer you no longer reach.")


@strawberry.type(description="A record to drop from the device: a tombstone.")
class Removal:
    type: ChangeType = strawberry.field(description="The kind of record.")
    id: strawberry.ID = strawberry.field(description="Its global id, as its `id` was.")
    reason: RemovalReason = strawberry.field(description="Why it goes.")


@strawberry.type(description="One page of the change feed: records that changed since the "
                 "cursor you sent, as they are now, and those you should drop.")
class ChangeFeed:
    nodes: list[Node] = strawberry.field(description=(
        "Records created or changed, each once, in the order of their first change in this "
        "page, as they are now; select their fields with inline fragments (`... on Customer`). "
        "The field policy applies as in any query."))
    removals: list[Removal] = strawberry.field(description=(
        "Records deleted or no longer readable by you since the cursor, each once."))
    cursor: str = strawberry.field(description=(
        "Send it as `since` next time (with the same `types`); opaque."))
    has_more: bool = strawberry.field(description=(
        "True when more changes are ready now: ask again with `cursor` at once."))

