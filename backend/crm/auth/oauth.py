"""OAuth2 clients of third parties and the grants they hold: the rules, with no HTTP in here.

Admins register clients; the token endpoint (`crm.auth.oauth_server`) trades their credentials,
users' consent and refresh tokens for access tokens through the functions below. An access
token's scopes narrow its user's (or the client's service account's) role policy, never widen
it: `Actor.scope_allows` applies them where the policy is decided.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from tortoise.transactions import in_transaction

from crm.auth import revocation
from crm.auth.models import (
    OAuthAuthorizationCode,
    OAuthClient,
    OAuthRefreshToken,
    TrustedOperation,
    User,
)
from crm.core import audit
from crm.core.errors import ErrorCode, ServiceError, not_found
from crm.core.lru import LRU
from crm.core.policy import ROLES, Actor, RowScope, oauth_scopes
from crm.core.scoping import scoped
from crm.settings import get_settings

CODE_SECONDS = 600
MAX_REDIRECT_URIS = 10
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "::1")
MAX_RATE_AMOUNT = 1_000_000_000
MAX_RATE_WINDOW = 366 * 24 * 3600


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def new_secret() -> tuple[str, str]:
    """A client secret (256 random bits) and the sha256 kept of it."""
    secret = secrets.token_urlsafe(32)
    return secret, digest(secret)


def secret_matches(client: OAuthClient, secret: str) -> bool:
    return client.secret_hash is not None and hmac.compare_digest(client.secret_hash,
                                                                  digest(secret))


# --- admins manage clients ---------------------------------------------------------------------

def _admin(actor: Actor, *, write: bool = True) -> None:
    # Who manages clients is the policy's `OAuthClient` rule; beyond it, a third party's token
    # never manages clients, whatever its user's role and scopes, and neither does a job.
    scope = actor.write_scope("OAuthClient") if write else actor.row_scope("OAuthClient")
    if scope is RowScope.NONE or actor.client_id is not None or actor.user_id is None:
        raise ServiceError(ErrorCode.FORBIDDEN, "Only a signed-in admin manages OAuth clients")


def check_scopes(scopes: Iterable[str], field: str = "allowedScopes") -> list[str]:
    known = oauth_scopes()
    asked = list(dict.fromkeys(scopes))
    unknown = [s for s in asked if s not in known]
    if unknown:
        raise ServiceError(ErrorCode.INVALID, f"Unknown scopes {', '.join(unknown)}; the scopes "
                           f"are {', '.join(known)}", field)
    if not asked:
        raise ServiceError(ErrorCode.INVALID, "Give the client at least one scope", field)
    return asked


def check_redirect_uris(uris: Iterable[str]) -> list[str]:
    out = list(dict.fromkeys(u.strip() for u in uris))
    if len(out) > MAX_REDIRECT_URIS:
        raise ServiceError(ErrorCode.LIMIT_REACHED, f"At most {MAX_REDIRECT_URIS} redirect URIs",
                           "redirectUris", params={"limit": MAX_REDIRECT_URIS})
    for uri in out:
        try:
            parts = urlsplit(uri)
            _ = parts.port  # a bracketed host that is no address, a port past 65535: invalid
        except ValueError:
            raise ServiceError(ErrorCode.INVALID, f"{uri[:100]!r} is not a redirect URI",
                               "redirectUris") from None
        secure = parts.scheme == "https" or (parts.scheme == "http"
                                             and parts.hostname in LOCAL_HOSTS)
        if not secure or not parts.netloc or parts.fragment or len(uri) > 500:
            raise ServiceError(ErrorCode.INVALID, f"{uri!r} is not a redirect URI: https (or "
                               "http on localhost), with no fragment", "redirectUris")
    return out


def check_rate(rate: str | None) -> str | None:
    if rate is None or not rate.strip():
        return None
    from limits import parse_many
    try:
        items = parse_many(rate)
    except ValueError:
        raise ServiceError(ErrorCode.INVALID, f"{rate!r} is not a rate such as 6000/minute",
                           "requestRate") from None
    # Each limit is counted in a Redis key that expires with its window: a window past what
    # Redis can expire (or a count past 64 bits) fails every request of the client, and a
    # zero count refuses them all.
    for item in items:
        if not 1 <= item.amount <= MAX_RATE_AMOUNT or item.get_expiry() > MAX_RATE_WINDOW:
            raise ServiceError(ErrorCode.INVALID, f"{rate!r}: each limit allows 1 to "
                               f"{MAX_RATE_AMOUNT} requests in a window of at most a year",
                               "requestRate")
    return rate.strip()


def check_role(role: str | None) -> str | None:
    if role is not None and role not in ROLES:
        raise ServiceError(ErrorCode.INVALID, f"Unknown role {role!r}; one of {', '.join(ROLES)}",
                           "serviceRole")
    return role


async def list_clients(actor: Actor) -> list[OAuthClient]:
    _admin(actor, write=False)
    return list(await scoped(OAuthClient, actor).order_by("name"))


async def _client(actor: Actor, pk: uuid.UUID) -> OAuthClient:
    row = await scoped(OAuthClient, actor, write=True).get_or_none(id=pk)
    if row is None:
        raise not_found("OAuth client")
    return row


@dataclass
class IssuedSecret:
    client: OAuthClient
    secret: str | None


async def create_client(actor: Actor, *, name: str, confidential: bool = True,
                        redirect_uris: list[str] | None = None, allowed_scopes: list[str],
                        service_role: str | None = None, trusted_documents: bool = False,
                        request_rate: str | None = None) -> IssuedSecret:
    """A new client; a confidential one gets its secret, returned here once and never again."""
    _admin(actor)
    name = name.strip()
    if not name or len(name) > 120:
        raise ServiceError(ErrorCode.INVALID, "A client needs a name of at most 120 characters",
                           "name")
    scopes = check_scopes(allowed_scopes)
    uris = check_redirect_uris(redirect_uris or [])
    role = check_role(service_role)
    rate = check_rate(request_rate)
    if role is not None and not confidential:
        raise ServiceError(ErrorCode.INVALID, "A public client cannot keep a secret, so it has "
                           "no service account", "serviceRole")
    secret, hashed = new_secret() if confidential else (None, None)
    async with in_transaction("default"):
        row = await OAuthClient.create(
            workspace_id=actor.workspace_id, name=name, client_id="crm_" + secrets.token_urlsafe(18),
            secret_hash=hashed, confidential=confidential, redirect_uris=uris,
            allowed_scopes=scopes, owner_id=actor.user_id, service_role=role,
            trusted_documents=trusted_documents, request_rate=rate)
        await audit.record(actor, "OAuthClient", row.id, "create", {
            "name": [None, name], "client_id": [None, row.client_id],
            "confidential": [None, confidential], "redirect_uris": [None, uris],
            "allowed_scopes": [None, scopes], "service_role": [None, role],
            "trusted_documents": [None, trusted_documents], "request_rate": [None, rate],
            # The digest, never the secret: history shows neither (AUDIT_AS).
            "secret_hash": [None, hashed], "owner_id": [None, audit.plain(actor.user_id)]})
    return IssuedSecret(row, secret)


async def rotate_secret(actor: Actor, pk: uuid.UUID) -> IssuedSecret:
    """A new secret; the old one stops working at once (tokens already issued run out)."""
    _admin(actor)
    row = await _client(actor, pk)
    if not row.confidential:
        raise ServiceError(ErrorCode.INVALID, "A public client has no secret", "id")
    if row.disabled:
        raise ServiceError(ErrorCode.INVALID_STATE, "The client is disabled", "id")
    secret, hashed = new_secret()
    async with in_transaction("default"):
        await OAuthClient.filter(id=row.id).update(secret_hash=hashed, version=row.version + 1)
        await audit.record(actor, "OAuthClient", row.id, "rotate_secret",
                           {"secret_hash": [row.secret_hash, hashed]})
    row.secret_hash, row.version = hashed, row.version + 1
    return IssuedSecret(row, secret)


async def update_client(actor: Actor, pk: uuid.UUID, *, expected_version: int | None = None,
                        **changes: Any) -> OAuthClient:
    _admin(actor)
    row = await _client(actor, pk)
    if expected_version is not None and expected_version != row.version:
        raise ServiceError(ErrorCode.CONFLICT, "The client changed since you read it",
                           "expectedVersion", details={"current": row})
    if "name" in changes:
        changes["name"] = changes["name"].strip()
        if not changes["name"] or len(changes["name"]) > 120:
            raise ServiceError(ErrorCode.INVALID, "A client needs a name of at most 120 "
                               "characters", "name")
    if "allowed_scopes" in changes:
        changes["allowed_scopes"] = check_scopes(changes["allowed_scopes"])
    if "redirect_uris" in changes:
        changes["redirect_uris"] = check_redirect_uris(changes["redirect_uris"])
    if "request_rate" in changes:
        changes["request_rate"] = check_rate(changes["request_rate"])
    if "service_role" in changes:
        check_role(changes["service_role"])
        if changes["service_role"] is not None and not row.confidential:
            raise ServiceError(ErrorCode.INVALID, "A public client has no service account",
                               "serviceRole")
    diff = {k: [getattr(row, k), v] for k, v in changes.items() if getattr(row, k) != v}
    if not diff:
        return row
    async with in_transaction("default"):
        done = await OAuthClient.filter(id=row.id, version=row.version).update(
            **changes, version=row.version + 1)
        if not done:
            raise ServiceError(ErrorCode.CONFLICT, "The client changed since you read it",
                               "expectedVersion")
        await audit.record(actor, "OAuthClient", row.id, "update", diff)
    return await _client(actor, pk)


async def disable_client(actor: Actor, pk: uuid.UUID) -> OAuthClient:
    """Disabled for good: its tokens stop working at once, in every process (the revocation
    list), and it gets no new ones. Registering the integration again makes a new client."""
    _admin(actor)
    row = await _client(actor, pk)
    if row.disabled:
        return row
    async with in_transaction("default"):
        await OAuthClient.filter(id=row.id).update(disabled=True, version=row.version + 1)
        await OAuthRefreshToken.filter(client_id=row.client_id, revoked_at=None).update(
            revoked_at=utcnow())
        await audit.record(actor, "OAuthClient", row.id, "disable", {"disabled": [False, True]})
    await revocation.revoke_key("cid:" + row.client_id)
    return await _client(actor, pk)


# --- what the token endpoint asks ---------------------------------------------------------------

async def client_by_id(client_id: str) -> OAuthClient | None:
    if not client_id or len(client_id) > 64:
        return None
    return await OAuthClient.get_or_none(client_id=client_id, disabled=False)


async def active_user(user_id: Any, workspace_id: uuid.UUID) -> User | None:
    return await User.get_or_none(id=user_id, workspace_id=workspace_id, is_active=True)


async def save_code(client: OAuthClient, user: User, code: str, redirect_uri: str, scope: str,
                    challenge: str) -> None:
    await OAuthAuthorizationCode.create(
        workspace_id=client.workspace_id, client_id=client.client_id, user_id=user.id,
        code_hash=digest(code), redirect_uri=redirect_uri, scope=scope, code_challenge=challenge,
        family_id=uuid.uuid4(), expires_at=utcnow() + dt.timedelta(seconds=CODE_SECONDS))


async def spend_code(code: str, client: OAuthClient) -> OAuthAuthorizationCode | None:
    """The code, spent now (once: two requests with one code cannot both win); a code used
    before ends the grant it started (RFC 6749 §10.5)."""
    row = await OAuthAuthorizationCode.get_or_none(code_hash=digest(code),
                                                   client_id=client.client_id)
    if row is None or row.expires_at <= utcnow():
        return None
    spent = await OAuthAuthorizationCode.filter(id=row.id, used_at=None).update(used_at=utcnow())
    if not spent:
        await revoke_family(row.family_id)
        return None
    return row


async def save_refresh_token(client: OAuthClient, user_id: uuid.UUID, token: str,
                             family_id: uuid.UUID, scope: str) -> None:
    await OAuthRefreshToken.create(
        workspace_id=client.workspace_id, client_id=client.client_id, user_id=user_id,
        token_hash=digest(token), family_id=family_id, scope=scope,
        expires_at=utcnow() + dt.timedelta(seconds=get_settings().refresh_token_ttl))


async def spend_refresh_token(token: str, client: OAuthClient) -> OAuthRefreshToken | None:
    """The refresh token, spent now (rotation); presenting a spent one revokes its family."""
    row = await OAuthRefreshToken.get_or_none(token_hash=digest(token),
                                              client_id=client.client_id)
    if row is None or row.revoked_at is not None or row.expires_at <= utcnow():
        return None
    spent = await OAuthRefreshToken.filter(id=row.id, used_at=None, revoked_at=None).update(
        used_at=utcnow())
    if not spent:
        await revoke_family(row.family_id)
        return None
    return row


async def revoke_family(family_id: uuid.UUID) -> None:
    await OAuthRefreshToken.filter(family_id=family_id, revoked_at=None).update(
        revoked_at=utcnow())
    await revocation.revoke_family(family_id.hex)


async def revoke_refresh_token(token: str, client: OAuthClient) -> bool:
    row = await OAuthRefreshToken.get_or_none(token_hash=digest(token),
                                              client_id=client.client_id)
    if row is None:
        return False
    await revoke_family(row.family_id)
    return True


async def refresh_token_row(token: str) -> OAuthRefreshToken | None:
    return await OAuthRefreshToken.get_or_none(token_hash=digest(token))


# --- trusted documents -----------------------------------------------------------------------

async def register_operations(client_id: str, operations: dict[str, str]) -> int:
    """Register a trusted-documents client's persisted operations (sha256 -> document); each
    hash must be its document's. Returns how many were new."""
    client = await OAuthClient.get_or_none(client_id=client_id)
    if client is None:
        raise not_found("OAuth client", "client")
    added = 0
    for sha, query in operations.items():
        if not isinstance(query, str) or digest(query) != sha:
            raise ServiceError(ErrorCode.INVALID, f"{sha} is not the sha256 of its document")
        _, made = await TrustedOperation.get_or_create(
            workspace_id=client.workspace_id, client_id=client.client_id, sha256=sha,
            defaults={"query": query})
        added += int(made)
    return added


# Registered operations never change (a hash is its document's): found ones are kept here, so
# a trusted client's every request costs no statement for the check.
_trusted: LRU[str] = LRU(2000)


async def trusted_operation(client_id: str, sha: str) -> str | None:
    found = _trusted.get((client_id, sha))
    if found is not None:
        return found
    row = await TrustedOperation.get_or_none(client_id=client_id, sha256=sha)
    if row is None:
        return None
    _trusted.put((client_id, sha), row.query)
    return row.query
