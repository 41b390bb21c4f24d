"""Query and Mutation fields of sign-in, the caller and colleagues."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from crm.auth import oauth, service
from crm.auth import oauth_types as ot
from crm.auth.models import User as UserModel
from crm.auth.types import (
    USER_FILTER,
    USER_SORT,
    AcceptInviteInput,
    AuditEvent,
    ChangeMyPasswordInput,
    CompletePasswordResetInput,
    CreateSavedViewInput,
    CreateTeamInput,
    FieldPermission,
    InviteUserInput,
    InviteUserPayload,
    LoginInput,
    LoginPayload,
    LogoutInput,
    LogoutPayload,
    Me,
    RefreshTokenInput,
    ResetUserPasswordPayload,
    SavedView,
    SavedViewList,
    SavedViewPayload,
    Team,
    TeamPayload,
    TypePermission,
    UpdateSavedViewInput,
    UpdateTeamInput,
    UpdateUserInput,
    User,
    UserPayload,
)
from crm.core.connections import After, Before, Connection, First, Last
from crm.core.errors import ClientError, ErrorCode, ServiceError, Unauthenticated
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, optional_id, parse_client_uuid
from crm.core.inputs import IdInput, delete_and_restore, given
from crm.core.lists import list_field
from crm.core.payloads import respond
from crm.core.policy import Actor
from crm.core.scoping import scoped


def permissions_of(actor: Actor) -> list[TypePermission]:
    result = []
    for type_name in sorted(actor.policy.objects):
        fields = actor.policy.schema_fields.get(type_name, [])
        result.append(TypePermission(
            type=type_name,
            row_scope=actor.row_scope(type_name),
            write_scope=actor.write_scope(type_name),
            fields=[FieldPermission(field=f, access=actor.field_access(type_name, f))
                    for f in fields],
            actions=[a for a in actor.policy.objects[type_name].actions
                     if actor.may(type_name, a)],
        ))
    return result


@strawberry.type
class AuthQuery:
    @strawberry.field(description="The signed-in user, their role, team and permissions.")
    async def me(self, info: Info) -> Me:
        actor = actor_of(info)
        if actor.user_id is None:
            raise Unauthenticated("A client token has no user: ask with a user's token")
        user = await service.get_user(actor, actor.user_id)
        return Me(user=user, permissions=permissions_of(actor))  # type: ignore[arg-type]

    users: Connection[User] = list_field(
        lambda actor: scoped(UserModel, actor), USER_FILTER, USER_SORT,
        description="Colleagues in the workspace (e.g. to pick an owner).")

    @strawberry.field(description="Teams of the workspace.")
    async def teams(self, info: Info) -> list[Team]:
        from crm.auth.models import Team as TeamModel
        actor = actor_of(info)
        return await scoped(TeamModel, actor).order_by("name")  # type: ignore[return-value]


    @strawberry.field(description="Changes to one object, newest first, as the field policy "
                      "lets you see them.")
    async def audit_trail(
        self, info: Info,
        object_id: Annotated[strawberry.ID, strawberry.argument(
            description="The object's global id; it must be one you may read.")],
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[AuditEvent]:
        from crm.core.graphql import NODE_TYPES
        from crm.core.ids import parse_global_id

        actor = actor_of(info)
        type_name, pk = parse_global_id(str(object_id), "objectId")
        spec = NODE_TYPES.get(type_name)
        row = (await spec.fetch(actor, [pk])).get(pk) if spec else None
        if row is None:
            raise ClientError("No such object, or you may not see it", ErrorCode.NOT_FOUND,
                              field="objectId")
        return await service.audit_history(actor, type_name, row, first=first, after=after,
                                           last=last, before=before)

    @strawberry.field(description="Your saved views of one list and the views shared in your "
                      "workspace: yours first, each group by name.")
    async def saved_views(
        self, info: Info,
        list: Annotated[SavedViewList, strawberry.argument(description="The list.")],
    ) -> list[SavedView]:
        return await service.saved_views(actor_of(info), list)  # type: ignore[return-value]
    @strawberry.field(description="The third-party applications registered in the workspace "
                      "(admins only), by name.")
    async def oauth_clients(self, info: Info) -> list[ot.OAuthClient]:
        try:
            rows = await oauth.list_clients(actor_of(info))
        except ServiceError as exc:
            raise ClientError(exc.message, exc.code) from None
        return [ot.OAuthClient.of(r) for r in rows]

    @strawberry.field(description="Every OAuth scope a client may be allowed, generated from "
                      "the policy: <module>:read and <module>:write.")
    def oauth_scopes(self) -> list[str]:
        from crm.core.policy import oauth_scopes
        return oauth_scopes()


def _client_pk(value: strawberry.ID) -> Any:
    from crm.core.ids import parse_global_id
    type_name, pk = parse_global_id(str(value), "id")
    if type_name != "OAuthClient":
        raise ServiceError(ErrorCode.NOT_FOUND, "OAuth client not found", "id")
    return pk


def _issued(result: oauth.IssuedSecret) -> dict[str, Any]:
    return {"client": ot.OAuthClient.of(result.client), "client_secret": result.secret}


async def _create_client(info: Info, data: ot.CreateOAuthClientInput) -> oauth.IssuedSecret:
    return await oauth.create_client(
        actor_of(info), name=data.name, confidential=data.confidential,
        redirect_uris=data.redirect_uris, allowed_scopes=data.allowed_scopes,
        service_role=data.service_role, trusted_documents=data.trusted_documents,
        request_rate=data.request_rate)


async def _rotate(info: Info, data: IdInput) -> oauth.IssuedSecret:
    return await oauth.rotate_secret(actor_of(info), _client_pk(data.id))


async def _update(info: Info, data: ot.UpdateOAuthClientInput) -> ot.OAuthClient:
    return ot.OAuthClient.of(await oauth.update_client(
        actor_of(info), _client_pk(data.id), expected_version=data.expected_version,
        **data.changes()))


async def _disable(info: Info, data: IdInput) -> ot.OAuthClient:
    return ot.OAuthClient.of(await oauth.disable_client(actor_of(info), _client_pk(data.id)))


def _session(session: service.Session) -> dict[str, Any]:
    return {"access_token": session.access_token, "refresh_token": session.refresh_token,
            "expires_in": session.expires_in, "user": session.user}


def _link_payload(field: str) -> Any:
    def shape(issued: service.IssuedLink) -> dict[str, Any]:
        return {"user": issued.user, field: issued.link}
    return shape


def _session_family(info: Info) -> Any:
    """The sign-in session the request's own token belongs to (its `fid`), if any."""
    import uuid

    from crm.auth.tokens import InvalidToken, read_access_token
    request = getattr(info.context, "request", None)
    header = request.headers.get("authorization", "") if request is not None else ""
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    try:
        fid = read_access_token(token.strip()).get("fid")
        return uuid.UUID(fid) if isinstance(fid, str) else None
    except (InvalidToken, ValueError):
        return None


@strawberry.type
class AuthMutation:
    @strawberry.mutation(description="Sign in with email and password.")
    async def login(self, input: LoginInput) -> LoginPayload:
        return await respond(LoginPayload, None, service.login(
            input.email, input.password, input.workspace), shape=_session)

    @strawberry.mutation(description="Trade a refresh token for a new pair (rotation).")
    async def refresh_token(self, input: RefreshTokenInput) -> LoginPayload:
        return await respond(LoginPayload, None, service.refresh(input.refresh_token),
                             shape=_session)

    @strawberry.mutation(name="createOAuthClient",
                         description="Register a third-party application (admins only); a "
                         "confidential client's secret is in the payload, this once.")
    async def create_oauth_client(self, info: Info,
                                  input: ot.CreateOAuthClientInput) -> ot.CreateOAuthClientPayload:
        return await respond(ot.CreateOAuthClientPayload, None, _create_client(info, input),
                             shape=_issued)

    @strawberry.mutation(name="rotateOAuthClientSecret",
                         description="Replace a client's secret (admins only): the old one "
                         "stops working at once; the new one is in the payload, this once.")
    async def rotate_oauth_client_secret(
            self, info: Info,
            input: IdInput) -> ot.RotateOAuthClientSecretPayload:
        return await respond(ot.RotateOAuthClientSecretPayload, None, _rotate(info, input),
                             shape=_issued)

    @strawberry.mutation(name="updateOAuthClient",
                         description="Change a client's name, redirect URIs, scopes, service "
                         "role or trusted-documents flag (admins only).")
    async def update_oauth_client(self, info: Info,
                                  input: ot.UpdateOAuthClientInput) -> ot.OAuthClientPayload:
        return await respond(ot.OAuthClientPayload, "client", _update(info, input))

    @strawberry.mutation(name="disableOAuthClient",
                         description="Disable a client for good (admins only): its tokens stop "
                         "working at once and it gets no new ones.")
    async def disable_oauth_client(self, info: Info,
                                   input: IdInput) -> ot.OAuthClientPayload:
        return await respond(ot.OAuthClientPayload, "client", _disable(info, input))

    @strawberry.mutation(description="End the session: the refresh token's family is revoked.")
    async def logout(self, input: LogoutInput) -> LogoutPayload:
        await service.logout(input.refresh_token)
        return LogoutPayload(ok=True)

    @strawberry.mutation(description="Save a list's state under a name, for you or, shared, "
                         "for the workspace.")
    async def create_saved_view(self, info: Info, input: CreateSavedViewInput) -> SavedViewPayload:
        return await respond(SavedViewPayload, "saved_view", service.create_saved_view(
            actor_of(info), input.list, input.name, input.state, shared=input.shared,
            is_default=input.is_default, view_id=parse_client_uuid(input.id)))

    @strawberry.mutation(description="Rename, restate, share or mark as default one of your "
                         "saved views.")
    async def update_saved_view(self, info: Info, input: UpdateSavedViewInput) -> SavedViewPayload:
        return await respond(SavedViewPayload, "saved_view", service.update_saved_view(
            actor_of(info), decode_id(input.id, "SavedView"),
            given(input, ["name", "state", "shared", "is_default"]), input.expected_version),
            with_current=True)

    @strawberry.mutation(description="Invite someone into the workspace (admins only): an "
                         "inactive user and a single-use invitation link, returned here since "
                         "no email is sent yet.")
    async def invite_user(self, info: Info, input: InviteUserInput) -> InviteUserPayload:
        return await respond(InviteUserPayload, None, service.invite_user(
            actor_of(info), email=input.email, name=input.name, role=input.role,
            team_id=optional_id(input.team_id, "Team", "teamId")),
            shape=_link_payload("invite_link"))

    @strawberry.mutation(description="Accept an invitation (no sign-in needed): set your "
                         "password; the account is active and signed in, as by login.")
    async def accept_invite(self, input: AcceptInviteInput) -> LoginPayload:
        return await respond(LoginPayload, None, service.accept_invite(
            input.token, input.password), shape=_session)

    @strawberry.mutation(description="Set a new password with an admin's reset link (no "
                         "sign-in needed): your other sessions end, and you are signed in.")
    async def complete_password_reset(self, input: CompletePasswordResetInput) -> LoginPayload:
        return await respond(LoginPayload, None, service.complete_password_reset(
            input.token, input.password), shape=_session)

    @strawberry.mutation(description="Rename a user, change their role or team (admins only).")
    async def update_user(self, info: Info, input: UpdateUserInput) -> UserPayload:
        changes = given(input, ["name", "role", "team_id"])
        if "team_id" in changes:
            changes["team_id"] = optional_id(changes["team_id"], "Team", "teamId")
        return await respond(UserPayload, "user", service.update_user(
            actor_of(info), decode_id(input.id, "User"), changes))

    @strawberry.mutation(description="Disable a user (admins only): their sessions, refresh "
                         "and access tokens stop working at once; the last active admin "
                         "stays (INVALID_STATE).")
    async def disable_user(self, info: Info, input: IdInput) -> UserPayload:
        return await respond(UserPayload, "user", service.set_user_active(
            actor_of(info), decode_id(input.id, "User"), False))

    @strawberry.mutation(description="Enable a disabled user again (admins only); they sign in "
                         "anew.")
    async def enable_user(self, info: Info, input: IdInput) -> UserPayload:
        return await respond(UserPayload, "user", service.set_user_active(
            actor_of(info), decode_id(input.id, "User"), True))

    @strawberry.mutation(description="Make a single-use, expiring password reset link for a "
                         "user (admins only), returned here since no email is sent yet.")
    async def reset_user_password(self, info: Info, input: IdInput) -> ResetUserPasswordPayload:
        return await respond(ResetUserPasswordPayload, None, service.reset_user_password(
            actor_of(info), decode_id(input.id, "User")), shape=_link_payload("reset_link"))

    @strawberry.mutation(description="Change your own password; your other sessions end.")
    async def change_my_password(self, info: Info, input: ChangeMyPasswordInput) -> UserPayload:
        return await respond(UserPayload, "user", service.change_my_password(
            actor_of(info), input.current_password, input.new_password,
            session_family=_session_family(info)))

    @strawberry.mutation(description="Create a team (admins only).")
    async def create_team(self, info: Info, input: CreateTeamInput) -> TeamPayload:
        return await respond(TeamPayload, "team", service.add_team(
            actor_of(info), name=input.name,
            manager_id=optional_id(input.manager_id, "User", "managerId"),
            parent_id=optional_id(input.parent_team_id, "Team", "parentTeamId")))

    @strawberry.mutation(description="Rename a team, change its manager or parent (admins "
                         "only); a parent below the team itself is refused.")
    async def update_team(self, info: Info, input: UpdateTeamInput) -> TeamPayload:
        changes: dict[str, Any] = {}
        if input.name is not strawberry.UNSET:
            changes["name"] = input.name
        if input.manager_id is not strawberry.UNSET:
            changes["manager_id"] = optional_id(input.manager_id, "User", "managerId")
        if input.parent_team_id is not strawberry.UNSET:
            changes["parent_id"] = optional_id(input.parent_team_id, "Team", "parentTeamId")
        return await respond(TeamPayload, "team", service.update_team(
            actor_of(info), decode_id(input.id, "Team"), changes))

    delete_saved_view, restore_saved_view = delete_and_restore(
        "SavedView", SavedViewPayload, "saved_view", service.delete_saved_view,
        service.restore_saved_view)

Query = AuthQuery
Mutation = AuthMutation
