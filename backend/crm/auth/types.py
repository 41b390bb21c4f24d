"""GraphQL types of users, teams, sessions and effective permissions."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from crm.auth import models
from crm.auth.loaders import team_loader, user_loader, users_of_team_loader
from crm.core.connections import Connection, SortKey, paginate
from crm.core.errors import UserError
from crm.core.graphql import Node, actor_of, node_type, register_model_type, require_visible
from crm.core.ids import to_global_id
from crm.core.models import AuditEvent as AuditEventModel
from crm.core.policy import Access, Actor, RowScope
from crm.core.validation import camel


async def _fetch_users(actor: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    from crm.auth.service import users_by_ids
    return await users_by_ids(actor, ids)


async def _fetch_teams(actor: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    from crm.auth.service import teams_by_ids
    return await teams_by_ids(actor, ids)


@node_type(models.User, _fetch_users)
@strawberry.type(description="A person who signs in to the CRM.")
class User(Node):
    email: str
    name: str
    role: str
    is_active: bool
    created_at: dt.datetime

    @strawberry.field
    async def team(self, root: strawberry.Parent[Any], info: Info) -> Annotated[
            Team, strawberry.lazy("crm.auth.types")] | None:
        if root.team_id is None:
            return None
        return require_visible(info, "Team", await team_loader(info).load(root.team_id))


@node_type(models.Team, _fetch_teams)
@strawberry.type(description="A sales team; teams form a tree under their parent.")
class Team(Node):
    name: str

    @strawberry.field
    async def manager(self, root: strawberry.Parent[Any], info: Info) -> User | None:
        if root.manager_id is None:
            return None
        return require_visible(info, "User", await user_loader(info).load(root.manager_id))

    @strawberry.field
    async def parent(self, root: strawberry.Parent[Any], info: Info) -> Team | None:
        if root.parent_id is None:
            return None
        return require_visible(info, "Team", await team_loader(info).load(root.parent_id))

    @strawberry.field
    async def members(self, root: strawberry.Parent[Any], info: Info) -> list[User]:
        actor = actor_of(info)
        return [u for u in await users_of_team_loader(info).load(root.id)
                if actor.can_read_row("User", u)]


@strawberry.type
class FieldPermission:
    field: str
    access: Access


@strawberry.type(description="What the caller may do with one object type.")
class TypePermission:
    type: str
    row_scope: RowScope
    write_scope: RowScope
    fields: list[FieldPermission]


@strawberry.type(description="The signed-in user and what they may see and do.")
class Me:
    user: User
    permissions: list[TypePermission]

    @strawberry.field
    def role(self) -> str:
        return self.user.role

    @strawberry.field
    async def team(self, info: Info) -> Team | None:
        team_id = getattr(self.user, "team_id", None)
        if team_id is None:
            return None
        return await team_loader(info).load(team_id)


@strawberry.type
class LoginPayload:
    access_token: str | None = None
    refresh_token: str | None = None
    expires_in: int | None = None
    user: User | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class LogoutPayload:
    ok: bool
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class LoginInput:
    email: str
    password: str
    workspace: str | None = strawberry.field(
        default=None, description="The workspace slug, when one email is in several workspaces.")


@strawberry.input
class RefreshTokenInput:
    refresh_token: str


@strawberry.input
class LogoutInput:
    refresh_token: str


# --- audit trail (platform) -----------------------------------------------------------------

@strawberry.type(description="One field's change: old and new value, as the policy lets you see.")
class FieldChange:
    field: str
    old: JSON | None
    new: JSON | None


@strawberry.type(description="Who changed what, when, from which client.")
class AuditEvent(Node):
    action: str
    object_type: str
    client_id: str | None
    request_id: str
    note: str | None
    created_at: dt.datetime

    @strawberry.field
    def object_id(self, root: strawberry.Parent[Any]) -> strawberry.ID:
        return strawberry.ID(to_global_id(root.object_type, root.object_id))

    @strawberry.field
    async def actor(self, root: strawberry.Parent[Any], info: Info) -> User | None:
        if root.actor_user_id is None:
            return None
        return await user_loader(info).load(root.actor_user_id)

    @strawberry.field
    def changes(self, root: strawberry.Parent[Any], info: Info) -> list[FieldChange]:
        actor = actor_of(info)
        return [FieldChange(field=f, old=old, new=new)
                for f, (old, new) in visible_changes(actor, root.object_type,
                                                     root.changes or {}, root).items()]


register_model_type(AuditEvent, AuditEventModel)


def visible_changes(actor: Actor, object_type: str, changes: dict[str, Any], event: Any
                    ) -> dict[str, tuple[Any, Any]]:
    """The changes the actor may read: hidden fields dropped, masked fields masked.

    The row the event is about was already checked; owner-based access uses the event's
    owner snapshot only through the type's role rule (history never upgrades by ownership).
    """
    from crm.core.policy import mask_value
    out: dict[str, tuple[Any, Any]] = {}
    for column_name, pair in changes.items():
        name = camel(column_name)
        rule = actor.policy.fields.get(f"{object_type}.{name}")
        access = actor.field_access(object_type, name)
        subject = getattr(event, "_subject", None)
        if subject is not None:
            access = actor.field_access_for(object_type, name, subject)
        if rule is not None and rule.history_roles is not None and actor.role not in rule.history_roles:
            access = Access.NONE
        if access is Access.NONE:
            continue
        old, new = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        if access is Access.MASKED:
            kind = rule.mask if rule else "text"
            old, new = mask_value(old, kind), mask_value(new, kind)
        out[name] = (old, new)
    return out


async def audit_history(actor: Actor, object_type: str, subject: Any, *, first: int | None,
                        after: str | None, customer_wide: bool = False) -> Connection[Any]:
    """The audit events of a row the actor can already read, newest first."""
    qs = AuditEventModel.filter(workspace_id=actor.workspace_id)
    qs = qs.filter(customer_id=subject.id) if customer_wide else qs.filter(object_id=subject.id)
    page = await paginate(qs, [SortKey("created_at", descending=True)], first=first, after=after)
    for edge in page.edges:
        edge.node._subject = subject if edge.node.object_type == object_type else None
    return page
