"""Query and Mutation fields of sign-in, the caller and colleagues."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from crm.auth import service
from crm.auth.models import User as UserModel
from crm.auth.types import (
    USER_FILTER,
    USER_SORT,
    AuditEvent,
    CreateSavedViewInput,
    FieldPermission,
    LoginInput,
    LoginPayload,
    LogoutInput,
    LogoutPayload,
    Me,
    RefreshTokenInput,
    SavedView,
    SavedViewList,
    SavedViewPayload,
    Team,
    TypePermission,
    UpdateSavedViewInput,
    User,
)
from crm.core.connections import After, Before, Connection, First, Last
from crm.core.errors import ClientError, ErrorCode, Unauthenticated
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, parse_client_uuid
from crm.core.inputs import delete_and_restore, given
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


def _session(session: service.Session) -> dict[str, Any]:
    return {"access_token": session.access_token, "refresh_token": session.refresh_token,
            "expires_in": session.expires_in, "user": session.user}


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

    delete_saved_view, restore_saved_view = delete_and_restore(
        "SavedView", SavedViewPayload, "saved_view", service.delete_saved_view,
        service.restore_saved_view)

Query = AuthQuery
Mutation = AuthMutation
