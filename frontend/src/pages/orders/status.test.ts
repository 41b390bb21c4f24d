import { deliveryState, orderHistory, signedQuantity } from './status';

describe('order status history', () => {
  const seeded = {
    createdAt: '2026-11-01T02:00:00Z', confirmedAt: '2026-11-02T02:00:00Z', shippedAt: null,
  };
  it('shipping an order without earlier events keeps its earlier steps', () => {
    const steps = orderHistory({ ...seeded, shippedAt: '2026-11-05T02:00:00Z', history: { edges: [
      { node: { id: 'e1', createdAt: '2026-11-05T02:00:00Z', action: 'ship', note: 'shipment be6e08eb-1234-4a5b-9c0d-1234567890ab', actor: { name: '周强' }, changes: [{ field: 'status', old: 'confirmed', new: 'shipped' }] } },
    ] } });
    expect(steps.map((s) => s.status)).toEqual(['DRAFT', 'CONFIRMED', 'SHIPPED']);
    expect(steps[2]).toMatchObject({ actor: '周强', note: undefined });
  });
  it('prefers the audit trail (who did it) and keeps a person\'s reason', () => {
    const steps = orderHistory({ createdAt: '2026-11-01T02:00:00Z', cancelledAt: '2026-11-03T02:00:00Z', history: { edges: [
      { node: { id: 'c', createdAt: '2026-11-03T02:00:00Z', action: 'cancel', note: '客户取消', actor: { name: '王经理' }, changes: [{ field: 'status', old: 'draft', new: 'cancelled' }] } },
      { node: { id: 'a', createdAt: '2026-11-01T02:00:00Z', action: 'create', actor: { name: '张伟' }, changes: [{ field: 'status', old: null, new: 'draft' }] } },
    ] } });
    expect(steps).toEqual([
      { key: 'a', at: '2026-11-01T02:00:00Z', status: 'DRAFT', actor: '张伟', note: undefined },
      { key: 'c', at: '2026-11-03T02:00:00Z', status: 'CANCELLED', actor: '王经理', note: '客户取消' },
    ]);
  });
});

describe('where the goods are', () => {
  it('an order shipped while its shipment awaits the carrier says so', () => {
    expect(deliveryState('SHIPPED', [{ status: 'PENDING' }])).toBe('PENDING');
    expect(deliveryState('SHIPPED', [{ status: 'IN_TRANSIT' }, { status: 'DELIVERED' }])).toBe('IN_TRANSIT');
    expect(deliveryState('DELIVERED', [{ status: 'DELIVERED' }])).toBe('DELIVERED');
    expect(deliveryState('CONFIRMED', [])).toBeNull();
  });
});

describe('stock movements', () => {
  it('show their direction: a -5 adjustment reads −5, a receipt +5, a reservation by the reserved change', () => {
    expect(signedQuantity({ quantity: 5, onHandDelta: -5, reservedDelta: 0 })).toBe('\u22125');
    expect(signedQuantity({ quantity: 5, onHandDelta: 5, reservedDelta: 0 })).toBe('+5');
    expect(signedQuantity({ quantity: 2, onHandDelta: 0, reservedDelta: 2 })).toBe('+2');
  });
});
