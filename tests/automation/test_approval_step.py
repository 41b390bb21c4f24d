"""A workflow's start_approval step: a request of the rule on the run's record, asked by the
workflow's owner, seen and decided by the rule's approvers; one open per rule and record."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from crm.approvals import service as approvals
from crm.approvals.models import ApprovalRequest, ApproverSource, RuleKind
from crm.automation import service
from crm.automation.models import RunStatus, Workflow, WorkflowRun, WorkflowRunStep
from crm.collaboration.models import Notification
from crm.core.errors import ErrorCode, ServiceError
from crm.core.ids import to_global_id
from crm.core.jobs import run_pending
from crm.core.models import AuditEvent
from tests import factories
from tests.conftest import World


async def _rule(world: World, name: str = "Key account review") -> Any:
    # The requester's manager approves: rep1's is the East manager, never manager2 (West).
    return await approvals.create_rule(await world.actor("admin"), approvals.RuleSpec(
        name=name, kind=RuleKind.CUSTOMER_TRANSFER,
        steps=[approvals.StepSpec(by=ApproverSource.MANAGER, level=1)]))


def _step(rule: Any, **extra: Any) -> dict[str, Any]:
    return {"type": "start_approval", "rule": to_global_id("ApprovalRule", rule.id), **extra}


async def _flow(world: World, actions: list[dict[str, Any]], trigger: dict[str, Any] | None = None,
                owner: str = "rep1") -> Workflow:
    return await service.create_workflow(
        await world.actor("admin"), service.Definition(
            "Ask for review", "", "Customer", trigger or {"type": "created"}, None, actions),
        enabled=True, owner_id=world.users[owner].id)


async def _steps(flow: Workflow) -> list[WorkflowRunStep]:
    runs = await WorkflowRun.filter(workflow_id=flow.id).order_by("created_at")
    assert [r.status for r in runs] == [RunStatus.SUCCEEDED] * len(runs), [r.error for r in runs]
    return list(await WorkflowRunStep.filter(run_id__in=[r.id for r in runs])
                .order_by("created_at"))


async def _inbox(world: World, who: str) -> list[uuid.UUID]:
    actor = await world.actor(who)
    return list(await approvals.requests_query(actor).filter(approvals.awaiting_q(actor))
                .values_list("id", flat=True))


async def test_a_run_asks_the_rules_approvers_who_see_it_are_told_and_decide(
        world: World) -> None:
    rule = await _rule(world)
    flow = await _flow(world, [_step(rule, reason="Big account: {record}")])
    cust = await factories.customer(world)
    await run_pending()

    (step,) = await _steps(flow)
    request = await ApprovalRequest.get(id=uuid.UUID(step.output["requestId"]))
    assert step.output["opened"] is True and step.output["ruleName"] == rule.name
    assert (request.rule_id, request.subject_type, request.subject_id) == (
        rule.id, "Customer", cust.id)
    assert request.requester_id == world.users["rep1"].id  # the workflow's owner
    assert request.operation == approvals.WORKFLOW_OPERATION
    assert request.reason == f"Big account: {cust.name}" and request.status.value == "pending"
    # The rule's approvers (rep1's manager) have it in their inbox and were told; others not.
    assert await _inbox(world, "manager") == [request.id]
    assert await _inbox(world, "manager2") == []
    told = await Notification.filter(kind="approval.requested", subject_id=request.id)
    assert [n.user_id for n in told] == [world.users["manager"].id]
    # The request is read by its requester and decided like any other.
    assert await approvals.requests_query(await world.actor("rep1")).filter(
        id=request.id).exists()
    done = await approvals.decide(await world.actor("manager"), request.id,
                                  approvals.DecisionKind.APPROVE)
    assert done.status.value == "approved"
    assert await Notification.filter(user_id=world.users["rep1"].id, kind="approval.approved",
                                     subject_id=request.id).count() == 1
    # The run's sentence on the customer's history says what it did.
    event = await AuditEvent.get(object_id=cust.id, action="workflow_run")
    assert event.note is not None and f"asked for approval by “{rule.name}”" in event.note


async def test_a_second_run_on_the_record_finds_the_open_request(world: World) -> None:
    rule = await _rule(world)
    # By the rule's name this time: a name is one rule's, or refused.
    flow = await _flow(world, [{"type": "start_approval", "rule": rule.name}],
                       trigger={"type": "updated"})
    rep = await world.actor("rep1")
    cust = await factories.customer(world)
    other = await factories.customer(world)
    await service.customers.update_customer(rep, cust.id, {"industry": "energy"})
    await service.customers.update_customer(rep, cust.id, {"region": "north"})
    await run_pending()
    first, second = await _steps(flow)
    assert first.output["opened"] is True and second.output["opened"] is False
    assert first.output["requestId"] == second.output["requestId"]
    assert await ApprovalRequest.filter(rule_id=rule.id, subject_id=cust.id).count() == 1
    assert await Notification.filter(workspace_id=world.workspace.id,
                                     kind="approval.requested").count() == 1
    # Another record has a request of its own.
    await service.customers.update_customer(rep, other.id, {"region": "north"})
    await run_pending()
    assert await ApprovalRequest.filter(rule_id=rule.id, subject_id=other.id).count() == 1
    # Once the open one is decided, a later run asks again.
    await approvals.decide(await world.actor("manager"), uuid.UUID(first.output["requestId"]),
                           approvals.DecisionKind.REJECT)
    await service.customers.update_customer(rep, cust.id, {"region": "south"})
    await run_pending()
    assert [r.status.value for r in await ApprovalRequest.filter(
        rule_id=rule.id, subject_id=cust.id).order_by("created_at")] == ["rejected", "pending"]


async def _refused(world: World, code: ErrorCode, field: str, actions: list[dict[str, Any]],
                   trigger: dict[str, Any] | None = None) -> None:
    before = await Workflow.filter(workspace_id=world.workspace.id).count()
    with pytest.raises(ServiceError) as caught:
        await _flow(world, actions, trigger)
    assert (caught.value.code, caught.value.field) == (code, field), caught.value
    assert await Workflow.filter(workspace_id=world.workspace.id).count() == before


async def test_saving_refuses_an_unknown_or_deleted_rule(world: World) -> None:
    rule = await _rule(world)
    gone = await _rule(world, "Old review")
    await approvals.delete_rule(await world.actor("admin"), gone.id)
    twin_a, _twin_b = await _rule(world, "Twin"), await _rule(world, "Twin")
    unknown = to_global_id("ApprovalRule", uuid.uuid4())
    for ref in (unknown, str(uuid.uuid4()), "No such rule", "Old review", _step(gone)["rule"],
                "Twin", "", None, 7):
        await _refused(world, ErrorCode.INVALID, "actions[0].rule",
                       [{"type": "start_approval", "rule": ref}])
    await _refused(world, ErrorCode.INVALID, "actions[1].then[0].rule", [
        _step(rule), {"type": "branch", "condition": {}, "then": [_step(gone)]}])
    # A schedule has no record to ask about.
    await _refused(world, ErrorCode.INVALID, "actions[0].type", [_step(rule)],
                   trigger={"type": "schedule", "cron": "0 9 * * *"})
    await _refused(world, ErrorCode.INVALID, "actions[0].reason", [_step(rule, reason=["x"])])
    # The twins by id are fine; a saved workflow cannot be moved to a deleted rule either.
    flow = await _flow(world, [_step(twin_a)])
    with pytest.raises(ServiceError) as caught:
        await service.update_workflow(await world.actor("admin"), flow.id,
                                      {"actions": [_step(gone)]})
    assert (caught.value.code, caught.value.field) == (ErrorCode.INVALID, "actions[0].rule")


async def test_a_rule_deleted_after_saving_fails_the_step_with_the_reason(world: World) -> None:
    rule = await _rule(world)
    flow = await _flow(world, [_step(rule)])
    await approvals.delete_rule(await world.actor("admin"), rule.id)
    await factories.customer(world)
    await run_pending()
    (run,) = await WorkflowRun.filter(workflow_id=flow.id)
    assert run.status is RunStatus.FAILED and "INVALID" in (run.error or "")
    assert await ApprovalRequest.filter(rule_id=rule.id).count() == 0


async def test_the_dry_run_names_the_rule_and_approvers_and_writes_nothing(
        world: World) -> None:
    rule = await _rule(world)
    cust = await factories.customer(world)
    await run_pending()
    admin = await world.actor("admin")
    d = service.Definition("Ask", "", "Customer", {"type": "created"}, None, [_step(rule)])

    async def counts() -> tuple[int, ...]:
        return (await ApprovalRequest.filter(workspace_id=world.workspace.id).count(),
                await Notification.filter(workspace_id=world.workspace.id).count(),
                await AuditEvent.filter(workspace_id=world.workspace.id).count(),
                await WorkflowRun.filter(workspace_id=world.workspace.id).count())

    before = await counts()
    dry = await service.dry_run(admin, d, None, cust.id, owner_id=world.users["rep1"].id)
    assert await counts() == before
    assert dry.matches
    (step,) = dry.steps
    assert step.action == "start_approval" and step.error is None
    assert rule.name in step.description and "Manager" in step.description, step.description
    assert "Manager2" not in step.description
    # With a request open on the record, it says none would be opened.
    await _flow(world, [_step(rule)], trigger={"type": "updated"})
    await service.customers.update_customer(await world.actor("rep1"), cust.id,
                                            {"industry": "energy"})
    await run_pending()
    (again,) = (await service.dry_run(admin, d, None, cust.id,
                                      owner_id=world.users["rep1"].id)).steps
    assert "pending on this record already" in again.description, again.description


async def test_an_order_guards_request_and_a_workflows_stand_side_by_side(world: World) -> None:
    from decimal import Decimal

    from crm.orders import service as orders
    from crm.orders.service import LineInput
    from tests.orders.helpers import make_shop
    shop = await make_shop(world)
    admin = await world.actor("admin")
    rule = await approvals.create_rule(admin, approvals.RuleSpec(
        name="Rep discounts", kind=RuleKind.LINE_DISCOUNT,
        discount_limits={"sales_rep": Decimal("10")},
        steps=[approvals.StepSpec(by=ApproverSource.MANAGER, level=1)]))
    flow = await service.create_workflow(admin, service.Definition(
        "Review new orders", "", "Order", {"type": "created"}, None, [_step(rule)]),
        enabled=True, owner_id=world.users["rep1"].id)
    rep = await world.actor("rep1")
    order = await orders.create_order(rep, customer_id=shop.customer.id, lines=[
        LineInput(shop.service.id, 1, unit_price=Decimal("850"))])
    await run_pending()
    (step,) = await _steps(flow)
    asked = await ApprovalRequest.get(id=uuid.UUID(step.output["requestId"]))
    assert asked.order_id == order.id and asked.subject_label == order.number
    # Confirming needs the guard's own request (for these figures): the workflow's holds no
    # operation, and is no old figure the guard's would cancel.
    with pytest.raises(ServiceError) as held:
        await orders.confirm_order(rep, order.id)
    assert held.value.code is ErrorCode.APPROVAL_REQUIRED
    requests = {r.operation: r.status.value for r in await ApprovalRequest.filter(
        rule_id=rule.id, subject_id=order.id)}
    assert requests == {"workflow.request": "pending", "order.confirm": "pending"}


async def test_an_owner_who_reads_no_rules_may_not_name_one(world: World, monkeypatch: Any
                                                           ) -> None:
    # Every role reads the rules today; were one not to, its workflows could not ask them.
    from crm.core.policy import Actor, RowScope
    rule = await _rule(world)
    real = Actor.row_scope

    def row_scope(self: Actor, type_name: str) -> RowScope:
        if type_name == "ApprovalRule" and self.role == "sales_rep":
            return RowScope.NONE
        return real(self, type_name)

    monkeypatch.setattr(Actor, "row_scope", row_scope)
    await _refused(world, ErrorCode.FORBIDDEN, "actions[0].rule", [_step(rule)])
