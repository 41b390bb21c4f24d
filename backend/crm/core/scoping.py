"""`scoped()`: the one place reads start, so a workspace or a row scope is never skipped."""

from __future__ import annotations

from typing import Any, TypeVar

from tortoise import Tortoise
from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from crm.core.models import WorkspaceScoped
from crm.core.policy import SALES_ROLES, Actor, RowScope

M = TypeVar("M", bound=WorkspaceScoped)


def _model(name: str) -> type[WorkspaceScoped]:
    return Tortoise.apps["crm"][name]  # type: ignore[return-value]


def row_scope_q(model: type[WorkspaceScoped], actor: Actor, scope: RowScope) -> Q | None:
    """The condition of a row scope; None means every row of the workspace."""
    if scope is RowScope.ALL:
        return None
    if scope is RowScope.NONE or actor.user_id is None:
        return Q(pk__isnull=True)  # matches nothing
    if model.owner_column is None:
        return None
    lookup: dict[str, Any] = (
        {model.owner_column: actor.user_id} if scope is RowScope.OWN
        else {f"{model.owner_column}__in": list(actor.team_member_ids)})
    return Q(**lookup)


def scoped(
    model: type[M],
    actor: Actor,
    *,
    include_deleted: bool = False,
    include_pool: bool = False,
    write: bool = False,
) -> QuerySet[M]:
    """Rows of `model` this actor may read (or write) in their workspace.

    `include_pool` adds the public pool for sales roles: they may see pool customers (with
    contact fields masked by the field policy) in order to claim them.
    """
    qs = model.filter(workspace_id=actor.workspace_id)
    if not include_deleted and "deleted_at" in model._meta.fields_map:
        qs = qs.filter(deleted_at=None)
    if model.scope_parent is not None:
        column, parent_name = model.scope_parent
        parent = _model(parent_name)
        parents = scoped(parent, actor, include_pool=include_pool, write=write)
        return qs.filter(**{f"{column}__in": Subquery(parents.values("id"))})
    type_name = model.policy_type or model.__name__
    scope = actor.write_scope(type_name) if write else actor.row_scope(type_name)
    condition = row_scope_q(model, actor, scope)
    if include_pool and actor.role in SALES_ROLES and "in_pool" in model._meta.fields_map:
        pool = Q(in_pool=True)
        condition = pool if condition is None else (condition | pool)
        if scope is RowScope.NONE:
            condition = pool
    return qs if condition is None else qs.filter(condition)


def _is_unrestricted(model: type[WorkspaceScoped], actor: Actor, write: bool) -> bool:
    if model.scope_parent is not None:
        return _is_unrestricted(_model(model.scope_parent[1]), actor, write)
    type_name = model.policy_type or model.__name__
    scope = actor.write_scope(type_name) if write else actor.row_scope(type_name)
    return scope is RowScope.ALL
