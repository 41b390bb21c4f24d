"""Tokens: rotation, reuse detection, logout, production settings."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD, World

LOGIN = """mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) {
  accessToken refreshToken errors { code } } }"""
REFRESH = """mutation($t: String!) { refreshToken(input: {refreshToken: $t}) {
  accessToken refreshToken user { email } errors { code message } } }"""


async def login(world: World, who: str = "rep1") -> dict:
    body = await world.gql(None, LOGIN, {"e": world.users[who].email, "p": PASSWORD})
    return body["data"]["login"]


async def test_refresh_rotates_and_reuse_revokes_the_family(world: World):
    first = await login(world)
    second = (await world.gql(None, REFRESH, {"t": first["refreshToken"]}))["data"]["refreshToken"]
    assert second["errors"] == [] and second["refreshToken"] != first["refreshToken"]
    world.tokens["rotated"] = second["accessToken"]
    assert (await world.gql("rotated", "{ me { role } }"))["data"]["me"]["role"] == "sales_rep"
    reused = (await world.gql(None, REFRESH, {"t": first["refreshToken"]}))["data"]["refreshToken"]
    assert reused["accessToken"] is None and reused["errors"][0]["code"] == "UNAUTHENTICATED"
    # The thief's reuse also killed the legitimate, newer token of the same family.
    third = (await world.gql(None, REFRESH, {"t": second["refreshToken"]}))["data"]["refreshToken"]
    assert third["errors"][0]["code"] == "UNAUTHENTICATED"
    other = await login(world)
    ok = (await world.gql(None, REFRESH, {"t": other["refreshToken"]}))["data"]["refreshToken"]
    assert ok["errors"] == []


async def test_logout_revokes_the_refresh_token(world: World):
    session = await login(world)
    await world.gql(None, "mutation($t: String!) { logout(input: {refreshToken: $t}) { ok } }",
                    {"t": session["refreshToken"]})
    after = (await world.gql(None, REFRESH, {"t": session["refreshToken"]}))["data"]["refreshToken"]
    assert after["errors"][0]["code"] == "UNAUTHENTICATED"


async def test_disabled_user_loses_access_at_once(world: World):
    # Signed in and remembered first: the disabling must end what is remembered.
    assert (await world.gql("rep2", "{ me { role } }"))["data"]["me"]["role"] == "sales_rep"
    world.users["rep2"].is_active = False
    await world.users["rep2"].save()
    body = await world.gql("rep2", "{ me { role } }", expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_production_refuses_the_default_secret():
    from crm.settings import Settings, SettingsError
    with pytest.raises(SettingsError):
        Settings(env="production").validate()
    with pytest.raises(SettingsError):
        Settings(env="production", secret_key="short").validate()
    Settings(env="production", secret_key="k" * 40).validate()
