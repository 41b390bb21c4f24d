import { useState } from 'react';
import { Button, Card, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { useFeedback } from '../components/feedback';
import { QueryState } from '../components/QueryState';
import { formatDateTime } from '../components/format';
import { outcomeText } from '../graphql/errors';
import { enumLabel } from '../i18n';
import { useCurrentUser } from '../permissions/context';
import type { ApprovalRequestsQuery as RequestsResult, ApprovalRequestFilter } from '../gql-approvals/graphql';
import { ApprovalRequestsQuery, ApproveMutation, CancelApprovalRequestMutation, RejectMutation } from './approvals/documents';
import './approvals/texts';

type Request = RequestsResult['approvalRequests']['edges'][number]['node'];
type Tab = 'awaiting' | 'mine' | 'all';

const STATUS_COLOR: Record<string, string> = { PENDING: 'blue', APPROVED: 'green', REJECTED: 'red', CANCELLED: 'default' };
const FILTERS: Record<Tab, ApprovalRequestFilter> = {
  awaiting: { awaitingMe: true },
  mine: { mine: true },
  all: {},
};

/** 审批: the requests waiting for me (approve or reject with a comment), mine with their status. */
export default function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const highlighted = params.get('request');
  const [tab, setTab] = useState<Tab>(highlighted ? 'all' : 'awaiting');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ApprovalRequestsQuery, variables: { filter: FILTERS[tab], first: 100 }, requestPolicy: 'network-only',
  });
  const [deciding, setDeciding] = useState<{ request: Request; approve: boolean } | null>(null);
  const [comment, setComment] = useState('');
  const rows = data?.approvalRequests.edges.map((e) => e.node) ?? [];

  const decide = async () => {
    if (!deciding) return;
    const input = { id: deciding.request.id, comment: comment.trim() || null };
    const r = deciding.approve
      ? await client.mutation(ApproveMutation, { input }).toPromise()
      : await client.mutation(RejectMutation, { input }).toPromise();
    const errors = r.data && ('approve' in r.data ? r.data.approve.errors : 'reject' in r.data ? r.data.reject.errors : undefined);
    const text = outcomeText(i18n, r.error, errors);
    if (text) { message.error(text); return; }
    message.success(t('common.success'));
    setDeciding(null);
    setComment('');
    refetch({ requestPolicy: 'network-only' });
  };
  const withdraw = async (req: Request) => {
    const r = await client.mutation(CancelApprovalRequestMutation, { input: { id: req.id } }).toPromise();
    const text = outcomeText(i18n, r.error, r.data?.cancelApprovalRequest.errors);
    if (text) { message.error(text); return; }
    refetch({ requestPolicy: 'network-only' });
  };

  const subject = (r: Request) => (r.order
    ? <Link to={`/orders/${encodeURIComponent(r.order.id)}`}>{r.order.number}</Link>
    : <span>{r.subjectLabel}</span>);

  return (
    <Card title={t('menu.approvals')}>
      <Typography.Paragraph type="secondary">{t('approvals.intro')}</Typography.Paragraph>
      <Tabs activeKey={tab} onChange={(k) => setTab(k as Tab)} data-testid="approval-tabs" items={[
        { key: 'awaiting', label: <span data-testid="tab-awaiting">{t('approvals.awaiting')}</span> },
        { key: 'mine', label: <span data-testid="tab-mine">{t('approvals.mine')}</span> },
        { key: 'all', label: <span data-testid="tab-all">{t('approvals.all')}</span> },
      ]} />
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <Table<Request> rowKey="id" size="middle" dataSource={rows} loading={fetching} pagination={false} scroll={{ x: 'max-content' }}
        data-testid="approval-requests" locale={{ emptyText: t('approvals.none') }}
        rowClassName={(r) => (r.id === highlighted ? 'ant-table-row-selected' : '')}
        expandable={{ rowExpandable: (r) => r.decisions.length > 0, expandedRowRender: (r) => (
          <Space orientation="vertical" size={2} data-testid="approval-decisions">
            {r.decisions.map((d) => (
              <span key={d.id}>
                <Tag color={d.decision === 'APPROVE' ? 'green' : 'red'}>{enumLabel(t, 'ApprovalDecisionKind', d.decision)}</Tag>
                {d.approver?.name} · {formatDateTime(d.createdAt)}{d.comment ? `：${d.comment}` : ''}
              </span>
            ))}
          </Space>
        ) }}
        columns={[
          { title: t('approvals.rule'), dataIndex: 'ruleName' },
          { title: t('approvals.subject'), render: (_: unknown, r) => subject(r) },
          { title: t('approvals.reason'), dataIndex: 'reason', render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
          { title: t('approvals.requester'), render: (_: unknown, r) => r.requester?.name ?? '' },
          { title: t('approvals.status'), render: (_: unknown, r) => (
            <Space size={4}>
              <Tag color={STATUS_COLOR[r.status]} data-testid="approval-status" data-status={r.status}>{enumLabel(t, 'ApprovalRequestStatus', r.status)}</Tag>
              {r.status === 'PENDING' ? <Typography.Text type="secondary">{t('approvals.stepOf', { current: r.currentStep + 1, total: r.stepCount })}</Typography.Text> : null}
            </Space>
          ) },
          { title: t('approvals.waitingFor'), render: (_: unknown, r) => r.waitingFor.map((w) => w.user?.name).filter(Boolean).join('、') },
          { title: t('approvals.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: t('common.actions'), render: (_: unknown, r) => {
            if (r.status !== 'PENDING') return null;
            const mine = r.requester?.id === me?.id;
            const waitsForMe = r.waitingFor.some((w) => w.user?.id === me?.id);
            return (
              <Space size="small">
                {waitsForMe && !mine ? <>
                  <Button size="small" type="primary" data-testid="approval-approve" onClick={() => setDeciding({ request: r, approve: true })}>{t('approvals.approve')}</Button>
                  <Button size="small" danger data-testid="approval-reject" onClick={() => setDeciding({ request: r, approve: false })}>{t('approvals.reject')}</Button>
                </> : null}
                {mine ? <Button size="small" data-testid="approval-cancel" onClick={() => void withdraw(r)}>{t('approvals.cancel')}</Button> : null}
              </Space>
            );
          } },
        ]} />
      <Modal open={!!deciding} destroyOnHidden onCancel={() => setDeciding(null)} onOk={() => void decide()}
        title={deciding?.approve ? t('approvals.approveTitle') : t('approvals.rejectTitle')}
        okText={deciding?.approve ? t('approvals.approve') : t('approvals.reject')}
        okButtonProps={{ danger: !deciding?.approve, 'data-testid': 'approval-decide' } as never}>
        {deciding ? <Typography.Paragraph>{deciding.request.ruleName} · {deciding.request.subjectLabel}<br />{deciding.request.reason}</Typography.Paragraph> : null}
        <Input.TextArea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000}
          placeholder={t('approvals.commentPlaceholder')} aria-label={t('approvals.comment')} data-testid="approval-comment" />
      </Modal>
    </Card>
  );
}
