"""GraphQL subscriptions over graphql-transport-ws, in one process (the in-process bus): the
socket's authentication and limits, what each field pushes, and that a subscriber receives
nothing it could not query.

"Receives nothing" is shown without waiting on a clock: after the write the subscriber must
not see, a write it may see follows, and the first push it gets must be the second one
(notices reach a subscriber in the order they were committed)."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from tortoise.transactions import in_transaction

from crm.core import bus
from crm.settings import get_settings, override_settings
from tests import factories as f
from tests.conftest import World
from tests.platform.sockets import listeners_of, serving, socket, until_listening

CREATE_OPP = """mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) {
    opportunity { id } errors { code } } }"""
LOG = """mutation($i: LogInteractionInput!) { logInteraction(input: $i) {
    interaction { id } errors { code } } }"""
TIMELINE = """subscription($c: ID!) { customerTimeline(customerId: $c) {
    kind interaction { summary customer { name phone } } auditEvent { objectType action } } }"""
PIPELINE = """subscription { pipelineChanged { action opportunity { title customer { name phone } } } }"""
TASKS = "subscription { myTasks { title status } }"


@pytest.fixture(scope="module")
async def url(app: Any) -> AsyncIterator[str]:
    async with serving(app) as ws_url:
        yield ws_url


async def create_opportunity(world: World, who: str, customer: Any, title: str) -> str:
    body = await world.gql(who, CREATE_OPP, {"i": {
        "customerId": f.gid("Customer", customer), "title": title,
        "amount": {"amount": "100.00", "currency": "CNY"}}})
    assert body["data"]["createOpportunity"]["errors"] == []
    return str(body["data"]["createOpportunity"]["opportunity"]["id"])


async def log(world: World, who: str, customer: Any, summary: str) -> None:
    body = await world.gql(who, LOG, {"i": {"customerId": f.gid("Customer", customer),
                                            "kind": "CALL", "summary": summary}})
    assert body["data"]["logInteraction"]["errors"] == []


# --- the socket -----------------------------------------------------------------------------

async def test_connection_init_without_a_valid_token_is_refused_with_4403(url: str, world: World):
    from crm.auth.revocation import revoke_family
    from crm.auth.tokens import issue_access_token

    for token in (None, "not-a-token"):
        async with socket(url, init=False) as s:
            await s.send({"type": "connection_init",
                          "payload": {"authorization": f"Bearer {token}"} if token else {}})
            assert await s.closed_with() == 4403
    family = uuid.uuid4()
    user = world.users["rep1"]
    revoked, _ = issue_access_token(user.id, world.workspace.id, user.role, family_id=family)
    await revoke_family(family.hex)
    async with socket(url, init=False) as s:
        await s.send({"type": "connection_init", "payload": {"authorization": f"Bearer {revoked}"}})
        assert await s.closed_with() == 4403


async def test_an_expired_token_is_refused(url: str, world: World):
    from joserfc import jwt

    from crm.auth.tokens import ISSUER, _key
    user = world.users["rep1"]
    now = int(time.time())
    expired = jwt.encode({"alg": "HS256", "typ": "at+jwt"}, {
        "iss": ISSUER, "sub": str(user.id), "wid": str(world.workspace.id), "role": user.role,
        "iat": now - 1000, "exp": now - 100, "jti": uuid.uuid4().hex}, _key())
    async with socket(url, init=False) as s:
        await s.send({"type": "connection_init", "payload": {"authorization": f"Bearer {expired}"}})
        assert await s.closed_with() == 4403


async def test_an_idle_socket_closes_when_its_token_expires(url: str, world: World):
    from joserfc import jwt

    from crm.auth.tokens import ISSUER, _key
    user = world.users["rep1"]
    now = int(time.time())
    short = jwt.encode({"alg": "HS256", "typ": "at+jwt"}, {
        "iss": ISSUER, "sub": str(user.id), "wid": str(world.workspace.id), "role": user.role,
        "iat": now, "exp": now + 2, "jti": uuid.uuid4().hex}, _key())
    async with socket(url, short) as s:
        await s.subscribe(TASKS)
        assert await s.closed_with() == 4403


async def test_subscribe_before_connection_init_is_4401(url: str):
    async with socket(url, init=False) as s:
        await s.subscribe(TASKS)
        assert await s.closed_with() == 4401


async def test_the_legacy_graphql_ws_protocol_is_not_spoken(url: str):
    from websockets.exceptions import InvalidStatus, NegotiationError
    from websockets.typing import Subprotocol

    # Strawberry's 2026 advisory: the legacy protocol ran subscriptions before connection_init.
    try:
        async with socket(url, protocol=Subprotocol("graphql-ws"), init=False) as s:
            assert await s.closed_with() == 4406
    except (NegotiationError, InvalidStatus):
        pass  # refused during the handshake: as good


async def test_a_token_revoked_while_subscribed_closes_the_socket_at_the_next_push(url: str, world: World):
    from crm.auth.revocation import revoke_family
    from crm.auth.tokens import issue_access_token

    family = uuid.uuid4()
    user = world.users["rep1"]
    token, _ = issue_access_token(user.id, world.workspace.id, user.role, family_id=family)
    c = await f.customer(world)
    async with socket(url, token) as s:
        op = await s.subscribe(PIPELINE)
        await create_opportunity(world, "rep1", c, "before")
        assert (await s.next_of(op))["pipelineChanged"]["opportunity"]["title"] == "before"
        await revoke_family(family.hex)
        await create_opportunity(world, "rep1", c, "after")
        assert await s.closed_with() == 4403


async def test_subscriptions_per_socket_are_limited(url: str, world: World):
    limit = get_settings().max_subscriptions_per_socket
    async with socket(url, world.tokens["rep1"]) as s:
        for _ in range(limit):
            await s.subscribe(TASKS)
        over = await s.subscribe(TASKS)
        message = await s.receive()
        assert message["id"] == over and message["type"] == "error"
        assert "limit" in message["payload"][0]["message"].lower()


async def test_messages_over_the_size_limit_close_the_socket(url: str, world: World):
    limit = get_settings().max_socket_message_bytes
    async with socket(url, world.tokens["rep1"]) as s:
        await s.subscribe("subscription { myTasks { title } }" + " " * limit)
        assert await s.closed_with() == 1009


async def test_depth_and_cost_guards_apply_to_subscriptions(url: str, world: World):
    deep = "subscription { pipelineChanged { opportunity { " + "customer { owner { team { " * 5 \
        + "name" + " } } }" * 5 + " } } }"
    async with socket(url, world.tokens["rep1"]) as s:
        op = await s.subscribe(deep)
        message = await s.receive()
        assert message["id"] == op and message["type"] == "error", message
        assert "depth" in message["payload"][0]["message"].lower()
    before = get_settings()
    override_settings(before.model_copy(update={"max_query_cost": 1}))
    try:
        async with socket(url, world.tokens["rep1"]) as s:
            op = await s.subscribe(PIPELINE)
            message = await s.receive()
            assert message["id"] == op
            errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
            assert errors[0]["extensions"]["code"] == "LIMIT_REACHED", message
    finally:
        override_settings(before)


async def test_queries_and_mutations_go_over_http_not_the_socket(url: str, world: World):
    async with socket(url, world.tokens["rep1"]) as s:
        op = await s.subscribe("{ __typename }")
        message = await s.receive()
        assert message["id"] == op
        payload = message["payload"]
        errors = payload if isinstance(payload, list) else payload["errors"]
        assert errors[0].get("extensions", {}).get("code") == "INVALID", message
        assert message["type"] == "error" or payload.get("data") is None


async def test_the_connection_must_be_initialised_in_time(world: World):
    from crm.app import create_app
    settings = get_settings().model_copy(update={"socket_init_timeout": 1})
    async with serving(create_app(settings, manage_db=False)) as quick, \
            socket(quick, init=False) as s:
        assert await s.closed_with() == 4408


# --- what is pushed -------------------------------------------------------------------------

async def test_customer_timeline_pushes_the_new_follow_up_and_its_change_record(url: str, world: World):
    c = await f.customer(world, phone="13812345678")
    async with socket(url, world.tokens["rep1"]) as s:
        before = listeners_of(world.workspace.id)
        op = await s.subscribe(TIMELINE, {"c": f.gid("Customer", c)})
        await until_listening(world.workspace.id, before)
        await log(world, "rep1", c, "电话回访")
        entries = await entries_until_interaction(s, op)
    follow_up = entries[-1]
    assert follow_up["interaction"]["summary"] == "电话回访"
    assert follow_up["interaction"]["customer"]["phone"] == "13812345678"  # the owner reads it
    # Its change record comes right after it, as the timeline lists both.
    async with socket(url, world.tokens["rep1"]) as s:
        before = listeners_of(world.workspace.id)
        op = await s.subscribe(TIMELINE, {"c": f.gid("Customer", c)})
        await until_listening(world.workspace.id, before)
        await log(world, "rep1", c, "再次回访")
        await entries_until_interaction(s, op)
        record = (await s.next_of(op))["customerTimeline"]
    assert record["kind"] == "audit"
    assert record["auditEvent"] == {"objectType": "Interaction", "action": "create"}


async def entries_until_interaction(s: Any, op: str) -> list[dict[str, Any]]:
    """The pushes of a timeline up to its first follow-up (the write's other changes, such as
    the customer's follow-up date, may come first)."""
    entries = [(await s.next_of(op))["customerTimeline"]]
    while entries[-1]["kind"] != "interaction":
        entries.append((await s.next_of(op))["customerTimeline"])
    return entries


async def test_order_changed_pushes_the_order(url: str, world: World):
    from crm.orders import service
    from crm.orders.service import LineInput
    from tests.orders.helpers import make_shop

    shop = await make_shop(world)
    order = await service.create_order(await world.actor("rep1"), customer_id=shop.customer.id,
                                       lines=[LineInput(shop.widget.id, 2)])
    async with socket(url, world.tokens["rep1"]) as s:
        op = await s.subscribe("subscription($id: ID!) { orderChanged(id: $id) { status } }",
                               {"id": f.gid("Order", order)})
        body = await world.gql("rep1", """mutation($i: ConfirmOrderInput!) { confirmOrder(input: $i) {
            errors { code } } }""", {"i": {"id": f.gid("Order", order)}})
        assert body["data"]["confirmOrder"]["errors"] == []
        assert (await s.next_of(op))["orderChanged"]["status"] == "CONFIRMED"
    # Another rep may not watch it: the same answer `node(id:)` gives, nothing pushed.
    async with socket(url, world.tokens["rep2"]) as s:
        op = await s.subscribe("subscription($id: ID!) { orderChanged(id: $id) { status } }",
                               {"id": f.gid("Order", order)})
        message = await s.receive()
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "NOT_FOUND", message


async def test_my_tasks_pushes_only_my_tasks(url: str, world: World):
    q = """mutation($i: CreateTaskInput!) { createTask(input: $i) { errors { code } } }"""
    async with socket(url, world.tokens["rep1"]) as s:
        op = await s.subscribe(TASKS)
        await world.gql("rep2", q, {"i": {"title": "rep2's own"}})
        await world.gql("rep1", q, {"i": {"title": "mine"}})
        assert (await s.next_of(op))["myTasks"] == {"title": "mine", "status": "OPEN"}


# --- nothing a subscriber could not query ---------------------------------------------------

async def test_a_rep_receives_no_other_reps_opportunity(url: str, world: World):
    mine = await f.customer(world, "rep2")
    theirs = await f.customer(world, "rep1")
    async with socket(url, world.tokens["rep2"]) as rep2, \
            socket(url, world.tokens["manager"]) as manager:
        op = await rep2.subscribe(PIPELINE)
        mop = await manager.subscribe(PIPELINE)
        await create_opportunity(world, "rep1", theirs, "rep1's deal")
        await create_opportunity(world, "rep2", mine, "rep2's deal")
        assert (await rep2.next_of(op))["pipelineChanged"]["opportunity"]["title"] == "rep2's deal"
        # Their manager reads both (team scope), in commit order.
        assert (await manager.next_of(mop))["pipelineChanged"]["opportunity"]["title"] == "rep1's deal"
        assert (await manager.next_of(mop))["pipelineChanged"]["opportunity"]["title"] == "rep2's deal"


async def test_a_rep_may_not_watch_another_reps_customer_timeline(url: str, world: World):
    theirs = await f.customer(world, "rep1")
    async with socket(url, world.tokens["rep2"]) as s:
        op = await s.subscribe(TIMELINE, {"c": f.gid("Customer", theirs)})
        message = await s.receive()
        assert message["id"] == op
        errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
        assert errors[0]["extensions"]["code"] == "NOT_FOUND", message


async def test_a_masked_phone_stays_masked_in_a_push(url: str, world: World):
    c = await f.customer(world, "rep1", phone="13812345678")
    async with socket(url, world.tokens["viewer"]) as s:
        op = await s.subscribe(TIMELINE, {"c": f.gid("Customer", c)})
        await log(world, "rep1", c, "拜访")
        entry = (await entries_until_interaction(s, op))[-1]
    assert entry["interaction"]["customer"]["phone"] == "138****5678"


async def test_a_rolled_back_write_publishes_nothing(url: str, world: World):
    from crm.sales import service

    actor = await world.actor("rep1")

    class Undo(Exception):
        pass

    async with socket(url, world.tokens["rep1"]) as s, \
            bus.listen(world.workspace.id) as listener:
        op = await s.subscribe(TASKS)
        with pytest.raises(Undo):
            async with bus.committed(), in_transaction("default"):
                await service.create_task(actor, {"title": "rolled back"})
                raise Undo
        async with bus.committed():
            kept = await service.create_task(actor, {"title": "kept"})
        # Not even a notice of the rolled-back task went out, let alone its record.
        notice = await listener.next()
        assert (notice.object_type, notice.object_id) == ("Task", kept.id)
        assert (await s.next_of(op))["myTasks"]["title"] == "kept"


async def test_a_subscription_sent_over_http_is_a_client_error(world: World):
    for accept in ("application/json", "multipart/mixed;subscriptionSpec=1.0, application/json"):
        resp = await world.client.post("/graphql", json={"query": TASKS}, headers={
            "Authorization": f"Bearer {world.tokens['rep1']}", "accept": accept})
        assert 400 <= resp.status_code < 500 or (resp.status_code == 200 and resp.json()["errors"]), resp.text
        assert "INTERNAL" not in resp.text


async def test_socket_errors_read_in_the_language_of_the_handshake(url: str, world: World):
    from websockets.asyncio.client import connect

    from tests.platform.sockets import PROTOCOL, Socket
    theirs = await f.customer(world, "rep1")
    async with connect(url, subprotocols=[PROTOCOL], additional_headers={"Accept-Language": "zh-CN"}) as ws:
        s = Socket(ws)
        assert (await s.init(world.tokens["rep2"]))["type"] == "connection_ack"
        op = await s.subscribe(TIMELINE, {"c": f.gid("Customer", theirs)})
        message = await s.receive()
    assert message["id"] == op
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "NOT_FOUND"
    assert not errors[0]["message"].isascii(), errors[0]["message"]
