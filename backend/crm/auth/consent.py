"""The consent page of the authorization-code grant, served by the app in zh-CN and en.

GET /oauth/authorize checks the client's request (Authlib) and shows, to a signed-in user, which
client asks for what, in words; a user who is not signed in gets a sign-in form that posts to
the app's own login service. POST /oauth/authorize approves or denies and sends the browser back
to the client. Sign-in puts a short-lived access token in an HttpOnly, SameSite=Lax cookie
scoped to /oauth; both forms carry a CSRF token (an HMAC of a per-browser nonce cookie, so a
page elsewhere can neither read nor forge it). The page refuses to be framed (clickjacking).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from html import escape
from typing import Any, TypeVar
from urllib.parse import urlencode

import anyio.to_thread
from authlib.oauth2 import OAuth2Error
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from crm.auth import service
from crm.auth.oauth_server import Grantee, StarletteOAuth2Request, form_items, prepared, server
from crm.core import i18n
from crm.core.errors import RateLimited, ServiceError
from crm.settings import get_settings

T = TypeVar("T")
SESSION = "crm_oauth_session"
NONCE = "crm_oauth_csrf"
# Form fields of our own, not parameters of the client's authorization request.
OWN_FIELDS = ("csrf", "decision", "email", "password", "workspace", "lang")
AUTH_PARAMS = ("response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge",
               "code_challenge_method")

FAMILY_WORDS = {
    "users": ("同事、团队与审计记录", "colleagues, teams and the audit trail"),
    "customers": ("客户、联系人与标签", "customers, contacts and tags"),
    "sales": ("线索、商机、跟进记录与任务", "leads, opportunities, interactions and tasks"),
    "catalogue": ("产品与产品线", "products and product lines"),
    "stock": ("仓库与库存", "warehouses and stock"),
    "orders": ("订单、发货、回款与退换货", "orders, shipments, payments and returns"),
    "payroll": ("员工薪酬与工资单", "employees' pay and payslips"),
    "analytics": ("数据统计与分析", "analytics"),
}
TEXT = {
    "zh-CN": {
        "title": "授权第三方应用", "asks": "「{client}」请求以您（{user}）的身份访问 CRM：",
        "approve": "同意", "deny": "拒绝", "signin": "登录后授权", "email": "邮箱",
        "password": "密码", "workspace": "工作区（可选）", "submit": "登录",
        "read": "读取{what}", "write": "创建和修改{what}",
        "note": "应用只能访问您的角色本身可访问的内容，且不超出以上范围。",
        "error": "授权请求无效", "csrf": "页面已过期，请重试", "other": "English",
        "workspace_mismatch": "此应用不属于您的工作区",
    },
    "en": {
        "title": "Authorize a third-party app", "asks": "“{client}” asks to use the CRM as you "
        "({user}):", "approve": "Approve", "deny": "Deny", "signin": "Sign in to authorize",
        "email": "Email", "password": "Password", "workspace": "Workspace (optional)",
        "submit": "Sign in", "read": "Read {what}", "write": "Create and change {what}",
        "note": "The app reaches only what your role itself may, and nothing beyond these "
        "scopes.", "error": "The authorization request is not valid",
        "csrf": "The page expired: try again", "other": "中文",
        "workspace_mismatch": "This app does not belong to your workspace",
    },
}


def language(request: Request, form: dict[str, str] | None = None) -> str:
    asked = (form or {}).get("lang") or request.query_params.get("lang")
    if asked in i18n.SUPPORTED:
        return str(asked)
    return i18n.negotiate(request.headers.get("accept-language"))


def scope_words(scope: str, lang: str) -> list[str]:
    words = []
    zh = lang == "zh-CN"
    for s in scope.split():
        family, _, level = s.partition(":")
        what = FAMILY_WORDS.get(family, (family, family))[0 if zh else 1]
        words.append(TEXT[lang]["write" if level == "write" else "read"].format(what=what))
    return words


def csrf_for(nonce: str) -> str:
    return hmac.new(get_settings().secret_key.encode(), b"oauth-consent:" + nonce.encode(),
                    hashlib.sha256).hexdigest()


def csrf_ok(request: Request, form: dict[str, str]) -> bool:
    nonce = request.cookies.get(NONCE)
    return bool(nonce) and hmac.compare_digest(csrf_for(str(nonce)), form.get("csrf", ""))


def page(lang: str, body: str, request: Request, *, status: int = 200,
         nonce: str | None = None) -> HTMLResponse:
    t = TEXT[lang]
    other = "en" if lang == "zh-CN" else "zh-CN"
    query = dict(request.query_params)
    query["lang"] = other
    html = f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>{escape(t['title'])}</title>
<style>body{{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:28rem;margin:3rem auto;
padding:0 1rem;color:#1f1f1f}}h1{{font-size:1.3rem}}li{{margin:.3rem 0}}label{{display:block;
margin:.6rem 0}}input{{width:100%;padding:.4rem;box-sizing:border-box}}button{{padding:.5rem 1.2rem;
margin-right:.6rem}}.note{{color:#666;font-size:.9rem}}.error{{color:#b42318}}</style></head>
<body><p style="text-align:right">
<a id="lang-switch" href="?{escape(urlencode(query))}" lang="{other}">{escape(t['other'])}</a></p>
<h1>{escape(t['title'])}</h1>{body}</body></html>"""
    response = HTMLResponse(html, status_code=status)
    response.headers["content-security-policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
    response.headers["x-frame-options"] = "DENY"
    response.headers["cache-control"] = "no-store"
    response.headers["referrer-policy"] = "no-referrer"
    if nonce is not None:
        response.set_cookie(NONCE, nonce, httponly=True, samesite="lax", path="/oauth",
                            secure=request.url.scheme == "https")
    return response


def hidden(params: dict[str, str]) -> str:
    return "".join(f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">'
                   for k, v in params.items())


def error_page(lang: str, request: Request, message: str, status: int = 400) -> HTMLResponse:
    return page(lang, f'<p class="error" role="alert">{escape(TEXT[lang]["error"])}: '
                f"{escape(message)}</p>", request, status=status)


async def signed_in(request: Request) -> Any:
    token = request.cookies.get(SESSION)
    if not token:
        return None
    try:
        actor = await service.actor_from_access_token(token)
    except ServiceError:
        return None
    return actor if actor.client_id is None and actor.user_id is not None else None


def sign_in_form(lang: str, params: dict[str, str], csrf: str, error: str | None = None) -> str:
    t = TEXT[lang]
    problem = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    return f"""<p>{escape(t['signin'])}</p>{problem}
<form method="post" action="/oauth/authorize/sign-in">{hidden({**params, "csrf": csrf, "lang": lang})}
<label>{escape(t['email'])}<input name="email" type="email" autocomplete="username" required></label>
<label>{escape(t['password'])}<input name="password" type="password"
 autocomplete="current-password" required></label>
<label>{escape(t['workspace'])}<input name="workspace" autocomplete="organization"></label>
<button type="submit">{escape(t['submit'])}</button></form>"""


def auth_params(source: Any) -> dict[str, str]:
    return {k: str(source[k]) for k in AUTH_PARAMS if k in source}


class Unprintable(OAuth2Error):
    """A request Authlib could not even describe: its errors quote what the client sent
    (the redirect URI, the response type), and Authlib refuses to build an error whose
    description holds characters RFC 6749 forbids there (NUL, non-ASCII, quotes)."""

    error = "invalid_request"


def describable(call: Callable[[], T]) -> Callable[[], T]:
    def run() -> T:
        try:
            return call()
        except ValueError as exc:
            if "forbidden characters" not in str(exc):
                raise
            raise Unprintable(description="The request holds characters it may not") from None
    return run


async def check_request(oauth_request: StarletteOAuth2Request, end_user: Any) -> Any:
    return await anyio.to_thread.run_sync(describable(
        lambda: server().get_consent_grant(oauth_request, end_user=end_user)))


async def authorize_get(request: Request) -> Response:
    lang = language(request)
    nonce = request.cookies.get(NONCE) or secrets.token_urlsafe(24)
    params = auth_params(request.query_params)
    actor = await signed_in(request)
    oauth_request = await prepared(request)
    try:
        grant = await check_request(oauth_request, None)
    except OAuth2Error as exc:
        if getattr(exc, "redirect_uri", None):
            # The client and its redirect URI are known: the error goes back to the client
            # (RFC 6749 §4.1.2.1), e.g. invalid_request for a missing or plain PKCE challenge.
            return server().handle_error_response(oauth_request, exc)  # type: ignore[no-any-return]
        return error_page(lang, request, exc.description or exc.error)
    if actor is None:
        return page(lang, sign_in_form(lang, params, csrf_for(nonce)), request, nonce=nonce)
    client = grant.request.client.row
    if client.workspace_id != actor.workspace_id:
        return error_page(lang, request, TEXT[lang]["workspace_mismatch"], 403)
    t = TEXT[lang]
    items = "".join(f"<li>{escape(w)}</li>" for w in scope_words(grant.request.scope or "", lang))
    body = f"""<p>{escape(t['asks'].format(client=client.name, user=actor.email))}</p>
<ul id="scopes">{items}</ul><p class="note">{escape(t['note'])}</p>
<form method="post" action="/oauth/authorize">{hidden({**params, "csrf": csrf_for(nonce), "lang": lang})}
<button type="submit" name="decision" value="approve">{escape(t['approve'])}</button>
<button type="submit" name="decision" value="deny">{escape(t['deny'])}</button></form>"""
    return page(lang, body, request, nonce=nonce)


async def sign_in_post(request: Request) -> Response:
    form = dict(await form_items(request))
    lang = language(request, form)
    params = auth_params(form)
    if not csrf_ok(request, form):
        return error_page(lang, request, TEXT[lang]["csrf"], 403)
    back = "/oauth/authorize?" + urlencode({**params, "lang": lang})
    try:
        session = await service.sign_in_for_consent(
            form.get("email", ""), form.get("password", ""), form.get("workspace") or None)
    except ServiceError as exc:
        nonce = str(request.cookies.get(NONCE))
        code = str(getattr(exc.code, "value", exc.code))
        message = TEXT_ERRORS.get((lang, code), exc.message)
        return page(lang, sign_in_form(lang, params, csrf_for(nonce), message), request,
                    status=401)
    except RateLimited as limited:
        # The login throttle refused: the page asks to wait, as `login` answers 429.
        nonce = str(request.cookies.get(NONCE))
        message = TEXT_ERRORS.get((lang, "RATE_LIMITED"), limited.message)
        refused = page(lang, sign_in_form(lang, params, csrf_for(nonce), message), request,
                       status=429)
        refused.headers["retry-after"] = str(limited.retry_after)
        return refused
    response = RedirectResponse(back, status_code=303)
    response.set_cookie(SESSION, session.access_token, max_age=session.expires_in, httponly=True,
                        samesite="lax", path="/oauth", secure=request.url.scheme == "https")
    return response


TEXT_ERRORS = {("zh-CN", "INVALID_CREDENTIALS"): "邮箱或密码错误",
               ("en", "INVALID_CREDENTIALS"): "Email or password is wrong",
               ("zh-CN", "RATE_LIMITED"): "尝试次数过多，请稍后再试",
               ("en", "RATE_LIMITED"): "Too many sign-in attempts: try again later"}


async def authorize_post(request: Request) -> Response:
    oauth_request = await prepared(request)
    form = oauth_request.form
    lang = language(request, form)
    if not csrf_ok(request, form):
        return error_page(lang, request, TEXT[lang]["csrf"], 403)
    actor = await signed_in(request)
    if actor is None:
        return RedirectResponse("/oauth/authorize?" + urlencode({**auth_params(form),
                                                                 "lang": lang}), status_code=303)
    user = await service.colleague(actor, actor.user_id, active=True)
    if user is None:
        return error_page(lang, request, TEXT[lang]["error"], 403)
    approve = form.get("decision") == "approve"
    grantee = Grantee(user, user.id)  # the family is chosen when the code is saved

    def decide() -> Response:
        grant = server().get_consent_grant(oauth_request, end_user=grantee)
        if grant.request.client.row.workspace_id != user.workspace_id:
            raise OAuth2Error(description=TEXT[lang]["workspace_mismatch"])
        return server().create_authorization_response(  # type: ignore[no-any-return]
            oauth_request, grant_user=grantee if approve else None, grant=grant)

    try:
        response: Response = await anyio.to_thread.run_sync(describable(decide))
    except OAuth2Error as exc:
        return error_page(lang, request, exc.description or exc.error)
    response.headers["cache-control"] = "no-store"
    return response
