"""GraphQL types of OAuth clients: what admins register for third parties."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from crm.auth.models import OAuthClient as OAuthClientModel
from crm.core.errors import UserError
from crm.core.ids import to_global_id
from crm.core.payloads import errors_field, result_field


@strawberry.type(description="A third-party application registered to use the graph through "
                 "OAuth2. Its secret is never shown again after creation or rotation.")
class OAuthClient:
    id: strawberry.ID = strawberry.field(description="The record's global id.")
    name: str = strawberry.field(description="The name users see on the consent page.")
    client_id: str = strawberry.field(description="The OAuth client_id the app sends.")
    confidential: bool = strawberry.field(
        description="True for a client that keeps a secret (a server); false for a public one "
        "(a mobile or browser app), which must use PKCE and has no client credentials grant.")
    redirect_uris: list[str] = strawberry.field(
        description="Where the authorization endpoint may send users back, exactly as listed.")
    allowed_scopes: list[str] = strawberry.field(
        description="The scopes the client may be granted (e.g. customers:read); a token never "
        "reaches beyond them nor beyond its user's role.")
    service_role: str | None = strawberry.field(
        description="The role its client-credentials tokens act with (its service account); "
        "null when it only acts for users who consent.")
    disabled: bool = strawberry.field(
        description="True once disabled: its tokens stopped working and it gets no new ones.")
    trusted_documents: bool = strawberry.field(
        description="True when it may run only the persisted operations registered for it.")
    request_rate: str | None = strawberry.field(
        description="Its own request limits (e.g. 6000/minute), counted per user it acts for; "
        "null: the server's default.")
    version: int = strawberry.field(description="Moves on with every change (expectedVersion).")
    created_at: dt.datetime = strawberry.field(description="When it was registered.")

    @classmethod
    def of(cls, row: OAuthClientModel) -> OAuthClient:
        return cls(id=strawberry.ID(to_global_id("OAuthClient", row.id)), name=row.name,
                   client_id=row.client_id, confidential=row.confidential,
                   redirect_uris=list(row.redirect_uris), allowed_scopes=list(row.allowed_scopes),
                   service_role=row.service_role, disabled=row.disabled,
                   trusted_documents=row.trusted_documents, request_rate=row.request_rate,
                   version=row.version,
                   created_at=row.created_at)


@strawberry.input(description="A third-party application to register.")
class CreateOAuthClientInput:
    name: str = strawberry.field(description="The name users see on the consent page.")
    confidential: bool = strawberry.field(
        default=True, description="Whether the client keeps a secret (default true).")
    redirect_uris: list[str] = strawberry.field(
        default_factory=list, description="https URIs (http only on localhost) the "
        "authorization endpoint may send users back to; none for a client-credentials-only app.")
    allowed_scopes: list[str] = strawberry.field(
        description="The scopes the client may be granted, from the documented list.")
    service_role: str | None = strawberry.field(
        default=None, description="The role of its service account for the client credentials "
        "grant (confidential clients only); null for none.")
    trusted_documents: bool = strawberry.field(
        default=False, description="Restrict it to its registered persisted operations.")
    request_rate: str | None = strawberry.field(
        default=None, description="Its own request limits, e.g. 6000/minute (several joined "
        "by ;); null for the server's default.")


@strawberry.input(description="Changes to a client; fields left out stay as they are.")
class UpdateOAuthClientInput:
    id: strawberry.ID = strawberry.field(description="The client.")
    expected_version: int | None = strawberry.field(
        default=None, description="The version you read: refuse with CONFLICT if it changed.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="A new name.")
    redirect_uris: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="The new list of redirect URIs.")
    allowed_scopes: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="The new allowed scopes; refresh tokens issued "
        "before keep only the ones still allowed.")
    service_role: str | None = strawberry.field(
        default=strawberry.UNSET, description="The new service-account role, or null for none.")
    trusted_documents: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Whether it may run only registered operations.")
    request_rate: str | None = strawberry.field(
        default=strawberry.UNSET, description="Its own request limits, or null for the default.")

    def changes(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in ("name", "redirect_uris", "allowed_scopes", "service_role",
                     "trusted_documents", "request_rate"):
            value = getattr(self, name)
            if value is not strawberry.UNSET and (value is not None
                                                  or name in ("service_role", "request_rate")):
                out[name] = value
        return out


@strawberry.type(description="The registered client and, once, its secret.")
class CreateOAuthClientPayload:
    client: OAuthClient | None = result_field("the client")
    client_secret: str | None = strawberry.field(
        default=None, description="The client secret, shown this once: store it now. Null for "
        "a public client or when `errors` stopped the mutation.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="The client with its new secret, shown once.")
class RotateOAuthClientSecretPayload:
    client: OAuthClient | None = result_field("the client")
    client_secret: str | None = strawberry.field(
        default=None, description="The new secret, shown this once; the old one no longer "
        "works. Null when `errors` stopped the mutation.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="The client after the change.")
class OAuthClientPayload:
    client: OAuthClient | None = result_field("the client")
    errors: list[UserError] = errors_field()
