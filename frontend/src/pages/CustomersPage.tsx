import { useMemo, useState } from 'react';
import {
  App, Button, Card, Checkbox, Dropdown, Form, Input, Modal, Popover, Radio, Select, Space, Table, Tag, Typography,
} from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { DownOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { FieldValue } from '../components/MaskedText';
import { formatDate } from '../components/format';
import { QueryState } from '../components/QueryState';
import { BulkResults, type BulkState } from '../components/BulkResults';
import { runInBatches, type BulkPayloadLike } from '../components/bulk';
import { useFieldAccess } from '../permissions/context';
import { LEVELS, STAGES } from './customers/enums';
import {
  AddTagsMutation, ClaimFromPoolMutation, CreateCustomerMutation, CustomerLookupsQuery, CustomersQuery,
  MergeCustomersMutation, PublicPoolQuery, ReleaseToPoolMutation, RemoveTagsMutation, TransferCustomersMutation,
} from './customers/documents';
import type { CustomerRowFragment, CustomerFilter, CustomerSort } from '../gql/graphql';

type Row = CustomerRowFragment;

const PAGE_SIZE = 20;
const COLUMN_KEY = 'crm.customers.columns';
const ALL_COLUMNS = ['name', 'lifecycleStage', 'level', 'region', 'industry', 'phone', 'email', 'owner', 'tags', 'lastFollowUpAt', 'nextFollowUpAt', 'source', 'createdAt'];
const DEFAULT_COLUMNS = ['name', 'lifecycleStage', 'level', 'region', 'phone', 'owner', 'tags', 'lastFollowUpAt'];
const SORTABLE: Record<string, CustomerSort['field']> = { name: 'NAME', createdAt: 'CREATED_AT', level: 'LEVEL' };
const DEFAULT_ORDER: CustomerSort[] = [{ field: 'CREATED_AT', direction: 'DESC' }];

function loadColumns(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(COLUMN_KEY) ?? 'null') as unknown;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    /* default */
  }
  return DEFAULT_COLUMNS;
}

const FIELD_LABEL: Record<string, string> = {
  name: 'customer.name', lifecycleStage: 'customer.stage', level: 'customer.level', region: 'customer.region', industry: 'customer.industry',
  phone: 'customer.phone', email: 'customer.email', owner: 'customer.owner', tags: 'customer.tags', lastFollowUpAt: 'customer.lastFollowUp',
  nextFollowUpAt: 'customer.nextFollowUp', source: 'customer.source', createdAt: 'customer.createdAt',
};

interface Filters {
  text?: string;
  stage?: string;
  level?: string;
  region?: string;
  owner?: string;
  tags?: string[];
}

export default function CustomersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const fa = useFieldAccess('Customer');
  const [params, setParams] = useSearchParams();
  const pool = params.get('view') === 'pool';
  const [filters, setFilters] = useState<Filters>({});
  const [orderBy, setOrderBy] = useState<CustomerSort[]>(DEFAULT_ORDER);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState(0);
  const [columns, setColumns] = useState<string[]>(loadColumns);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<BulkState | null>(null);
  const [dialog, setDialog] = useState<null | 'addTags' | 'removeTags' | 'transfer' | 'create' | 'merge'>(null);

  const filter = useMemo<CustomerFilter>(() => {
    const f: Record<string, unknown> = {};
    if (filters.text) f.search = filters.text;
    if (filters.stage) f.lifecycleStage = { eq: filters.stage };
    if (filters.level) f.level = { eq: filters.level };
    if (filters.region) f.region = { contains: filters.region };
    if (filters.owner) f.owner = { eq: filters.owner };
    if (filters.tags?.length) f.tagsAny = filters.tags;
    return f as CustomerFilter;
  }, [filters, pool]);

  const variables = { filter, orderBy, first: PAGE_SIZE, after: cursors[page] ?? null };
  const [mine, refetchMine] = useQuery({ query: CustomersQuery, variables, pause: pool });
  const [poolRes, refetchPool] = useQuery({ query: PublicPoolQuery, variables, pause: !pool });
  const { fetching, error } = pool ? poolRes : mine;
  const list = pool ? poolRes.data?.publicPool : mine.data?.customers;
  const data = list ? { customers: list } : undefined;
  const refetch = pool ? refetchPool : refetchMine;
  const [{ data: lookups }] = useQuery({ query: CustomerLookupsQuery });
  const rows: Row[] = useMemo(() => data?.customers.edges.map((e) => e.node) ?? [], [data]);
  const names = useMemo(() => new Map(rows.map((r) => [r.id, r.name])), [rows]);

  const resetPaging = () => {
    setCursors([null]);
    setPage(0);
    setSelected([]);
  };

  const reload = () => refetch({ requestPolicy: 'network-only' });

  const saveColumns = (cols: string[]) => {
    setColumns(cols);
    localStorage.setItem(COLUMN_KEY, JSON.stringify(cols));
  };

  const readable = ALL_COLUMNS.filter((c) => fa.canRead(c));
  const tableColumns: TableColumnsType<Row> = readable
    .filter((c) => columns.includes(c) && !(pool && c === 'owner'))
    .map((c) => {
      const base = { key: c, title: t(FIELD_LABEL[c]), dataIndex: c, sorter: Boolean(SORTABLE[c]) };
      switch (c) {
        case 'name':
          return { ...base, render: (_: unknown, r: Row) => <Link to={`/customers/${encodeURIComponent(r.id)}`}>{r.name}</Link> };
        case 'owner':
          return { ...base, render: (_: unknown, r: Row) => <span data-testid="owner-cell"><FieldValue type="Customer" field="owner" value={r.owner?.name ?? r.owner?.email} /></span> };
        case 'tags':
          return { ...base, render: (_: unknown, r: Row) => (r.tags ?? []).map((tg) => <Tag key={tg.id} color={tg.color ?? undefined}>{tg.name}</Tag>) };
        case 'lastFollowUpAt':
        case 'nextFollowUpAt':
        case 'createdAt':
          return { ...base, className: 'crm-hide-mobile', render: (v: string | null) => <FieldValue type="Customer" field={c} value={v} render={(x) => formatDate(String(x))} /> };
        case 'lifecycleStage':
          return { ...base, render: (v: string | null) => <FieldValue type="Customer" field={c} value={v} render={(x) => t(`enums.stage.${String(x)}`)} /> };
        default:
          return { ...base, className: c === 'name' || c === 'phone' ? undefined : 'crm-hide-mobile', render: (v: unknown) => <FieldValue type="Customer" field={c} value={v} /> };
      }
    });

  const onTableChange = (_p: TablePaginationConfig, _f: unknown, sorter: SorterResult<Row> | SorterResult<Row>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.columnKey ? SORTABLE[String(s.columnKey)] : undefined;
    setOrderBy(key && s.order ? [{ field: key, direction: s.order === 'ascend' ? 'ASC' : 'DESC' }] : DEFAULT_ORDER);
    resetPaging();
  };

  async function bulkRun(title: string, ids: string[], run: (batch: string[]) => Promise<{ payload?: BulkPayloadLike | null; error?: string }>) {
    setBulk({ title, done: 0, total: ids.length, results: null });
    const results = await runInBatches(ids, run, (done, total) => setBulk((b) => (b ? { ...b, done, total } : b)));
    setBulk((b) => (b ? { ...b, results } : b));
    setSelected([]);
    reload();
  }

  const doRelease = () =>
    bulkRun(t('customer.releaseToPool'), selected, async (ids) => {
      const r = await client.mutation(ReleaseToPoolMutation, { input: { ids } }).toPromise();
      return { payload: r.data?.releaseToPool, error: r.error?.message };
    });
  const doClaim = (ids: string[]) =>
    bulkRun(t('customer.claim'), ids, async (batch) => {
      const r = await client.mutation(ClaimFromPoolMutation, { input: { ids: batch } }).toPromise();
      return { payload: r.data?.claimFromPool, error: r.error?.message };
    });

  const bulkMenu = {
    items: [
      { key: 'addTags', label: t('customer.addTags') },
      { key: 'removeTags', label: t('customer.removeTags') },
      { key: 'transfer', label: t('customer.transfer') },
      { key: 'release', label: t('customer.releaseToPool') },
      { key: 'merge', label: t('customer.merge'), disabled: selected.length !== 2 },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'release') void doRelease();
      else setDialog(key as 'addTags' | 'removeTags' | 'transfer' | 'merge');
    },
  };

  const total = data?.customers.totalCount ?? 0;
  const hasNext = data?.customers.pageInfo.hasNextPage ?? false;

  return (
    <Card
      title={
        <Radio.Group
          value={pool ? 'pool' : 'mine'}
          optionType="button"
          size="small"
          onChange={(e) => {
            setParams(e.target.value === 'pool' ? { view: 'pool' } : {});
            resetPaging();
          }}
          options={[
            { value: 'mine', label: t('menu.customers') },
            { value: 'pool', label: t('menu.pool') },
          ]}
          data-testid="customer-view"
        />
      }
      extra={
        <Space wrap>
          <Popover
            trigger="click"
            content={
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column' }}
                value={columns}
                onChange={(v) => saveColumns(v as string[])}
                options={readable.map((c) => ({ value: c, label: t(FIELD_LABEL[c]) }))}
              />
            }
          >
            <Button icon={<SettingOutlined />} className="crm-hide-mobile">{t('common.columns')}</Button>
          </Popover>
          {!pool && fa.canChange ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="new-customer">
              {t('customer.newCustomer')}
            </Button>
          ) : null}
        </Space>
      }
      styles={{ body: { padding: 12 } }}
    >
      <Form
        layout="inline"
        onFinish={(v: Filters) => {
          setFilters(v);
          resetPaging();
        }}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="text">
          <Input.Search placeholder={t('customer.searchPlaceholder')} allowClear onSearch={(text) => { setFilters((f) => ({ ...f, text })); resetPaging(); }} style={{ width: 220 }} data-testid="customer-search" />
        </Form.Item>
        {fa.canRead('lifecycleStage') ? (
          <Form.Item name="stage" className="crm-hide-mobile">
            <Select allowClear placeholder={t('customer.stage')} style={{ width: 120 }} options={STAGES.map((s) => ({ value: s, label: t(`enums.stage.${s}`) }))} />
          </Form.Item>
        ) : null}
        {fa.canRead('level') ? (
          <Form.Item name="level" className="crm-hide-mobile">
            <Select allowClear placeholder={t('customer.level')} style={{ width: 100 }} options={LEVELS.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
        ) : null}
        {fa.canRead('region') ? (
          <Form.Item name="region" className="crm-hide-mobile">
            <Input placeholder={t('customer.region')} style={{ width: 120 }} allowClear />
          </Form.Item>
        ) : null}
        {fa.canRead('owner') && !pool ? (
          <Form.Item name="owner" className="crm-hide-mobile">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('customer.owner')} style={{ width: 140 }}
              options={(lookups?.users.edges ?? []).map(({ node: u }) => ({ value: u.id, label: u.name || u.email }))} />
          </Form.Item>
        ) : null}
        {fa.canRead('tags') ? (
          <Form.Item name="tags" className="crm-hide-mobile">
            <Select mode="multiple" allowClear placeholder={t('customer.tags')} style={{ minWidth: 160 }} maxTagCount={2}
              options={(lookups?.tags ?? []).map((tg) => ({ value: tg.id, label: tg.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item>
          <Button htmlType="submit">{t('common.search')}</Button>
        </Form.Item>
      </Form>

      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text type="secondary" data-testid="customer-total">{t('common.total', { count: total })}</Typography.Text>
        {selected.length ? <Typography.Text>{t('common.selected', { count: selected.length })}</Typography.Text> : null}
        {selected.length && !pool && fa.canChange ? (
          <Dropdown menu={bulkMenu}>
            <Button data-testid="bulk-actions">
              {t('common.actions')} <DownOutlined />
            </Button>
          </Dropdown>
        ) : null}
        {selected.length && pool ? (
          <Button type="primary" onClick={() => void doClaim(selected)} data-testid="claim-selected">{t('customer.claim')}</Button>
        ) : null}
      </Space>

      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={fetching}
        dataSource={rows}
        columns={tableColumns}
        pagination={false}
        onChange={onTableChange}
        scroll={{ x: 'max-content' }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        data-testid="customers-table"
      />
      <Space style={{ marginTop: 12, justifyContent: 'flex-end', display: 'flex' }}>
        <Button disabled={page === 0} onClick={() => setPage((p) => p - 1)} data-testid="prev-page">‹</Button>
        <span>{page + 1} / {Math.max(1, Math.ceil(total / PAGE_SIZE))}</span>
        <Button
          disabled={!hasNext}
          data-testid="next-page"
          onClick={() => {
            const end = data?.customers.pageInfo.endCursor ?? null;
            setCursors((c) => {
              const next = c.slice(0, page + 1);
              next[page + 1] = end;
              return next;
            });
            setPage((p) => p + 1);
          }}
        >
          ›
        </Button>
      </Space>

      <BulkResults state={bulk} names={names} onClose={() => setBulk(null)} />

      <TagsDialog
        open={dialog === 'addTags' || dialog === 'removeTags'}
        title={dialog === 'removeTags' ? t('customer.removeTags') : t('customer.addTags')}
        tags={lookups?.tags ?? []}
        onCancel={() => setDialog(null)}
        onOk={(tagIds) => {
          const remove = dialog === 'removeTags';
          setDialog(null);
          void bulkRun(remove ? t('customer.removeTags') : t('customer.addTags'), selected, async (customerIds) => {
            const input = { customerIds, tagIds };
            if (remove) {
              const r = await client.mutation(RemoveTagsMutation, { input }).toPromise();
              return { payload: r.data?.removeTags, error: r.error?.message };
            }
            const r = await client.mutation(AddTagsMutation, { input }).toPromise();
            return { payload: r.data?.addTags, error: r.error?.message };
          });
        }}
      />

      <Modal
        open={dialog === 'transfer'}
        title={t('customer.transfer')}
        onCancel={() => setDialog(null)}
        footer={null}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={(v: { toOwnerId: string; reason: string }) => {
            setDialog(null);
            void bulkRun(t('customer.transfer'), selected, async (ids) => {
              const r = await client.mutation(TransferCustomersMutation, { input: { ids, toOwnerId: v.toOwnerId, reason: v.reason } }).toPromise();
              return { payload: r.data?.transferCustomers, error: r.error?.message };
            });
          }}
        >
          <Form.Item name="toOwnerId" label={t('customer.toOwner')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} data-testid="transfer-owner"
              options={(lookups?.users.edges ?? []).map(({ node: u }) => ({ value: u.id, label: `${u.name || u.email} (${u.email})` }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('customer.reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="transfer-reason" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="transfer-submit">{t('common.confirm')}</Button>
        </Form>
      </Modal>

      <CreateCustomerDialog open={dialog === 'create'} onClose={(created) => { setDialog(null); if (created) { message.success(t('common.success')); reload(); } }} />

      <Modal
        open={dialog === 'merge'}
        title={t('customer.merge')}
        onCancel={() => setDialog(null)}
        footer={null}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          initialValues={{ intoId: selected[0] }}
          onFinish={async (v: { intoId: string }) => {
            const fromId = selected.find((id) => id !== v.intoId)!;
            const r = await client.mutation(MergeCustomersMutation, { input: { intoId: v.intoId, fromId } }).toPromise();
            const errs = r.data?.mergeCustomers.errors ?? [];
            if (r.error || errs.length) message.error(r.error?.message ?? errs.map((e) => e.message).join('; '));
            else message.success(t('common.success'));
            setDialog(null);
            setSelected([]);
            reload();
          }}
        >
          <Form.Item name="intoId" label={t('customer.mergeInto')}>
            <Radio.Group options={selected.map((id) => ({ value: id, label: names.get(id) ?? id }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('common.confirm')}</Button>
        </Form>
      </Modal>
    </Card>
  );
}

function TagsDialog({ open, title, tags, onOk, onCancel }: {
  open: boolean; title: string; tags: readonly { id: string; name: string }[]; onOk: (ids: string[]) => void; onCancel: () => void;
}) {
  const [value, setValue] = useState<string[]>([]);
  return (
    <Modal open={open} title={title} onCancel={onCancel} onOk={() => { onOk(value); setValue([]); }} okButtonProps={{ disabled: !value.length }}>
      <Select mode="multiple" style={{ width: '100%' }} value={value} onChange={setValue} options={tags.map((tg) => ({ value: tg.id, label: tg.name }))} />
    </Modal>
  );
}

function CreateCustomerDialog({ open, onClose }: { open: boolean; onClose: (created: boolean) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const fa = useFieldAccess('Customer');
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const submit = async (allowDuplicate: boolean) => {
    const v = (await form.validateFields()) as Record<string, string | undefined>;
    setBusy(true);
    const input = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
    const r = await client
      .mutation(CreateCustomerMutation, { input: { ...(input as { name: string }), allowDuplicate } })
      .toPromise();
    setBusy(false);
    const errs = r.data?.createCustomer.errors ?? [];
    const dup = errs.find((e) => e.code === 'DUPLICATE');
    if (dup && !allowDuplicate) {
      const names = (r.data?.createCustomer.duplicates ?? []).map((d) => d.name).join('、');
      setDuplicate(names || dup.message);
      return;
    }
    if (r.error || errs.length) {
      form.setFields(errs.filter((e) => e.field).map((e) => ({ name: e.field!, errors: [e.message] })));
      if (!errs.some((e) => e.field)) setDuplicate(null);
      return;
    }
    form.resetFields();
    setDuplicate(null);
    onClose(true);
  };
  // a new customer is owned by its creator: fields masked by role default (contact details) are theirs to fill
  const fields = ['name', 'industry', 'region', 'phone', 'email'].filter((f) => f === 'name' || fa.access(f) !== 'NONE');
  return (
    <Modal open={open} title={t('customer.newCustomer')} onCancel={() => { setDuplicate(null); onClose(false); }} destroyOnHidden
      footer={[
        duplicate ? <Button key="anyway" danger loading={busy} onClick={() => void submit(true)}>{t('customer.createAnyway')}</Button> : null,
        <Button key="ok" type="primary" loading={busy} onClick={() => void submit(false)} data-testid="create-customer-submit">{t('common.save')}</Button>,
      ]}
    >
      {duplicate ? <Typography.Paragraph type="warning" data-testid="duplicate-warning">{t('customer.duplicateWarning', { message: duplicate })}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical">
        {fields.map((f) => (
          <Form.Item key={f} name={f} label={t(FIELD_LABEL[f] ?? `customer.${f}`)} rules={f === 'name' ? [{ required: true }] : f === 'email' ? [{ type: 'email' }] : []}>
            <Input />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
