"""GraphQL types of users, teams, sessions and effective permissions."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from crm.auth import models
from crm.core.connections import SortKey
from crm.core.enums import public_enum
from crm.core.errors import UserError
from crm.core.filters import FilterSpec, SortSpec, ref, text
from crm.core.graphql import Node, actor_of, model_type, node_type
from crm.core.ids import to_global_id
from crm.core.models import AuditEvent as AuditEventModel
from crm.core.payloads import errors_field, result_field
from crm.core.policy import Access, RowScope
from crm.core.relations import connection, scoped_by, to_many, to_one


@node_type(models.User)
@strawberry.type(description="A person who signs in to the CRM.")
class User(Node):
    email: str = strawberry.field(description="The sign-in email, readable by colleagues.")
    name: str = strawberry.field(description="The name colleagues see.")
    role: str = strawberry.field(description="The role that decides what they may see and do.")
    is_active: bool = strawberry.field(description="False once the account is disabled.")
    created_at: dt.datetime = strawberry.field(description="When the account was made.")
    team: Annotated[Team, strawberry.lazy("crm.auth.types")] | None = to_one(
        "team_id", description="The team they belong to.")


@node_type(models.Team)
@strawberry.type(description="A sales team; teams form a tree under their parent.")
class Team(Node):
    name: str = strawberry.field(description="The team's name.")
    manager: User | None = to_one("manager_id", description="Who manages the team.")
    parent: Team | None = to_one("parent_id", description="The team above this one.")
    members: list[User] = to_many("team_id", order_by=["name"], size=20,
                                  description="The users in this team, by name.")


USER_FILTER = FilterSpec("User", [text("role"), ref("team", "Team"), text("name"), text("email")],
                         "UserFilter", __name__, "Which users to list.")
USER_SORT = SortSpec("User", {"NAME": ("name", "name"), "EMAIL": ("email", "email"),
                              "CREATED_AT": ("created_at", "createdAt")}, [SortKey("name")],
                     "UserSort", __name__)


@strawberry.type(description="How much of one field the caller may see or change.")
class FieldPermission:
    field: str = strawberry.field(description="The field's name in the schema, e.g. phone.")
    access: Access = strawberry.field(
        description="Hidden, masked, readable or writable for the caller.")


@strawberry.type(description="What the caller may do with one object type: which rows they may "
                 "read and write, and how much of each field they see.")
class TypePermission:
    type: str = strawberry.field(description="The object type's name in the schema, e.g. Order.")
    row_scope: RowScope = strawberry.field(description="Which rows the caller may read.")
    write_scope: RowScope = strawberry.field(
        description="Which rows the caller may create, change or delete.")
    fields: list[FieldPermission] = strawberry.field(
        description="The caller's access to each field of the type.")
    actions: list[str] = strawberry.field(
        default_factory=list,
        description="Steps of the type's life reserved to some roles that the caller may take, "
        "e.g. `approve` of a PayRun for finance. A step not reserved to a role is open to whoever "
        "may write the row (see writeScope).")


@strawberry.type(description="The signed-in user and what they may see and do.")
class Me:
    user: User = strawberry.field(description="The signed-in user.",
                                  metadata=scoped_by("auth.service.get_user: the caller themself"))
    permissions: list[TypePermission] = strawberry.field(
        description="Per object type: the rows and fields the caller may read and write.")

    @strawberry.field(description="The caller's role.")
    def role(self) -> str:
        return self.user.role

    @strawberry.field(description="The caller's team.",
                      metadata=scoped_by("auth.service.team_of: the caller's own team"))
    async def team(self, info: Info) -> Team | None:
        from crm.auth.service import team_of
        return await team_of(actor_of(info), self.user)  # type: ignore[arg-type, return-value]


@strawberry.type(description="A new session: the tokens and whom they belong to, or why "
                 "signing in was refused.")
class LoginPayload:
    access_token: str | None = strawberry.field(
        default=None, description="A bearer token for the Authorization header, valid for "
        "`expiresIn` seconds; null when refused.")
    refresh_token: str | None = strawberry.field(
        default=None, description="Trades once for a new pair with refreshToken before it "
        "expires; presenting it again after that ends the whole session. Null when refused.")
    expires_in: int | None = strawberry.field(
        default=None, description="Seconds until the access token expires; null when refused.")
    user: User | None = strawberry.field(
        default=None, description="Whom the tokens belong to; null when refused.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="The end of a session.")
class LogoutPayload:
    ok: bool = strawberry.field(
        description="Always true: an unknown or already revoked token is no error, so the "
        "answer reveals nothing about it.")
    errors: list[UserError] = errors_field()


@strawberry.input(description="An email and password, and the workspace when the email signs "
                  "in to several. Repeated failures are refused for a while (RATE_LIMITED).")
class LoginInput:
    email: str = strawberry.field(description="The sign-in email; case does not matter.")
    password: str = strawberry.field(description="The user's password.")
    workspace: str | None = strawberry.field(
        default=None, description="The workspace slug, when one email is in several workspaces.")


@strawberry.input(description="A refresh token to trade for a new access and refresh token.")
class RefreshTokenInput:
    refresh_token: str = strawberry.field(
        description="The refresh token of the last login or refresh; each one works once.")


@strawberry.input(description="The session to end.")
class LogoutInput:
    refresh_token: str = strawberry.field(description="The session's latest refresh token.")


# --- audit trail (platform) -----------------------------------------------------------------

@strawberry.type(description="One field's change: old and new value, as the policy lets you see.")
class FieldChange:
    field: str = strawberry.field(description="The field's name in the schema.")
    old: JSON | None = strawberry.field(description="The value before (null when created).")
    new: JSON | None = strawberry.field(description="The value after (null when cleared).")


@model_type(AuditEventModel)
@strawberry.type(description="Who changed what, when, from which client.")
class AuditEvent(Node):
    action: str = strawberry.field(description="create, update, delete, restore, or a business "
                                   "action such as confirm or transfer.")
    object_type: str = strawberry.field(description="The type of the object that changed.")
    client_id: str | None = strawberry.field(description="The OAuth client, for a third party.")
    request_id: str = strawberry.field(description="The request that made the change.")
    note: str | None = strawberry.field(description="A reason given with the change.")
    created_at: dt.datetime = strawberry.field(description="When it happened.")
    actor: User | None = to_one("actor_user_id", description="Who made the change.")

    @strawberry.field(description="The global id of the object that changed.")
    def object_id(self, root: strawberry.Parent[Any]) -> strawberry.ID:
        return strawberry.ID(to_global_id(root.object_type, root.object_id))

    @strawberry.field(description="The fields that changed, as the field policy lets you see "
                      "them (hidden fields left out, masked ones masked).")
    def changes(self, root: strawberry.Parent[Any], info: Info) -> list[FieldChange]:
        actor = actor_of(info)
        from crm.auth.service import visible_changes
        return [FieldChange(field=f, old=old, new=new)
                for f, (old, new) in visible_changes(actor, root.object_type,
                                                     root.changes or {}, root).items()]


def history(object_type: str) -> Any:
    """The `history` connection of a type: its audit events, newest first."""
    return connection("object_id", sort=[SortKey("created_at", descending=True)],
                      with_source="_subject",
                      description=f"Changes to this {object_type}, newest first, as the field "
                      "policy lets you see them.")


# --- saved views of the admin app's lists ---------------------------------------------------

SavedViewList = models.ListKey
public_enum(
    SavedViewList, name="SavedViewList",
    description="A list of the admin app whose state a saved view remembers.",
    values={"CUSTOMERS": "The customer list (and the public pool, which shares its filters).",
            "LEADS": "The lead list.",
            "OPPORTUNITIES": "The opportunity list and pipeline.",
            "ORDERS": "The order list.",
            "SHIPMENTS": "The shipment queue.",
            "TASKS": "The task list."})

_VIEW_STATE = ("The list's state as a JSON object: `q` (search text), `filters` (filter name to "
               "a text or a list of texts, as the list names them), `sort` (null, or `{field, "
               "direction}` with a sort field such as NAME and ASC or DESC) and `size` (10, 20, "
               "50 or 100 rows a page). Other keys are refused (INVALID on `state.<key>`), and "
               "so is a state over 4096 bytes (LIMIT_REACHED).")


async def _fetch_views(actor: Any, ids: list[Any]) -> dict[Any, Any]:
    from crm.auth.service import saved_views_by_ids
    return await saved_views_by_ids(actor, ids)


@node_type(models.SavedView, fetch=_fetch_views)
@strawberry.type(description="A named snapshot of one list's search, filters, sort and page "
                 "size. You read your own views and those shared in your workspace, and change "
                 "only your own.")
class SavedView(Node):
    name: str = strawberry.field(description="The name in the list's Views menu, unique among "
                                 "its owner's views of that list.")
    list_key: SavedViewList = strawberry.field(name="list", description="The list it is of.")
    state: JSON = strawberry.field(description=_VIEW_STATE)
    shared: bool = strawberry.field(description="Shown to everyone in the workspace, not only "
                                    "its owner.")
    is_default: bool = strawberry.field(description="Opened when its owner comes to the list "
                                        "with no search, filter or sort of their own; one per "
                                        "owner and list.")
    version: int = strawberry.field(description="Send it as expectedVersion to avoid lost "
                                    "updates.")
    created_at: dt.datetime = strawberry.field(description="When it was saved.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")
    owner: User | None = to_one("owner_id", description="Whose view it is.")


@strawberry.input(description="A new saved view of one list, owned by you.")
class CreateSavedViewInput:
    id: strawberry.ID | None = strawberry.field(
        default=None, description="A UUID chosen by the client (offline creation, retries): "
        "sending it again returns the view the first call made instead of a second one.")
    list: SavedViewList = strawberry.field(description="The list it is of.")
    name: str = strawberry.field(description="1 to 80 characters; DUPLICATE if you already "
                                 "have a view of that name of this list.")
    state: JSON = strawberry.field(description=_VIEW_STATE)
    shared: bool = strawberry.field(
        default=False, description="Show it to the whole workspace: managers and admins only "
        "(FORBIDDEN otherwise).")
    is_default: bool = strawberry.field(
        default=False, description="Make it your default of this list (your previous default "
        "stops being it).")


@strawberry.input(description="Changes to one of your saved views; omitted fields stay as "
                  "they are.")
class UpdateSavedViewInput:
    id: strawberry.ID = strawberry.field(description="The view; FORBIDDEN if it is not yours.")
    expected_version: int | None = strawberry.field(
        default=None, description="The version you read: refuse with CONFLICT, and return the "
        "view as it is now, if it changed since.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="A new name.")
    state: JSON | None = strawberry.field(default=strawberry.UNSET,
                                          description="A new state. " + _VIEW_STATE)
    shared: bool | None = strawberry.field(
        default=strawberry.UNSET, description="true shares it with the workspace (managers and "
        "admins only); false stops sharing it.")
    is_default: bool | None = strawberry.field(
        default=strawberry.UNSET, description="true makes it your default of its list; false "
        "unmarks it.")


@strawberry.type(description="The saved view written or deleted, or why not.")
class SavedViewPayload:
    saved_view: SavedView | None = result_field("the saved view", current_on_conflict=True)
    errors: list[UserError] = errors_field()


# --- administering users and teams (admins) ---------------------------------------------------

_ROLES_TEXT = ("admin, sales_manager, sales_rep, marketing, support, warehouse, finance, hr or "
               "viewer (INVALID on `role` otherwise)")
_LINK_TEXT = ("No email is sent yet: the admin hands this link to the person (in development "
              "it is also written to the server log). It works once, until it expires")


@strawberry.input(description="Someone to invite into the workspace (admins only).")
class InviteUserInput:
    email: str = strawberry.field(description="Their sign-in email, unique in the workspace "
                                  "(DUPLICATE otherwise); at most 254 characters.")
    name: str = strawberry.field(description="The name colleagues see: 1 to 120 characters.")
    role: str = strawberry.field(description="Their role: " + _ROLES_TEXT + ".")
    team_id: strawberry.ID | None = strawberry.field(
        default=None, description="The team they join; null for none.")


@strawberry.type(description="The invited user, inactive until they accept, and the "
                 "invitation's link, or why not.")
class InviteUserPayload:
    user: User | None = result_field("the invited user")
    invite_link: str | None = strawberry.field(
        default=None, description="The invitation, `/accept-invite?token=...` (a path of the "
        "admin app). " + _LINK_TEXT + " (CRM_INVITE_TTL, 7 days by default). Null when "
        "`errors` stopped the mutation.")
    errors: list[UserError] = errors_field()


@strawberry.input(description="An invitation's token and the password the invitee chooses.")
class AcceptInviteInput:
    token: str = strawberry.field(description="The `token` of the invitation link; INVALID "
                                  "on `token` when it is forged, expired or already used.")
    password: str = strawberry.field(description="The new password: 8 to 256 characters.")


@strawberry.input(description="A password reset link's token and the new password.")
class CompletePasswordResetInput:
    token: str = strawberry.field(description="The `token` of the reset link; INVALID on "
                                  "`token` when it is forged, expired or already used.")
    password: str = strawberry.field(description="The new password: 8 to 256 characters.")


@strawberry.input(description="Changes to a user (admins only); omitted fields stay as they "
                  "are.")
class UpdateUserInput:
    id: strawberry.ID = strawberry.field(description="The user.")
    name: str | None = strawberry.field(default=strawberry.UNSET,
                                        description="A new name: 1 to 120 characters.")
    role: str | None = strawberry.field(
        default=strawberry.UNSET, description="A new role: " + _ROLES_TEXT + ". The "
        "workspace's last active admin keeps theirs (INVALID_STATE).")
    team_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Another team; null takes them out of any team.")


@strawberry.type(description="The user as saved, or why not.")
class UserPayload:
    user: User | None = result_field("the user")
    errors: list[UserError] = errors_field()


@strawberry.type(description="A password reset link for a user, or why not.")
class ResetUserPasswordPayload:
    user: User | None = result_field("the user")
    reset_link: str | None = strawberry.field(
        default=None, description="The reset link, `/reset-password?token=...` (a path of "
        "the admin app). " + _LINK_TEXT + " (CRM_PASSWORD_RESET_TTL, 1 day by default); the "
        "old password works until it is used. Null when `errors` stopped the mutation.")
    errors: list[UserError] = errors_field()


@strawberry.input(description="Your current password and the new one.")
class ChangeMyPasswordInput:
    current_password: str = strawberry.field(
        description="Your password now; INVALID_CREDENTIALS on `currentPassword` when wrong.")
    new_password: str = strawberry.field(description="The new password: 8 to 256 characters. "
                                         "Your other sessions end; this one goes on.")


@strawberry.input(description="A new team (admins only).")
class CreateTeamInput:
    name: str = strawberry.field(description="1 to 120 characters, unique in the workspace "
                                 "(DUPLICATE otherwise).")
    manager_id: strawberry.ID | None = strawberry.field(
        default=None, description="Who manages it (a user of the workspace).")
    parent_team_id: strawberry.ID | None = strawberry.field(
        default=None, description="The team above it; null for a top team.")


@strawberry.input(description="Changes to a team (admins only); omitted fields stay as they "
                  "are.")
class UpdateTeamInput:
    id: strawberry.ID = strawberry.field(description="The team.")
    name: str | None = strawberry.field(default=strawberry.UNSET,
                                        description="A new name: 1 to 120 characters, unique.")
    manager_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Another manager; null for none.")
    parent_team_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Another parent; null makes it a top team. The "
        "team itself or one below it is refused (INVALID on `parentTeamId`).")


@strawberry.type(description="The team as saved, or why not.")
class TeamPayload:
    team: Team | None = result_field("the team")
    errors: list[UserError] = errors_field()
