"""The field and row policy: one table, merged from every module's `policy.py`.

A module's policy is data: `OBJECTS` says which rows each role may read and write per object
type, `FIELDS` says how each role may use a restricted field. Fields no rule names are readable
by whoever may read the row. `apply_policy` wraps every restricted field of the schema when
it is built, so the check cannot be forgotten on a new resolver; sensitive-looking fields
without a rule make the build fail instead of leaking.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import strawberry

from crm.core.validation import camel


@strawberry.enum(description="What a role may do with a field.")
class Access(Enum):
    NONE = strawberry.enum_value("none", description="Not shown: reading it is refused.")
    MASKED = strawberry.enum_value(
        "masked", description="Shown with most characters hidden, e.g. 138****5678.")
    READ = strawberry.enum_value("read", description="Shown in full.")
    WRITE = strawberry.enum_value("write", description="Shown in full and may be changed.")

    @property
    def rank(self) -> int:
        return _ACCESS_RANK[self]


_ACCESS_RANK = {Access.NONE: 0, Access.MASKED: 1, Access.READ: 2, Access.WRITE: 3}


@strawberry.enum(description="Which rows of an object type a role reaches.")
class RowScope(Enum):
    NONE = strawberry.enum_value("none", description="No rows.")
    OWN = strawberry.enum_value(
        "own", description="The rows the user owns (or that belong to what they own).")
    TEAM = strawberry.enum_value("team", description="The rows of the user's team.")
    ALL = strawberry.enum_value("all", description="Every row of the workspace.")


ROLES = (
    "admin", "sales_manager", "sales_rep", "marketing", "support",
    "warehouse", "finance", "hr", "viewer",
)
SALES_ROLES = ("sales_manager", "sales_rep")


@dataclass(frozen=True)
class FieldRule:
    """How each role may use one field. Roles not named get `default`."""

    roles: Mapping[str, Access] = field(default_factory=dict)
    default: Access = Access.NONE
    # Access when the row is the actor's own (or their team's, for a role with team scope).
    owner: Access | None = None
    mask: str = "text"  # phone | email | text
    # Who may read this field's old and new values in audit history; defaults to readers.
    history_roles: tuple[str, ...] | None = None

    def for_role(self, role: str) -> Access:
        return self.roles.get(role, self.default)


@dataclass(frozen=True)
class ObjectRule:
    read: Mapping[str, RowScope]
    write: Mapping[str, RowScope] = field(default_factory=dict)
    # Steps of the type's life that belong to particular roles, whatever their write scope: the
    # roles that may take each (separation of duties: hr calculates a pay run, finance approves
    # it). A step not named here is open to whoever may write the row.
    actions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class PolicyTable:
    fields: dict[str, FieldRule] = field(default_factory=dict)
    objects: dict[str, ObjectRule] = field(default_factory=dict)
    # "Type.auditKey" -> the field whose rule governs that key in history, for audited values
    # the type shows under another name (an order's line cost is what `margin` is made of);
    # None for a value audited for the record's own sake that no reader is shown.
    audit_as: dict[str, str | None] = field(default_factory=dict)
    # The GraphQL fields of each object type, filled when the schema is built.
    schema_fields: dict[str, list[str]] = field(default_factory=dict)
    # The OAuth scope family of each object type (`customers` for Customer): a token's scopes
    # `<family>:read` / `<family>:write` gate the type's rows and fields.
    scope_of: dict[str, str] = field(default_factory=dict)

    def merge(self, fields: Mapping[str, FieldRule], objects: Mapping[str, ObjectRule],
              audit_as: Mapping[str, str | None] | None = None, scope: str | None = None) -> None:
        for key, rule in fields.items():
            if key in self.fields:
                raise ValueError(f"Field policy for {key} is declared twice")
            self.fields[key] = rule
        for key, obj in objects.items():
            if key in self.objects:
                raise ValueError(f"Object policy for {key} is declared twice")
            self.objects[key] = obj
            if scope is not None:
                self.scope_of[key] = scope
        for key, target in (audit_as or {}).items():
            if key in self.audit_as:
                raise ValueError(f"Audit alias for {key} is declared twice")
            self.audit_as[key] = target

    def history_field(self, object_type: str, key: str) -> str | None:
        """The field whose policy decides who reads audit key `key` of `object_type`, or None
        when no field does: such a value is never shown, so a column audited before its
        policy exists stays hidden instead of leaking."""
        name = history_key(key)
        fields = self.schema_fields.get(object_type, ())
        target = self.audit_as.get(f"{object_type}.{name}", name)
        if target is None:
            return None
        if target in fields:
            return target
        if target.endswith("Id") and target[:-2] in fields:  # owner_id -> owner
            return target[:-2]
        return None

    def unmapped_audit_keys(self, object_type: str, keys: Iterable[str]) -> list[str]:
        """Audited keys that neither a field shows nor the policy deliberately hides: each is a
        value written to history with no rule saying who may read it."""
        return [k for k in keys
                if self.history_field(object_type, k) is None
                and f"{object_type}.{history_key(k)}" not in self.audit_as
                and k not in BOOKKEEPING_COLUMNS]


# Columns every record has for its own upkeep; history shows them only where the type does.
BOOKKEEPING_COLUMNS = frozenset({"id", "workspace_id", "version", "created_at", "updated_at",
                                 "created_by_id", "deleted_at"})


def history_key(key: str) -> str:
    """An audit key as the API names it: `cost_price_minor` -> `costPrice`, `tax_rate_bp` ->
    `taxRate`, so money stored in minor units is judged by the field that shows it."""
    for suffix in ("_minor", "_bp"):
        if key.endswith(suffix):
            key = key[:-len(suffix)]
            break
    return camel(key)


POLICY = PolicyTable()


def load_policy() -> PolicyTable:
    """Merge the modules' tables once; modules are listed where the schema is built."""
    if POLICY.objects:
        return POLICY
    from crm.modules import submodules

    for module in submodules("policy"):
        POLICY.merge(module.FIELDS, module.OBJECTS, getattr(module, "AUDIT_AS", None),
                     scope_family(module.__name__.split(".")[1]))
    return POLICY


# The auth module holds colleagues, teams and the audit trail: its scopes say so.
_SCOPE_FAMILY = {"auth": "users"}
READ, WRITE = "read", "write"


def scope_family(module: str) -> str:
    return _SCOPE_FAMILY.get(module, module)


def oauth_scopes() -> list[str]:
    """Every OAuth scope, generated from the policy: `<family>:read` for each module with
    object rules, `<family>:write` where some role may write one of its types."""
    table = load_policy()
    out: list[str] = []
    for family in dict.fromkeys(table.scope_of.values()):
        types = [t for t, f in table.scope_of.items() if f == family]
        out.append(f"{family}:{READ}")
        if any(table.objects[t].write or table.objects[t].actions for t in types):
            out.append(f"{family}:{WRITE}")
    return out


# --- masking -------------------------------------------------------------------------------

def mask_phone(value: str) -> str:
    digits = value.strip()
    if len(digits) <= 4:
        return "*" * len(digits)
    keep_head = 3 if len(digits) >= 9 else 1
    return digits[:keep_head] + "*" * (len(digits) - keep_head - 4) + digits[-4:]


def mask_email(value: str) -> str:
    local, at, domain = value.partition("@")
    if not at:
        return mask_text(value)
    return (local[:1] or "*") + "***@" + domain


def mask_text(value: str) -> str:
    if len(value) <= 1:
        return "*"
    return value[:1] + "*" * min(len(value) - 1, 8)


_MASKERS = {"phone": mask_phone, "email": mask_email, "text": mask_text}


def mask_value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        return _MASKERS.get(kind, mask_text)(value)
    # A masked non-text value (a number, a date, an object) reveals too much: hide it.
    return None


# --- the actor -------------------------------------------------------------------------------

@dataclass
class Actor:
    """Who is asking: every service takes one as its first argument."""

    workspace_id: uuid.UUID
    user_id: uuid.UUID | None
    role: str
    team_id: uuid.UUID | None = None
    # Users whose rows a team-scoped role reaches: members of the actor's team and of the teams
    # below it, the actor included.
    team_member_ids: frozenset[uuid.UUID] = frozenset()
    # The OAuth client of a third party's token, and the scopes it was granted: None for the
    # app's own sign-in, whose access is the role's policy unnarrowed.
    client_id: str | None = None
    scopes: frozenset[str] | None = None
    request_id: str = ""
    email: str = ""
    # A client restricted to its registered persisted operations (trusted documents).
    trusted_documents: bool = False
    # The client's own request limits, when its admin set them (crm.core.quotas).
    request_rate: str | None = None
    _fields: dict[tuple[str, str], Access] = field(default_factory=dict, repr=False)

    @property
    def policy(self) -> PolicyTable:
        return load_policy()

    def scope_allows(self, type_name: str, want: str = READ) -> bool:
        """Whether the token's scopes reach `type_name` for `want` (read or write): always for
        a token without scopes and for types no module's policy names. Write implies read."""
        if self.scopes is None:
            return True
        family = self.policy.scope_of.get(type_name)
        if family is None:
            return type_name not in self.policy.objects
        if f"{family}:{WRITE}" in self.scopes:
            return True
        return want == READ and f"{family}:{READ}" in self.scopes

    def row_scope(self, type_name: str) -> RowScope:
        rule = self.policy.objects.get(type_name)
        if rule is None or not self.scope_allows(type_name, READ):
            return RowScope.NONE
        return rule.read.get(self.role, RowScope.NONE)

    def write_scope(self, type_name: str) -> RowScope:
        rule = self.policy.objects.get(type_name)
        if rule is None or not self.scope_allows(type_name, WRITE):
            return RowScope.NONE
        return rule.write.get(self.role, RowScope.NONE)

    def may(self, type_name: str, action: str) -> bool:
        """Whether the role may take `action` on rows of `type_name` it reaches."""
        rule = self.policy.objects.get(type_name)
        if rule is None or not self.scope_allows(type_name, WRITE):
            return False
        if action in rule.actions:
            return self.role in rule.actions[action] and self.row_scope(type_name) is not RowScope.NONE
        return self.write_scope(type_name) is not RowScope.NONE

    def field_access(self, type_name: str, field_name: str) -> Access:
        """The role's access, computed once per request per field."""
        key = (type_name, field_name)
        cached = self._fields.get(key)
        if cached is not None:
            return cached
        rule = self.policy.fields.get(f"{type_name}.{field_name}")
        if self.row_scope(type_name) is RowScope.NONE and type_name in self.policy.objects:
            access = Access.NONE
        elif rule is None:
            access = Access.WRITE if self.write_scope(type_name) is not RowScope.NONE else Access.READ
        else:
            access = self.narrowed(type_name, rule.for_role(self.role))
        self._fields[key] = access
        return access

    def narrowed(self, type_name: str, access: Access) -> Access:
        """`access` within the token's scopes: a read scope caps a field at read."""
        if access is Access.WRITE and not self.scope_allows(type_name, WRITE):
            return Access.READ
        return access

    def field_access_for(self, type_name: str, field_name: str, row: Any) -> Access:
        access = self.field_access(type_name, field_name)
        rule = self.policy.fields.get(f"{type_name}.{field_name}")
        if rule is not None and rule.owner is not None and access.rank < rule.owner.rank:
            if self.row_scope(type_name) is not RowScope.NONE and self.owns(row):
                return self.narrowed(type_name, rule.owner)
        return access

    def owner_scope(self, policy_type: str) -> RowScope:
        """Whose rows an owner rule counts as the actor's: their team's when the role reads
        rows of `policy_type` by team, else their own (`owns` and compiled reads both ask)."""
        return RowScope.TEAM if self.row_scope(policy_type) is RowScope.TEAM else RowScope.OWN

    def owns(self, row: Any) -> bool:
        owner_id = getattr(row, "owner_id", None)
        if owner_id is None or self.user_id is None:
            return False
        if owner_id == self.user_id:
            return True
        if self.owner_scope(getattr(row, "policy_type", "")) is RowScope.TEAM:
            return owner_id in self.team_member_ids
        return False

    def row_in_scope(self, scope: RowScope, owner_id: uuid.UUID | None) -> bool:
        if scope is RowScope.ALL:
            return True
        if scope is RowScope.NONE or owner_id is None:
            return False
        if scope is RowScope.OWN:
            return owner_id == self.user_id
        return owner_id in self.team_member_ids

    def can_read_row(self, type_name: str, row: Any) -> bool:
        if getattr(row, "workspace_id", self.workspace_id) != self.workspace_id:
            return False
        if getattr(row, "deleted_at", None) is not None:
            return False
        scope = self.row_scope(type_name)
        if scope is RowScope.ALL:
            return True
        if scope is RowScope.NONE:
            return False
        if getattr(row, "in_pool", False) and self.role in SALES_ROLES:  # scope checked above
            return True
        return self.row_in_scope(scope, getattr(row, "owner_id", None))


# --- the policy in words, for the schema's descriptions ------------------------------------

_ACCESS_WORDS = {Access.WRITE: "write", Access.READ: "read", Access.MASKED: "masked",
                 Access.NONE: "none"}
_SCOPE_WORDS = {RowScope.ALL: "all", RowScope.TEAM: "their team's", RowScope.OWN: "their own",
                RowScope.NONE: "none"}


def _grouped_words(by_role: Mapping[str, str]) -> str:
    groups: dict[str, list[str]] = {}
    for role in ROLES:
        groups.setdefault(by_role[role], []).append(role)
    return "; ".join(f"{', '.join(roles)}: {word}" for word, roles in groups.items())


def describe_field_rule(rule: FieldRule, rows: ObjectRule | None = None) -> str:
    """Who may read, see masked, or write a restricted field, generated from its rule (and
    from the type's row rule: a role that reads no row of the type reads none of its fields)."""
    def word(role: str) -> str:
        if rows is not None and rows.read.get(role, RowScope.NONE) is RowScope.NONE:
            return "none"
        return _ACCESS_WORDS[rule.for_role(role)]

    text = "Access by role: " + _grouped_words({r: word(r) for r in ROLES}) + "."
    if rule.owner is not None:
        text += (f" On their own rows (their team's, for a team scope) a role with a lower "
                 f"access gets {_ACCESS_WORDS[rule.owner]}.")
    if rule.history_roles is not None:
        text += f" Its old and new values in history: {', '.join(rule.history_roles)} only."
    return text


def describe_object_rule(rule: ObjectRule) -> str:
    """Which rows each role reads, generated from the type's rule."""
    text = "Rows readable by role: " + _grouped_words(
        {r: _SCOPE_WORDS[rule.read.get(r, RowScope.NONE)] for r in ROLES}) + "."
    if rule.actions:
        text += " Steps reserved to roles: " + "; ".join(
            f"{action} by {', '.join(roles)}" for action, roles in rule.actions.items()) + "."
    return text


def system_actor(workspace_id: uuid.UUID, request_id: str = "system") -> Actor:
    """The actor of the CLI and background jobs: everything in one workspace."""
    return Actor(workspace_id=workspace_id, user_id=None, role="admin", request_id=request_id)


# --- writing ---------------------------------------------------------------------------------

def denied_write_fields(actor: Actor, type_name: str, row: Any, fields: list[str]) -> list[str]:
    """The fields of a write the actor may not change on that row."""
    return [f for f in fields if actor.field_access_for(type_name, f, row) is not Access.WRITE]


# --- sensitive fields must carry a rule ------------------------------------------------------

SENSITIVE = re.compile(
    r"(phone|mobile|email|address|imHandle|salary|bank|cost|margin|password|secret|token|"
    r"taxId|idNumber|payslip|compensation)",
    re.IGNORECASE,
)
# Fields whose names look sensitive but are not (e.g. the login payload returns the caller's
# own tokens; a user's email is their login, readable by colleagues; a webhook's secret is
# shown once to the admin who made it).
NOT_SENSITIVE = {
    "LoginPayload.accessToken", "LoginPayload.refreshToken", "User.email", "Me.email",
    # An OAuth client's secret, shown once to the admin who created or rotated it.
    "CreateOAuthClientPayload.clientSecret", "RotateOAuthClientSecretPayload.clientSecret",
    # A webhook's new signing secret, in the payload of the admin-only mutation that made it.
    "CreateWebhookEndpointPayload.secret", "RotateWebhookSecretPayload.secret",
}
