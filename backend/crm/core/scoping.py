"""`scoped()`: the one place reads start, so a workspace or a row scope is never skipped.

The row scope of a type is one condition (`row_scope_condition`), used as a WHERE clause by
lists and to-many relations, and as a CASE by to-one relations (a row outside the scope is
reported as FORBIDDEN rather than silently missing). Python never re-implements it for reads.
"""

from __future__ import annotations

from typing import Any, TypeVar

from tortoise import Tortoise
from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from crm.core.models import WorkspaceScoped
from crm.core.policy import SALES_ROLES, Actor, RowScope

M = TypeVar("M", bound=WorkspaceScoped)
# A condition that matches no row (a role without access to a type).
NOTHING = Q(pk__isnull=True)


def _model(name: str) -> type[WorkspaceScoped]:
    return Tortoise.apps["crm"][name]  # type: ignore[return-value]


def type_name_of(model: type[WorkspaceScoped]) -> str:
    return model.policy_type or model.__name__


def row_scope_q(model: type[WorkspaceScoped], actor: Actor, scope: RowScope) -> Q | None:
    """The condition of a row scope on a model's owner column; None means every row of the
    workspace."""
    if scope is RowScope.ALL:
        return None
    if scope is RowScope.NONE or actor.user_id is None:
        return NOTHING
    if model.owner_column is None:
        return None
    lookup: dict[str, Any] = (
        {model.owner_column: actor.user_id} if scope is RowScope.OWN
        else {f"{model.owner_column}__in": sorted(actor.team_member_ids)})
    return Q(**lookup)


def owns_q(model: type[WorkspaceScoped], actor: Actor) -> Q:
    """The rows `actor.owns`: what an owner rule of the field policy turns on, as a condition."""
    if actor.user_id is None or "owner_id" not in model._meta.fields_map:
        return NOTHING
    if actor.owner_scope(model.policy_type) is RowScope.TEAM:
        return Q(owner_id__in=sorted({actor.user_id, *actor.team_member_ids}))
    return Q(owner_id=actor.user_id)


def row_scope_condition(model: type[WorkspaceScoped], actor: Actor, *, include_pool: bool = False,
                        write: bool = False) -> Q | None:
    """Which rows of the workspace the actor reaches (None: all of them), by the type's rule.

    A type scoped by its parent (a contact by its customer) is reached when the role may read the
    type at all and the parent is reached. `include_pool` adds the public pool for sales roles:
    they may read pool customers (contact fields masked by the field policy) to claim them.
    """
    type_name = type_name_of(model)
    rules = actor.policy.objects
    own_rule = rules.get(type_name)
    scope = actor.write_scope(type_name) if write else actor.row_scope(type_name)
    if model.scope_parent is not None:
        if own_rule is not None and scope is RowScope.NONE:
            return NOTHING
        column, parent_name = model.scope_parent
        parent = _model(parent_name)
        parent_q = row_scope_condition(parent, actor, include_pool=include_pool, write=write)
        if parent_q is None and "deleted_at" not in parent._meta.fields_map:
            return None
        parents = _filtered(parent, actor, parent_q, include_deleted=False)
        lookup: dict[str, Any] = {f"{column}__in": Subquery(parents.values("id"))}
        return Q(**lookup)
    condition = row_scope_q(model, actor, scope)
    if condition is not None and not write and scope is not RowScope.NONE \
            and actor.user_id is not None and (also := model.also_reached(actor)) is not None:
        condition = also if condition is NOTHING else condition | also
    if include_pool and actor.role in SALES_ROLES and "in_pool" in model._meta.fields_map \
            and actor.scope_allows(type_name):  # a token without the type's scope reads no pool
        pool = Q(in_pool=True)
        if scope is RowScope.NONE or condition is NOTHING:
            return pool
        if condition is not None:
            return condition | pool
    return condition


def _filtered(model: type[M], actor: Actor, condition: Q | None, *,
              include_deleted: bool) -> QuerySet[M]:
    qs = model.filter(workspace_id=actor.workspace_id)
    if not include_deleted and "deleted_at" in model._meta.fields_map:
        qs = qs.filter(deleted_at=None)
    return qs if condition is None else qs.filter(condition)


def scoped(
    model: type[M],
    actor: Actor,
    *,
    include_deleted: bool = False,
    include_pool: bool = False,
    write: bool = False,
) -> QuerySet[M]:
    """Rows of `model` this actor may read (or write) in their workspace."""
    condition = row_scope_condition(model, actor, include_pool=include_pool, write=write)
    return _filtered(model, actor, condition, include_deleted=include_deleted)


def readable(model: type[M], actor: Actor) -> QuerySet[M]:
    """Every row the actor may read, the public pool included: what `node(id:)` and relations
    return. Lists may narrow it further (a rep's `customers` leaves the pool to `publicPool`)."""
    return scoped(model, actor, include_pool=True)


def parent_rule_problems(models: list[type[WorkspaceScoped]], table: Any) -> list[str]:
    """A type read through its parent (a contact through its customer) reaches, for each role,
    either nothing or what the parent reaches: any other value in its rule would say something
    the rows do not do. The schema refuses to build on one."""
    problems = []
    for model in models:
        if model.scope_parent is None:
            continue
        type_name = type_name_of(model)
        rule = table.objects.get(type_name)
        parent = table.objects.get(model.scope_parent[1])
        if rule is None or parent is None:
            continue
        for role, scope in rule.read.items():
            if scope is not RowScope.NONE and scope is not parent.read.get(role, RowScope.NONE):
                problems.append(f"{type_name} rows for {role}: {scope.value}, but they are read "
                                f"through their {model.scope_parent[1]} "
                                f"({parent.read.get(role, RowScope.NONE).value})")
    return problems


def reaches_every_row(model: type[WorkspaceScoped], actor: Actor) -> bool:
    """True when the row scope is the whole workspace (no condition to apply)."""
    return row_scope_condition(model, actor, include_pool=True) is None
