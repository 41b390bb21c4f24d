"""Customers (companies or persons), their contacts and tags."""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Any, ClassVar

from tortoise import fields

from crm.core.models import Record, WorkspaceScoped


class CustomerKind(str, Enum):
    COMPANY = "company"
    PERSON = "person"


class LifecycleStage(str, Enum):
    PROSPECT = "prospect"
    LEAD = "lead"
    OPPORTUNITY = "opportunity"
    CUSTOMER = "customer"
    LOYAL = "loyal"
    # No order and no interaction for the workspace's at-risk days (crm.lifecycle).
    AT_RISK = "at_risk"
    CHURNED = "churned"


class CustomerLevel(str, Enum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


class Customer(Record):
    name = fields.CharField(max_length=200)
    kind = fields.CharEnumField(CustomerKind, max_length=20, default=CustomerKind.COMPANY)
    industry = fields.CharField(max_length=100, null=True)
    region = fields.CharField(max_length=100, null=True)
    address = fields.CharField(max_length=500, null=True)
    phone = fields.CharField(max_length=40, null=True)
    email = fields.CharField(max_length=254, null=True)
    source = fields.CharField(max_length=60, null=True)
    lifecycle_stage = fields.CharEnumField(LifecycleStage, max_length=20,
                                           default=LifecycleStage.PROSPECT)
    level = fields.CharEnumField(CustomerLevel, max_length=2, default=CustomerLevel.C)
    owner: Any = fields.ForeignKeyField("crm.User", related_name=False, null=True,
                                        on_delete=fields.SET_NULL)
    owner_id: uuid.UUID | None
    team: Any = fields.ForeignKeyField("crm.Team", related_name=False, null=True,
                                       on_delete=fields.SET_NULL)
    team_id: uuid.UUID | None
    in_pool = fields.BooleanField(default=False)
    pooled_at = fields.DatetimeField(null=True)
    # The team of the owner who released the customer to the pool, when a person did (null
    # after the sweep, and out of the pool): a claim from another team soon after is a transfer.
    released_from_team_id = fields.UUIDField(null=True)
    last_follow_up_at = fields.DatetimeField(null=True)
    next_follow_up_at = fields.DatetimeField(null=True)
    merged_into_id = fields.UUIDField(null=True)
    last_interaction_id = fields.UUIDField(null=True)
    # Lower-cased name and digits-only phone, so duplicate checks hit an index.
    name_key = fields.CharField(max_length=200)
    phone_key = fields.CharField(max_length=40, null=True)
    # The name as it sorts: Chinese characters by their pinyin, among Latin names (张伟 between
    # Yahoo and Zebra, not after every Latin name); see customers.service.sort_key.
    name_sort = fields.CharField(max_length=400, null=True)

    policy_type: ClassVar[str] = "Customer"
    owner_column: ClassVar[str | None] = "owner_id"

    class Meta:
        table = "customer"
        indexes = (
            ("workspace_id", "owner_id", "deleted_at"),
            ("workspace_id", "in_pool"),
            ("workspace_id", "name"),
            ("workspace_id", "name_key"),
            ("workspace_id", "name_sort"),
            ("workspace_id", "phone_key"),
            ("workspace_id", "email"),
            ("workspace_id", "created_at"),
            ("workspace_id", "updated_at"),
            ("workspace_id", "last_follow_up_at"),
            ("workspace_id", "next_follow_up_at"),
            ("workspace_id", "team_id"),
            ("workspace_id", "lifecycle_stage"),
            ("workspace_id", "region"),
        )


class Contact(Record):
    customer: Any = fields.ForeignKeyField("crm.Customer", related_name=False,
                                           on_delete=fields.CASCADE)
    customer_id: uuid.UUID
    name = fields.CharField(max_length=120)
    title = fields.CharField(max_length=120, null=True)
    phone = fields.CharField(max_length=40, null=True)
    email = fields.CharField(max_length=254, null=True)
    im_handle = fields.CharField(max_length=120, null=True)
    is_primary = fields.BooleanField(default=False)
    # The customer's owner, copied so the field policy can tell the owner without a join.
    owner_id = fields.UUIDField(null=True)

    policy_type: ClassVar[str] = "Contact"
    scope_parent: ClassVar[tuple[str, str] | None] = ("customer_id", "Customer")

    class Meta:
        table = "contact"
        indexes = (("workspace_id", "customer_id"), ("workspace_id", "name"))


class Tag(Record):
    name = fields.CharField(max_length=60)
    color = fields.CharField(max_length=20, default="blue")
    group = fields.CharField(max_length=60, null=True)

    policy_type: ClassVar[str] = "Tag"

    class Meta:
        table = "tag"
        unique_together = (("workspace_id", "name"),)


class CustomerTag(WorkspaceScoped):
    customer: Any = fields.ForeignKeyField("crm.Customer", related_name=False,
                                           on_delete=fields.CASCADE)
    customer_id: uuid.UUID
    tag: Any = fields.ForeignKeyField("crm.Tag", related_name=False, on_delete=fields.CASCADE)
    tag_id: uuid.UUID

    policy_type: ClassVar[str] = "Tag"

    class Meta:
        table = "customer_tag"
        unique_together = (("workspace_id", "customer_id", "tag_id"),)
        indexes = (("workspace_id", "tag_id"),)
