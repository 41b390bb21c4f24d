"""Who works in the CRM: workspaces, teams, users and their sessions."""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Any, ClassVar

from tortoise import fields
from tortoise.models import Model

from crm.core.models import Record, WorkspaceScoped

DEFAULT_WORKSPACE_SETTINGS: dict[str, Any] = {
    # Most customers one sales rep may hold before claiming from the pool is refused.
    "pool_limit_per_rep": 100,
    # Customers nobody followed up for this many days go back to the public pool.
    "pool_sweep_days": 30,
    "currency": "CNY",
}


class Workspace(Model):
    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    name = fields.CharField(max_length=200)
    slug = fields.CharField(max_length=60, unique=True)
    settings: Any = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "workspace"

    def setting(self, key: str) -> Any:
        return (self.settings or {}).get(key, DEFAULT_WORKSPACE_SETTINGS.get(key))


class Team(WorkspaceScoped):
    name = fields.CharField(max_length=120)
    parent: Any = fields.ForeignKeyField("crm.Team", related_name=False, null=True,
                                         on_delete=fields.SET_NULL)
    parent_id: uuid.UUID | None
    manager_id = fields.UUIDField(null=True)

    policy_type: ClassVar[str] = "Team"

    class Meta:
        table = "team"
        unique_together = (("workspace_id", "name"),)


class User(WorkspaceScoped):
    email = fields.CharField(max_length=254)
    name = fields.CharField(max_length=120)
    role = fields.CharField(max_length=40)
    team: Any = fields.ForeignKeyField("crm.Team", related_name=False, null=True,
                                       on_delete=fields.SET_NULL)
    team_id: uuid.UUID | None
    password_hash = fields.CharField(max_length=255)
    is_active = fields.BooleanField(default=True)
    version = fields.IntField(default=1)

    policy_type: ClassVar[str] = "User"

    class Meta:
        table = "app_user"
        unique_together = (("workspace_id", "email"),)


class RefreshToken(WorkspaceScoped):
    """One refresh token of a rotating family: a reused one revokes its whole family."""

    user: Any = fields.ForeignKeyField("crm.User", related_name=False, on_delete=fields.CASCADE)
    user_id: uuid.UUID
    token_hash = fields.CharField(max_length=64, unique=True)
    family_id = fields.UUIDField(db_index=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "refresh_token"


class ListKey(str, Enum):
    """The lists of the admin app whose state a saved view remembers."""

    CUSTOMERS = "customers"
    LEADS = "leads"
    OPPORTUNITIES = "opportunities"
    ORDERS = "orders"
    SHIPMENTS = "shipments"
    TASKS = "tasks"


class SavedView(Record):
    """A named snapshot of one list's state (search, filters, sort, page size) kept for its
    owner, and for the whole workspace when shared. Deleted views keep their name: saving a
    view under it again brings that view back with the new state."""

    owner: Any = fields.ForeignKeyField("crm.User", related_name=False, on_delete=fields.CASCADE)
    owner_id: uuid.UUID
    list_key = fields.CharEnumField(ListKey, max_length=20)
    name = fields.CharField(max_length=80)
    state: Any = fields.JSONField(default=dict)
    shared = fields.BooleanField(default=False)
    # At most one of an owner's views of a list is their default (the service keeps it so).
    is_default = fields.BooleanField(default=False)

    policy_type: ClassVar[str] = "SavedView"
    owner_column: ClassVar[str | None] = "owner_id"

    class Meta:
        table = "saved_view"
        unique_together = (("workspace_id", "owner_id", "list_key", "name"),)
        # What `savedViews(list:)` reads besides the owner's own: the list's shared views.
        indexes = (("workspace_id", "list_key", "shared"),)
