import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useFeedback } from '../components/feedback';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { AdjustStockMutation, ReceiveStockMutation, StockLevelsQuery, StockMovementsQuery, TransferStockMutation, WarehousesQuery } from './orders/documents';
import { formatDateTime } from '../components/format';
import { QueryState } from '../components/QueryState';
import { outcomeText } from '../graphql/errors';
import { enumLabel } from '../i18n';
import { signedQuantity } from './orders/status';
import type { CombinedError } from '@urql/core';
import { usePermissions } from '../permissions/context';
import type { StockLevelsQuery as StockLevelsQueryType } from '../gql/graphql';

type Level = StockLevelsQueryType['stockLevels']['edges'][number]['node'];
type Action = 'receive' | 'adjust' | 'transfer';

export default function StockPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const [warehouse, setWarehouse] = useState<string | undefined>();
  const [{ data, fetching, error }, refetch] = useQuery({ query: StockLevelsQuery, variables: { first: 100 } });
  const [{ data: moves }, refetchMoves] = useQuery({ query: StockMovementsQuery, variables: { first: 100 } });
  const [{ data: wh }] = useQuery({ query: WarehousesQuery });
  const [action, setAction] = useState<{ kind: Action; level: Level } | null>(null);
  const isLow = (l: Level) => l.reorderPoint > 0 && l.available <= l.reorderPoint;
  // low stock first, so what needs reordering is seen without searching
  const levels = (data?.stockLevels.edges.map((e) => e.node) ?? [])
    .filter((l) => !warehouse || l.warehouse.id === warehouse)
    .sort((a, b) => Number(isLow(b)) - Number(isLow(a)));
  const canMove = usePermissions().canChange('StockLevel');

  const submit = async (v: { quantity: number; reason?: string; toWarehouseId?: string }) => {
    if (!action) return;
    const base = { productId: action.level.product.id, quantity: v.quantity };
    let errs: readonly { field?: string | null; code: string; message: string }[] | undefined;
    let err: CombinedError | undefined;
    if (action.kind === 'receive') {
      const r = await client.mutation(ReceiveStockMutation, { input: { ...base, warehouseId: action.level.warehouse.id, reason: v.reason ?? null } }).toPromise();
      errs = r.data?.receiveStock.errors; err = r.error;
    } else if (action.kind === 'adjust') {
      const r = await client.mutation(AdjustStockMutation, { input: { productId: base.productId, delta: v.quantity, warehouseId: action.level.warehouse.id, reason: v.reason ?? '' } }).toPromise();
      errs = r.data?.adjustStock.errors; err = r.error;
    } else {
      const r = await client.mutation(TransferStockMutation, { input: { ...base, fromWarehouseId: action.level.warehouse.id, toWarehouseId: v.toWarehouseId!, reason: v.reason ?? null } }).toPromise();
      errs = r.data?.transferStock.errors; err = r.error;
    }
    const text = outcomeText(i18n, err, errs);
    if (text) { message.error(text); return; }
    message.success(t('common.success'));
    setAction(null);
    refetch({ requestPolicy: 'network-only' });
    refetchMoves({ requestPolicy: 'network-only' });
  };

  return (
    <Card title={t('menu.stock')} styles={{ body: { paddingTop: 0 } }} extra={
      <Select allowClear placeholder={t('stock.warehouse')} value={warehouse} onChange={setWarehouse} style={{ width: 160 }} options={(wh?.warehouses ?? []).map((w) => ({ value: w.id, label: w.name }))} />
    }>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <Tabs items={[
        {
          key: 'levels', label: t('stock.levels'),
          children: (
            <Table<Level> rowKey="id" size="middle" dataSource={levels} loading={fetching} scroll={{ x: 'max-content' }} data-testid="stock-levels"
              rowClassName={(l) => (isLow(l) ? 'crm-low-stock' : '')} pagination={{ pageSize: 20 }}
              columns={[
                { title: t('stock.product'), render: (_: unknown, l) => <>{l.product.sku} {l.product.name} {isLow(l) ? <Tag color="red">{t('stock.low')}</Tag> : null}</> },
                { title: t('stock.warehouse'), render: (_: unknown, l) => l.warehouse.name },
                { title: t('stock.onHand'), dataIndex: 'onHand' },
                { title: t('stock.reserved'), dataIndex: 'reserved' },
                { title: t('stock.available'), dataIndex: 'available' },
                { title: t('stock.reorderPoint'), dataIndex: 'reorderPoint' },
                ...(!canMove ? [] : [{
                  title: t('common.actions'), render: (_: unknown, l: Level) => (
                    <Space size="small">
                      <Button size="small" onClick={() => setAction({ kind: 'receive', level: l })}>{t('stock.receive')}</Button>
                      <Button size="small" onClick={() => setAction({ kind: 'adjust', level: l })}>{t('stock.adjust')}</Button>
                      <Button size="small" onClick={() => setAction({ kind: 'transfer', level: l })}>{t('stock.transfer')}</Button>
                    </Space>
                  ),
                }]),
              ]} />
          ),
        },
        {
          key: 'movements', label: t('stock.movements'),
          children: (
            <Table rowKey="id" size="middle" data-testid="stock-movements" dataSource={moves?.stockMovements.edges.map((e) => e.node) ?? []} scroll={{ x: 'max-content' }} pagination={{ pageSize: 20 }}
              columns={[
                { title: t('stock.at'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
                { title: t('stock.kind'), dataIndex: 'kind', render: (v: string) => <Tag data-testid="movement-kind" data-kind={v}>{enumLabel(t, 'StockMovementKind', v)}</Tag> },
                { title: t('stock.product'), render: (_: unknown, m) => m.product.name },
                { title: t('stock.warehouse'), render: (_: unknown, m) => m.warehouse.name },
                { title: t('stock.quantity'), align: 'right' as const, render: (_: unknown, m) => <span data-testid="movement-quantity">{signedQuantity(m)}</span> },
                { title: t('stock.reason'), dataIndex: 'reason' },
                { title: t('stock.reference'), dataIndex: 'referenceType', render: (v: string | null) => (v ? t(`objectTypes.${v}`, { defaultValue: v }) : '') },
              ]} />
          ),
        },
      ]} />
      <Modal open={!!action} title={action ? `${t(`stock.${action.kind}`)} · ${action.level.product.name}` : ''} onCancel={() => setAction(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={(v) => void submit(v as { quantity: number; reason?: string; toWarehouseId?: string })}>
          <Form.Item name="quantity" label={action?.kind === 'adjust' ? t('stock.delta') : t('stock.quantity')} rules={[{ required: true, message: t('login.required') }]}><InputNumber min={action?.kind === 'adjust' ? undefined : 1} data-testid="stock-quantity" /></Form.Item>
          {action?.kind === 'transfer' ? (
            <Form.Item name="toWarehouseId" label={t('stock.to')} rules={[{ required: true }]}>
              <Select options={(wh?.warehouses ?? []).filter((w) => w.id !== action.level.warehouse.id).map((w) => ({ value: w.id, label: w.name }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="reason" label={t('stock.reason')} rules={action?.kind === 'adjust' ? [{ required: true, whitespace: true, message: t('login.required') }] : []}><Input data-testid="stock-reason" /></Form.Item>
          <Button type="primary" htmlType="submit">{t('common.confirm')}</Button>
        </Form>
      </Modal>
    </Card>
  );
}

