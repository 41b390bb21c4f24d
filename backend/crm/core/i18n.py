"""Messages in the client's language: the request's `Accept-Language` picks Chinese or English.

Messages are written in English where the rule is; a Chinese client gets the text of the
error's code, worded from its field or its figures (`UserError.params`) where there is one. The
code, field and params are the contract; the message is for people, so wording it from those
three keeps every message truthful without a second copy of every sentence.
"""

from __future__ import annotations

from typing import Any

from crm.core import requests

SUPPORTED = ("en", "zh-CN")

_BY_CODE = {
    "INVALID": "输入有误", "NOT_FOUND": "记录不存在或无权查看", "FORBIDDEN": "您无权执行此操作",
    "CONFLICT": "记录已被他人修改，请刷新后重试", "DUPLICATE": "已存在相同的记录",
    "LIMIT_REACHED": "已达到上限", "INSUFFICIENT_STOCK": "库存不足",
    "INVALID_STATE": "当前状态下不能执行此操作", "UNAUTHENTICATED": "请先登录，或登录已过期",
    "RATE_LIMITED": "操作太频繁，请稍后再试", "INVALID_CREDENTIALS": "邮箱或密码错误",
    "UNAVAILABLE": "服务暂时不可用，请稍后重试", "INTERNAL": "服务器内部错误",
    "APPROVAL_REQUIRED": "此操作需要审批",
    "PERSISTED_QUERY_NOT_FOUND": "未找到已登记的查询，请连同查询文本重新发送",
    "PERSISTED_QUERY_NOT_ALLOWED": "此应用只能执行已登记的查询",
}
_BY_FIELD = {
    ("phone", "INVALID"): "不是有效的电话号码", ("email", "INVALID"): "不是有效的邮箱地址",
    ("amount", "INVALID"): "金额格式不正确", ("phone", "DUPLICATE"): "已有客户使用此电话",
    ("email", "DUPLICATE"): "已有客户使用此邮箱", ("name", "DUPLICATE"): "已有同名客户",
    ("expectedVersion", "CONFLICT"): "记录已被他人修改，请刷新后重试",
    ("id", "CONFLICT"): "此 ID 已被使用（或已用于创建内容不同的记录），新记录请换一个 ID",
    ("attachmentUrl", "INVALID"): "链接须以 http:// 或 https:// 开头",
    # users and teams (administration)
    ("token", "INVALID"): "链接无效、已过期或已被使用，请联系管理员重新获取",
    ("password", "INVALID"): "密码须为 8 到 256 个字符",
    ("newPassword", "INVALID"): "新密码须为 8 到 256 个字符",
    ("currentPassword", "INVALID_CREDENTIALS"): "当前密码不正确",
    ("role", "INVALID"): "未知的角色，可选：{roles}",
    ("role", "INVALID_STATE"): "不能降级工作区最后一位在职管理员，请先指定另一位管理员",
    ("parentTeamId", "INVALID"): "上级团队不能是本团队或其下级团队",
    ("teamId", "NOT_FOUND"): "团队不存在", ("parentTeamId", "NOT_FOUND"): "上级团队不存在",
    ("managerId", "NOT_FOUND"): "负责人不存在",
}
_WITH_PARAMS = {
    "INSUFFICIENT_STOCK": "{product} 仅有 {available} 件可用",
    "LIMIT_REACHED": "已达上限（{limit}）",
    "DUPLICATE": "已存在名为“{name}”的记录",
    "APPROVAL_REQUIRED": "此操作需经审批规则“{rule}”批准，审批申请已提交，批准后可重试",
}


def negotiate(accept_language: str | None) -> str:
    """The supported language the client prefers most (`zh-CN`, `zh`, `zh-Hans` → zh-CN)."""
    best, best_q = "en", -1.0
    for part in (accept_language or "").split(",")[:20]:
        tag, _, rest = part.strip().partition(";")
        q = 1.0
        if rest.strip().startswith("q="):
            try:
                q = float(rest.strip()[2:])
            except ValueError:
                continue
        tag = tag.strip().lower()
        language = "zh-CN" if tag.startswith("zh") else "en" if tag.startswith("en") else None
        if language and q > best_q:
            best, best_q = language, q
    return best


def language() -> str:
    info = requests.current()
    return info.language if info else "en"


def _field_key(field: str | None) -> str:
    parts = [p for p in (field or "").split(".") if not p.isdigit()]
    return parts[-1] if parts else ""


def message(code: str, english: str, field: str | None = None,
            params: dict[str, Any] | None = None) -> str:
    """`english`, or its Chinese wording when the request asked for Chinese."""
    if language() != "zh-CN":
        return english
    if params and code in _WITH_PARAMS:
        try:
            return _WITH_PARAMS[code].format(**params)
        except (KeyError, IndexError):
            pass
    by_field = _BY_FIELD.get((_field_key(field), code))
    if by_field and params:
        try:
            by_field = by_field.format(**params)
        except (KeyError, IndexError):
            pass
    return by_field or _BY_CODE.get(code) or english
