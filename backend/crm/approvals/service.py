"""Approvals (审批流): saving rules, holding guarded operations until approved, deciding.

Lower modules (orders, payroll, customers) never import this one: at each guarded point they
call `crm.core.hooks.require_approval` with the facts of the operation, and `guard` (registered
below) answers. When a rule asks for approval and no approved request exists for those exact
facts, the operation is refused with APPROVAL_REQUIRED and a pending request is recorded (or the
pending one returned: never two). Once approved, the same operation with the same facts goes
through; other facts (another price) need a request of their own, and the pending request for
the old facts is cancelled.

Who approves a step is resolved when the step opens: the active users with the step's role, the
requester's manager at the step's level (level 1 the manager of the requester's team, level 2
the manager of that team's parent, ...) or the named users; the requester is never among them,
even when they hold the role. A step left with nobody climbs: a manager step to the next
manager up the chain, then to the workspace's other admins (see `step_approvers`). One-of
steps close at the first approval, all-of steps when every approver of the step approved; a
rejection ends the request. Operations of the system actor (CLI, seeding: no user) are not held.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import orjson
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from crm.approvals.models import (
    ApprovalAssignee,
    ApprovalDecision,
    ApprovalRequest,
    ApprovalRule,
    ApproverSource,
    DecisionKind,
    RequestStatus,
    RuleKind,
    StepMode,
)
from crm.auth import service as auth
from crm.collaboration import service as collaboration
from crm.core import audit
from crm.core.errors import BadInput, ErrorCode, ServiceError, UserError, ValidationFailed
from crm.core.hooks import APPROVAL_NEEDED, GuardedOperation
from crm.core.ids import decode_id, to_global_id
from crm.core.money import format_money, parse_money, parse_percent, percent_of
from crm.core.policy import ROLES, Actor, RowScope
from crm.core.records import restore, soft_delete, update_versioned, utcnow
from crm.core.scoping import scoped

MAX_STEPS = 10
MAX_LEVEL = 10
MAX_NAMED = 20
MAX_COMMENT = 2000

# Which rule kinds judge which guarded operation.
OPERATION_RULES: dict[str, tuple[RuleKind, ...]] = {
    "order.confirm": (RuleKind.ORDER_AMOUNT, RuleKind.LINE_DISCOUNT),
    "payRun.approve": (RuleKind.PAY_RUN,),
    "return.refund": (RuleKind.REFUND_AMOUNT,),
    "customers.transfer": (RuleKind.CUSTOMER_TRANSFER,),
}
_NEEDS_THRESHOLD = (RuleKind.ORDER_AMOUNT, RuleKind.REFUND_AMOUNT)


@dataclass
class StepSpec:
    """One step of a rule as a client gives it."""

    by: ApproverSource
    mode: StepMode = StepMode.ONE_OF
    role: str | None = None
    level: int | None = None
    users: list[uuid.UUID] = field(default_factory=list)


@dataclass
class RuleSpec:
    """A rule as a client gives it; `threshold` is (amount, currency)."""

    name: str
    kind: RuleKind
    steps: list[StepSpec]
    enabled: bool = True
    threshold: tuple[Decimal, str] | None = None
    discount_limits: dict[str, Decimal] = field(default_factory=dict)


# --- reading ---------------------------------------------------------------------------------

def rules_query(actor: Actor) -> Any:
    return scoped(ApprovalRule, actor)


def requests_query(actor: Actor) -> Any:
    return scoped(ApprovalRequest, actor)


def awaiting_q(actor: Actor) -> Any:
    """The requests whose current step waits for the actor."""
    from tortoise.expressions import Q, Subquery
    return Q(id__in=Subquery(ApprovalAssignee.filter(
        workspace_id=actor.workspace_id, user_id=actor.user_id).values("request_id")))


# --- saving rules ----------------------------------------------------------------------------

def _require_admin(actor: Actor) -> None:
    if actor.write_scope("ApprovalRule") is RowScope.NONE:
        raise ServiceError(ErrorCode.FORBIDDEN, "Only admins change approval rules")


def _problem(code: ErrorCode, message: str, field_: str) -> UserError:
    return UserError(field=field_, code=code, message=message)


# The types whose write (or step) lets a role take each guarded operation.
_OPERATED_BY = {RuleKind.ORDER_AMOUNT: ("Order", "Shipment"),
                RuleKind.LINE_DISCOUNT: ("Order", "Shipment"),
                RuleKind.REFUND_AMOUNT: ("Payment",), RuleKind.CUSTOMER_TRANSFER: ("Customer",)}


async def _possible_requesters(workspace_id: uuid.UUID, kind: RuleKind,
                               limits: dict[str, int]) -> set[uuid.UUID]:
    """Who could make a request of this rule: the users whose role may take the guarded
    operation (by the policy), and for a discount rule only those of the roles it limits."""
    from crm.core.policy import load_policy
    table = load_policy().objects
    if kind is RuleKind.PAY_RUN:
        rule = table.get("PayRun")
        roles = set(rule.actions.get("approve", ())) if rule else set()
    else:
        roles = {role for t in _OPERATED_BY[kind] if (rule := table.get(t)) is not None
                 for role, scope in rule.write.items() if scope is not RowScope.NONE}
        if kind is RuleKind.LINE_DISCOUNT:
            roles &= set(limits)
    return {u.id for u in await auth.active_users(workspace_id, roles=sorted(roles))}


def _team_loop(teams: list[Any]) -> list[uuid.UUID] | None:
    """A loop of teams through their parents, if any (the first found)."""
    parent = {t.id: t.parent_id for t in teams}
    for start in parent:
        seen: list[uuid.UUID] = []
        at: uuid.UUID | None = start
        while at is not None and at in parent:
            if at in seen:
                return seen[seen.index(at):]
            seen.append(at)
            at = parent[at]
    return None


async def validated_rule(actor: Actor, spec: RuleSpec) -> dict[str, Any]:
    """The columns of a rule, or every problem at once.

    Refused as INVALID besides bad figures, the three cycles of approvers:
    - a manager chain that never ends: a step by the requester's manager while the teams'
      parents form a loop (team A's parent is B, B's is A), so walking up from a requester in
      the loop would come back to where it started instead of reaching the top;
    - a requester approving themselves: a step of named users, all-of, naming someone who
      could make the request (a user whose role may take the guarded operation, for a discount
      rule one of the roles it limits), or one-of naming only such a person: the requester is
      never their own approver, so the step could not complete as written;
    - one approver twice in a row: two consecutive steps sharing an approver as declared (the
      same role, the same manager level, a named user in both, or a named user holding the
      role of the step beside it); the second step would repeat the first's decision.
    Unknown roles are INVALID and unknown (or disabled) users NOT_FOUND.
    """
    problems: list[UserError] = []
    name = (spec.name or "").strip()
    if not name or len(name) > 120:
        problems.append(_problem(ErrorCode.INVALID, "A rule needs a name of 1 to 120 characters",
                                 "name"))
    threshold_minor = currency = None
    if spec.threshold is not None:
        amount, currency = spec.threshold
        try:
            threshold_minor = parse_money(amount, currency, "threshold")
        except ServiceError as exc:
            problems.extend(exc.as_user_errors())
    elif spec.kind in _NEEDS_THRESHOLD:
        problems.append(_problem(ErrorCode.INVALID, "This kind of rule needs a threshold amount",
                                 "threshold"))
    limits: dict[str, int] = {}
    for role, percent in spec.discount_limits.items():
        if role not in ROLES:
            problems.append(_problem(ErrorCode.INVALID, f"Unknown role {role!r}",
                                     "discountLimits.role"))
            continue
        try:
            limits[role] = parse_percent(percent, "discountLimits.limit")
        except ServiceError as exc:
            problems.extend(exc.as_user_errors())
    if spec.kind is RuleKind.LINE_DISCOUNT and not spec.discount_limits:
        problems.append(_problem(ErrorCode.INVALID, "Give the discount limit of at least one role",
                                 "discountLimits"))
    if not spec.steps:
        problems.append(_problem(ErrorCode.INVALID, "A rule needs at least one step", "steps"))
    if len(spec.steps) > MAX_STEPS:
        problems.append(_problem(ErrorCode.LIMIT_REACHED, f"At most {MAX_STEPS} steps", "steps"))
    named = list({u for s in spec.steps for u in s.users})
    users = {u.id: u for u in await auth.active_users(actor.workspace_id, ids=named)} \
        if named else {}
    teams = await auth.team_tree(actor.workspace_id)
    requesters = await _possible_requesters(actor.workspace_id, spec.kind, limits)
    steps: list[dict[str, Any]] = []
    for i, step in enumerate(spec.steps[:MAX_STEPS]):
        at = f"steps.{i}"
        out: dict[str, Any] = {"by": step.by.value, "mode": step.mode.value, "role": None,
                               "level": None, "users": []}
        if step.by is ApproverSource.ROLE:
            if step.role not in ROLES:
                problems.append(_problem(ErrorCode.INVALID, f"Unknown role {step.role!r}",
                                         f"{at}.role"))
            out["role"] = step.role
        elif step.by is ApproverSource.MANAGER:
            if step.level is None or not 1 <= step.level <= MAX_LEVEL:
                problems.append(_problem(ErrorCode.INVALID,
                                         f"A manager level is between 1 and {MAX_LEVEL}",
                                         f"{at}.level"))
            elif (loop := _team_loop(teams)) is not None:
                problems.append(_problem(
                    ErrorCode.INVALID, f"The teams' parents form a loop ({len(loop)} teams): "
                    "the manager chain would never end", f"{at}.level"))
            out["level"] = step.level
        else:
            if not step.users or len(step.users) > MAX_NAMED:
                problems.append(_problem(ErrorCode.INVALID,
                                         f"Name 1 to {MAX_NAMED} approvers", f"{at}.users"))
            missing = [u for u in step.users if u not in users]
            if missing:
                problems.append(_problem(ErrorCode.NOT_FOUND,
                                         f"{len(missing)} named approver(s) do not exist or are "
                                         "disabled", f"{at}.users"))
            chosen = list(dict.fromkeys(step.users))
            selfish = [u for u in chosen if u in requesters and u in users]
            if selfish and (step.mode is StepMode.ALL_OF or len(chosen) == 1):
                problems.append(_problem(
                    ErrorCode.INVALID, f"{users[selfish[0]].name} could make this request and "
                    "would have to approve it themselves", f"{at}.users"))
            out["users"] = [str(u) for u in chosen]
        steps.append(out)
        if i > 0 and (shared := _shared_approver(steps[i - 1], out, users)) is not None:
            problems.append(_problem(ErrorCode.INVALID,
                                     f"Steps {i} and {i + 1} both go to {shared}", at))
    if problems:
        raise ValidationFailed(problems)
    return {"name": name, "kind": spec.kind, "enabled": spec.enabled,
            "threshold_minor": threshold_minor, "currency": currency,
            "discount_limits": limits, "steps": steps}


def _shared_approver(a: dict[str, Any], b: dict[str, Any], users: dict[uuid.UUID, Any]
                     ) -> str | None:
    """How two consecutive steps share an approver as declared, in words; None if they don't."""
    if a["by"] == b["by"] == "role" and a["role"] == b["role"]:
        return f"the role {a['role']}"
    if a["by"] == b["by"] == "manager" and a["level"] == b["level"]:
        return f"the level {a['level']} manager"
    common = set(a["users"]) & set(b["users"])
    if common:
        user = users.get(uuid.UUID(sorted(common)[0]))
        return user.name if user else "the same user"
    for named, other in ((a, b), (b, a)):
        if other["by"] == "role":
            for u in named["users"]:
                user = users.get(uuid.UUID(u))
                if user is not None and user.role == other["role"]:
                    return f"{user.name} ({other['role']})"
    return None


async def create_rule(actor: Actor, spec: RuleSpec) -> ApprovalRule:
    _require_admin(actor)
    columns = await validated_rule(actor, spec)
    async with in_transaction("default"):
        rule = await ApprovalRule.create(workspace_id=actor.workspace_id,
                                         created_by_id=actor.user_id, **columns)
        await audit.record_created(actor, rule)
    return rule


async def _rule_for_write(actor: Actor, pk: uuid.UUID, *, include_deleted: bool = False
                          ) -> ApprovalRule:
    _require_admin(actor)
    rule = await scoped(ApprovalRule, actor, write=True, include_deleted=include_deleted).filter(
        id=pk).select_for_update().first()
    if rule is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "ApprovalRule not found", "id")
    return rule


async def update_rule(actor: Actor, pk: uuid.UUID, spec: RuleSpec,
                      expected_version: int | None = None) -> ApprovalRule:
    """Replace a rule's settings; requests already made keep the steps they started with."""
    _require_admin(actor)
    columns = await validated_rule(actor, spec)
    async with in_transaction("default"):
        rule = await _rule_for_write(actor, pk)
        return await update_versioned(actor, rule, columns, expected_version)


async def delete_rule(actor: Actor, pk: uuid.UUID) -> ApprovalRule:
    """Soft-delete a rule: it guards nothing from now; its pending requests are cancelled."""
    async with in_transaction("default"):
        rule = await _rule_for_write(actor, pk)
        for req in await ApprovalRequest.filter(rule_id=rule.id,
                                                status=RequestStatus.PENDING).select_for_update():
            await _close(actor, req, RequestStatus.CANCELLED, "cancel")
        return await soft_delete(actor, rule)


async def restore_rule(actor: Actor, pk: uuid.UUID) -> ApprovalRule:
    async with in_transaction("default"):
        rule = await _rule_for_write(actor, pk, include_deleted=True)
        return await restore(actor, rule)


# --- the guard -------------------------------------------------------------------------------

def digest_of(operation: GuardedOperation) -> str:
    body = {"kind": operation.kind, "subjectType": operation.subject_type,
            "subject": str(operation.subject_id), "facts": operation.facts}
    return hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).hexdigest()


def _pct(bp: Decimal) -> str:
    return f"{bp.quantize(Decimal('0.01')) / 100:.2f}%"


def _other_currency(amount: int, currency: Any, rule_currency: str | None) -> str | None:
    if not amount or amount <= 0:
        return None
    shown = format_money(amount, currency) if isinstance(currency, str) else str(amount)
    return f"{shown} cannot be compared with the rule's threshold in {rule_currency}"


def why_needed(rule: ApprovalRule, actor: Actor, operation: GuardedOperation,
               pricers: dict[str, Any] | None = None) -> str | None:
    """Why `rule` holds `operation` (in its own figures), or None when it lets it through.

    `pricers` are the users (by id) who priced the order's lines (`pricedBy`): a line's
    discount is judged by the limit of the role of whoever last set its price, not of whoever
    confirms (a rep's price confirmed by a manager is still a rep's discount, a manager's
    confirmed by a rep a manager's). A line that does not say who priced it, or whose pricer is
    unknown here, is judged by the confirmer's role, as the actor of the guard."""
    facts = operation.facts
    if rule.kind is RuleKind.ORDER_AMOUNT or rule.kind is RuleKind.REFUND_AMOUNT:
        amount = facts.get("totalMinor" if rule.kind is RuleKind.ORDER_AMOUNT else "amountMinor")
        if rule.currency is None or amount is None or rule.threshold_minor is None:
            return None
        if facts.get("currency") != rule.currency:
            # No exchange rate here: an amount the rule cannot compare is held, never let
            # through (a rep would otherwise price a big order in another currency).
            return _other_currency(amount, facts.get("currency"), rule.currency)
        if amount <= rule.threshold_minor:
            return None
        return (f"{format_money(amount, rule.currency)} is over "
                f"{format_money(rule.threshold_minor, rule.currency)}")
    if rule.kind is RuleKind.LINE_DISCOUNT:
        for i, line in enumerate(facts.get("lines", [])):
            pricer = (pricers or {}).get(line.get("pricedBy") or "")
            role = pricer.role if pricer is not None else actor.role
            whose = f"{pricer.name}'s ({role})" if pricer is not None else f"the {role}"
            limit = rule.discount_limits.get(role)
            if limit is None:
                continue
            list_price = line.get("listPriceMinor") or 0
            if list_price <= 0:
                continue
            if line.get("listCurrency") != facts.get("currency"):
                return (f"line {i + 1} is priced in {facts.get('currency')} against a list "
                        f"price in {line.get('listCurrency')}: its discount cannot be checked")
            # Net unit price against the list price, in exact integers: the line is over the
            # limit when unit * (1 - discount) < list * (1 - limit).
            net = line["unitPriceMinor"] * (10000 - line["discountBp"])
            if net < list_price * (10000 - limit):
                off = Decimal(10000) - Decimal(net) / Decimal(list_price)
                return (f"line {i + 1} is {_pct(off)} below its list price, over "
                        f"{whose} limit of {percent_of(limit)}%")
        return None
    if rule.kind is RuleKind.PAY_RUN:
        net = facts.get("netMinor", 0)
        if rule.threshold_minor is not None:
            if facts.get("currency") != rule.currency:
                return _other_currency(net, facts.get("currency"), rule.currency)
            if net <= rule.threshold_minor:
                return None
        return f"pay run {operation.label} pays {format_money(net, facts.get('currency', 'CNY'))}"
    if rule.kind is RuleKind.CUSTOMER_TRANSFER:
        moving = [c for c in facts.get("customers", []) if c.get("team") != facts.get("toTeam")]
        if not moving:
            return None
        return f"{len(moving)} customer(s) move to another team"
    return None


async def guard(actor: Actor, operation: GuardedOperation) -> ServiceError | None:
    """APPROVAL_REQUIRED naming the first rule whose approval is missing, after recording a
    pending request for each such rule; None when every rule is satisfied."""
    kinds = OPERATION_RULES.get(operation.kind)
    if kinds is None or actor.user_id is None:
        return None
    rules = await ApprovalRule.filter(workspace_id=actor.workspace_id, kind__in=list(kinds),
                                      enabled=True, deleted_at=None).order_by("created_at", "id")
    if not rules:
        return None
    digest = digest_of(operation)
    pricers = await _pricers(actor, operation)
    missing: list[tuple[ApprovalRule, ApprovalRequest]] = []
    for rule in rules:
        reason = why_needed(rule, actor, operation, pricers)
        if reason is None:
            continue
        if await ApprovalRequest.filter(workspace_id=actor.workspace_id, rule_id=rule.id,
                                        subject_id=operation.subject_id, digest=digest,
                                        status=RequestStatus.APPROVED).exists():
            continue
        request = await _pending_request(actor, rule, operation, digest, reason)
        if request.status is RequestStatus.APPROVED:
            continue  # every step passed as it opened (see `_open_step`)
        missing.append((rule, request))
    if not missing:
        return None
    rule, request = missing[0]
    gid = to_global_id("ApprovalRequest", request.id)
    return ServiceError(
        ErrorCode.APPROVAL_REQUIRED,
        f"Rule “{rule.name}” needs approval first ({request.reason}): request sent to its "
        "approvers; try again once it is approved",
        None, params={"rule": rule.name, "request": gid, "reason": request.reason},
        details={"requests": [r.id for _, r in missing]})


async def _pricers(actor: Actor, operation: GuardedOperation) -> dict[str, Any]:
    """The users who priced the lines of the operation (`pricedBy`), by id: their role now."""
    ids = {line["pricedBy"] for line in operation.facts.get("lines", []) or []
           if isinstance(line, dict) and line.get("pricedBy")}
    if not ids:
        return {}
    return {str(u.id): u for u in await auth.users_of_workspace(
        actor.workspace_id, [uuid.UUID(i) for i in ids])}


def _pending_key(rule: ApprovalRule, operation: GuardedOperation, digest: str) -> str:
    return f"{rule.id.hex}:{operation.subject_id.hex}:{digest[:64]}"


async def _pending_request(actor: Actor, rule: ApprovalRule, operation: GuardedOperation,
                           digest: str, reason: str) -> ApprovalRequest:
    return (await _pending_or_made(actor, rule, operation, digest, reason))[0]


async def _pending_or_made(actor: Actor, rule: ApprovalRule, operation: GuardedOperation,
                           digest: str, reason: str, *, supersede: bool = True
                           ) -> tuple[ApprovalRequest, bool]:
    """The pending request of `rule` for the operation's exact facts (`digest`), made (its
    first step opened, its approvers told) when there is none, and whether it was made now;
    with `supersede`, a pending request of the same rule, subject and operation for other
    facts is cancelled."""
    key = _pending_key(rule, operation, digest)
    existing = await ApprovalRequest.get_or_none(workspace_id=actor.workspace_id, pending_key=key)
    if existing is not None:
        return existing, False
    links = {"Order": "order_id", "PayRun": "pay_run_id", "ReturnRequest": "return_request_id",
             "User": "transfer_to_id"}
    try:
        async with in_transaction("default"):
            # The facts changed: what was asked for the old ones no longer applies. Only the
            # same operation's: a request a workflow asked for on the record is no old fact.
            stale_ones = await ApprovalRequest.filter(
                workspace_id=actor.workspace_id, rule_id=rule.id,
                subject_id=operation.subject_id, operation=operation.kind,
                status=RequestStatus.PENDING).select_for_update() if supersede else []
            for stale in stale_ones:
                await _close(actor, stale, RequestStatus.CANCELLED, "supersede")
            link = links.get(operation.subject_type)
            linked: dict[str, Any] = {link: operation.subject_id} if link else {}
            request = await ApprovalRequest.create(
                workspace_id=actor.workspace_id, rule_id=rule.id, rule_name=rule.name,
                steps=rule.steps, kind=rule.kind, operation=operation.kind,
                subject_type=operation.subject_type, subject_id=operation.subject_id,
                subject_label=operation.label[:200], facts=operation.facts, digest=digest,
                reason=reason[:500], requester_id=actor.user_id, pending_key=key,
                **linked)
            await audit.record_created(actor, request, [
                "rule_id", "rule_name", "kind", "operation", "subject_type", "subject_id",
                "subject_label", "reason", "requester_id", "status", "current_step"])
            await _open_step(actor, request, 0)
    except IntegrityError:
        # Someone refused the same operation a moment ago: theirs is the request.
        existing = await ApprovalRequest.get_or_none(workspace_id=actor.workspace_id,
                                                     pending_key=key)
        if existing is None:
            raise
        return existing, False
    return request, True


async def step_approvers(workspace_id: uuid.UUID, step: dict[str, Any],
                         requester_id: uuid.UUID | None) -> list[uuid.UUID]:
    """Who approves `step` of a request by `requester_id`: never the requester.

    When that leaves nobody, the request climbs rather than waits: a manager step goes on up
    the requester's manager chain (a manager asking under a "their manager" step is approved by
    the manager above them, who knows the team, before the admins, who may not), and when the
    chain (or a step of a role or of named users) yields nobody but the requester, the
    workspace's other admins approve. Empty only when the requester is the last active admin
    (see `_open_step`)."""
    ids: list[uuid.UUID] = []
    if step["by"] == ApproverSource.ROLE.value:
        ids = [u.id for u in await auth.active_users(workspace_id, roles=[step["role"]])]
    elif step["by"] == ApproverSource.USERS.value:
        ids = [u.id for u in await auth.active_users(
            workspace_id, ids=[uuid.UUID(u) for u in step["users"]])]
    elif requester_id is not None:
        requester = await auth.active_users(workspace_id, ids=[requester_id])
        teams = {t.id: t for t in await auth.team_tree(workspace_id)}
        team = teams.get(requester[0].team_id) if requester and requester[0].team_id else None
        seen: set[uuid.UUID] = set()
        level = 1
        while team is not None and team.id not in seen:
            seen.add(team.id)
            if level >= int(step["level"]) and team.manager_id is not None \
                    and team.manager_id != requester_id:
                ids = [u.id for u in await auth.active_users(workspace_id,
                                                             ids=[team.manager_id])]
                if ids:
                    break
            team = teams.get(team.parent_id) if team.parent_id else None
            level += 1
    ids = [u for u in ids if u != requester_id]
    if not ids:
        ids = [u.id for u in await auth.active_users(workspace_id, roles=["admin"])
               if u.id != requester_id]
    return ids


async def _open_step(actor: Actor, request: ApprovalRequest, index: int) -> None:
    """Make step `index` current and tell its approvers, or approve when no step is left."""
    if index >= len(request.steps):
        await _close(actor, request, RequestStatus.APPROVED, "approve")
        return
    approvers = await step_approvers(request.workspace_id, request.steps[index],
                                     request.requester_id)
    request.current_step = index
    await ApprovalRequest.filter(id=request.id).update(current_step=index)
    if not approvers and await _last_admin(request):
        # Nobody but the requester could approve, and they are the workspace's last active
        # admin: they may change or switch off the rule anyway, so holding the step would only
        # leave a request nobody can ever decide. It passes, and the history says why.
        await audit.record(actor, "ApprovalRequest", request.id, "approve_step",
                           note=f"step {index + 1}: no approver but the requester, the "
                           "workspace's last admin")
        await _open_step(actor, request, index + 1)
        return
    await ApprovalAssignee.bulk_create([
        ApprovalAssignee(workspace_id=request.workspace_id, request_id=request.id, step=index,
                         user_id=u) for u in approvers])
    await collaboration.notify(
        request.workspace_id, approvers, kind="approval.requested",
        title=f"Approval needed: {request.rule_name} — {request.subject_label}",
        body=request.reason, subject_type="ApprovalRequest", subject_id=request.id,
        actor_user_id=request.requester_id)


async def _last_admin(request: ApprovalRequest) -> bool:
    if request.requester_id is None:
        return False
    return bool(await auth.active_users(request.workspace_id, roles=["admin"],
                                        ids=[request.requester_id]))


async def _close(actor: Actor, request: ApprovalRequest, status: RequestStatus,
                 action: str, note: str | None = None) -> None:
    before = audit.snapshot(request, ["status", "current_step", "decided_at"])
    request.status = status
    request.decided_at = utcnow()
    request.pending_key = None
    request.version += 1
    await request.save(update_fields=["status", "decided_at", "pending_key", "version",
                                      "updated_at"])
    await ApprovalAssignee.filter(request_id=request.id).delete()
    await audit.record(actor, "ApprovalRequest", request.id, action,
                       audit.diff(before, audit.snapshot(request, ["status", "current_step",
                                                                   "decided_at"])), note=note)
    # The requester hears the outcome, unless it is their own doing (a withdrawal, new facts).
    if request.requester_id is not None and request.requester_id != actor.user_id \
            and action != "supersede":
        await collaboration.notify(
            request.workspace_id, [request.requester_id], kind=f"approval.{status.value}",
            title=f"{request.rule_name} — {request.subject_label}: {status.value}",
            body=note or "", subject_type="ApprovalRequest", subject_id=request.id,
            actor_user_id=actor.user_id)


APPROVAL_NEEDED.register(guard)


# --- requests asked for by workflows -----------------------------------------------------------
#
# A workflow's `start_approval` step asks a rule's approvers about the run's record (any type a
# workflow runs on): the request follows the rule's steps like a guarded one and is read and
# decided the same way, but holds no operation. Its requester is the workflow's owner. One
# record has one open request per rule: a second run finds the pending one.

WORKFLOW_OPERATION = "workflow.request"


async def rule_for_workflow(actor: Actor, ref: Any, field_: str) -> ApprovalRule:
    """The rule a workflow step names, by its global id (or UUID) or its exact name, as the
    workflow's owner (`actor`) reads rules: FORBIDDEN when they read no rules, INVALID when
    there is no such rule (or it was deleted) or the name is not one rule's."""
    if actor.row_scope("ApprovalRule") is RowScope.NONE:
        raise ServiceError(ErrorCode.FORBIDDEN, "The owner may not read approval rules", field_)
    if not isinstance(ref, str) or not ref.strip():
        raise ServiceError(ErrorCode.INVALID, "Name the approval rule (its id or its name)",
                           field_)
    text = ref.strip()
    readable = scoped(ApprovalRule, actor)
    try:
        pk: uuid.UUID | None = decode_id(text, "ApprovalRule", field_)
    except BadInput:
        pk = None  # not an id: a name
    if pk is not None:
        rule = await readable.filter(id=pk).first()
        if rule is None:
            raise ServiceError(ErrorCode.INVALID, "No such approval rule (or it was deleted)",
                               field_)
        return rule
    found = list(await readable.filter(name=text).limit(2))
    if not found:
        raise ServiceError(ErrorCode.INVALID, f"No approval rule is named “{text}”", field_)
    if len(found) > 1:
        raise ServiceError(ErrorCode.INVALID, f"Several approval rules are named “{text}”: "
                           "name the rule by its id", field_)
    return found[0]


async def open_request_of(actor: Actor, rule: ApprovalRule, subject_id: uuid.UUID
                          ) -> ApprovalRequest | None:
    """The pending request of `rule` on the record, whoever asked for it, if any."""
    return await ApprovalRequest.filter(
        workspace_id=actor.workspace_id, rule_id=rule.id, subject_id=subject_id,
        status=RequestStatus.PENDING).order_by("created_at", "id").first()


async def first_approvers(actor: Actor, rule: ApprovalRule) -> list[uuid.UUID]:
    """Whom the rule's first step would ask were `actor` the requester now (reads only: what
    a workflow's dry run tells)."""
    if not rule.steps:
        return []
    return await step_approvers(actor.workspace_id, rule.steps[0], actor.user_id)


async def request_for_workflow(actor: Actor, rule: ApprovalRule, subject_type: str,
                               subject_id: uuid.UUID, label: str, reason: str,
                               workflow: dict[str, str]) -> tuple[ApprovalRequest, bool]:
    """A request of `rule` on the record asked for by a workflow run, `actor` (the workflow's
    owner) its requester: its first step opened and its approvers told, as for a guarded
    operation. When the rule already has a pending request on the record (this workflow's,
    another's or a guarded operation's) that one is returned instead, never a second: (the
    request, whether it was made now)."""
    if actor.user_id is None:
        raise ServiceError(ErrorCode.FORBIDDEN, "Only a user asks for an approval")
    existing = await open_request_of(actor, rule, subject_id)
    if existing is not None:
        return existing, False
    # The digest (and so the pending key) is the rule's and the record's alone: two runs at
    # once, of one workflow or two, make one request.
    key_facts = GuardedOperation(kind=WORKFLOW_OPERATION, subject_type=subject_type,
                                 subject_id=subject_id, facts={})
    operation = GuardedOperation(kind=WORKFLOW_OPERATION, subject_type=subject_type,
                                 subject_id=subject_id, facts={"workflow": workflow},
                                 label=label)
    text = reason.strip() or f"Asked for by workflow “{workflow.get('name', '')}”"
    return await _pending_or_made(actor, rule, operation, digest_of(key_facts), text[:500],
                                  supersede=False)


# --- deciding --------------------------------------------------------------------------------

async def _request_for_decision(actor: Actor, pk: uuid.UUID) -> ApprovalRequest:
    if not await scoped(ApprovalRequest, actor).filter(id=pk).exists():
        raise ServiceError(ErrorCode.NOT_FOUND, "ApprovalRequest not found", "id")
    request = await ApprovalRequest.filter(id=pk).select_for_update().first()
    assert request is not None
    if request.status is not RequestStatus.PENDING:
        raise ServiceError(ErrorCode.INVALID_STATE,
                           f"The request is {request.status.value} already", "id")
    return request


def _comment(comment: str | None) -> str:
    text = (comment or "").strip()
    if len(text) > MAX_COMMENT or "\x00" in text:
        raise ServiceError(ErrorCode.INVALID, f"A comment has at most {MAX_COMMENT} characters",
                           "comment")
    return text


async def decide(actor: Actor, pk: uuid.UUID, decision: DecisionKind,
                 comment: str | None = None) -> ApprovalRequest:
    """Approve or reject the current step of a request, as one of its approvers."""
    text = _comment(comment)
    async with in_transaction("default"):
        request = await _request_for_decision(actor, pk)
        if actor.user_id is None or actor.user_id == request.requester_id:
            raise ServiceError(ErrorCode.FORBIDDEN, "You cannot decide on your own request", "id")
        mine = await ApprovalAssignee.get_or_none(request_id=request.id,
                                                  step=request.current_step,
                                                  user_id=actor.user_id)
        if mine is None:
            raise ServiceError(ErrorCode.FORBIDDEN,
                               "Only an approver of the current step decides", "id")
        await ApprovalDecision.create(workspace_id=actor.workspace_id, request_id=request.id,
                                      step=request.current_step, approver_id=actor.user_id,
                                      decision=decision, comment=text)
        if decision is DecisionKind.REJECT:
            await _close(actor, request, RequestStatus.REJECTED, "reject", note=text or None)
            return request
        step = request.steps[request.current_step]
        if step["mode"] == StepMode.ONE_OF.value:
            await ApprovalAssignee.filter(request_id=request.id).delete()
        else:
            await mine.delete()
        await audit.record(actor, "ApprovalRequest", request.id, "approve_step",
                           note=f"step {request.current_step + 1}" + (f": {text}" if text else ""))
        if not await ApprovalAssignee.filter(request_id=request.id).exists():
            await _open_step(actor, request, request.current_step + 1)
        request.version += 1
        await ApprovalRequest.filter(id=request.id).update(version=request.version)
    return request


async def cancel(actor: Actor, pk: uuid.UUID) -> ApprovalRequest:
    """The requester (or an admin) withdraws a pending request."""
    async with in_transaction("default"):
        request = await _request_for_decision(actor, pk)
        if actor.user_id != request.requester_id and actor.role != "admin":
            raise ServiceError(ErrorCode.FORBIDDEN, "Only the requester cancels a request", "id")
        waiting = list(await ApprovalAssignee.filter(request_id=request.id)
                       .values_list("user_id", flat=True))
        await _close(actor, request, RequestStatus.CANCELLED, "cancel")
        await collaboration.notify(
            request.workspace_id, [u for u in waiting if u != actor.user_id],  # type: ignore[misc]
            kind="approval.cancelled", title=f"{request.rule_name} — {request.subject_label}: "
            "cancelled", subject_type="ApprovalRequest", subject_id=request.id,
            actor_user_id=actor.user_id)
    return request


async def decisions_of(request_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[ApprovalDecision]]:
    out: dict[uuid.UUID, list[ApprovalDecision]] = {}
    for d in await ApprovalDecision.filter(request_id__in=request_ids).order_by("created_at"):
        out.setdefault(d.request_id, []).append(d)
    return out


async def awaiting(actor: Actor, request_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
    out: dict[uuid.UUID, list[uuid.UUID]] = {}
    for a in await ApprovalAssignee.filter(request_id__in=request_ids):
        out.setdefault(a.request_id, []).append(a.user_id)
    return out

