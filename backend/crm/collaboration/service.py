"""Notifications: the one way any module tells a user something needs them."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from crm.collaboration.models import Notification


async def notify(workspace_id: uuid.UUID, user_ids: Iterable[uuid.UUID], *, kind: str,
                 title: str, body: str = "", subject_type: str | None = None,
                 subject_id: uuid.UUID | None = None,
                 actor_user_id: uuid.UUID | None = None) -> int:
    """Notify each user once (duplicates in `user_ids` count once), inside the caller's
    transaction when it has one; how many notifications were written."""
    users = list(dict.fromkeys(user_ids))
    if not users:
        return 0
    await Notification.bulk_create([
        Notification(workspace_id=workspace_id, user_id=u, kind=kind, title=title[:300],
                     body=body, subject_type=subject_type, subject_id=subject_id,
                     actor_user_id=actor_user_id)
        for u in users])
    return len(users)
