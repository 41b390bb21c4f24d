"""The rules of customers, contacts, tags, the public pool, duplicates and merges."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q, Subquery
from tortoise.transactions import in_transaction

from crm.auth import service as auth
from crm.core import audit
from crm.core.errors import ErrorCode, ServiceError, UserError
from crm.core.hooks import (
    CUSTOMER_DELETING,
    CUSTOMER_MERGED,
    CUSTOMER_REASSIGNED,
    GuardedOperation,
    refusal,
    require_approval,
)
from crm.core.policy import SALES_ROLES, Actor, RowScope
from crm.core.records import (
    check_field_writes,
    earlier_create,
    find_for_write,
    move_rows,
    require_write_scope,
    restore,
    soft_delete,
    update_versioned,
    utcnow,
)
from crm.core.scoping import scoped
from crm.core.validation import check_fields, clean_text
from crm.customers.models import Contact, Customer, CustomerTag, LifecycleStage, Tag

CUSTOMER_COLUMNS = ["name", "kind", "industry", "region", "address", "phone", "email", "source",
                    "lifecycle_stage", "level", "team_id", "next_follow_up_at"]
CONTACT_COLUMNS = ["name", "title", "phone", "email", "im_handle", "is_primary"]
TAG_COLUMNS = ["name", "color", "group"]
MAX_BULK = 1000


def sort_key(name: str) -> str:
    """How a name sorts among others: each Chinese character by its pinyin (tone-less), other
    text as it is, lower-cased. 张伟 -> "zhang wei", so it falls between "yahoo" and "zebra"."""
    from pypinyin import Style, lazy_pinyin
    words = " ".join(lazy_pinyin(name.strip(), style=Style.NORMAL, errors="default")).split()
    return " ".join(words).lower()[:400]


def name_key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().lower()


def phone_key(phone: str | None) -> str | None:
    digits = re.sub(r"\D", "", phone or "")
    return digits or None


@dataclass
class ItemResult:
    """The outcome for one record of a bulk operation."""

    id: uuid.UUID
    ok: bool
    record: Any = None
    errors: list[UserError] = field(default_factory=list)


def _failed(pk: uuid.UUID, exc: ServiceError) -> ItemResult:
    return ItemResult(id=pk, ok=False, errors=exc.as_user_errors())


def _check_bulk(ids: list[uuid.UUID]) -> list[uuid.UUID]:
    if not ids:
        raise ServiceError(ErrorCode.INVALID, "Give at least one id", "ids")
    if len(ids) > MAX_BULK:
        raise ServiceError(ErrorCode.LIMIT_REACHED, f"At most {MAX_BULK} records at once", "ids",
                           params={"limit": MAX_BULK})
    return list(dict.fromkeys(ids))


async def ids_matching(actor: Actor, condition: Q, *, pool: bool = False) -> list[uuid.UUID]:
    """The customers a filter matches, for a bulk action on "every customer matching": of the
    actor's row scope (the pool excluded), or with `pool` of the public pool, which only sales
    roles work. At most MAX_BULK, else LIMIT_REACHED: a filter never silently acts on part."""
    ids = await customers_query(actor, pool=pool).filter(condition).order_by("id").limit(
        MAX_BULK + 1).values_list("id", flat=True)
    if not ids:
        raise ServiceError(ErrorCode.INVALID, "No customer matches the filter", "matching")
    if len(ids) > MAX_BULK:
        raise ServiceError(ErrorCode.LIMIT_REACHED,
                           f"More than {MAX_BULK} customers match: narrow the filter", "matching",
                           params={"limit": MAX_BULK})
    return list(ids)  # type: ignore[arg-type]


async def chosen_customers(actor: Actor, ids: list[uuid.UUID] | None, matching: Q | None, *,
                           field: str = "ids", pool: bool = False) -> list[uuid.UUID]:
    """The customers a bulk action is for: the ids given, or every one the filter matches
    (see ids_matching). Exactly one of the two: both at once would leave the caller guessing
    which one was obeyed."""
    if ids is not None and matching is None:
        return ids
    if ids is None and matching is not None:
        return await ids_matching(actor, matching, pool=pool)
    raise ServiceError(ErrorCode.INVALID, f"Give either {field} or matching", field)


# --- reading -----------------------------------------------------------------------------------

def customers_query(actor: Actor, *, pool: bool = False) -> Any:
    """The customers list: the actor's row scope, or the public pool."""
    if pool:
        if actor.role not in (*SALES_ROLES, "admin"):
            raise ServiceError(ErrorCode.FORBIDDEN, "Only sales roles work the public pool")
        if not actor.scope_allows("Customer"):
            raise ServiceError(ErrorCode.FORBIDDEN, "The token's scopes do not reach customers")
        return Customer.filter(workspace_id=actor.workspace_id, deleted_at=None, in_pool=True)
    return scoped(Customer, actor).filter(in_pool=False) if actor.role in SALES_ROLES \
        else scoped(Customer, actor)


def contacts_query(actor: Actor) -> Any:
    """Contacts of the customers the actor reaches (the public pool's only for non-sales roles,
    as `customers` lists them)."""
    return scoped(Contact, actor)


async def customer_for_write(actor: Actor, customer_id: uuid.UUID, field: str = "customerId"
                             ) -> Customer:
    """A customer the actor may change (NOT_FOUND otherwise: which one is not theirs is not
    said)."""
    customer = await scoped(Customer, actor, write=True).filter(id=customer_id).first()
    if customer is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "Customer not found (or not yours)", field)
    return customer


async def customer_to_read(actor: Actor, customer_id: uuid.UUID, field: str = "customerId"
                           ) -> Customer:
    customer = await scoped(Customer, actor).get_or_none(id=customer_id)
    if customer is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "Customer not found", field)
    return customer


async def is_contact_of(customer_id: uuid.UUID, contact_id: uuid.UUID) -> bool:
    return await Contact.filter(id=contact_id, customer_id=customer_id, deleted_at=None).exists()


async def record_follow_up(actor: Actor, customer: Customer, occurred_at: dt.datetime,
                           interaction_id: uuid.UUID, next_at: dt.datetime | None) -> None:
    """A follow-up was logged (inside the caller's transaction): the customer's last follow-up
    moves forward to it, never back, and the next one is set; one audit event says so."""
    updates: dict[str, Any] = {}
    if customer.last_follow_up_at is None or occurred_at >= customer.last_follow_up_at:
        updates["last_follow_up_at"] = occurred_at
        updates["last_interaction_id"] = interaction_id
    if next_at is not None:
        updates["next_follow_up_at"] = next_at
    if "last_follow_up_at" in updates:
        # Only forward in time: a concurrent log of a later interaction may have won.
        not_later = Q(last_follow_up_at=None) | Q(last_follow_up_at__lte=occurred_at)
        if not await Customer.filter(not_later, id=customer.id).update(
                last_follow_up_at=occurred_at, last_interaction_id=interaction_id):
            del updates["last_follow_up_at"], updates["last_interaction_id"]
    if updates:
        before = audit.snapshot(customer, list(updates))
        await Customer.filter(id=customer.id).update(**updates, version=F("version") + 1,
                                                     updated_at=utcnow())
        for k, v in updates.items():
            setattr(customer, k, v)
        await audit.record(actor, "Customer", customer.id, "follow_up",
                           audit.diff(before, audit.snapshot(customer, list(updates))),
                           customer_id=customer.id)


def customer_search_q(text: str) -> Q:
    """Customers whose name, or one of whose contacts' names, holds the text."""
    text = text.strip()
    if not text:
        return Q()
    contacts = Contact.filter(name__icontains=text, deleted_at=None).values("customer_id")
    return Q(name__icontains=text) | Q(id__in=Subquery(contacts))


def customers_tagged_q(tag_ids: list[uuid.UUID], *, every: bool) -> Q:
    """Customers with at least one (or, with `every`, all) of the tags."""
    if not every:
        return Q(id__in=Subquery(CustomerTag.filter(tag_id__in=tag_ids).values("customer_id")))
    q = Q()
    for t in tag_ids:
        q &= Q(id__in=Subquery(CustomerTag.filter(tag_id=t).values("customer_id")))
    return q


async def customers_by_ids(actor: Actor, ids: list[uuid.UUID]) -> dict[uuid.UUID, Customer]:
    return {c.id: c for c in await scoped(Customer, actor, include_pool=True).filter(id__in=ids)}


async def get_customer(actor: Actor, pk: uuid.UUID) -> Customer:
    row = await scoped(Customer, actor, include_pool=True).get_or_none(id=pk)
    if row is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "Customer not found", "id")
    return row


def duplicate_error(actor: Actor, dupes: list[Customer], values: dict[str, Any]) -> ServiceError:
    """DUPLICATE, saying only what the caller may read: a match they can read is named, one
    they cannot is "a customer you cannot see", with nothing of it (no name, id or owner)."""
    from crm.core.ids import to_global_id

    readable = [d for d in dupes if actor.can_read_row("Customer", d)]
    match = readable[0] if readable else dupes[0]
    field = _matched_field(match, values)
    if readable:
        message = (f"A customer with this {field} exists: {match.name} "
                   f"({to_global_id('Customer', match.id)}); send allowDuplicate: true to "
                   "create it anyway")
    else:
        message = (f"A customer you cannot see already has this {field}; ask its owner or a "
                   "manager, or send allowDuplicate: true to create it anyway")
    return ServiceError(ErrorCode.DUPLICATE, message, field, details={"matches": readable})


def _matched_field(row: Customer, values: dict[str, Any]) -> str:
    if values.get("phone") and row.phone_key and row.phone_key == phone_key(values["phone"]):
        return "phone"
    if values.get("email") and row.email and row.email.lower() == values["email"].lower():
        return "email"
    return "name"


async def find_duplicates(actor: Actor, name: str, phone: str | None, email: str | None,
                          exclude: uuid.UUID | None = None) -> list[Customer]:
    """Customers of the workspace with the same name, phone or email (any owner, pool too)."""
    cond = Q(name_key=name_key(name))
    if phone_key(phone):
        cond |= Q(phone_key=phone_key(phone))
    if email:
        cond |= Q(email=email.lower())
    qs = Customer.filter(cond, workspace_id=actor.workspace_id, deleted_at=None)
    if exclude:
        qs = qs.exclude(id=exclude)
    return list(await qs.limit(5))


async def _check_owner(actor: Actor, owner_id: uuid.UUID, field: str = "ownerId") -> Any:
    return await auth.assignable_owner(actor, "Customer", owner_id, field)


# --- customers ---------------------------------------------------------------------------------

async def create_customer(
    actor: Actor,
    values: dict[str, Any],
    *,
    customer_id: uuid.UUID | None = None,
    owner_id: uuid.UUID | None = None,
    tag_ids: list[uuid.UUID] | None = None,
    contacts: list[dict[str, Any]] | None = None,
    allow_duplicate: bool = False,
) -> Customer:
    require_write_scope(actor, "Customer")
    values = clean_text(values)
    if values.get("email"):
        values["email"] = values["email"].lower()
    check_fields(Customer, values)
    # A copy: `values` gains the team below, and a raced retry compares this again.
    request = {"values": dict(values), "owner_id": owner_id, "tag_ids": tag_ids,
               "contacts": contacts}
    if (earlier := await earlier_create(actor, Customer, customer_id,
                                        request=request)) is not None:
        return earlier
    owner_id = owner_id or actor.user_id
    if owner_id is not None:
        owner = await _check_owner(actor, owner_id)
        if values.get("team_id") is None:
            # A customer belongs to its owner's team, as a transfer makes it: without one the
            # team's reports and a manager's team view would miss it.
            values["team_id"] = owner.team_id
    probe = Customer(workspace_id=actor.workspace_id, owner_id=owner_id)
    check_field_writes(actor, "Customer", probe, [c for c in values if c in CUSTOMER_COLUMNS])
    if not allow_duplicate:
        await auth.before_duplicate_check(actor)
        dupes = await find_duplicates(actor, values["name"], values.get("phone"), values.get("email"))
        if dupes:
            raise duplicate_error(actor, dupes, values)
    try:
        return await _insert_customer(actor, values, customer_id, owner_id, tag_ids, contacts)
    except IntegrityError:
        # A retry of the same offline create raced us past earlier_create(): the first won.
        if customer_id is not None and (
                earlier := await earlier_create(actor, Customer, customer_id,
                                                request=request)) is not None:
            return earlier
        raise


async def _insert_customer(actor: Actor, values: dict[str, Any], customer_id: uuid.UUID | None,
                           owner_id: uuid.UUID | None, tag_ids: list[uuid.UUID] | None,
                           contacts: list[dict[str, Any]] | None) -> Customer:
    async with in_transaction("default"):
        customer = await Customer.create(
            id=customer_id or uuid.uuid4(), workspace_id=actor.workspace_id, owner_id=owner_id,
            created_by_id=actor.user_id, name_key=name_key(values["name"]),
            name_sort=sort_key(values["name"]),
            phone_key=phone_key(values.get("phone")), **values,
        )
        await audit.record_created(actor, customer, customer_id=customer.id)
        if tag_ids:
            await _attach_tags(actor, [customer.id], tag_ids)
        for contact in contacts or []:
            await _create_contact_row(actor, customer, contact)
    return customer


async def update_customer(actor: Actor, pk: uuid.UUID, changes: dict[str, Any],
                          expected_version: int | None = None) -> Customer:
    changes = clean_text(changes)
    if changes.get("email"):
        changes["email"] = changes["email"].lower()
    check_fields(Customer, changes)
    async with in_transaction("default"):
        row = await find_for_write(actor, Customer, pk)
        check_field_writes(actor, "Customer", row, list(changes))
        if "name" in changes:
            changes["name_key"] = name_key(changes["name"])
            changes["name_sort"] = sort_key(changes["name"])
        if "phone" in changes:
            changes["phone_key"] = phone_key(changes["phone"])
        return await update_versioned(actor, row, changes, expected_version, customer_id=row.id)


# Stages a paid order moves on to CUSTOMER: before the first purchase, or lost and won back.
_BEFORE_PAYING = (LifecycleStage.PROSPECT, LifecycleStage.LEAD, LifecycleStage.OPPORTUNITY,
                  LifecycleStage.AT_RISK, LifecycleStage.CHURNED)


async def record_paid_order(actor: Actor, customer_id: uuid.UUID) -> None:
    """An order of the customer is paid in full (inside the payment's transaction): a customer
    who had not bought yet, or had churned, is now a customer. Recorded as the payer's
    consequence, so whoever records payments need not be allowed to edit customers."""
    # One conditional UPDATE, no lock and no version check: a rep editing the customer at the
    # same moment must not make the payment fail, nor wait on it.
    row = await Customer.filter(id=customer_id, workspace_id=actor.workspace_id).first()
    if row is None or row.lifecycle_stage not in _BEFORE_PAYING:
        return
    moved = await Customer.filter(id=customer_id, lifecycle_stage=row.lifecycle_stage).update(
        lifecycle_stage=LifecycleStage.CUSTOMER, version=F("version") + 1, updated_at=utcnow())
    if moved:
        await audit.record(actor, "Customer", customer_id, "paid_order", {
            "lifecycle_stage": [row.lifecycle_stage.value, LifecycleStage.CUSTOMER.value]},
            customer_id=customer_id)


async def move_lifecycle_stage(actor: Actor, customer_id: uuid.UUID, from_stage: LifecycleStage,
                               to_stage: LifecycleStage, *, reason: str) -> bool:
    """Move a customer's stage by a rule (inside the caller's transaction), provided it is
    still `from_stage`: whether it moved. The audit event carries the reason, so the
    customer's timeline says why. Like a paid order, the rule's doing, not an edit: no write
    scope and no version check, so a rep editing the customer meanwhile is not refused."""
    moved = await Customer.filter(id=customer_id, workspace_id=actor.workspace_id,
                                  lifecycle_stage=from_stage, deleted_at=None).update(
        lifecycle_stage=to_stage, version=F("version") + 1, updated_at=utcnow())
    if moved:
        await audit.record(actor, "Customer", customer_id, "lifecycle",
                           {"lifecycle_stage": [from_stage.value, to_stage.value]},
                           customer_id=customer_id, note=reason)
    return bool(moved)


async def lifecycle_subject(workspace_id: uuid.UUID, customer_id: uuid.UUID) -> Customer | None:
    """The live customer whose stage a rule may move (whoever may read it)."""
    return await Customer.filter(id=customer_id, workspace_id=workspace_id,  # type: ignore[no-any-return]
                                 deleted_at=None, merged_into_id=None).first()


async def customers_in_stages(workspace_id: uuid.UUID, stages: list[LifecycleStage],
                              quiet_since: dt.datetime) -> list[Customer]:
    """Live customers in `stages` with no follow-up since `quiet_since`: who a time-based
    lifecycle rule may move, before their orders are looked at."""
    quiet = Q(last_follow_up_at=None) | Q(last_follow_up_at__lt=quiet_since)
    return await Customer.filter(  # type: ignore[no-any-return]
        quiet, workspace_id=workspace_id, lifecycle_stage__in=[s.value for s in stages],
        deleted_at=None, merged_into_id=None).order_by("id")


async def workspaces_with_stages(stages: list[LifecycleStage]) -> list[uuid.UUID]:
    """The workspaces holding live customers in `stages` (what a sweep visits)."""
    found = await Customer.filter(
        lifecycle_stage__in=[s.value for s in stages], deleted_at=None).distinct().values_list(
        "workspace_id", flat=True)
    return [uuid.UUID(str(w)) for w in found]


async def delete_customer(actor: Actor, pk: uuid.UUID) -> Customer:
    async with in_transaction("default"):
        row = await find_for_write(actor, Customer, pk)
        if (reason := await refusal(CUSTOMER_DELETING, actor, pk)) is not None:
            raise ServiceError(ErrorCode.INVALID_STATE, reason, "id")
        return await soft_delete(actor, row, customer_id=row.id)


async def restore_customer(actor: Actor, pk: uuid.UUID) -> Customer:
    async with in_transaction("default"):
        row = await find_for_write(actor, Customer, pk, include_deleted=True)
        return await restore(actor, row, customer_id=row.id)


# --- contacts ----------------------------------------------------------------------------------

async def _create_contact_row(actor: Actor, customer: Customer, values: dict[str, Any],
                              contact_id: uuid.UUID | None = None) -> Contact:
    values = clean_text(values)
    if values.get("email"):
        values["email"] = values["email"].lower()
    check_fields(Contact, values)
    probe = Contact(workspace_id=actor.workspace_id, owner_id=customer.owner_id)
    check_field_writes(actor, "Contact", probe, list(values))
    if values.get("is_primary"):
        await Contact.filter(customer_id=customer.id, is_primary=True).update(is_primary=False)
    contact = await Contact.create(
        id=contact_id or uuid.uuid4(), workspace_id=actor.workspace_id, customer_id=customer.id,
        owner_id=customer.owner_id, created_by_id=actor.user_id, **values)
    await audit.record_created(actor, contact, customer_id=customer.id)
    return contact


async def create_contact(actor: Actor, customer_id: uuid.UUID, values: dict[str, Any],
                         contact_id: uuid.UUID | None = None) -> Contact:
    if (earlier := await earlier_create(actor, Contact, contact_id, customer_id=customer_id,
                                        request=values)):
        return earlier
    async with in_transaction("default"):
        customer = await find_for_write(actor, Customer, customer_id)
        return await _create_contact_row(actor, customer, values, contact_id)


async def update_contact(actor: Actor, pk: uuid.UUID, changes: dict[str, Any],
                         expected_version: int | None = None) -> Contact:
    changes = clean_text(changes)
    if changes.get("email"):
        changes["email"] = changes["email"].lower()
    check_fields(Contact, changes)
    async with in_transaction("default"):
        row = await find_for_write(actor, Contact, pk)
        check_field_writes(actor, "Contact", row, list(changes))
        if changes.get("is_primary"):
            await Contact.filter(customer_id=row.customer_id, is_primary=True).exclude(
                id=row.id).update(is_primary=False)
        return await update_versioned(actor, row, changes, expected_version,
                                      customer_id=row.customer_id)


async def delete_contact(actor: Actor, pk: uuid.UUID) -> Contact:
    async with in_transaction("default"):
        row = await find_for_write(actor, Contact, pk)
        return await soft_delete(actor, row, customer_id=row.customer_id)


async def restore_contact(actor: Actor, pk: uuid.UUID) -> Contact:
    async with in_transaction("default"):
        row = await find_for_write(actor, Contact, pk, include_deleted=True)
        return await restore(actor, row, customer_id=row.customer_id)


# --- tags --------------------------------------------------------------------------------------

async def create_tag(actor: Actor, values: dict[str, Any], tag_id: uuid.UUID | None = None) -> Tag:
    require_write_scope(actor, "Tag")
    values = clean_text(values)
    check_fields(Tag, values)
    if (earlier := await earlier_create(actor, Tag, tag_id, request=values)) is not None:
        return earlier
    clash = await Tag.get_or_none(workspace_id=actor.workspace_id, name=values["name"])
    if clash is not None:
        hint = " (it is deleted: restore it)" if clash.deleted_at else ""
        raise ServiceError(ErrorCode.DUPLICATE, f"A tag named {values['name']!r} exists{hint}",
                           "name")
    try:
        async with in_transaction("default"):
            tag = await Tag.create(id=tag_id or uuid.uuid4(), workspace_id=actor.workspace_id,
                                   created_by_id=actor.user_id, **values)
            await audit.record_created(actor, tag)
    except IntegrityError:
        raise ServiceError(ErrorCode.DUPLICATE, f"A tag named {values['name']!r} exists",
                           "name") from None
    return tag


async def update_tag(actor: Actor, pk: uuid.UUID, changes: dict[str, Any],
                     expected_version: int | None = None) -> Tag:
    changes = clean_text(changes)
    check_fields(Tag, changes)
    async with in_transaction("default"):
        row = await find_for_write(actor, Tag, pk)
        if "name" in changes and await Tag.filter(
                workspace_id=actor.workspace_id, name=changes["name"]).exclude(id=pk).exists():
            raise ServiceError(ErrorCode.DUPLICATE, f"A tag named {changes['name']!r} exists",
                               "name")
        return await update_versioned(actor, row, changes, expected_version)


async def delete_tag(actor: Actor, pk: uuid.UUID) -> Tag:
    async with in_transaction("default"):
        return await soft_delete(actor, await find_for_write(actor, Tag, pk))


async def restore_tag(actor: Actor, pk: uuid.UUID) -> Tag:
    async with in_transaction("default"):
        return await restore(actor, await find_for_write(actor, Tag, pk, include_deleted=True))


async def _attach_tags(actor: Actor, customer_ids: list[uuid.UUID], tag_ids: list[uuid.UUID]) -> None:
    tags = await scoped(Tag, actor).filter(id__in=tag_ids).values_list("id", flat=True)
    missing = set(tag_ids) - set(tags)  # type: ignore[arg-type]
    if missing:
        raise ServiceError(ErrorCode.NOT_FOUND, f"{len(missing)} tag(s) not found", "tagIds")
    have = set(await CustomerTag.filter(customer_id__in=customer_ids, tag_id__in=tag_ids)
               .values_list("customer_id", "tag_id"))
    new = [CustomerTag(workspace_id=actor.workspace_id, customer_id=c, tag_id=t)
           for c in customer_ids for t in tag_ids if (c, t) not in have]
    if new:
        await CustomerTag.bulk_create(new)


async def tags_exist(actor: Actor, tag_ids: list[uuid.UUID]) -> bool:
    """Whether every one of the tags is a live tag the actor reads."""
    found = await scoped(Tag, actor).filter(id__in=tag_ids).count()
    return found == len(set(tag_ids))


async def add_tags(actor: Actor, customer_ids: list[uuid.UUID],
                   tag_ids: list[uuid.UUID]) -> list[ItemResult]:
    return await _retag(actor, customer_ids, tag_ids, add=True)


async def remove_tags(actor: Actor, customer_ids: list[uuid.UUID],
                      tag_ids: list[uuid.UUID]) -> list[ItemResult]:
    return await _retag(actor, customer_ids, tag_ids, add=False)


async def _retag(actor: Actor, customer_ids: list[uuid.UUID], tag_ids: list[uuid.UUID],
                 *, add: bool) -> list[ItemResult]:
    customer_ids = _check_bulk(customer_ids)
    if not tag_ids:
        raise ServiceError(ErrorCode.INVALID, "Give at least one tag", "tagIds")
    tags = {t.id: t for t in await scoped(Tag, actor).filter(id__in=tag_ids)}
    if len(tags) != len(set(tag_ids)):
        raise ServiceError(ErrorCode.NOT_FOUND, "Some tags were not found", "tagIds")
    results: list[ItemResult] = []
    for pk in customer_ids:
        try:
            async with in_transaction("default"):
                row = await find_for_write(actor, Customer, pk)
                if add:
                    await _attach_tags(actor, [pk], list(tags))
                else:
                    await CustomerTag.filter(customer_id=pk, tag_id__in=list(tags)).delete()
                names = sorted(t.name for t in tags.values())
                await audit.record(actor, "Customer", pk, "tag" if add else "untag",
                                   {"tags": [None, names] if add else [names, None]},
                                   customer_id=pk)
            results.append(ItemResult(id=pk, ok=True, record=row))
        except ServiceError as exc:
            results.append(_failed(pk, exc))
    return results


# --- ownership and the public pool -------------------------------------------------------------

async def _reassign(actor: Actor, row: Customer, *, owner_id: uuid.UUID | None, in_pool: bool,
                    action: str, note: str | None, team_id: uuid.UUID | None = None) -> Customer:
    changes: dict[str, Any] = {"owner_id": owner_id, "in_pool": in_pool,
                               "pooled_at": utcnow() if in_pool else None,
                               # Only a person's release holds a claim across teams (see
                               # POOL_CLAIM_HOLD); the sweep's releases are nobody's choice.
                               "released_from_team_id": row.team_id
                               if in_pool and actor.user_id is not None else None}
    if team_id is not None or owner_id is None:
        changes["team_id"] = team_id
    before = audit.snapshot(row, list(changes))
    updated = await Customer.filter(id=row.id, version=row.version).update(
        **changes, version=row.version + 1, updated_at=utcnow())
    if not updated:
        raise ServiceError(ErrorCode.CONFLICT, "The customer changed meanwhile; try again", "id")
    for k, v in changes.items():
        setattr(row, k, v)
    row.version += 1
    await Contact.filter(customer_id=row.id).update(owner_id=owner_id)
    if before.get("owner_id") is not None and before["owner_id"] != str(owner_id):
        for step in CUSTOMER_REASSIGNED.registered():
            await step(actor, row.id, uuid.UUID(before["owner_id"]), owner_id)
    await audit.record(actor, "Customer", row.id, action,
                       audit.diff(before, audit.snapshot(row, list(changes))),
                       customer_id=row.id, note=note)
    return row


async def transfer_customers(actor: Actor, ids: list[uuid.UUID], to_owner_id: uuid.UUID,
                             reason: str) -> list[ItemResult]:
    """批量转移: each customer moves or reports why not; one failure stops no other."""
    ids = _check_bulk(ids)
    if not reason or not reason.strip():
        raise ServiceError(ErrorCode.INVALID, "Say why the customers move", "reason")
    if len(reason) > 500:
        raise ServiceError(ErrorCode.INVALID, "reason is longer than 500 characters", "reason")
    require_write_scope(actor, "Customer")
    owner = await _check_owner(actor, to_owner_id, "toOwnerId")
    if owner.role not in (*SALES_ROLES, "admin"):
        raise ServiceError(ErrorCode.INVALID, "Customers go to sales people", "toOwnerId")
    # Approval rules on transfers across teams judge the whole batch, before any customer
    # moves: a refusal moves none and keeps its approval request.
    moving = await scoped(Customer, actor, write=True).filter(id__in=ids).filter(
        ~(Q(owner_id=to_owner_id) & Q(in_pool=False))).order_by("id").values("id", "team_id")
    if moving:
        await require_approval(actor, GuardedOperation(
            kind="customers.transfer", subject_type="User", subject_id=to_owner_id,
            label=owner.name, facts={
                "toOwner": str(to_owner_id),
                "toTeam": str(owner.team_id) if owner.team_id else None,
                "customers": [{"id": str(c["id"]),
                               "team": str(c["team_id"]) if c["team_id"] else None}
                              for c in moving]}))
    results: list[ItemResult] = []
    for pk in ids:
        try:
            async with in_transaction("default"):
                row = await find_for_write(actor, Customer, pk)
                if row.owner_id == to_owner_id and not row.in_pool:
                    results.append(ItemResult(id=pk, ok=True, record=row))
                    continue
                row = await _reassign(actor, row, owner_id=to_owner_id, in_pool=False,
                                      action="transfer", note=reason.strip(), team_id=owner.team_id)
            results.append(ItemResult(id=pk, ok=True, record=row))
        except ServiceError as exc:
            results.append(_failed(pk, exc))
    return results


async def release_to_pool(actor: Actor, ids: list[uuid.UUID], reason: str | None = None
                          ) -> list[ItemResult]:
    ids = _check_bulk(ids)
    results: list[ItemResult] = []
    for pk in ids:
        try:
            async with in_transaction("default"):
                row = await find_for_write(actor, Customer, pk)
                if row.in_pool:
                    raise ServiceError(ErrorCode.INVALID_STATE, "Already in the public pool", "id")
                row = await _reassign(actor, row, owner_id=None, in_pool=True, action="release",
                                      note=reason)
            results.append(ItemResult(id=pk, ok=True, record=row))
        except ServiceError as exc:
            results.append(_failed(pk, exc))
    return results


async def _held_count(actor: Actor, user_id: uuid.UUID) -> int:
    return await Customer.filter(workspace_id=actor.workspace_id, owner_id=user_id,
                                 deleted_at=None, in_pool=False).count()


# How long a customer a person released stays their team's before another team's claim is
# an ordinary claim. The pool exists so that others take up customers nobody works: what the
# sweep returns (nobody followed up), or what a team let go and left there, is anyone's to
# claim. But a release answered at once by a claim from another team is a transfer across
# teams by two steps, and goes through the transfer rule (`customers.transfer`, the claimer
# as the new owner) like one; after a week in the pool nobody was kept from it, and the
# customer is up for grabs. Claims within the releasing team are never held.
POOL_CLAIM_HOLD = dt.timedelta(days=7)


def _claim_is_transfer(actor: Actor, row: Customer, now: dt.datetime) -> bool:
    return (row.in_pool and row.released_from_team_id is not None
            and row.released_from_team_id != actor.team_id and row.pooled_at is not None
            and now - row.pooled_at < POOL_CLAIM_HOLD)


async def _claims_to_approve(actor: Actor, ids: list[uuid.UUID]
                             ) -> tuple[set[uuid.UUID], ServiceError | None]:
    """The customers among `ids` whose claim is a transfer (`_claim_is_transfer`), and the
    transfer rules' refusal of them, if any. Asked outside the claims' transactions: a refusal
    keeps its approval request."""
    now = utcnow()
    rows = [r for r in await Customer.filter(id__in=ids, workspace_id=actor.workspace_id,
                                             deleted_at=None, in_pool=True).order_by("id")
            if _claim_is_transfer(actor, r, now)]
    if not rows:
        return set(), None
    assert actor.user_id is not None
    me = await auth.users_of_workspace(actor.workspace_id, [actor.user_id])
    try:
        await require_approval(actor, GuardedOperation(
            kind="customers.transfer", subject_type="User", subject_id=actor.user_id,
            label=me[0].name if me else "", facts={
                "toOwner": str(actor.user_id),
                "toTeam": str(actor.team_id) if actor.team_id else None,
                "customers": [{"id": str(r.id), "team": str(r.released_from_team_id)}
                              for r in rows]}))
    except ServiceError as refusal:
        if refusal.code is not ErrorCode.APPROVAL_REQUIRED:
            raise
        return {r.id for r in rows}, refusal
    return {r.id for r in rows}, None


async def claim_from_pool(actor: Actor, ids: list[uuid.UUID]) -> list[ItemResult]:
    """Take customers from the pool, up to the workspace's per-rep limit. When two reps claim
    one customer at once, the conditional update lets exactly one of them win. A claim from
    another team just after a person released the customer needs the transfer rule's approval
    (see POOL_CLAIM_HOLD); those customers report APPROVAL_REQUIRED, the others are claimed."""
    ids = _check_bulk(ids)
    if actor.user_id is None or actor.role not in (*SALES_ROLES, "admin") \
            or not actor.scope_allows("Customer", "write"):
        raise ServiceError(ErrorCode.FORBIDDEN, "Only sales people claim from the pool")
    limit = int(await auth.workspace_setting(actor.workspace_id, "pool_limit_per_rep"))
    judged, refusal = await _claims_to_approve(actor, ids)
    results: list[ItemResult] = []
    for pk in ids:
        if refusal is not None and pk in judged:
            results.append(_failed(pk, refusal))
            continue
        try:
            async with in_transaction("default") as conn:
                if conn.capabilities.dialect == "postgres":
                    # Serialise one rep's claims so two at once cannot both pass the limit.
                    await auth.lock_user(actor.user_id)
                if await _held_count(actor, actor.user_id) >= limit:
                    raise ServiceError(ErrorCode.LIMIT_REACHED,
                                       f"You already hold {limit} customers, the workspace limit",
                                       "ids", params={"limit": limit})
                row = await Customer.get_or_none(id=pk, workspace_id=actor.workspace_id,
                                                 deleted_at=None)
                if row is None:
                    raise ServiceError(ErrorCode.NOT_FOUND, "Customer not found", "id")
                if not row.in_pool:
                    raise ServiceError(ErrorCode.CONFLICT, "Not in the pool (someone claimed it)",
                                       "id")
                if pk not in judged and _claim_is_transfer(actor, row, utcnow()):
                    # Released by another team since the approval rules were asked.
                    raise ServiceError(ErrorCode.CONFLICT,
                                       "The customer changed meanwhile; try again", "id")
                changes = {"owner_id": actor.user_id, "in_pool": False, "pooled_at": None,
                           "team_id": actor.team_id, "released_from_team_id": None}
                won = await Customer.filter(id=pk, in_pool=True, version=row.version).update(
                    **changes, version=row.version + 1, updated_at=utcnow())
                if not won:
                    raise ServiceError(ErrorCode.CONFLICT, "Someone claimed it first", "id")
                before = audit.snapshot(row, list(changes))
                for k, v in changes.items():
                    setattr(row, k, v)
                row.version += 1
                await Contact.filter(customer_id=pk).update(owner_id=actor.user_id)
                await audit.record(actor, "Customer", pk, "claim",
                                   audit.diff(before, audit.snapshot(row, list(changes))),
                                   customer_id=pk)
            results.append(ItemResult(id=pk, ok=True, record=row))
        except ServiceError as exc:
            results.append(_failed(pk, exc))
    return results


async def pool_sweep(actor: Actor, now: dt.datetime | None = None) -> int:
    """Customers nobody followed up for the workspace's number of days go back to the pool."""
    now = now or utcnow()
    days = int(await auth.workspace_setting(actor.workspace_id, "pool_sweep_days"))
    cutoff = now - dt.timedelta(days=days)
    stale = await Customer.filter(
        Q(last_follow_up_at__lt=cutoff) | Q(last_follow_up_at=None, created_at__lt=cutoff),
        workspace_id=actor.workspace_id, deleted_at=None, in_pool=False, owner_id__not_isnull=True,
    )
    moved = 0
    for row in stale:
        async with in_transaction("default"):
            try:
                await _reassign(actor, row, owner_id=None, in_pool=True, action="release",
                                note=f"No follow-up for {days} days")
                moved += 1
            except ServiceError:
                continue  # changed meanwhile: it was followed up or moved; leave it
    return moved


# --- duplicates and merging --------------------------------------------------------------------

async def merge_customers(actor: Actor, into_id: uuid.UUID, from_id: uuid.UUID) -> Customer:
    """Move everything of `from` onto `into`, then delete `from` (marked as merged)."""
    if into_id == from_id:
        raise ServiceError(ErrorCode.INVALID, "A customer cannot be merged into itself", "fromId")
    steps = CUSTOMER_MERGED.registered()
    async with in_transaction("default"):
        into = await find_for_write(actor, Customer, into_id)
        source = await find_for_write(actor, Customer, from_id)
        moved_contacts = await move_rows(
            actor, Contact, {"customer_id": from_id},
            {"customer_id": into_id, "owner_id": into.owner_id, "is_primary": False},
            customer_id=into_id)
        have = set(await CustomerTag.filter(customer_id=into_id).values_list("tag_id", flat=True))
        await CustomerTag.filter(customer_id=from_id, tag_id__in=list(have)).delete()
        moved_tags = await CustomerTag.filter(customer_id=from_id).update(customer_id=into_id)
        moved: dict[str, int] = {}
        for step in steps:
            moved.update(await step(actor, from_id, into_id))
        filled = {c: getattr(source, c) for c in CUSTOMER_COLUMNS
                  if getattr(into, c) in (None, "") and getattr(source, c) not in (None, "")}
        if filled:
            if "phone" in filled:
                filled["phone_key"] = phone_key(filled["phone"])
            into = await update_versioned(actor, into, filled, None, customer_id=into_id,
                                          action="merge_fill")
        await update_versioned(actor, source, {"deleted_at": utcnow(), "merged_into_id": into_id},
                               None, customer_id=from_id, action="merged_away")
        note = (f"merged {source.name}: {moved_contacts} contacts, {moved_tags} tags, "
                + ", ".join(f"{n} {k}" for k, n in moved.items()))
        await audit.record(actor, "Customer", into_id, "merge",
                           {"mergedFrom": [None, str(from_id)]}, customer_id=into_id, note=note)
    return into


async def customers_held(workspace_id: uuid.UUID, owner_ids: list[uuid.UUID]
                         ) -> dict[uuid.UUID, int]:
    """Per owner: how many customers they hold (the pool excluded). A figure per rep over the
    whole workspace; callers decide who may see whose."""
    from tortoise.functions import Count
    rows = await Customer.filter(workspace_id=workspace_id, owner_id__in=owner_ids, in_pool=False,
                                 deleted_at=None).annotate(n=Count("id")).group_by(
        "owner_id").values("owner_id", "n")
    return {r["owner_id"]: int(r["n"]) for r in rows}


def owner_scope_of(actor: Actor) -> RowScope:
    return actor.row_scope("Customer")
