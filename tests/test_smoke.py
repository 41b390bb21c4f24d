"""The acceptance path of the foundation: sign in, list own customers, masked contact details."""

from __future__ import annotations

from tests.conftest import PASSWORD, World

LOGIN = """mutation($email: String!, $password: String!) {
  login(input: {email: $email, password: $password}) {
    accessToken refreshToken expiresIn user { id email role } errors { field code message }
  }
}"""


async def test_healthz(client):
    resp = await client.get("/healthz")
    assert resp.status_code == 200
    assert resp.json() == {"status": "ok"}


async def test_login_then_me(world: World):
    body = await world.gql(None, LOGIN, {"email": world.users["rep1"].email, "password": PASSWORD})
    login = body["data"]["login"]
    assert login["errors"] == []
    assert login["user"]["role"] == "sales_rep"
    assert login["expiresIn"] > 0
    world.tokens["fresh"] = login["accessToken"]
    me = await world.gql("fresh", "{ me { role user { email } team { name } permissions { type rowScope fields { field access } } } }")
    data = me["data"]["me"]
    assert data["role"] == "sales_rep"
    assert data["team"]["name"] == "East"
    customer = next(p for p in data["permissions"] if p["type"] == "Customer")
    assert customer["rowScope"] == "OWN"
    access = {f["field"]: f["access"] for f in customer["fields"]}
    assert access["phone"] == "MASKED"
    assert access["name"] == "WRITE"


async def test_wrong_password_unknown_user_and_disabled_look_the_same(world: World):
    world.users["rep2"].is_active = False
    await world.users["rep2"].save()
    answers = []
    for email, pw in [(world.users["rep1"].email, "wrong-password"),
                      ("nobody@nowhere.test", PASSWORD),
                      (world.users["rep2"].email, PASSWORD)]:
        body = await world.gql(None, LOGIN, {"email": email, "password": pw})
        login = body["data"]["login"]
        assert login["accessToken"] is None
        answers.append((login["errors"][0]["code"], login["errors"][0]["message"]))
    assert len(set(answers)) == 1
    assert answers[0][0] == "INVALID_CREDENTIALS"


async def test_requests_without_token_are_refused(world: World):
    body = await world.gql(None, "{ customers(first: 1) { totalCount } }", expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
