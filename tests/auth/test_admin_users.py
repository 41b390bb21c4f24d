"""Administering people: invitations, roles and teams, disabling, password links, teams."""

from __future__ import annotations

from typing import Any

from crm.auth import service
from crm.auth.models import RefreshToken, Team, User
from crm.core.models import AuditEvent
from tests import factories as f
from tests.conftest import PASSWORD, World

ERRORS = "errors { code field message }"


async def mutate(world: World, who: str | None, name: str, input_type: str,
                 variables: dict[str, Any], fields: str = "", *,
                 headers: dict[str, str] | None = None) -> dict[str, Any]:
    query = f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ {fields} {ERRORS} }} }}"
    all_headers = {**({"Authorization": f"Bearer {world.tokens[who]}"} if who else {}),
                   **(headers or {})}
    resp = await world.client.post("/graphql", json={"query": query, "variables": {"i": variables}},
                                   headers=all_headers)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert not body.get("errors"), body
    return dict(body["data"][name])


def codes(payload: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(e["code"], e["field"]) for e in payload["errors"]]


async def invite(world: World, email: str = "new.rep@example.test", **extra: Any
                 ) -> dict[str, Any]:
    out = await mutate(world, "admin", "inviteUser", "InviteUserInput",
                       {"email": email, "name": "New Rep", "role": "sales_rep", **extra},
                       "inviteLink user { id email isActive role team { name } }")
    assert out["errors"] == [], out
    return out


def token_of(link: str) -> str:
    return link.split("token=", 1)[1]


async def me(world: World, token: str) -> dict[str, Any]:
    resp = await world.client.post("/graphql", json={"query": "{ me { user { email } } }"},
                                   headers={"Authorization": f"Bearer {token}"})
    return dict(resp.json())


async def login(world: World, email: str, password: str) -> dict[str, Any]:
    return await mutate(world, None, "login", "LoginInput",
                        {"email": email, "password": password}, "accessToken refreshToken")


# --- invitations --------------------------------------------------------------------------------

async def test_an_invitation_is_accepted_end_to_end_through_the_graph(world: World):
    out = await invite(world, teamId=f.gid("Team", world.teams["East"]))
    assert out["inviteLink"].startswith("/accept-invite?token=")
    assert out["user"]["isActive"] is False and out["user"]["team"] == {"name": "East"}
    # Not active yet: no password signs in.
    assert codes(await login(world, "new.rep@example.test", "")) == [("INVALID_CREDENTIALS", None)]

    token = token_of(out["inviteLink"])
    accepted = await mutate(world, None, "acceptInvite", "AcceptInviteInput",
                            {"token": token, "password": "short"}, "accessToken")
    assert codes(accepted) == [("INVALID", "password")]
    accepted = await mutate(world, None, "acceptInvite", "AcceptInviteInput",
                            {"token": token, "password": "a-good-password"},
                            "accessToken refreshToken user { email isActive }")
    assert accepted["errors"] == [] and accepted["user"] == {"email": "new.rep@example.test",
                                                              "isActive": True}
    assert (await me(world, accepted["accessToken"]))["data"]["me"]["user"]["email"] == \
        "new.rep@example.test"
    assert (await login(world, "new.rep@example.test", "a-good-password"))["errors"] == []

    # The link works once.
    again = await mutate(world, None, "acceptInvite", "AcceptInviteInput",
                         {"token": token, "password": "another-password"}, "accessToken")
    assert codes(again) == [("INVALID", "token")] and again["accessToken"] is None
    user = await User.get(email="new.rep@example.test", workspace_id=world.workspace.id)
    actions = await AuditEvent.filter(object_id=user.id).order_by("created_at").values_list(
        "action", flat=True)
    assert list(actions) == ["invite", "acceptInvite"]


async def test_a_forged_expired_or_foreign_token_is_refused_with_a_code(world: World):
    from crm.auth.tokens import issue_access_token, issue_link_token
    out = await invite(world)
    user = await User.get(email="new.rep@example.test", workspace_id=world.workspace.id)
    token = token_of(out["inviteLink"])
    expired = issue_link_token("invite", user.id, user.workspace_id, user.password_hash, -5)
    reset = issue_link_token("reset", user.id, user.workspace_id, user.password_hash, 600)
    access = issue_access_token(user.id, user.workspace_id, user.role)[0]
    for bad in (token[:-4] + "AAAA", expired, reset, access, "x" * 5000, ""):
        refused = await mutate(world, None, "acceptInvite", "AcceptInviteInput",
                               {"token": bad, "password": "a-good-password"}, "accessToken")
        assert codes(refused) == [("INVALID", "token")], bad
    chinese = await mutate(world, None, "acceptInvite", "AcceptInviteInput",
                           {"token": expired, "password": "a-good-password"},
                           headers={"Accept-Language": "zh-CN"})
    assert chinese["errors"][0]["message"] == "链接无效、已过期或已被使用，请联系管理员重新获取"
    # A link's token is no access token.
    assert (await me(world, token))["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert (await User.get(id=user.id)).is_active is False


async def test_invitations_check_their_input(world: World):
    bad = {"email": "not-an-email", "name": "X", "role": "sales_rep"}
    cases = [
        ({**bad}, [("INVALID", "email")]),
        ({**bad, "email": "a" * 300 + "@example.test"}, [("INVALID", "email")]),
        ({**bad, "email": "ok@example.test", "name": "  "}, [("INVALID", "name")]),
        ({**bad, "email": "ok@example.test", "name": "n" * 121}, [("INVALID", "name")]),
        ({**bad, "email": "ok@example.test", "role": "king"}, [("INVALID", "role")]),
        ({**bad, "email": world.users["rep1"].email.upper()}, [("DUPLICATE", "email")]),
    ]
    for variables, expected in cases:
        out = await mutate(world, "admin", "inviteUser", "InviteUserInput", variables,
                           "inviteLink")
        assert codes(out) == expected, (variables, out)
        assert out["inviteLink"] is None
    out = await mutate(world, "admin", "inviteUser", "InviteUserInput",
                       {**bad, "email": "ok@example.test", "role": "king"})
    assert "sales_rep" in out["errors"][0]["message"] and "viewer" in out["errors"][0]["message"]


# --- who may administer ------------------------------------------------------------------------

async def test_only_admins_administer_users_and_teams(world: World):
    rep = world.users["rep2"]
    writes = [
        ("inviteUser", "InviteUserInput", {"email": "x@example.test", "name": "X",
                                           "role": "viewer"}),
        ("updateUser", "UpdateUserInput", {"id": f.gid("User", rep), "role": "admin"}),
        ("disableUser", "IdInput", {"id": f.gid("User", rep)}),
        ("enableUser", "IdInput", {"id": f.gid("User", rep)}),
        ("resetUserPassword", "IdInput", {"id": f.gid("User", rep)}),
        ("createTeam", "CreateTeamInput", {"name": "Mine"}),
        ("updateTeam", "UpdateTeamInput", {"id": f.gid("Team", world.teams["East"]),
                                           "name": "Mine"}),
    ]
    for who in ("manager", "rep1", "hr", "viewer"):
        for name, input_type, variables in writes:
            out = await mutate(world, who, name, input_type, variables)
            assert codes(out) == [("FORBIDDEN", None)], (who, name, out)
    assert (await User.get(id=rep.id)).role == "sales_rep"
    assert not await Team.filter(workspace_id=world.workspace.id, name="Mine").exists()


async def test_another_workspaces_users_and_teams_are_not_found(world: World):
    other_ws = await service.create_workspace("Other", "other-" + world.workspace.slug)
    other_team = await Team.create(workspace_id=other_ws.id, name="Far")
    stranger = await User.create(workspace_id=other_ws.id, email="s@other.test", name="S",
                                 role="admin", password_hash="x", team_id=other_team.id)
    sid, tid = f.gid("User", stranger), f.gid("Team", other_team)
    east = f.gid("Team", world.teams["East"])
    cases = [
        ("updateUser", "UpdateUserInput", {"id": sid, "name": "Mine"}, ("NOT_FOUND", "id")),
        ("updateUser", "UpdateUserInput", {"id": f.gid("User", world.users["rep1"]),
                                           "teamId": tid}, ("NOT_FOUND", "teamId")),
        ("disableUser", "IdInput", {"id": sid}, ("NOT_FOUND", "id")),
        ("resetUserPassword", "IdInput", {"id": sid}, ("NOT_FOUND", "id")),
        ("inviteUser", "InviteUserInput", {"email": "q@example.test", "name": "Q",
                                           "role": "viewer", "teamId": tid},
         ("NOT_FOUND", "teamId")),
        ("createTeam", "CreateTeamInput", {"name": "N", "managerId": sid},
         ("NOT_FOUND", "managerId")),
        ("createTeam", "CreateTeamInput", {"name": "N", "parentTeamId": tid},
         ("NOT_FOUND", "parentTeamId")),
        ("updateTeam", "UpdateTeamInput", {"id": tid, "name": "N"}, ("NOT_FOUND", "id")),
        ("updateTeam", "UpdateTeamInput", {"id": east, "parentTeamId": tid},
         ("NOT_FOUND", "parentTeamId")),
    ]
    for name, input_type, variables, expected in cases:
        out = await mutate(world, "admin", name, input_type, variables)
        assert codes(out) == [expected], (name, variables, out)
    stranger = await User.get(id=stranger.id)
    assert stranger.name == "S" and stranger.is_active


# --- roles, teams and the last admin -----------------------------------------------------------

async def test_an_admin_changes_a_users_role_and_team(world: World):
    rep = f.gid("User", world.users["rep1"])
    out = await mutate(world, "admin", "updateUser", "UpdateUserInput",
                       {"id": rep, "role": "sales_manager",
                        "teamId": f.gid("Team", world.teams["West"])},
                       "user { role team { name } }")
    assert out == {"user": {"role": "sales_manager", "team": {"name": "West"}}, "errors": []}
    out = await mutate(world, "admin", "updateUser", "UpdateUserInput",
                       {"id": rep, "teamId": None}, "user { team { name } }")
    assert out["user"] == {"team": None}
    out = await mutate(world, "admin", "updateUser", "UpdateUserInput",
                       {"id": rep, "role": "emperor"})
    assert codes(out) == [("INVALID", "role")] and "sales_rep" in out["errors"][0]["message"]
    out = await mutate(world, "admin", "updateUser", "UpdateUserInput", {"id": rep, "name": ""})
    assert codes(out) == [("INVALID", "name")]
    # The change reaches the user's next request (the actor cache is dropped).
    body = await world.gql("rep1", "{ me { role team { name } } }")
    assert body["data"]["me"] == {"role": "sales_manager", "team": None}


async def test_the_last_active_admin_cannot_demote_or_disable_themselves(world: World):
    admin = f.gid("User", world.users["admin"])
    out = await mutate(world, "admin", "updateUser", "UpdateUserInput",
                       {"id": admin, "role": "viewer"})
    assert codes(out) == [("INVALID_STATE", "role")]
    out = await mutate(world, "admin", "disableUser", "IdInput", {"id": admin})
    assert codes(out) == [("INVALID_STATE", "id")]
    assert (await User.get(id=world.users["admin"].id)).is_active
    # With a second admin, either may step down.
    await mutate(world, "admin", "updateUser", "UpdateUserInput",
                 {"id": f.gid("User", world.users["viewer"]), "role": "admin"})
    out = await mutate(world, "admin", "updateUser", "UpdateUserInput",
                       {"id": admin, "role": "viewer"}, "user { role }")
    assert out == {"user": {"role": "viewer"}, "errors": []}


# --- disabling ----------------------------------------------------------------------------------

async def test_a_disabled_users_tokens_stop_working_at_once(world: World):
    session = await login(world, world.users["rep1"].email, PASSWORD)
    before = world.tokens["rep1"]  # issued before, outside any session
    assert (await me(world, before))["data"]["me"]["user"]["email"] == world.users["rep1"].email
    assert "data" in await me(world, session["accessToken"])

    out = await mutate(world, "admin", "disableUser", "IdInput",
                       {"id": f.gid("User", world.users["rep1"])}, "user { isActive }")
    assert out == {"user": {"isActive": False}, "errors": []}
    for token in (before, session["accessToken"]):
        body = await me(world, token)
        assert body["data"] is None and body["errors"][0]["extensions"]["code"] == \
            "UNAUTHENTICATED", body
    refreshed = await mutate(world, None, "refreshToken", "RefreshTokenInput",
                             {"refreshToken": session["refreshToken"]}, "accessToken")
    assert codes(refreshed) == [("UNAUTHENTICATED", "refreshToken")]
    assert not await RefreshToken.filter(user_id=world.users["rep1"].id,
                                         revoked_at=None).exists()
    assert codes(await login(world, world.users["rep1"].email, PASSWORD)) == [
        ("INVALID_CREDENTIALS", None)]

    out = await mutate(world, "admin", "enableUser", "IdInput",
                       {"id": f.gid("User", world.users["rep1"])}, "user { isActive }")
    assert out == {"user": {"isActive": True}, "errors": []}
    again = await login(world, world.users["rep1"].email, PASSWORD)
    assert again["errors"] == [] and "data" in await me(world, again["accessToken"])
    actions = await AuditEvent.filter(object_id=world.users["rep1"].id).values_list(
        "action", flat=True)
    assert sorted(actions) == ["disable", "enable"]


async def test_an_invited_user_is_enabled_only_by_accepting(world: World):
    out = await invite(world)
    refused = await mutate(world, "admin", "enableUser", "IdInput", {"id": out["user"]["id"]})
    assert codes(refused) == [("INVALID_STATE", "id")]


# --- passwords ---------------------------------------------------------------------------------

async def test_an_admins_reset_link_sets_a_new_password_once(world: World):
    rep = world.users["rep2"]
    old_session = await login(world, rep.email, PASSWORD)
    out = await mutate(world, "admin", "resetUserPassword", "IdInput", {"id": f.gid("User", rep)},
                       "resetLink user { email }")
    assert out["errors"] == [] and out["resetLink"].startswith("/reset-password?token=")
    token = token_of(out["resetLink"])
    # The old password works until the link is used.
    assert (await login(world, rep.email, PASSWORD))["errors"] == []
    done = await mutate(world, None, "completePasswordReset", "CompletePasswordResetInput",
                        {"token": token, "password": "brand-new-password"}, "accessToken")
    assert done["errors"] == [] and done["accessToken"]
    assert codes(await login(world, rep.email, PASSWORD)) == [("INVALID_CREDENTIALS", None)]
    assert (await login(world, rep.email, "brand-new-password"))["errors"] == []
    assert (await me(world, old_session["accessToken"]))["errors"][0]["extensions"]["code"] == \
        "UNAUTHENTICATED"
    again = await mutate(world, None, "completePasswordReset", "CompletePasswordResetInput",
                         {"token": token, "password": "yet-another-password"})
    assert codes(again) == [("INVALID", "token")]
    # An invitation's link does not reset, nor a reset link accept an invitation.
    accepted = await mutate(world, None, "acceptInvite", "AcceptInviteInput",
                            {"token": token, "password": "yet-another-password"})
    assert codes(accepted) == [("INVALID", "token")]


async def test_changing_my_password_checks_the_current_one_and_ends_other_sessions(world: World):
    rep = world.users["rep3"]
    mine = await login(world, rep.email, PASSWORD)
    other = await login(world, rep.email, PASSWORD)
    world.tokens["session"] = mine["accessToken"]
    wrong = await mutate(world, "session", "changeMyPassword", "ChangeMyPasswordInput",
                         {"currentPassword": "not-it", "newPassword": "a-new-password"})
    assert codes(wrong) == [("INVALID_CREDENTIALS", "currentPassword")]
    weak = await mutate(world, "session", "changeMyPassword", "ChangeMyPasswordInput",
                        {"currentPassword": PASSWORD, "newPassword": "short"})
    assert codes(weak) == [("INVALID", "newPassword")]
    done = await mutate(world, "session", "changeMyPassword", "ChangeMyPasswordInput",
                        {"currentPassword": PASSWORD, "newPassword": "a-new-password"},
                        "user { email }")
    assert done == {"user": {"email": rep.email}, "errors": []}
    assert "data" in await me(world, mine["accessToken"]) and \
        (await me(world, mine["accessToken"])).get("errors") is None
    body = await me(world, other["accessToken"])
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    refreshed = await mutate(world, None, "refreshToken", "RefreshTokenInput",
                             {"refreshToken": other["refreshToken"]}, "accessToken")
    assert codes(refreshed) == [("UNAUTHENTICATED", "refreshToken")]
    assert (await login(world, rep.email, "a-new-password"))["errors"] == []


# --- teams ---------------------------------------------------------------------------------------

async def test_teams_are_created_and_moved_but_never_under_themselves(world: World):
    east, west = (f.gid("Team", world.teams[n]) for n in ("East", "West"))
    made = await mutate(world, "admin", "createTeam", "CreateTeamInput",
                        {"name": "East Shanghai", "parentTeamId": east,
                         "managerId": f.gid("User", world.users["manager"])},
                        "team { id name parent { name } manager { name } }")
    assert made["errors"] == [] and made["team"]["parent"] == {"name": "East"}
    sub = made["team"]["id"]
    for team_id, parent in ((east, sub), (east, east), (sub, sub)):
        out = await mutate(world, "admin", "updateTeam", "UpdateTeamInput",
                           {"id": team_id, "parentTeamId": parent})
        assert codes(out) == [("INVALID", "parentTeamId")], (team_id, parent)
    out = await mutate(world, "admin", "updateTeam", "UpdateTeamInput",
                       {"id": east, "parentTeamId": west, "name": "East China",
                        "managerId": None}, "team { name parent { name } manager { name } }")
    assert out == {"team": {"name": "East China", "parent": {"name": "West"}, "manager": None},
                   "errors": []}
    # now West > East China > East Shanghai: West under East Shanghai is a cycle too
    out = await mutate(world, "admin", "updateTeam", "UpdateTeamInput",
                       {"id": west, "parentTeamId": sub})
    assert codes(out) == [("INVALID", "parentTeamId")]
    for variables, expected in (({"name": ""}, ("INVALID", "name")),
                                ({"name": "x" * 200}, ("INVALID", "name")),
                                ({"name": "West"}, ("DUPLICATE", "name"))):
        out = await mutate(world, "admin", "createTeam", "CreateTeamInput", variables)
        assert codes(out) == [expected], variables
    actions = await AuditEvent.filter(object_id=world.teams["East"].id).values_list(
        "action", flat=True)
    assert list(actions) == ["update"]
