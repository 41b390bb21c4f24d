"""`crm seed --demo`: idempotent, realistic, and the acceptance path of rep1."""

from __future__ import annotations

from crm.auth.models import User, Workspace
from crm.customers.models import Customer
from crm.seed import DEMO_SLUG, DEMO_USERS, seed_demo
from crm.settings import get_settings


async def test_seed_is_idempotent_and_rep1_sees_only_own_customers(client):
    lines: list[str] = []
    ws = await seed_demo(echo=lines.append)
    again = await seed_demo(echo=lines.append)
    assert again.id == ws.id
    assert await Workspace.filter(slug=DEMO_SLUG).count() == 1
    assert any("nothing to do" in line for line in lines)
    assert await User.filter(workspace_id=ws.id).count() == len(DEMO_USERS) == 12
    assert await Customer.filter(workspace_id=ws.id).count() == 200
    assert any("rep1@demo.test" in line for line in lines)

    login = await client.post("/graphql", json={"query": """mutation($e: String!, $p: String!) {
        login(input: {email: $e, password: $p}) { accessToken errors { code } } }""",
        "variables": {"e": "rep1@demo.test", "p": get_settings().demo_password}})
    token = login.json()["data"]["login"]["accessToken"]
    resp = await client.post("/graphql", json={"query": """{ customers(first: 20) { totalCount
        edges { node { name phone owner { email } contacts { phone } } } }
        publicPool(first: 5) { edges { node { phone contacts { phone } } } } }"""},
        headers={"Authorization": f"Bearer {token}"})
    data = resp.json()["data"]
    rep1 = await User.get(workspace_id=ws.id, email="rep1@demo.test")
    assert data["customers"]["totalCount"] == await Customer.filter(
        workspace_id=ws.id, owner_id=rep1.id, deleted_at=None, in_pool=False).count()
    assert len(data["customers"]["edges"]) == 20
    for edge in data["customers"]["edges"]:
        assert edge["node"]["owner"]["email"] == "rep1@demo.test"
        assert "*" not in edge["node"]["phone"]
    for edge in data["publicPool"]["edges"]:
        assert "*" in edge["node"]["phone"]
        assert all("*" in c["phone"] for c in edge["node"]["contacts"])
