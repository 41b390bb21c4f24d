import { useState } from 'react';
import { Button, Card, Checkbox, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useFeedback } from '../components/feedback';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConvertLeadMutation, LeadsQuery } from './sales/documents';
import { FieldValue } from '../components/MaskedText';
import { formatDate } from '../components/format';
import { QueryState } from '../components/QueryState';
import { formatUserErrors } from '../graphql/errors';
import { useFieldAccess } from '../permissions/context';
import type { LeadsQuery as LeadsQueryType, LeadFilter, LeadStatus } from '../gql/graphql';

type Lead = LeadsQueryType['leads']['edges'][number]['node'];
const STATUSES: LeadStatus[] = ['NEW', 'CONTACTED', 'QUALIFIED', 'DISQUALIFIED', 'CONVERTED'];
const STATUS_COLOR: Record<string, string> = { NEW: 'blue', CONTACTED: 'gold', QUALIFIED: 'green', DISQUALIFIED: 'default', CONVERTED: 'purple' };

export default function LeadsPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const fa = useFieldAccess('Lead');
  const [status, setStatus] = useState<string | undefined>();
  const [text, setText] = useState('');
  const filter: LeadFilter = {
    ...(status ? { status: { eq: status as LeadStatus } } : {}),
    ...(text ? { or: [{ name: { contains: text } }, { company: { contains: text } }] } : {}),
  };
  const [{ data, fetching, error }, refetch] = useQuery({ query: LeadsQuery, variables: { filter, first: 100 } });
  const [converting, setConverting] = useState<Lead | null>(null);
  const [, convert] = useMutation(ConvertLeadMutation);
  const rows = data?.leads.edges.map((e) => e.node) ?? [];
  const cols = ['name', 'company', 'phone', 'email', 'source', 'status', 'owner', 'createdAt'].filter((f) => fa.canRead(f));
  const label: Record<string, string> = {
    name: 'lead.name', company: 'lead.company', phone: 'customer.phone', email: 'customer.email', source: 'lead.source',
    status: 'lead.status', owner: 'customer.owner', createdAt: 'customer.createdAt',
  };
  return (
    <Card title={t('menu.leads')} extra={<Space wrap>
      <Input.Search allowClear placeholder={t('common.search')} onSearch={setText} style={{ width: 200 }} />
      <Select allowClear placeholder={t('lead.status')} value={status} onChange={setStatus} style={{ width: 140 }} options={STATUSES.map((s) => ({ value: s, label: t(`enums.LeadStatus.${s}`) }))} />
    </Space>} styles={{ body: { padding: 12 } }}>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <Table<Lead>
        data-testid="leads-table"
        rowKey="id" size="middle" dataSource={rows} loading={fetching} scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { count: n }) }}
        columns={[
          ...cols.map((f) => ({
            key: f, title: t(label[f]), dataIndex: f,
            render: (v: unknown, r: Lead) =>
              f === 'owner' ? <FieldValue type="Lead" field="owner" value={r.owner?.name} />
                : f === 'status' ? <Tag color={STATUS_COLOR[String(v)]}>{t(`enums.LeadStatus.${String(v)}`)}</Tag>
                  : f === 'createdAt' ? formatDate(String(v))
                    : <FieldValue type="Lead" field={f} value={v} />,
          })),
          {
            key: 'actions', title: t('common.actions'),
            render: (_: unknown, r: Lead) => r.status !== 'DISQUALIFIED' && r.status !== 'CONVERTED'
              ? <Button size="small" onClick={() => setConverting(r)} data-testid="convert-lead">{t('lead.convert')}</Button> : null,
          },
        ]}
      />
      <Modal open={!!converting} title={`${t('lead.convert')} · ${converting?.name ?? ''}`} onCancel={() => setConverting(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" initialValues={{ createOpportunity: true, opportunityTitle: converting?.company ?? converting?.name }}
          onFinish={async (v: { createOpportunity: boolean; opportunityTitle?: string }) => {
            if (!converting) return;
            const r = await convert({ input: { leadId: converting.id, createOpportunity: v.createOpportunity, opportunityTitle: v.opportunityTitle ?? null } });
            const p = r.data?.convertLead;
            if (r.error || p?.errors.length) {
              message.error(r.error?.message ?? formatUserErrors(p?.errors));
              return;
            }
            message.success(t('lead.converted'));
            setConverting(null);
            refetch({ requestPolicy: 'network-only' });
            if (p?.customer) navigate(`/customers/${encodeURIComponent(p.customer.id)}`);
          }}>
          <Form.Item name="createOpportunity" valuePropName="checked"><Checkbox>{t('lead.createOpportunity')}</Checkbox></Form.Item>
          <Form.Item name="opportunityTitle" label={t('lead.opportunityTitle')}><Input /></Form.Item>
          <Button type="primary" htmlType="submit" data-testid="convert-submit">{t('common.confirm')}</Button>
        </Form>
      </Modal>
    </Card>
  );
}
