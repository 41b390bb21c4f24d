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
