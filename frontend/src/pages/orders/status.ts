export const ORDER_STATUSES = ['DRAFT', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED'] as const;

export const ORDER_STATUS_COLOR: Record<string, string> = {
  DRAFT: 'default', CONFIRMED: 'blue', PARTIALLY_SHIPPED: 'gold', SHIPPED: 'cyan', DELIVERED: 'green', COMPLETED: 'green', CANCELLED: 'red',
};

export const SHIPMENT_STATUS_COLOR: Record<string, string> = { PENDING: 'orange', IN_TRANSIT: 'blue', DELIVERED: 'green' };

export const RETURN_STATUS_COLOR: Record<string, string> = {
  REQUESTED: 'gold', APPROVED: 'blue', RECEIVED: 'cyan', REFUNDED: 'green', REPLACED: 'green', REJECTED: 'red',
};

export type ShipmentState = 'PENDING' | 'IN_TRANSIT' | 'DELIVERED';

/**
 * Where the goods of a shipped order are, from its shipments: the order's own status says
 * "shipped" as soon as the goods leave the warehouse, while the carrier may not have them yet.
 * Returns null when the order has no shipments (or the status says nothing more).
 */
export function deliveryState(status: string, shipments: readonly { status: string }[]): ShipmentState | null {
  if (!shipments.length || !['PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'COMPLETED'].includes(status)) return null;
  const s = shipments.map((x) => x.status);
  if (s.every((x) => x === 'DELIVERED')) return 'DELIVERED';
  if (s.some((x) => x === 'PENDING')) return 'PENDING';
  return 'IN_TRANSIT';
}

export interface OrderHistoryInput {
  createdAt: string;
  confirmedAt?: string | null;
  shippedAt?: string | null;
  deliveredAt?: string | null;
  completedAt?: string | null;
  cancelledAt?: string | null;
  history?: { edges: readonly { node: { id: string; createdAt: string; action: string; note?: string | null; actor?: { name: string } | null; changes: readonly { field: string; old?: unknown; new?: unknown }[] } }[] } | null;
}

export interface OrderHistoryStep {
  key: string;
  at: string;
  status: string;
  actor?: string;
  /** a person's words (a cancel reason), never the server's bookkeeping ("shipment <uuid>") */
  note?: string;
}

const BOOKKEEPING_NOTE = /^(shipment|payment|refund) [0-9a-f-]{8,}/i;

/**
 * An order's status history, oldest first: every status change its audit trail records (with
 * who), and the lifecycle timestamps for steps the trail lacks (orders imported or seeded
 * without events, or whose earlier events are beyond the page). Shipping no longer makes the
 * earlier steps disappear.
 */
export function orderHistory(o: OrderHistoryInput): OrderHistoryStep[] {
  const steps: OrderHistoryStep[] = [];
  for (const { node: ev } of o.history?.edges ?? []) {
    const status = ev.changes.find((c) => c.field === 'status');
    const to = status ? String(status.new ?? '').toUpperCase() : ev.action === 'create' ? 'DRAFT' : '';
    if (!to) continue;
    const note = ev.note && !BOOKKEEPING_NOTE.test(ev.note) ? ev.note : undefined;
    steps.push({ key: ev.id, at: ev.createdAt, status: to, actor: ev.actor?.name, note });
  }
  const stamps: [string, string | null | undefined][] = [
    ['DRAFT', o.createdAt], ['CONFIRMED', o.confirmedAt], ['SHIPPED', o.shippedAt], ['DELIVERED', o.deliveredAt],
    ['COMPLETED', o.completedAt], ['CANCELLED', o.cancelledAt],
  ];
  for (const [status, at] of stamps) {
    if (at && !steps.some((s) => s.status === status)) steps.push({ key: `stamp-${status}`, at, status });
  }
  return steps.sort((a, b) => a.at.localeCompare(b.at) || ORDER_STATUSES.indexOf(a.status as never) - ORDER_STATUSES.indexOf(b.status as never));
}

/**
 * A movement's quantity with its direction: what it did to the stock on hand (an adjustment of
 * −5 reads −5, a shipment −3), or for reservations what it did to the reserved stock.
 */
export function signedQuantity(m: { quantity: number; onHandDelta: number; reservedDelta: number }): string {
  const d = m.onHandDelta !== 0 ? m.onHandDelta : m.reservedDelta !== 0 ? m.reservedDelta : m.quantity;
  return d > 0 ? `+${d}` : d < 0 ? `\u2212${-d}` : '0';
}
