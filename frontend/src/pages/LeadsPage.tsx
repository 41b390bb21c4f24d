import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Button, Checkbox, Form, Input, Modal, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConvertLeadMutation, LeadsCursorQuery, LeadsQuery } from './sales/documents';
import { FieldValue } from '../components/MaskedText';
import { formatDate } from '../components/format';
import { QueryState } from '../components/QueryState';
import { Panel } from '../components/Panel';
import { useFeedback } from '../components/feedback';
import { outcomeText } from '../graphql/errors';
import { useFieldAccess } from '../permissions/context';
import { enumLabel } from '../i18n';
import { DataTable, type Column } from '../lists/DataTable';
import { FilterItem, ListFilters, ListPagination } from '../lists/ListFilters';
import { SavedViews } from '../lists/SavedViews';
import { activeFilterCount, PAGE_SIZES, type ListSpec, type ListState } from '../lists/listState';
import { listKeyOf, rememberPageStart, useListState, usePageStart } from '../lists/useListState';
import type { LeadsQuery as LeadsQueryType, LeadFilter, LeadSort, LeadSortField, LeadStatus } from '../gql/graphql';

const CreateLeadDialog = lazy(() => import('./sales/CreateDialogs').then((m) => ({ default: m.CreateLeadDialog })));

type Lead = LeadsQueryType['leads']['edges'][number]['node'];
const STATUSES: LeadStatus[] = ['NEW', 'CONTACTED', 'QUALIFIED', 'DISQUALIFIED', 'CONVERTED'];
const STATUS_COLOR: Record<string, string> = { NEW: 'blue', CONTACTED: 'gold', QUALIFIED: 'green', DISQUALIFIED: 'default', CONVERTED: 'purple' };
const SORT_FIELDS: readonly LeadSortField[] = ['NAME', 'CREATED_AT', 'UPDATED_AT', 'SCORE'];
const SORTABLE: Partial<Record<string, LeadSortField>> = { name: 'NAME', createdAt: 'CREATED_AT', score: 'SCORE' };
const GRADE_COLOR: Record<string, string> = { A: 'red', B: 'orange', C: 'blue', D: 'default' };

export const LEAD_LIST: ListSpec = {
  filters: { status: 'one' },
  sortFields: SORT_FIELDS,
  defaultSort: { field: 'CREATED_AT', direction: 'DESC' },
  defaultSize: 20,
  sizes: PAGE_SIZES,
};

export function leadFilter(state: ListState): LeadFilter {
  const status = typeof state.filters.status === 'string' ? (state.filters.status as LeadStatus) : undefined;
  return {
    ...(status ? { status: { eq: status } } : {}),
    ...(state.q ? { or: [{ name: { contains: state.q } }, { company: { contains: state.q } }] } : {}),
  };
}

export default function LeadsPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const fa = useFieldAccess('Lead');
  const [state, setState] = useListState(LEAD_LIST);
  const [creating, setCreating] = useState(false);
  const [converting, setConverting] = useState<Lead | null>(null);
  const [, convert] = useMutation(ConvertLeadMutation);
  const filter = useMemo(() => leadFilter(state), [state]);
  const orderBy = useMemo<LeadSort[] | null>(() => (state.sort ? [{ field: state.sort.field as LeadSortField, direction: state.sort.direction }] : null), [state.sort]);
  const base = useMemo(() => ({ filter, orderBy }), [filter, orderBy]);
  const start = usePageStart(LeadsCursorQuery, 'leads', base, state.page, state.size);
  const [{ data, fetching, error }, refetch] = useQuery({ query: LeadsQuery, variables: { ...base, first: state.size, after: start.after }, pause: !start.ready });
  const rows = data?.leads.edges.map((e) => e.node) ?? [];
  if (data?.leads.pageInfo.hasNextPage) rememberPageStart(listKeyOf('leads', base, state.size), state.page + 1, data.leads.pageInfo.endCursor);
  const update = useCallback((c: Partial<ListState>) => setState(c), [setState]);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const label: Record<string, string> = {
    name: 'lead.name', company: 'lead.company', phone: 'customer.phone', email: 'customer.email', source: 'lead.source',
    status: 'lead.status', owner: 'customer.owner', createdAt: 'customer.createdAt', score: 'lead.score',
  };
  const statusTag = (v: string) => <Tag color={STATUS_COLOR[v]} data-testid="lead-status" data-status={v}>{enumLabel(t, 'LeadStatus', v)}</Tag>;
  const scoreTag = (r: Lead) => <span className="crm-nowrap" data-testid="lead-score" data-grade={r.grade}><Tag color={GRADE_COLOR[r.grade]}>{r.grade}</Tag>{r.score}</span>;
  const canConvert = (r: Lead) => fa.canChange && r.status !== 'DISQUALIFIED' && r.status !== 'CONVERTED';
  const convertButton = (r: Lead) => (canConvert(r) ? <Button size="small" onClick={() => setConverting(r)} data-testid="convert-lead">{t('lead.convert')}</Button> : null);
  const cell = (f: string, r: Lead) => (f === 'owner' ? <FieldValue type="Lead" field="owner" value={r.owner?.name} />
    : f === 'status' ? statusTag(r.status)
      : f === 'score' ? scoreTag(r)
      : f === 'createdAt' ? <span className="crm-nowrap">{formatDate(r.createdAt)}</span>
        : <FieldValue type="Lead" field={f} value={(r as Record<string, unknown>)[f]} />);
  const columns: Column<Lead>[] = [
    ...['name', 'score', 'company', 'phone', 'email', 'source', 'status', 'owner', 'createdAt'].filter((f) => fa.canRead(f))
      .map((f) => ({ key: f, title: t(label[f]), sortField: SORTABLE[f], render: (r: Lead) => cell(f, r) })),
    { key: 'actions', title: t('common.actions'), render: convertButton },
  ];
  const card = (r: Lead) => (
    <>
      <div className="crm-card-head"><span className="crm-card-title">{r.name}</span>{fa.canRead('score') ? scoreTag(r) : null}{statusTag(r.status)}</div>
      <div className="crm-card-meta">
        {r.company ? <span>{r.company}</span> : null}
        {fa.canRead('phone') ? <span><FieldValue type="Lead" field="phone" value={r.phone} /></span> : null}
        {fa.canRead('owner') ? <span>{t('customer.owner')}: <FieldValue type="Lead" field="owner" value={r.owner?.name} /></span> : null}
      </div>
      <div className="crm-card-actions">{convertButton(r)}</div>
    </>
  );

  return (
    <Panel title={t('menu.leads')} testId="leads-page" extra={fa.canChange ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-lead">{t('lead.newLead')}</Button>
    ) : null}>
      <ListFilters
        views={<SavedViews list="LEADS" spec={LEAD_LIST} />} q={state.q} onSearch={(q) => update({ q })} placeholder={`${t('lead.name')} / ${t('lead.company')}`}
        active={activeFilterCount(state)} onClear={() => update({ q: '', filters: {} })}
        sort={state.sort} onSort={(sort) => update({ sort })} sortOptions={SORT_FIELDS.map((f) => ({ value: f, label: enumLabel(t, 'LeadSortField', f) }))}>
        <FilterItem label={t('lead.status')}>
          <Select allowClear placeholder={t('lead.status')} value={typeof state.filters.status === 'string' ? state.filters.status : undefined}
            onChange={(v?: string) => update({ filters: { status: v ?? '' } })} style={{ width: 140 }} data-testid="filter-status"
            options={STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'LeadStatus', s) }))} />
        </FilterItem>
      </ListFilters>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <DataTable<Lead> rows={rows} rowKey={(r) => r.id} columns={columns} card={card} loading={fetching || !start.ready}
        sort={state.sort} onSort={(sort) => update({ sort })} testId="leads-table" />
      <ListPagination total={data?.leads.totalCount ?? 0} page={state.page} size={state.size} onChange={(page, size) => update({ page, size })} />
      {creating ? (
        <Suspense fallback={null}>
          <CreateLeadDialog onClose={(created) => { setCreating(false); if (created) reload(); }} />
        </Suspense>
      ) : null}
      <Modal open={!!converting} title={`${t('lead.convert')} · ${converting?.name ?? ''}`} onCancel={() => setConverting(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" initialValues={{ createOpportunity: true, opportunityTitle: converting?.company ?? converting?.name }}
          onFinish={async (v: { createOpportunity: boolean; opportunityTitle?: string }) => {
            if (!converting) return;
            const r = await convert({ input: { leadId: converting.id, createOpportunity: v.createOpportunity, opportunityTitle: v.opportunityTitle ?? null } });
            const p = r.data?.convertLead;
            const text = outcomeText(i18n, r.error, p?.errors);
            if (text) {
              message.error(text);
              return;
            }
            message.success(t('lead.converted'));
            setConverting(null);
            reload();
            if (p?.customer) navigate(`/customers/${encodeURIComponent(p.customer.id)}`);
          }}>
          <Form.Item name="createOpportunity" valuePropName="checked"><Checkbox>{t('lead.createOpportunity')}</Checkbox></Form.Item>
          <Form.Item name="opportunityTitle" label={t('lead.opportunityTitle')}><Input /></Form.Item>
          <Button type="primary" htmlType="submit" data-testid="convert-submit">{t('common.confirm')}</Button>
        </Form>
      </Modal>
    </Panel>
  );
}
