"""The event types a webhook may subscribe to, and which audit events raise them.

Every write records an audit event (`crm.core.audit`); this table is the one place that says
which of those a partner system hears about. A rule matches an audit event by its object type
and action and, where one action means several things (an order's `payment` event pays it in
full only sometimes), by the new value of one of its changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any


class EventType(str, Enum):
    CUSTOMER_CREATED = "customer.created"
    CUSTOMER_UPDATED = "customer.updated"
    CUSTOMER_DELETED = "customer.deleted"
    CONTACT_CREATED = "contact.created"
    CONTACT_UPDATED = "contact.updated"
    LEAD_CREATED = "lead.created"
    LEAD_CONVERTED = "lead.converted"
    OPPORTUNITY_CREATED = "opportunity.created"
    OPPORTUNITY_WON = "opportunity.won"
    OPPORTUNITY_LOST = "opportunity.lost"
    ORDER_CREATED = "order.created"
    ORDER_CONFIRMED = "order.confirmed"
    ORDER_PAID = "order.paid"
    ORDER_SHIPPED = "order.shipped"
    ORDER_DELIVERED = "order.delivered"
    ORDER_COMPLETED = "order.completed"
    ORDER_CANCELLED = "order.cancelled"
    PAYMENT_RECEIVED = "payment.received"
    SHIPMENT_CREATED = "shipment.created"
    SHIPMENT_UPDATED = "shipment.updated"
    PRODUCT_CREATED = "product.created"
    PRODUCT_UPDATED = "product.updated"
    # Sent by `testWebhookEndpoint` only; no endpoint subscribes to it.
    PING = "ping"
    # Sent by a workflow's webhook action to the endpoint it names; nobody subscribes to it.
    WORKFLOW = "workflow.action"


DESCRIPTIONS: dict[EventType, str] = {
    EventType.CUSTOMER_CREATED: "A customer was created (also by import or lead conversion).",
    EventType.CUSTOMER_UPDATED: "A customer changed: fields, owner, tags, pool, merge.",
    EventType.CUSTOMER_DELETED: "A customer was deleted (soft delete).",
    EventType.CONTACT_CREATED: "A contact person was added to a customer.",
    EventType.CONTACT_UPDATED: "A contact person changed.",
    EventType.LEAD_CREATED: "A lead was created.",
    EventType.LEAD_CONVERTED: "A lead was converted into a customer.",
    EventType.OPPORTUNITY_CREATED: "An opportunity was opened.",
    EventType.OPPORTUNITY_WON: "An opportunity moved to a won stage.",
    EventType.OPPORTUNITY_LOST: "An opportunity was lost.",
    EventType.ORDER_CREATED: "An order was created as a draft.",
    EventType.ORDER_CONFIRMED: "An order was confirmed (its stock is reserved).",
    EventType.ORDER_PAID: "An order's payments reached its total.",
    EventType.ORDER_SHIPPED: "All of an order's goods have left the warehouse.",
    EventType.ORDER_DELIVERED: "All of an order's shipments were delivered.",
    EventType.ORDER_COMPLETED: "An order was completed.",
    EventType.ORDER_CANCELLED: "An order was cancelled.",
    EventType.PAYMENT_RECEIVED: "A payment (回款) was recorded against an order.",
    EventType.SHIPMENT_CREATED: "A shipment was made for an order.",
    EventType.SHIPMENT_UPDATED: "A shipment's tracking status changed.",
    EventType.PRODUCT_CREATED: "A product was added to the catalogue.",
    EventType.PRODUCT_UPDATED: "A product changed (name, price, on sale or not).",
    EventType.PING: "A test event sent by testWebhookEndpoint; nothing changed.",
    EventType.WORKFLOW: "Sent by a workflow's webhook step to the endpoint it names.",
}


@dataclass(frozen=True)
class Rule:
    event_type: EventType
    object_type: str
    # Audit actions that raise it; empty: any action not raising another rule of the type.
    actions: frozenset[str] = frozenset()
    # (audit key, new values): the change must set that key to one of these.
    when: tuple[str, frozenset[Any]] | None = None


def _rule(event_type: EventType, object_type: str, *actions: str,
          when: tuple[str, frozenset[Any]] | None = None) -> Rule:
    return Rule(event_type, object_type, frozenset(actions), when)


RULES: tuple[Rule, ...] = (
    _rule(EventType.CUSTOMER_CREATED, "Customer", "create"),
    _rule(EventType.CUSTOMER_DELETED, "Customer", "delete"),
    _rule(EventType.CUSTOMER_UPDATED, "Customer"),
    _rule(EventType.CONTACT_CREATED, "Contact", "create"),
    _rule(EventType.CONTACT_UPDATED, "Contact"),
    _rule(EventType.LEAD_CREATED, "Lead", "create"),
    _rule(EventType.LEAD_CONVERTED, "Lead", "convert"),
    _rule(EventType.OPPORTUNITY_CREATED, "Opportunity", "create"),
    _rule(EventType.OPPORTUNITY_WON, "Opportunity", "move", "update",
          when=("won_reason", frozenset({"*"}))),
    _rule(EventType.OPPORTUNITY_LOST, "Opportunity", "move", "update",
          when=("lost_reason", frozenset({"*"}))),
    _rule(EventType.ORDER_CREATED, "Order", "create"),
    _rule(EventType.ORDER_CONFIRMED, "Order", "confirm"),
    _rule(EventType.ORDER_PAID, "Order", "payment", when=("payment_status", frozenset({"paid"}))),
    _rule(EventType.ORDER_SHIPPED, "Order", "ship", when=("status", frozenset({"shipped"}))),
    _rule(EventType.ORDER_DELIVERED, "Order", "deliver"),
    _rule(EventType.ORDER_COMPLETED, "Order", "complete"),
    _rule(EventType.ORDER_CANCELLED, "Order", "cancel"),
    _rule(EventType.PAYMENT_RECEIVED, "Payment", "create"),
    _rule(EventType.SHIPMENT_CREATED, "Shipment", "create"),
    _rule(EventType.SHIPMENT_UPDATED, "Shipment", "update"),
    _rule(EventType.PRODUCT_CREATED, "Product", "create"),
    _rule(EventType.PRODUCT_UPDATED, "Product", "update"),
)

_BY_TYPE: dict[str, list[Rule]] = {}
for _r in RULES:
    _BY_TYPE.setdefault(_r.object_type, []).append(_r)


def _matches(rule: Rule, action: str, changes: Mapping[str, Any]) -> bool:
    if rule.actions and action not in rule.actions:
        return False
    if rule.when is None:
        return True
    key, wanted = rule.when
    pair = changes.get(key)
    if not isinstance(pair, (list, tuple)) or len(pair) != 2:
        return False
    new = pair[1]
    return new in wanted or ("*" in wanted and new not in (None, ""))


def event_types_for(object_type: str, action: str, changes: Mapping[str, Any]
                    ) -> list[EventType]:
    """The event types one audit event raises. A catch-all rule (no actions) of a type applies
    only when no specific rule of that type names the action, so a deletion is not also an
    update."""
    rules = _BY_TYPE.get(object_type)
    # A workflow run's sentence on a record's history changed nothing of it.
    if not rules or action == "workflow_run":
        return []
    found = [r.event_type for r in rules if r.actions and _matches(r, action, changes)]
    named = any(action in r.actions for r in rules)
    if not named:
        found += [r.event_type for r in rules if not r.actions]
    return found


SUBSCRIBABLE: tuple[EventType, ...] = tuple(
    e for e in EventType if e not in (EventType.PING, EventType.WORKFLOW))
