"""Signing in, tokens, users and teams: the rules, with no GraphQL in here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import secrets
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, cast

import orjson
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from crm.auth import actors, revocation, throttle
from crm.auth.models import ListKey, RefreshToken, SavedView, Team, User, Workspace
from crm.auth.passwords import hash_password_async, verify_password_async
from crm.auth.tokens import (
    InvalidToken,
    hash_refresh_token,
    issue_access_token,
    new_refresh_token,
    read_access_token,
)
from crm.core import audit, requests
from crm.core.connections import Connection, SortKey, paginate
from crm.core.errors import ErrorCode, ServiceError, UserError, ValidationFailed
from crm.core.models import AuditEvent as AuditEventModel
from crm.core.policy import ROLES, Access, Actor, RowScope
from crm.core.records import move_rows, restore, soft_delete, update_versioned
from crm.core.scoping import scoped
from crm.settings import get_settings

EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
BAD_CREDENTIALS = "Email or password is wrong, or the account is disabled"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Session:
    access_token: str
    refresh_token: str
    expires_in: int
    user: User


# --- signing in -------------------------------------------------------------------------------

WORKSPACE_NEEDED = "This email signs in to several workspaces: say which one (workspace)"
# Accounts of one email whose passwords are tried before asking for the workspace.
MAX_WORKSPACES_TRIED = 5
MAX_EMAIL = 254  # the length of User.email


async def login(email: str, password: str, workspace_slug: str | None = None) -> Session:
    key = email.strip().lower()
    info = requests.current()
    await throttle.before_attempt(info.client_address if info else None, key)
    if len(key) > MAX_EMAIL:
        # No account has it (the column holds 254): wrong credentials, counted against the
        # address above but kept out of the per-account counts (an account no one can own).
        raise ServiceError(ErrorCode.INVALID_CREDENTIALS, BAD_CREDENTIALS)
    users = User.filter(email=key)
    if workspace_slug:
        ws = await Workspace.get_or_none(slug=workspace_slug) if len(workspace_slug) <= 60 else None
        users = users.filter(workspace_id=ws.id if ws else uuid.uuid4())
    candidates = list(await users.limit(MAX_WORKSPACES_TRIED))
    if len(candidates) > 1:
        # Said only to whom knows a password of one of them, so it reveals nothing to a guesser.
        for candidate in candidates:
            if await verify_password_async(candidate.password_hash, password):
                raise ServiceError(ErrorCode.INVALID, WORKSPACE_NEEDED, "workspace")
        user = None
        ok = False
    else:
        user = candidates[0] if candidates else None
        ok = await verify_password_async(user.password_hash if user else None, password)
    if not ok or user is None or not user.is_active:
        await throttle.failed(key)
        raise ServiceError(ErrorCode.INVALID_CREDENTIALS, BAD_CREDENTIALS)
    await throttle.succeeded(key)
    return await _start_session(user, family_id=uuid.uuid4())


async def sign_in_for_consent(email: str, password: str,
                              workspace_slug: str | None = None) -> Session:
    """A sign-in on the OAuth consent page: the same checks and limits as `login`, but only
    the short-lived access token is kept (the page needs nothing longer), so no refresh token
    row is left behind by every consent."""
    session = await login(email, password, workspace_slug)
    await RefreshToken.filter(token_hash=hash_refresh_token(session.refresh_token)).delete()
    session.refresh_token = ""
    return session


async def _start_session(user: User, family_id: uuid.UUID) -> Session:
    access, ttl = issue_access_token(user.id, user.workspace_id, user.role, family_id=family_id)
    refresh, refresh_hash = new_refresh_token()
    await RefreshToken.create(
        workspace_id=user.workspace_id, user_id=user.id, token_hash=refresh_hash,
        family_id=family_id,
        expires_at=utcnow() + dt.timedelta(seconds=get_settings().refresh_token_ttl),
    )
    return Session(access_token=access, refresh_token=refresh, expires_in=ttl, user=user)


async def refresh(refresh_token: str) -> Session:
    """Rotate: the old token is spent; presenting a spent one revokes its whole family."""
    invalid = ServiceError(ErrorCode.UNAUTHENTICATED, "Refresh token is invalid or expired",
                           "refreshToken")
    row = await RefreshToken.get_or_none(token_hash=hash_refresh_token(refresh_token))
    if row is None:
        raise invalid
    now = utcnow()
    if row.revoked_at is not None or row.expires_at <= now:
        raise invalid
    spent = await RefreshToken.filter(id=row.id, used_at=None, revoked_at=None).update(used_at=now)
    if not spent:
        await RefreshToken.filter(family_id=row.family_id, revoked_at=None).update(revoked_at=now)
        await revocation.revoke_family(row.family_id.hex)
        raise ServiceError(ErrorCode.UNAUTHENTICATED,
                           "Refresh token was already used: every session of it is revoked",
                           "refreshToken")
    user = await User.get_or_none(id=row.user_id)
    if user is None or not user.is_active:
        raise invalid
    return await _start_session(user, family_id=row.family_id)


async def logout(refresh_token: str) -> None:
    row = await RefreshToken.get_or_none(token_hash=hash_refresh_token(refresh_token))
    if row is not None:
        await RefreshToken.filter(family_id=row.family_id, revoked_at=None).update(
            revoked_at=utcnow())
        await revocation.revoke_family(row.family_id.hex)


# --- from a token to an actor -------------------------------------------------------------

async def team_tree(workspace_id: uuid.UUID) -> list[Team]:
    return list(await Team.filter(workspace_id=workspace_id).only("id", "parent_id", "manager_id"))


def reachable_teams(teams: list[Team], user: User) -> set[uuid.UUID]:
    """The user's own team, the teams they manage, and every team below those."""
    children: dict[uuid.UUID | None, list[uuid.UUID]] = defaultdict(list)
    for t in teams:
        children[t.parent_id].append(t.id)
    roots = {t.id for t in teams if t.manager_id == user.id}
    if user.team_id is not None:
        roots.add(user.team_id)
    seen: set[uuid.UUID] = set()
    stack = list(roots)
    while stack:
        tid = stack.pop()
        if tid in seen:
            continue
        seen.add(tid)
        stack.extend(children.get(tid, []))
    return seen


async def actor_for_user(user: User, *, request_id: str = "", client_id: str | None = None,
                         scopes: frozenset[str] | None = None) -> Actor:
    teams = await team_tree(user.workspace_id)
    reach = reachable_teams(teams, user)
    members: set[uuid.UUID] = {user.id}
    if reach:
        members.update(await User.filter(workspace_id=user.workspace_id, team_id__in=list(reach))
                       .values_list("id", flat=True))  # type: ignore[arg-type]
    return Actor(workspace_id=user.workspace_id, user_id=user.id, role=user.role,
                 team_id=user.team_id, team_member_ids=frozenset(members), client_id=client_id,
                 scopes=scopes, request_id=request_id, email=user.email)


async def actor_from_access_token(token: str, request_id: str = "") -> Actor:
    invalid = ServiceError(ErrorCode.UNAUTHENTICATED, "Access token is invalid or expired")
    try:
        claims = read_access_token(token)
        # Signed by us but not shaped as ours (a key shared with another issuer, an old format).
        workspace_id = uuid.UUID(str(claims["wid"]))
        user_id = uuid.UUID(str(claims["sub"])) if claims["sub"] != claims.get("client_id") \
            else uuid.UUID(int=0)
    except (InvalidToken, KeyError, ValueError, TypeError):
        raise invalid from None
    if await revocation.is_revoked(claims):
        raise ServiceError(ErrorCode.UNAUTHENTICATED, "Access token was revoked: sign in again")
    oauth = oauth_grant(claims)
    if oauth is not None and oauth.get("user") is None:
        # A client-credentials token: the client's service account, with the role its admin
        # chose when the token was issued, narrowed by the token's scopes.
        return Actor(workspace_id=workspace_id, user_id=None, role=str(claims.get("role")),
                     request_id=request_id, **oauth["actor"])
    # The generation is read before the database: a change while we read makes the entry stale.
    current = await actors.generation(workspace_id)
    facts = actors.cached(workspace_id, user_id, current)
    if facts is not None:
        return Actor(workspace_id=workspace_id, user_id=user_id, role=facts.role,
                     team_id=facts.team_id, team_member_ids=facts.team_member_ids,
                     request_id=request_id, email=facts.email,
                     **(oauth["actor"] if oauth else {}))
    user = await User.get_or_none(id=user_id, workspace_id=workspace_id)
    if user is None or not user.is_active:
        raise ServiceError(ErrorCode.UNAUTHENTICATED, "Access token is invalid or expired")
    actor = await actor_for_user(user, request_id=request_id)
    if current is not None:
        actors.remember(workspace_id, user_id, actors.Facts(
            actor.role, actor.team_id, actor.team_member_ids, actor.email, current,
            time.monotonic()))
    if oauth:
        actor = dataclasses.replace(actor, **oauth["actor"])
    return actor


def oauth_grant(claims: dict[str, Any]) -> dict[str, Any] | None:
    """What an OAuth access token adds to its actor (client, scopes, trusted documents), and
    whether it acts for a user; None for the app's own sign-in tokens."""
    client_id = claims.get("client_id")
    if not isinstance(client_id, str):
        return None
    scope = claims.get("scope")
    scopes = frozenset(scope.split()) if isinstance(scope, str) else frozenset()
    return {"user": None if claims.get("sub") == client_id else claims.get("sub"),
            "actor": {"client_id": client_id, "scopes": scopes,
                      "trusted_documents": bool(claims.get("tdo")),
                      "request_rate": claims["rl"] if isinstance(claims.get("rl"), str) else None}}


# --- users and teams --------------------------------------------------------------------------

def validate_email(email: str, field: str = "email") -> str:
    email = email.strip().lower()
    if not EMAIL_RE.match(email) or len(email) > 254:
        raise ServiceError(ErrorCode.INVALID, f"{email!r} is not a valid email address", field)
    return email


async def create_workspace(name: str, slug: str, settings: dict | None = None) -> Workspace:
    return await Workspace.create(name=name, slug=slug, settings=settings or {})


async def create_user(
    actor: Actor, *, email: str, name: str, role: str, password: str,
    team_id: uuid.UUID | None = None, user_id: uuid.UUID | None = None,
) -> User:
    if actor.role != "admin" or not actor.scope_allows("User", "write"):
        raise ServiceError(ErrorCode.FORBIDDEN, "Only an admin may create users")
    email = validate_email(email)
    if role not in ROLES:
        raise ServiceError(ErrorCode.INVALID, f"Unknown role {role!r}; one of {', '.join(ROLES)}",
                           "role")
    check_password(password)
    if await User.filter(workspace_id=actor.workspace_id, email=email).exists():
        raise ServiceError(ErrorCode.DUPLICATE, f"A user with email {email} exists", "email")
    async with in_transaction("default"):
        user = await User.create(
            id=user_id or uuid.uuid4(), workspace_id=actor.workspace_id, email=email, name=name,
            role=role, team_id=team_id, password_hash=await hash_password_async(password),
        )
        await audit.record(actor, "User", user.id, "create",
                           {"email": [None, email], "role": [None, role]})
    # The save's signal fired before the commit: a request between the two may have kept the
    # old rows under the new generation.
    await actors.changed(actor.workspace_id)
    return user


async def create_team(actor: Actor, *, name: str, manager_id: uuid.UUID | None = None,
                      parent_id: uuid.UUID | None = None) -> Team:
    if actor.role != "admin" or not actor.scope_allows("Team", "write"):
        raise ServiceError(ErrorCode.FORBIDDEN, "Only an admin may create teams")
    async with in_transaction("default"):
        team = await Team.create(workspace_id=actor.workspace_id, name=name,
                                 manager_id=manager_id, parent_id=parent_id)
        await audit.record_created(actor, team)
    await actors.changed(actor.workspace_id)  # as for a user: after the commit too
    return team


async def users_by_ids(actor: Actor, ids: list[uuid.UUID]) -> dict[uuid.UUID, User]:
    return {u.id: u for u in await scoped(User, actor).filter(id__in=ids)}


async def teams_by_ids(actor: Actor, ids: list[uuid.UUID]) -> dict[uuid.UUID, Team]:
    return {t.id: t for t in await scoped(Team, actor).filter(id__in=ids)}


async def workspace_setting(workspace_id: uuid.UUID, name: str) -> Any:
    """One of the workspace's settings (pool limits, currency...), with its default."""
    return (await Workspace.get(id=workspace_id)).setting(name)


async def colleague(actor: Actor, user_id: uuid.UUID, *, active: bool = False) -> User | None:
    """A user of the actor's workspace (any row scope: owners are picked among colleagues)."""
    qs = User.filter(id=user_id, workspace_id=actor.workspace_id)
    if active:
        qs = qs.filter(is_active=True)
    return await qs.first()


async def before_duplicate_check(actor: Actor) -> None:
    """Refuse with RATE_LIMITED once the actor has asked "does this customer exist?" too often:
    the answer covers customers they may not read."""
    await throttle.before_duplicate_check(str(actor.user_id or actor.client_id or "system"))


async def assignable_owner(actor: Actor, type_name: str, owner_id: uuid.UUID,
                           field: str = "ownerId") -> User:
    """`owner_id` as the new owner of a `type_name` record, by the one rule every owned type
    follows: an active colleague, within the rows the actor may write, whose own role may
    hold such records (a lead given to hr would be a lead nobody works)."""
    owner = await colleague(actor, owner_id, active=True)
    if owner is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "That user does not exist or is disabled", field)
    what = _PLURALS.get(type_name, f"{type_name.lower()}s")
    if not actor.row_in_scope(actor.write_scope(type_name), owner_id):
        raise ServiceError(ErrorCode.FORBIDDEN, f"You may not give {what} to that user", field)
    rule = actor.policy.objects.get(type_name)
    if rule is None or rule.write.get(owner.role, RowScope.NONE) is RowScope.NONE:
        raise ServiceError(ErrorCode.FORBIDDEN,
                           f"{owner.name}'s role cannot own {what}", field)
    return owner


_PLURALS = {"Opportunity": "opportunities"}


async def lock_user(user_id: uuid.UUID) -> None:
    """Hold the user's row until the transaction ends (serialises one user's claims)."""
    await User.filter(id=user_id).select_for_update().first()


async def team_exists(actor: Actor, team_id: uuid.UUID) -> bool:
    return await scoped(Team, actor).filter(id=team_id).exists()


async def active_reps(actor: Actor, only: frozenset[uuid.UUID] | None = None) -> list[User]:
    """The workspace's active sales users by name (`only`: limited to these ids)."""
    from crm.core.policy import SALES_ROLES
    qs = User.filter(workspace_id=actor.workspace_id, role__in=list(SALES_ROLES), is_active=True)
    if only is not None:
        qs = qs.filter(id__in=list(only))
    return list(await qs.order_by("name"))


async def first_admin(actor: Actor) -> User | None:
    """The workspace's earliest active admin: who owns what the system sets up for it."""
    return await User.filter(workspace_id=actor.workspace_id, role="admin",
                             is_active=True).order_by("created_at", "id").first()


async def workspaces_with_admin() -> list[uuid.UUID]:
    """The workspaces that have an active admin (system jobs that set a workspace up)."""
    return list(await User.filter(role="admin", is_active=True).distinct().values_list(
        "workspace_id", flat=True))  # type: ignore[arg-type]
async def active_users(workspace_id: uuid.UUID, *, roles: list[str] | None = None,
                       ids: list[uuid.UUID] | None = None) -> list[User]:
    """The workspace's active users (with one of `roles`, among `ids`), whatever the asker's
    row scope: who approves is decided by rules, not by who asks."""
    qs = User.filter(workspace_id=workspace_id, is_active=True)
    if roles is not None:
        qs = qs.filter(role__in=roles)
    if ids is not None:
        qs = qs.filter(id__in=ids)
    return list(await qs.order_by("name", "id"))


async def users_of_workspace(workspace_id: uuid.UUID, ids: list[uuid.UUID]) -> list[User]:
    """The workspace's users among `ids`, active or not, whatever the asker's row scope: what
    someone did (priced a line) still counts after they leave."""
    return list(await User.filter(workspace_id=workspace_id, id__in=ids))


async def team_of(actor: Actor, user: User) -> Team | None:
    if user.team_id is None:
        return None
    return await scoped(Team, actor).get_or_none(id=user.team_id)


async def get_user(actor: Actor, user_id: uuid.UUID) -> User:
    user = await scoped(User, actor).get_or_none(id=user_id)
    if user is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "User not found", "id")
    return user


def readable_scope(actor: Actor, type_name: str) -> RowScope:
    return actor.row_scope(type_name)


# --- the audit trail, as the field policy lets the actor see it -----------------------------

def visible_changes(actor: Actor, object_type: str, changes: dict[str, Any], event: Any
                    ) -> dict[str, tuple[Any, Any]]:
    """The changes the actor may read: hidden fields dropped, masked fields masked.

    Each key is judged by the field policy of the field that shows it (`history_field`); a key
    no field shows is dropped, so a value audited without a policy row never leaks. The row
    the event is about was already checked; owner-based access uses the event's owner
    snapshot only through the type's role rule (history never upgrades by ownership).
    """
    from crm.core.policy import history_key, mask_value
    table = actor.policy
    out: dict[str, tuple[Any, Any]] = {}
    subject = getattr(event, "_subject", None)
    for key, pair in changes.items():
        governing = table.history_field(object_type, key)
        if governing is None:
            continue
        rule = table.fields.get(f"{object_type}.{governing}")
        if subject is not None:
            access = actor.field_access_for(object_type, governing, subject)
        else:
            access = actor.field_access(object_type, governing)
        if rule is not None and rule.history_roles is not None and actor.role not in rule.history_roles:
            access = Access.NONE
        if access is Access.NONE:
            continue
        old, new = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        if access is Access.MASKED:
            kind = rule.mask if rule else "text"
            old, new = mask_value(old, kind), mask_value(new, kind)
        out[history_key(key)] = (old, new)
    return out


async def audit_history(actor: Actor, object_type: str, subject: Any, *, first: int | None,
                        after: str | None, last: int | None = None, before: str | None = None
                        ) -> Connection[Any]:
    """The audit events of a row the actor can already read, newest first."""
    qs = AuditEventModel.filter(workspace_id=actor.workspace_id, object_id=subject.id)
    page = await paginate(qs, [SortKey("created_at", descending=True)], first=first, after=after,
                          last=last, before=before)
    for edge in page.edges:
        edge.node._subject = subject if edge.node.object_type == object_type else None
    return page


# --- saved views of the admin app's lists -------------------------------------------------

# What a view remembers of a list: its search, filters, sort and page size (not the page: a
# view opens at its start).
VIEW_STATE_KEYS = ("q", "filters", "sort", "size")
VIEW_PAGE_SIZES = (10, 20, 50, 100)
# A view's state is a handful of short values; more than this is not a list's state.
MAX_VIEW_STATE_BYTES = 4096
MAX_VIEW_FILTERS = 20
MAX_VIEW_FILTER_VALUES = 50
MAX_VIEW_TEXT = 200
# Views one user keeps per list: a menu, not a store.
MAX_VIEWS_PER_LIST = 50
_VIEW_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")
_SORT_FIELD_RE = re.compile(r"^[A-Z][A-Z0-9_]{0,39}$")


def _state_error(field: str, message: str, code: ErrorCode = ErrorCode.INVALID,
                 params: dict[str, str | int] | None = None) -> UserError:
    return UserError(field=f"state.{field}" if field else "state", code=code, message=message,
                     params=params)


def validate_view_state(state: Any) -> dict[str, Any]:
    """The list state a client sent, checked key by key: every problem at once, as INVALID on
    `state.<key>`; an oversized state is LIMIT_REACHED. Blank values are dropped, so the stored
    state is what the list would put in its URL."""
    if not isinstance(state, dict):
        raise ServiceError(ErrorCode.INVALID, "state must be an object of q, filters, sort and "
                           "size", "state")
    try:
        size_in_bytes = len(orjson.dumps(state))
    except orjson.JSONEncodeError:
        # A literal in the document may be an integer past 64 bits, which no JSON reader
        # of ours (nor the column) keeps: the client's error, not ours.
        raise ServiceError(ErrorCode.INVALID, "state holds a number too large to keep",
                           "state") from None
    if size_in_bytes > MAX_VIEW_STATE_BYTES:
        raise ServiceError(ErrorCode.LIMIT_REACHED,
                           f"state is {size_in_bytes} bytes, more than {MAX_VIEW_STATE_BYTES}",
                           "state", params={"limit": MAX_VIEW_STATE_BYTES})
    errors: list[UserError] = []
    out: dict[str, Any] = {}
    for key in state:
        if key not in VIEW_STATE_KEYS:
            errors.append(_state_error(str(key)[:40], f"Unknown key {str(key)[:40]!r}: a view "
                                       f"keeps only {', '.join(VIEW_STATE_KEYS)}"))
    q = state.get("q")
    if q is not None:
        if not isinstance(q, str) or len(q) > MAX_VIEW_TEXT or "\x00" in q:
            errors.append(_state_error("q", f"q must be text of at most {MAX_VIEW_TEXT} "
                                       "characters"))
        elif q.strip():
            out["q"] = q.strip()
    filters = state.get("filters")
    if filters is not None:
        if not isinstance(filters, dict):
            errors.append(_state_error("filters", "filters must be an object of filter names"))
        elif len(filters) > MAX_VIEW_FILTERS:
            errors.append(_state_error("filters", f"At most {MAX_VIEW_FILTERS} filters",
                                       ErrorCode.LIMIT_REACHED, {"limit": MAX_VIEW_FILTERS}))
        else:
            kept: dict[str, str | list[str]] = {}
            for name, value in filters.items():
                if not _VIEW_NAME_RE.match(name):
                    errors.append(_state_error("filters", f"{name[:40]!r} is not a filter name"))
                    continue
                values = value if isinstance(value, list) else [value]
                if len(values) > MAX_VIEW_FILTER_VALUES:
                    errors.append(_state_error(f"filters.{name}", f"At most "
                                               f"{MAX_VIEW_FILTER_VALUES} values",
                                               ErrorCode.LIMIT_REACHED,
                                               {"limit": MAX_VIEW_FILTER_VALUES}))
                    continue
                if not all(isinstance(v, str) and len(v) <= MAX_VIEW_TEXT and "\x00" not in v
                           for v in values):
                    errors.append(_state_error(f"filters.{name}", f"{name} must be text, or a "
                                               f"list of texts, of at most {MAX_VIEW_TEXT} "
                                               "characters each"))
                    continue
                cleaned = [v.strip() for v in values if v.strip()]
                if cleaned:
                    kept[name] = cleaned if isinstance(value, list) else cleaned[0]
            out["filters"] = kept
    if "sort" in state:
        sort = state["sort"]
        if sort is None:
            out["sort"] = None
        elif (not isinstance(sort, dict) or set(sort) != {"field", "direction"}
              or not isinstance(sort["field"], str) or not _SORT_FIELD_RE.match(sort["field"])
              or sort["direction"] not in ("ASC", "DESC")):
            errors.append(_state_error("sort", "sort must be null or {field, direction} with a "
                                       "sort field such as NAME and ASC or DESC"))
        else:
            out["sort"] = {"field": sort["field"], "direction": sort["direction"]}
    size = state.get("size")
    if size is not None:
        if isinstance(size, bool) or size not in VIEW_PAGE_SIZES:
            errors.append(_state_error("size", "size must be one of "
                                       f"{', '.join(map(str, VIEW_PAGE_SIZES))}"))
        else:
            out["size"] = size
    if errors:
        raise ValidationFailed(errors)
    return out


def _views_visible(actor: Actor) -> Any:
    """The views the actor reads: their own and the ones shared in their workspace."""
    visible = Q(shared=True)
    if actor.user_id is not None:
        visible |= Q(owner_id=actor.user_id)
    return scoped(SavedView, actor).filter(visible)


async def saved_views(actor: Actor, list_key: ListKey) -> list[SavedView]:
    """The actor's views of one list and those shared with the workspace: their own first,
    each group by name."""
    rows = list(await _views_visible(actor).filter(list_key=list_key).order_by("name", "id"))
    return sorted(rows, key=lambda v: v.owner_id != actor.user_id)


async def saved_views_by_ids(actor: Actor, ids: list[uuid.UUID]) -> dict[uuid.UUID, SavedView]:
    return {v.id: v for v in await _views_visible(actor).filter(id__in=ids)}


def _require_user(actor: Actor) -> uuid.UUID:
    if actor.user_id is None:
        raise ServiceError(ErrorCode.FORBIDDEN, "Saved views belong to users: ask with a "
                           "user's token")
    return actor.user_id


def _may_share(actor: Actor) -> None:
    if not actor.may("SavedView", "share"):
        raise ServiceError(ErrorCode.FORBIDDEN, "Only managers and admins may share a view "
                           "with the team", "shared")


def _view_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 80 or "\x00" in name:
        raise ServiceError(ErrorCode.INVALID, "A view's name is 1 to 80 characters", "name")
    return name


def _duplicate_view(name: str) -> ServiceError:
    # The name as a parameter: a client words it in its language ("name" alone reads as a
    # customer's name clash in the Chinese texts).
    return ServiceError(ErrorCode.DUPLICATE, f"You already have a view named {name!r} of this "
                        "list", "name", params={"name": name})


async def _clear_default(actor: Actor, owner_id: uuid.UUID, list_key: ListKey,
                         keep: uuid.UUID) -> None:
    """One default per owner and list: the new one takes the mark from the previous one."""
    await move_rows(actor, SavedView, {
        "workspace_id": actor.workspace_id, "owner_id": owner_id, "list_key": list_key,
        "is_default": True, "deleted_at": None, "id__not": keep}, {"is_default": False},
        action="update")


async def create_saved_view(actor: Actor, list_key: ListKey, name: str, state: Any, *,
                            shared: bool = False, is_default: bool = False,
                            view_id: uuid.UUID | None = None) -> SavedView:
    owner_id = _require_user(actor)
    if actor.write_scope("SavedView") is RowScope.NONE:
        raise ServiceError(ErrorCode.FORBIDDEN, "Your role may not save views")
    if shared:
        _may_share(actor)
    name = _view_name(name)
    state = validate_view_state(state)
    if view_id is not None and (earlier := await SavedView.get_or_none(id=view_id)) is not None:
        if earlier.workspace_id == actor.workspace_id and earlier.owner_id == owner_id:
            return earlier  # a retried create: the first one won
        raise ServiceError(ErrorCode.CONFLICT, "That id is already taken", "id")
    values = {"state": state, "shared": shared, "is_default": is_default}
    async with in_transaction("default"):
        clash = await SavedView.filter(workspace_id=actor.workspace_id, owner_id=owner_id,
                                       list_key=list_key, name=name).select_for_update().first()
        if clash is not None and clash.deleted_at is None:
            raise _duplicate_view(name)
        if clash is None:
            mine = await SavedView.filter(workspace_id=actor.workspace_id, owner_id=owner_id,
                                          list_key=list_key, deleted_at=None).count()
            if mine >= MAX_VIEWS_PER_LIST:
                raise ServiceError(ErrorCode.LIMIT_REACHED, f"At most {MAX_VIEWS_PER_LIST} "
                                   "views of one list", "name",
                                   params={"limit": MAX_VIEWS_PER_LIST})
            try:
                view = await SavedView.create(
                    id=view_id or uuid.uuid4(), workspace_id=actor.workspace_id,
                    owner_id=owner_id, created_by_id=owner_id, list_key=list_key, name=name,
                    **values)
            except IntegrityError:
                raise _duplicate_view(name) from None
            await audit.record_created(actor, view)
        else:
            # The name of a deleted view: that view comes back, holding what was saved now.
            view = await update_versioned(actor, clash, {**values, "deleted_at": None}, None,
                                          action="restore")
        if is_default:
            await _clear_default(actor, owner_id, list_key, view.id)
    return view


async def _own_view(actor: Actor, pk: uuid.UUID, *, include_deleted: bool = False) -> SavedView:
    """The actor's own view; FORBIDDEN for a view they read but do not own, else NOT_FOUND."""
    owner_id = _require_user(actor)
    row = await scoped(SavedView, actor, write=True, include_deleted=include_deleted).filter(
        id=pk).select_for_update().first()
    if row is not None and row.owner_id == owner_id:
        return row
    if await _views_visible(actor).filter(id=pk).exists():
        raise ServiceError(ErrorCode.FORBIDDEN, "This view is someone else's: save a copy of "
                           "your own instead", "id")
    raise ServiceError(ErrorCode.NOT_FOUND, "SavedView not found", "id")


async def update_saved_view(actor: Actor, pk: uuid.UUID, changes: dict[str, Any],
                            expected_version: int | None = None) -> SavedView:
    """Rename, restate, share or unshare, or mark as default one of the actor's own views."""
    if "name" in changes:
        changes["name"] = _view_name(changes["name"] or "")
    if "state" in changes:
        changes["state"] = validate_view_state(changes["state"])
    for flag in ("shared", "is_default"):
        if flag in changes and changes[flag] is None:
            raise ServiceError(ErrorCode.INVALID, f"{flag} is true or false, not null",
                               "isDefault" if flag == "is_default" else flag)
    async with in_transaction("default"):
        row = await _own_view(actor, pk)
        # Turning sharing on is the manager's step; anyone may stop sharing their own view.
        if changes.get("shared") and not row.shared:
            _may_share(actor)
        if "name" in changes and changes["name"] != row.name and await SavedView.filter(
                workspace_id=actor.workspace_id, owner_id=row.owner_id, list_key=row.list_key,
                name=changes["name"]).exclude(id=row.id).exists():
            raise _duplicate_view(changes["name"])
        row = await update_versioned(actor, row, changes, expected_version)
        if changes.get("is_default"):
            await _clear_default(actor, row.owner_id, row.list_key, row.id)
    return row


async def delete_saved_view(actor: Actor, pk: uuid.UUID) -> SavedView:
    """Delete one of the actor's views; an admin may delete any view of the workspace (a
    shared view left behind by someone who moved on)."""
    async with in_transaction("default"):
        if actor.may("SavedView", "deleteAny"):
            row = await _views_visible(actor).filter(id=pk).select_for_update().first()
            if row is None:
                raise ServiceError(ErrorCode.NOT_FOUND, "SavedView not found", "id")
        else:
            row = await _own_view(actor, pk)
        return await soft_delete(actor, row)


async def restore_saved_view(actor: Actor, pk: uuid.UUID) -> SavedView:
    """Undo the delete of one of the actor's own views."""
    async with in_transaction("default"):
        row = await restore(actor, await _own_view(actor, pk, include_deleted=True))
        if row.is_default:  # undone, it is the default it was; one that took the mark loses it
            await _clear_default(actor, row.owner_id, row.list_key, row.id)
        return row


# --- administering users and teams --------------------------------------------------------

MIN_PASSWORD = 8
# argon2 hashes whatever it is given: a megabyte-long "password" is refused before it costs.
MAX_PASSWORD = 256
MAX_NAME = 120  # the length of User.name and Team.name
# The password_hash of an invited user who has not accepted yet: no password verifies against
# it, and its random part makes every invitation's link its own.
INVITED = "!invited:"
BAD_LINK = "This link is invalid, expired or already used: ask an admin for a new one"
_log = logging.getLogger("crm.auth")


async def _save_user(actor: Actor, user: User, changes: dict[str, Any],
                     expected_version: int | None, **kwargs: Any) -> User:
    """`update_versioned` for a user: versioned and audited like a record, though never
    soft-deleted (a user is disabled instead)."""
    saved: Any = await update_versioned(actor, cast(Any, user), changes, expected_version,
                                        **kwargs)
    return cast(User, saved)


@dataclass
class IssuedLink:
    user: User
    link: str


def check_password(password: str, field: str = "password") -> str:
    """The strength rule of every password a person sets (create, invite, reset, change)."""
    if len(password) < MIN_PASSWORD:
        raise ServiceError(ErrorCode.INVALID,
                           f"Password needs at least {MIN_PASSWORD} characters", field)
    if len(password) > MAX_PASSWORD:
        raise ServiceError(ErrorCode.INVALID,
                           f"Password has at most {MAX_PASSWORD} characters", field)
    return password


def _admin_only(actor: Actor, type_name: str, what: str) -> None:
    if actor.role != "admin" or not actor.scope_allows(type_name, "write") \
            or actor.write_scope(type_name) is RowScope.NONE:
        raise ServiceError(ErrorCode.FORBIDDEN, f"Only an admin may {what}")


def _name(value: str | None, field: str = "name") -> str:
    name = (value or "").strip()
    if not name:
        raise ServiceError(ErrorCode.INVALID, "A name is needed", field)
    if len(name) > MAX_NAME:
        raise ServiceError(ErrorCode.INVALID, f"A name has at most {MAX_NAME} characters", field)
    return name


def _role(role: str) -> str:
    if role not in ROLES:
        raise ServiceError(ErrorCode.INVALID, f"Unknown role {role[:40]!r}; one of "
                           f"{', '.join(ROLES)}", "role", params={"roles": ", ".join(ROLES)})
    return role


async def _in_workspace(model: Any, actor: Actor, pk: uuid.UUID, field: str = "id", *,
                        lock: bool = False) -> Any:
    """The actor's workspace's user or team `pk` (NOT_FOUND on `field` for any other)."""
    qs = model.filter(id=pk, workspace_id=actor.workspace_id)
    if lock:
        qs = qs.select_for_update()
    row = await qs.first()
    if row is None:
        raise ServiceError(ErrorCode.NOT_FOUND, f"{model.__name__} not found", field)
    return row


async def _team_in_workspace(actor: Actor, team_id: uuid.UUID | None, field: str) -> None:
    if team_id is not None:
        await _in_workspace(Team, actor, team_id, field)


async def _user_in_workspace(actor: Actor, user_id: uuid.UUID, field: str = "id", *,
                             lock: bool = False) -> User:
    user: User = await _in_workspace(User, actor, user_id, field, lock=lock)
    return user


def _link(path: str, purpose: str, user: User, ttl: int) -> str:
    from crm.auth.tokens import issue_link_token
    token = issue_link_token(purpose, user.id, user.workspace_id, user.password_hash, ttl)
    link = f"{path}?token={token}"
    if get_settings().debug:
        # No email is sent yet: in development the link is here as well as in the answer.
        _log.info("%s link for %s: %s", purpose, user.email, link)
        print(f"[crm] {purpose} link for {user.email}: {link}", flush=True)
    return link


async def invite_user(actor: Actor, *, email: str, name: str, role: str,
                      team_id: uuid.UUID | None = None) -> IssuedLink:
    """A new user, inactive until they accept the invitation the link carries."""
    _admin_only(actor, "User", "invite users")
    if len(email) > MAX_EMAIL:
        raise ServiceError(ErrorCode.INVALID, f"An email has at most {MAX_EMAIL} characters",
                           "email")
    email = validate_email(email)
    name = _name(name)
    role = _role(role)
    await _team_in_workspace(actor, team_id, "teamId")
    async with in_transaction("default"):
        if await User.filter(workspace_id=actor.workspace_id, email=email).exists():
            raise ServiceError(ErrorCode.DUPLICATE, f"A user with email {email} exists",
                               "email", params={"name": email})
        try:
            user = await User.create(
                workspace_id=actor.workspace_id, email=email, name=name, role=role,
                team_id=team_id, password_hash=INVITED + secrets.token_hex(16), is_active=False)
        except IntegrityError:
            raise ServiceError(ErrorCode.DUPLICATE, f"A user with email {email} exists",
                               "email", params={"name": email}) from None
        await audit.record(actor, "User", user.id, "invite", audit.diff({}, audit.snapshot(
            user, ["email", "name", "role", "team_id", "is_active"])))
    await actors.changed(actor.workspace_id)
    return IssuedLink(user, _link("/accept-invite", "invite", user, get_settings().invite_ttl))


async def _user_of_link(token: str, purpose: str) -> User:
    from crm.auth.tokens import password_fingerprint, read_link_token
    invalid = ServiceError(ErrorCode.INVALID, BAD_LINK, "token")
    try:
        claims = read_link_token(token, purpose)
        user_id = uuid.UUID(str(claims["sub"]))
        workspace_id = uuid.UUID(str(claims["wid"]))
    except (InvalidToken, KeyError, ValueError, TypeError):
        raise invalid from None
    user = await User.filter(id=user_id, workspace_id=workspace_id).select_for_update().first()
    if user is None or password_fingerprint(user.id, user.password_hash) != claims["pwf"]:
        raise invalid  # used already (the password it replaces changed), or the user is gone
    if purpose == "invite" and not user.password_hash.startswith(INVITED):
        raise invalid
    if purpose == "reset" and not user.is_active:
        raise invalid  # a disabled account is not brought back by a reset
    return user


async def _set_password_by_link(token: str, password: str, purpose: str) -> Session:
    check_password(password)
    new_hash = await hash_password_async(password)
    async with in_transaction("default"):
        user = await _user_of_link(token, purpose)
        actor = await actor_for_user(user)
        families = await _end_sessions(user.id)
        user = await _set_password(actor, user, new_hash,
                                   {"is_active": True} if purpose == "invite" else {},
                                   "acceptInvite" if purpose == "invite" else "resetPassword")
    await _revoke(families)
    await actors.changed(user.workspace_id)
    return await _start_session(user, family_id=uuid.uuid4())


async def _set_password(actor: Actor, user: User, new_hash: str, changes: dict[str, Any],
                        action: str) -> User:
    """A new password hash, audited as `password: set` (never the hash itself), with other
    changes of the same step."""
    user = await _save_user(actor, user, changes, None, action=action,
                                  also={"password": [None, "set"]})
    user.password_hash = new_hash
    await user.save(update_fields=["password_hash"])  # a save: the actor cache hears of it
    return user


async def accept_invite(token: str, password: str) -> Session:
    """The invitee sets their password: the account is active and signed in."""
    return await _set_password_by_link(token, password, "invite")


async def complete_password_reset(token: str, password: str) -> Session:
    """A new password from an admin's reset link: every other session of the user ends."""
    return await _set_password_by_link(token, password, "reset")


async def _end_sessions(user_id: uuid.UUID, keep: uuid.UUID | None = None) -> list[uuid.UUID]:
    """Revoke the user's refresh tokens (in the caller's transaction); the families whose
    access tokens `_revoke` then ends."""
    qs = RefreshToken.filter(user_id=user_id, revoked_at=None)
    if keep is not None:
        qs = qs.exclude(family_id=keep)
    families = list({f for f in await qs.values_list("family_id", flat=True)})
    if families:
        await qs.update(revoked_at=utcnow())
    return families  # type: ignore[return-value]


async def _revoke(families: list[uuid.UUID]) -> None:
    for family in families:
        await revocation.revoke_family(family.hex)


async def _last_active_admin(user: User) -> bool:
    return user.role == "admin" and user.is_active and not await User.filter(
        workspace_id=user.workspace_id, role="admin", is_active=True).exclude(
            id=user.id).exists()


async def _lock_admins(actor: Actor) -> None:
    """Hold the workspace's admins, so two demotions at once cannot leave it with none."""
    await User.filter(workspace_id=actor.workspace_id, role="admin").select_for_update()


LAST_ADMIN = "The workspace's last active admin cannot be demoted or disabled: make another " \
    "admin first"


async def update_user(actor: Actor, user_id: uuid.UUID, changes: dict[str, Any]) -> User:
    """Rename, change the role or move to another team (admins only)."""
    _admin_only(actor, "User", "change users")
    if "name" in changes:
        changes["name"] = _name(changes["name"])
    if "role" in changes:
        if changes["role"] is None:
            raise ServiceError(ErrorCode.INVALID, "A user needs a role", "role",
                               params={"roles": ", ".join(ROLES)})
        changes["role"] = _role(changes["role"])
    if "team_id" in changes:
        await _team_in_workspace(actor, changes["team_id"], "teamId")
    async with in_transaction("default"):
        await _lock_admins(actor)
        user = await _user_in_workspace(actor, user_id, lock=True)
        if changes.get("role", "admin") != "admin" and await _last_active_admin(user):
            raise ServiceError(ErrorCode.INVALID_STATE, LAST_ADMIN, "role")
        user = await _save_user(actor, user, changes, None)
    await actors.changed(actor.workspace_id)
    return user


async def set_user_active(actor: Actor, user_id: uuid.UUID, active: bool) -> User:
    """Disable (every session and token of the user stops working at once) or enable."""
    _admin_only(actor, "User", "disable or enable users")
    families: list[uuid.UUID] = []
    async with in_transaction("default"):
        await _lock_admins(actor)
        user = await _user_in_workspace(actor, user_id, lock=True)
        if user.is_active == active:
            return user
        if user.password_hash.startswith(INVITED) and active:
            raise ServiceError(ErrorCode.INVALID_STATE, "This user has not accepted the "
                               "invitation yet: they become active by accepting it", "id")
        if not active and await _last_active_admin(user):
            raise ServiceError(ErrorCode.INVALID_STATE, LAST_ADMIN, "id")
        if not active:
            families = await _end_sessions(user.id)
        user = await _save_user(actor, user, {"is_active": active}, None,
                                      action="enable" if active else "disable")
    await _revoke(families)
    # The actor cache (a disabled user's facts) is dropped: the next request reads the row.
    await actors.changed(actor.workspace_id)
    return user


async def reset_user_password(actor: Actor, user_id: uuid.UUID) -> IssuedLink:
    """A link with which the user sets a new password (admins only); the old one keeps working
    until then."""
    _admin_only(actor, "User", "reset passwords")
    async with in_transaction("default"):
        user = await _user_in_workspace(actor, user_id, lock=True)
        if user.password_hash.startswith(INVITED):
            raise ServiceError(ErrorCode.INVALID_STATE, "This user has not accepted the "
                               "invitation yet: invite them again instead", "id")
        if not user.is_active:
            raise ServiceError(ErrorCode.INVALID_STATE, "This user is disabled: enable them "
                               "first", "id")
        user = await _save_user(actor, user, {}, None, action="passwordResetLink",
                                      also={"passwordReset": [None, "requested"]})
    return IssuedLink(user, _link("/reset-password", "reset", user,
                                  get_settings().password_reset_ttl))


async def change_my_password(actor: Actor, current: str, new: str,
                             session_family: uuid.UUID | None = None) -> User:
    """The signed-in user's new password; their other sessions end (`session_family`, the
    session asking, goes on)."""
    user_id = _require_user(actor)
    check_password(new, "newPassword")
    user = await _user_in_workspace(actor, user_id)
    if len(current) > MAX_PASSWORD or not await verify_password_async(user.password_hash,
                                                                      current):
        raise ServiceError(ErrorCode.INVALID_CREDENTIALS, "The current password is wrong",
                           "currentPassword")
    new_hash = await hash_password_async(new)
    async with in_transaction("default"):
        user = await _user_in_workspace(actor, user_id, lock=True)
        families = await _end_sessions(user.id, keep=session_family)
        user = await _set_password(actor, user, new_hash, {}, "changePassword")
    await _revoke(families)
    return user


async def _check_team_links(actor: Actor, team_id: uuid.UUID | None,
                            changes: dict[str, Any]) -> None:
    if changes.get("manager_id") is not None:
        await _user_in_workspace(actor, changes["manager_id"], "managerId")
    parent_id = changes.get("parent_id")
    if parent_id is None:
        return
    parents = dict(await Team.filter(workspace_id=actor.workspace_id).values_list(
        "id", "parent_id"))
    if parent_id not in parents:
        raise ServiceError(ErrorCode.NOT_FOUND, "Team not found", "parentTeamId")
    seen: set[Any] = set()
    step: Any = parent_id
    while step is not None and step not in seen:
        if step == team_id:
            raise ServiceError(ErrorCode.INVALID, "A team cannot be below itself: that parent "
                               "is this team or one of its sub-teams", "parentTeamId")
        seen.add(step)
        step = parents.get(step)


def _duplicate_team(name: str) -> ServiceError:
    return ServiceError(ErrorCode.DUPLICATE, f"A team named {name!r} exists", "name",
                        params={"name": name})


async def add_team(actor: Actor, *, name: str, manager_id: uuid.UUID | None = None,
                   parent_id: uuid.UUID | None = None) -> Team:
    """A new team (admins only), checked: a unique name, a manager and a parent of the
    workspace."""
    _admin_only(actor, "Team", "create teams")
    name = _name(name)
    await _check_team_links(actor, None, {"manager_id": manager_id, "parent_id": parent_id})
    if await Team.filter(workspace_id=actor.workspace_id, name=name).exists():
        raise _duplicate_team(name)
    try:
        return await create_team(actor, name=name, manager_id=manager_id, parent_id=parent_id)
    except IntegrityError:
        raise _duplicate_team(name) from None


async def update_team(actor: Actor, team_id: uuid.UUID, changes: dict[str, Any]) -> Team:
    """Rename a team, change its manager or move it under another parent (never below
    itself)."""
    _admin_only(actor, "Team", "change teams")
    if "name" in changes:
        changes["name"] = _name(changes["name"])
    async with in_transaction("default"):
        team = await _in_workspace(Team, actor, team_id, lock=True)
        await _check_team_links(actor, team.id, changes)
        if "name" in changes and await Team.filter(
                workspace_id=actor.workspace_id, name=changes["name"]).exclude(
                    id=team.id).exists():
            raise _duplicate_team(changes["name"])
        changes = {k: v for k, v in changes.items() if getattr(team, k) != v}
        if changes:
            before = audit.snapshot(team, list(changes))
            for k, v in changes.items():
                setattr(team, k, v)
            try:  # a save, not a queryset update: the actor cache hears of it
                await team.save(update_fields=[*changes, "updated_at"])
            except IntegrityError:  # the same name saved meanwhile by another admin
                raise _duplicate_team(str(changes.get("name"))) from None
            await audit.record(actor, "Team", team.id, "update",
                               audit.diff(before, audit.snapshot(team, list(changes))))
    await actors.changed(actor.workspace_id)
    return team
