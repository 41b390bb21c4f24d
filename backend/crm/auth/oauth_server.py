"""The OAuth2 authorization server: Authlib's generic server, wrapped for Starlette.

Authlib's server is synchronous and calls its hooks (find a client, save a code, spend a
refresh token) from inside its own validation. Each endpoint therefore runs Authlib in a worker
thread (`anyio.to_thread`), and the hooks run their database work back on the event loop
(`anyio.from_thread.run`): Authlib keeps deciding what the RFCs say, and our async services keep
owning the rows. The request adapter hands Authlib the body and query already read.

Grants: client credentials (the client's service account), authorization code with S256 PKCE
only, refresh token with rotation and reuse detection. Endpoints: token, revocation (RFC 7009),
introspection (RFC 7662), metadata (RFC 8414). Access tokens are RFC 9068 JWTs signed with the
app's key, read by the same code as the app's own tokens (`crm.auth.service`).
"""

from __future__ import annotations

import contextvars
import secrets
import time
import uuid
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar
from urllib.parse import parse_qsl

import anyio.from_thread
import anyio.to_thread
from authlib.oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import ClientMixin, OAuth2Payload, OAuth2Request, grants
from authlib.oauth2.rfc6749.errors import InvalidRequestError
from authlib.oauth2.rfc7009 import RevocationEndpoint
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oauth2.rfc7662 import IntrospectionEndpoint
from authlib.oauth2.rfc8414 import AuthorizationServerMetadata
from authlib.oauth2.rfc9068 import JWTBearerTokenGenerator
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from crm.auth import oauth, revocation
from crm.auth.models import OAuthAuthorizationCode, OAuthClient, OAuthRefreshToken, User
from crm.auth.tokens import AUDIENCE, InvalidToken, read_access_token, signing_key
from crm.core.policy import oauth_scopes
from crm.settings import get_settings

T = TypeVar("T")
CONFIDENTIAL_METHODS = ["client_secret_basic", "client_secret_post"]
ALL_METHODS = [*CONFIDENTIAL_METHODS, "none"]
_issuer: contextvars.ContextVar[str] = contextvars.ContextVar("oauth_issuer", default="")


def on_loop(fn: Callable[..., Coroutine[Any, Any, T]], *args: Any) -> T:
    """Run an async service from Authlib's worker thread, on the event loop."""
    return anyio.from_thread.run(fn, *args)


def issuer_of(request: Request) -> str:
    """The issuer identifier: CRM_OAUTH_ISSUER, else the URL the request came to."""
    return get_settings().oauth_issuer or str(request.base_url).rstrip("/")


# --- what Authlib asks of clients, codes, tokens and users ---------------------------------------

class Client(ClientMixin):
    def __init__(self, row: OAuthClient) -> None:
        self.row = row

    def get_client_id(self) -> str:
        return self.row.client_id

    def get_default_redirect_uri(self) -> str | None:
        return self.row.redirect_uris[0] if self.row.redirect_uris else None

    def get_allowed_scope(self, scope: str | None) -> str:
        """The scopes asked for that the client may have (all of them when none are asked):
        a scope beyond the client's is left out, never granted."""
        allowed = list(self.row.allowed_scopes)
        if not scope:
            return " ".join(allowed)
        return " ".join(s for s in dict.fromkeys(scope.split()) if s in allowed)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.row.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return oauth.secret_matches(self.row, client_secret)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        if self.row.confidential:
            return method in CONFIDENTIAL_METHODS
        return method == "none" and endpoint in ("token", "revocation")

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code" and bool(self.row.redirect_uris)

    def check_grant_type(self, grant_type: str) -> bool:
        if grant_type == "client_credentials":
            return self.row.confidential and self.row.service_role is not None
        return grant_type in ("authorization_code", "refresh_token") \
            and bool(self.row.redirect_uris)


class Grantee:
    """The user a code or refresh token acts for, and the refresh-token family of the grant."""

    def __init__(self, user: User, family_id: uuid.UUID) -> None:
        self.user = user
        self.family_id = family_id

    def get_user_id(self) -> str:
        return str(self.user.id)


class Code:
    def __init__(self, row: OAuthAuthorizationCode) -> None:
        self.row = row
        self.code_challenge = row.code_challenge
        self.code_challenge_method = "S256"

    def get_redirect_uri(self) -> str:
        return self.row.redirect_uri

    def get_scope(self) -> str:
        return self.row.scope


class RefreshCredential:
    def __init__(self, row: OAuthRefreshToken, scope: str) -> None:
        self.row = row
        self.scope = scope

    def check_client(self, client: Client) -> bool:
        return self.row.client_id == client.get_client_id()

    def get_scope(self) -> str:
        return self.scope

    def is_expired(self) -> bool:
        return False  # checked when it was spent

    def is_revoked(self) -> bool:
        return False


class AccessToken:
    """An access token presented to revocation or introspection, with its checked claims."""

    def __init__(self, claims: dict[str, Any], revoked: bool) -> None:
        self.claims = claims
        self.revoked = revoked

    def check_client(self, client: Client) -> bool:
        return self.claims.get("client_id") == client.get_client_id()

    def is_expired(self) -> bool:
        return int(self.claims["exp"]) <= time.time()

    def is_revoked(self) -> bool:
        return self.revoked


# --- grants ------------------------------------------------------------------------------------

class S256Only(CodeChallenge):
    """PKCE with S256, required of every authorization request: `plain` and a missing
    challenge are refused (RFC 9700 §2.1.1)."""

    DEFAULT_CODE_CHALLENGE_METHOD = "S256"
    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]

    def validate_code_challenge(self, grant: Any, redirect_uri: str) -> None:
        data = grant.request.payload.data
        if not data.get("code_challenge"):
            raise InvalidRequestError("PKCE is required: send code_challenge with "
                                      "code_challenge_method=S256", redirect_uri=redirect_uri)
        if data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("Only code_challenge_method=S256 is supported",
                                      redirect_uri=redirect_uri)
        super().validate_code_challenge(grant, redirect_uri)

    def get_authorization_code_challenge_method(self, authorization_code: Any) -> str:
        return "S256"


class ClientCredentialsGrant(grants.ClientCredentialsGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = CONFIDENTIAL_METHODS


class AuthorizationCodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ALL_METHODS

    def save_authorization_code(self, code: str, request: Any) -> None:
        on_loop(oauth.save_code, request.client.row, request.user.user, code,
                request.payload.redirect_uri or "", request.scope or "",
                request.payload.data["code_challenge"])

    def query_authorization_code(self, code: str, client: Client) -> Code | None:
        row = on_loop(oauth.spend_code, code, client.row)
        return Code(row) if row is not None else None

    def delete_authorization_code(self, authorization_code: Code) -> None:
        pass  # spent when it was queried

    def authenticate_user(self, authorization_code: Code) -> Grantee | None:
        row = authorization_code.row
        user = on_loop(oauth.active_user, row.user_id, row.workspace_id)
        return Grantee(user, row.family_id) if user is not None else None


class RefreshTokenGrant(grants.RefreshTokenGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ALL_METHODS
    INCLUDE_NEW_REFRESH_TOKEN = True

    def authenticate_refresh_token(self, refresh_token: str) -> RefreshCredential | None:
        client: Client = self.request.client
        row = on_loop(oauth.spend_refresh_token, refresh_token, client.row)
        if row is None:
            return None
        # A client whose scopes the admin narrowed since keeps only what it still may have.
        return RefreshCredential(row, client.get_allowed_scope(row.scope) if row.scope else "")

    def authenticate_user(self, refresh_token: RefreshCredential) -> Grantee | None:
        row = refresh_token.row
        user = on_loop(oauth.active_user, row.user_id, row.workspace_id)
        return Grantee(user, row.family_id) if user is not None else None

    def revoke_old_credential(self, refresh_token: RefreshCredential) -> None:
        pass  # spent when it was authenticated


# --- endpoints -----------------------------------------------------------------------------------

def _query_token(token: str, hint: str | None) -> AccessToken | RefreshCredential | None:
    if hint != "refresh_token":
        try:
            claims = read_access_token(token)
        except InvalidToken:
            claims = None
        if claims is not None and "client_id" in claims:
            return AccessToken(claims, on_loop(revocation.is_revoked, claims))
    row = on_loop(oauth.refresh_token_row, token)
    if row is None:
        return None
    cred = RefreshCredential(row, row.scope)
    expired = row.expires_at.timestamp() <= time.time()
    cred.is_revoked = lambda: row.revoked_at is not None or row.used_at is not None  # type: ignore[method-assign]
    cred.is_expired = lambda: expired  # type: ignore[method-assign]
    return cred


class Revocation(RevocationEndpoint):
    CLIENT_AUTH_METHODS = ALL_METHODS

    def query_token(self, token_string: str, token_type_hint: str | None) -> Any:
        return _query_token(token_string, token_type_hint)

    def revoke_token(self, token: Any, request: Any) -> None:
        if isinstance(token, AccessToken):
            left = max(1, int(token.claims["exp"]) - int(time.time()))
            on_loop(revocation.revoke_key, "jti:" + str(token.claims["jti"]), left)
        else:
            on_loop(oauth.revoke_family, token.row.family_id)


class Introspection(IntrospectionEndpoint):
    CLIENT_AUTH_METHODS = CONFIDENTIAL_METHODS

    def query_token(self, token_string: str, token_type_hint: str | None) -> Any:
        return _query_token(token_string, token_type_hint)

    def check_permission(self, token: Any, client: Client, request: Any) -> bool:
        # A resource server of the workspace may read what its tokens are: only a client of
        # the token's own workspace learns anything.
        if isinstance(token, AccessToken):
            return str(token.claims.get("wid")) == str(client.row.workspace_id)
        return bool(token.row.workspace_id == client.row.workspace_id)

    def introspect_token(self, token: Any) -> dict[str, Any]:
        if isinstance(token, AccessToken):
            c = token.claims
            return {"active": True, "token_type": "Bearer", "client_id": c["client_id"],
                    "scope": c.get("scope", ""), "sub": c["sub"], "aud": c.get("aud"),
                    "iss": c["iss"], "exp": c["exp"], "iat": c.get("iat"), "jti": c["jti"]}
        row = token.row
        return {"active": True, "token_type": "refresh_token", "client_id": row.client_id,
                "scope": row.scope, "sub": str(row.user_id),
                "exp": int(row.expires_at.timestamp())}


class TokenGenerator(JWTBearerTokenGenerator):
    """RFC 9068 access tokens signed with the app's key; refresh tokens are opaque."""

    def __init__(self) -> None:
        super().__init__(issuer="", alg="HS256",
                         refresh_token_generator=lambda **_: secrets.token_urlsafe(48),
                         expires_generator=lambda *_: get_settings().access_token_ttl)

    @property  # type: ignore[override]
    def issuer(self) -> str:
        return _issuer.get()

    @issuer.setter
    def issuer(self, _value: str) -> None:
        pass  # the issuer is the request's (see issuer_of)

    def get_jwks(self) -> Any:
        return signing_key()

    def get_audiences(self, client: Any, user: Any, scope: Any) -> str:
        return AUDIENCE

    def get_extra_claims(self, client: Any, grant_type: str, user: Any,
                         scope: Any) -> dict[str, Any]:
        row: OAuthClient = client.row
        claims: dict[str, Any] = {"wid": str(row.workspace_id)}
        if user is None:
            claims["role"] = row.service_role
        else:
            claims["fid"] = user.family_id.hex  # ending the grant ends its access tokens
        if row.trusted_documents:
            claims["tdo"] = True
        if row.request_rate:
            claims["rl"] = row.request_rate
        return claims


class Payload(OAuth2Payload):
    def __init__(self, data: dict[str, str], datalist: dict[str, list[str]]) -> None:
        self._data = data
        self._datalist = datalist

    @property
    def data(self) -> dict[str, str]:
        return self._data

    @property
    def datalist(self) -> dict[str, list[str]]:  # type: ignore[override]
        return self._datalist


class StarletteOAuth2Request(OAuth2Request):
    """A Starlette request whose query and form were read before Authlib's thread runs."""

    def __init__(self, request: Request, form: list[tuple[str, str]]) -> None:
        # Transport security is the deployment's (TLS ends at the proxy; HSTS is sent in
        # production): Authlib's own check would see the proxy's plain-HTTP hop.
        super().__init__(request.method, str(request.url.replace(scheme="https")),
                         headers=request.headers)
        query = list(request.query_params.multi_items())
        both = query + form
        datalist: dict[str, list[str]] = {}
        for k, v in both:
            datalist.setdefault(k, []).append(v)
        self._args = dict(query)
        self._form = dict(form)
        self.payload = Payload({k: v[0] for k, v in datalist.items()}, datalist)

    @property
    def args(self) -> dict[str, str]:
        return self._args

    @property
    def form(self) -> dict[str, str]:
        return self._form


class Server(AuthorizationServer):
    def __init__(self) -> None:
        super().__init__(scopes_supported=oauth_scopes())
        self.register_token_generator("default", TokenGenerator())
        self.register_grant(ClientCredentialsGrant)
        self.register_grant(AuthorizationCodeGrant, [S256Only(required=True)])
        self.register_grant(RefreshTokenGrant)
        self.register_endpoint(Revocation)
        self.register_endpoint(Introspection)

    def query_client(self, client_id: str) -> Client | None:
        row = on_loop(oauth.client_by_id, client_id)
        return Client(row) if row is not None else None

    def save_token(self, token: dict[str, Any], request: Any) -> None:
        if "refresh_token" in token and request.user is not None:
            grantee: Grantee = request.user
            on_loop(oauth.save_refresh_token, request.client.row, grantee.user.id,
                    token["refresh_token"], grantee.family_id, token.get("scope") or "")

    def create_oauth2_request(self, request: Any) -> OAuth2Request:
        return request  # type: ignore[no-any-return]

    def create_json_request(self, request: Any) -> Any:
        return request

    def handle_response(self, status: int, body: Any, headers: Any) -> Response:
        headers = dict(headers or [])
        if isinstance(body, dict):
            headers.pop("Content-Type", None)
            return JSONResponse(body, status_code=status, headers=headers)
        return Response(body or b"", status_code=status, headers=headers)

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        pass


_server: Server | None = None


def server() -> Server:
    global _server
    if _server is None:
        _server = Server()
    return _server


async def form_items(request: Request) -> list[tuple[str, str]]:
    """The fields of an application/x-www-form-urlencoded body, the only kind OAuth sends
    (read here rather than through a multipart parser the app does not otherwise need)."""
    if request.method != "POST":
        return []
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        return []
    try:
        return parse_qsl((await request.body()).decode(), keep_blank_values=True,
                         max_num_fields=100)
    except (UnicodeDecodeError, ValueError):
        return []


async def prepared(request: Request) -> StarletteOAuth2Request:
    return StarletteOAuth2Request(request, await form_items(request))


async def in_thread(request: Request, call: Callable[[StarletteOAuth2Request], Response]) -> Response:
    oauth_request = await prepared(request)
    _issuer.set(issuer_of(request))
    # The worker thread gets a copy of this context, the issuer with it.
    response = await anyio.to_thread.run_sync(contextvars.copy_context().run, call, oauth_request)
    response.headers.setdefault("cache-control", "no-store")
    return response


async def token_endpoint(request: Request) -> Response:
    return await in_thread(request, server().create_token_response)


async def revoke_endpoint(request: Request) -> Response:
    return await in_thread(request, lambda r: server().create_endpoint_response("revocation", r))


async def introspect_endpoint(request: Request) -> Response:
    return await in_thread(request,
                           lambda r: server().create_endpoint_response("introspection", r))


def metadata(issuer: str) -> dict[str, Any]:
    data = AuthorizationServerMetadata({
        "issuer": issuer,
        "authorization_endpoint": f"{issuer}/oauth/authorize",
        "token_endpoint": f"{issuer}/oauth/token",
        "revocation_endpoint": f"{issuer}/oauth/revoke",
        "introspection_endpoint": f"{issuer}/oauth/introspect",
        "scopes_supported": oauth_scopes(),
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code", "client_credentials", "refresh_token"],
        "token_endpoint_auth_methods_supported": ALL_METHODS,
        "revocation_endpoint_auth_methods_supported": ALL_METHODS,
        "introspection_endpoint_auth_methods_supported": CONFIDENTIAL_METHODS,
        "code_challenge_methods_supported": ["S256"],
        "ui_locales_supported": ["zh-CN", "en"],
    })
    if issuer.startswith("https://"):
        data.validate()  # RFC 8414 wants https; a development server on http is left as is
    return dict(data)


async def metadata_endpoint(request: Request) -> Response:
    return JSONResponse(metadata(issuer_of(request)), headers={"cache-control": "max-age=300"})
