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
# --- OAuth2 for third parties ------------------------------------------------------------------

class OAuthClient(WorkspaceScoped):
    """An integration an admin registered, with its secret kept as a sha256 digest.

    The secret is 256 random bits: a value that cannot be guessed needs no slow hash (argon2
    would cost every token request 64 MiB and tens of milliseconds for no gain), unlike a
    password a person chose."""

    name = fields.CharField(max_length=120)
    client_id = fields.CharField(max_length=64, unique=True)
    secret_hash = fields.CharField(max_length=64, null=True)
    confidential = fields.BooleanField(default=True)
    redirect_uris: Any = fields.JSONField(default=list)
    allowed_scopes: Any = fields.JSONField(default=list)
    owner: Any = fields.ForeignKeyField("crm.User", related_name=False, null=True,
                                        on_delete=fields.SET_NULL)
    owner_id: uuid.UUID | None
    # The role a client-credentials token acts with (the client's service account); None: the
    # client may only act for users who consent.
    service_role = fields.CharField(max_length=40, null=True)
    disabled = fields.BooleanField(default=False)
    trusted_documents = fields.BooleanField(default=False)
    # Its own request limits (the `limits` notation, e.g. "6000/minute"), instead of
    # CRM_REQUEST_RATE_PER_CALLER; None: the default.
    request_rate = fields.CharField(max_length=100, null=True)
    version = fields.IntField(default=1)

    policy_type: ClassVar[str] = "OAuthClient"

    class Meta:
        table = "oauth_client"


class OAuthAuthorizationCode(WorkspaceScoped):
    """An authorization code issued by consent, spent once within minutes with PKCE."""

    client_id = fields.CharField(max_length=64)
    user: Any = fields.ForeignKeyField("crm.User", related_name=False, on_delete=fields.CASCADE)
    user_id: uuid.UUID
    code_hash = fields.CharField(max_length=64, unique=True)
    redirect_uri = fields.TextField()
    scope = fields.TextField()
    code_challenge = fields.CharField(max_length=128)
    # The refresh-token family the code's tokens start: a reused code revokes it.
    family_id = fields.UUIDField()
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "oauth_authorization_code"


class OAuthRefreshToken(WorkspaceScoped):
    """One refresh token of an OAuth grant, rotated on each use.

    A reused one revokes its family and every access token of it."""

    client_id = fields.CharField(max_length=64, db_index=True)
    user: Any = fields.ForeignKeyField("crm.User", related_name=False, on_delete=fields.CASCADE)
    user_id: uuid.UUID
    token_hash = fields.CharField(max_length=64, unique=True)
    family_id = fields.UUIDField(db_index=True)
    scope = fields.TextField()
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "oauth_refresh_token"


class TrustedOperation(WorkspaceScoped):
    """A persisted operation registered for a trusted-documents client.

    Such a client runs these and nothing else."""

    client_id = fields.CharField(max_length=64)
    sha256 = fields.CharField(max_length=64)
    query = fields.TextField()

    class Meta:
        table = "oauth_trusted_operation"
        unique_together = (("workspace_id", "client_id", "sha256"),)
