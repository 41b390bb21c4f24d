"""Access tokens (short-lived JWTs) and opaque refresh tokens."""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from typing import Any

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import OctKey

from crm.core.lru import LRU
from crm.settings import get_settings

ISSUER = "crm"
# The `aud` of OAuth access tokens (RFC 9068): the resource they are for, this graph.
AUDIENCE = "urn:crm:graphql"


_keys: dict[str, OctKey] = {}


def _key() -> OctKey:
    # Imported once per secret, not per request: tests and key rotation change the setting.
    secret = get_settings().secret_key
    key = _keys.get(secret)
    if key is None:
        key = _keys[secret] = OctKey.import_key(secret)
    return key


def issue_access_token(user_id: uuid.UUID, workspace_id: uuid.UUID, role: str, *,
                       family_id: uuid.UUID | None = None) -> tuple[str, int]:
    """A signed access token; `fid` names the sign-in session (the refresh-token family) so
    that ending the session ends its access tokens too."""
    ttl = get_settings().access_token_ttl
    now = int(time.time())
    claims: dict[str, Any] = {"iss": ISSUER, "sub": str(user_id), "wid": str(workspace_id),
                              "role": role, "iat": now, "exp": now + ttl, "jti": uuid.uuid4().hex}
    if family_id is not None:
        claims["fid"] = family_id.hex
    return jwt.encode({"alg": "HS256", "typ": "at+jwt"}, claims, _key()), ttl


class InvalidToken(Exception):
    pass


# Tokens whose signature and claims were checked, by their text: a client sends the same token
# with every request until it expires, and only the expiry needs checking again.
_verified: LRU[dict[str, Any]] = LRU(10_000)


def read_access_token(token: str) -> dict[str, Any]:
    secret = get_settings().secret_key
    known = _verified.get((secret, token))
    if known is not None and int(known["exp"]) > time.time():
        return known
    claims = _verify(token)
    _verified.put((secret, token), claims)
    return claims


def _verify(token: str) -> dict[str, Any]:
    try:
        decoded = jwt.decode(token, _key(), algorithms=["HS256"])
        claims = decoded.claims
        if "client_id" in claims:
            # An OAuth access token (RFC 9068): its issuer is the server's URL, which this key
            # alone signs; the audience and header type say it is an access token for us.
            registry = jwt.JWTClaimsRegistry(
                iss={"essential": True}, exp={"essential": True}, sub={"essential": True},
                aud={"essential": True, "value": AUDIENCE},
                client_id={"essential": True}, jti={"essential": True})
            if decoded.header.get("typ") != "at+jwt":
                raise ValueError("An OAuth access token has the type at+jwt")
        else:
            registry = jwt.JWTClaimsRegistry(iss={"essential": True, "value": ISSUER},
                                             exp={"essential": True}, sub={"essential": True})
        registry.validate(claims)
    except (JoseError, ValueError) as exc:
        raise InvalidToken(str(exc)) from None
    return claims


def signing_key() -> OctKey:
    """The app's signing key, for the OAuth server's access tokens."""
    return _key()


def new_refresh_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(48)
    return token, hash_refresh_token(token)


def hash_refresh_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- signed links: invitations and password resets --------------------------------------------

# Not ISSUER: a link's token must never pass for an access token (nor one for a link).
LINK_ISSUER = "crm:link"
LINK_PURPOSES = ("invite", "reset")


def password_fingerprint(user_id: uuid.UUID, password_hash: str) -> str:
    """What a link remembers of the password it replaces: once the password changes (the link
    was used, or another one was), the link no longer matches, so each works once."""
    return hashlib.sha256(f"{user_id}:{password_hash}".encode()).hexdigest()[:32]


def issue_link_token(purpose: str, user_id: uuid.UUID, workspace_id: uuid.UUID,
                     password_hash: str, ttl: int) -> str:
    assert purpose in LINK_PURPOSES, purpose
    now = int(time.time())
    claims = {"iss": LINK_ISSUER, "sub": str(user_id), "wid": str(workspace_id),
              "purpose": purpose, "pwf": password_fingerprint(user_id, password_hash),
              "iat": now, "exp": now + ttl}
    return jwt.encode({"alg": "HS256", "typ": "link+jwt"}, claims, _key())


def read_link_token(token: str, purpose: str) -> dict[str, Any]:
    """The claims of a link's token of `purpose`; InvalidToken if forged, expired or another
    kind of token (the caller checks the fingerprint against the user's password)."""
    if not isinstance(token, str) or len(token) > 2000:
        raise InvalidToken("not a token")
    try:
        decoded = jwt.decode(token, _key(), algorithms=["HS256"])
        if decoded.header.get("typ") != "link+jwt":
            raise ValueError("not a link token")
        jwt.JWTClaimsRegistry(iss={"essential": True, "value": LINK_ISSUER},
                              exp={"essential": True}, sub={"essential": True},
                              purpose={"essential": True, "value": purpose},
                              pwf={"essential": True}, wid={"essential": True},
                              ).validate(decoded.claims)
    except (JoseError, ValueError) as exc:
        raise InvalidToken(str(exc)) from None
    return decoded.claims
