import { useState } from 'react';
import { App, Button, type ButtonProps, Card, DatePicker, Descriptions, Modal, Space, Table, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { ApprovePayRunMutation, CalculatePayRunMutation, CreatePayRunMutation, EmployeesQuery, PayRunsQuery } from './payroll/documents';
import { FieldValue } from '../components/MaskedText';
import { formatDate, formatMoney } from '../components/format';
import { QueryState } from '../components/QueryState';
import { formatUserErrors } from '../graphql/errors';
import { usePermissions } from '../permissions/context';
import type { EmployeesQuery as EmployeesQueryType, PayRunsQuery as PayRunsQueryType } from '../gql/graphql';

type Run = PayRunsQueryType['payRuns']['edges'][number]['node'];
type Slip = Run['payslips'][number];
type Emp = EmployeesQueryType['employees']['edges'][number]['node'];
const RUN_COLOR: Record<string, string> = { DRAFT: 'default', CALCULATED: 'blue', APPROVED: 'green', PAID: 'purple' };

export function PayslipLines({ slip }: { slip: Pick<Slip, 'lines'> }) {
  const { t, i18n } = useTranslation();
  return (
    <Table size="small" rowKey={(l) => l.label} pagination={false} dataSource={slip.lines}
      columns={[
        { title: t('payroll.lines'), dataIndex: 'label' },
        { title: t('order.amount'), render: (_: unknown, l) => formatMoney(l.amount, i18n.language) },
        { title: '', dataIndex: 'explanation' },
      ]} />
  );
}

export default function PayrollPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const p = usePermissions();
  const canWrite = p.canWrite('PayRun', 'status');
  const [{ data, fetching, error }, refetch] = useQuery({ query: PayRunsQuery });
  const [{ data: emp }] = useQuery({ query: EmployeesQuery, pause: !p.canView('Employee') });
  const [creating, setCreating] = useState(false);
  const [month, setMonth] = useState<Dayjs | null>(dayjs().subtract(0, 'month'));
  const runs = data?.payRuns.edges.map((e) => e.node) ?? [];
  const money = (m: { amount: string; currency: string } | null | undefined) => formatMoney(m, i18n.language);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const act = async (run: Run, kind: 'calculate' | 'approve') => {
    const r = kind === 'calculate'
      ? await client.mutation(CalculatePayRunMutation, { input: { id: run.id } }).toPromise()
      : await client.mutation(ApprovePayRunMutation, { input: { id: run.id } }).toPromise();
    const pl = r.data && ('calculatePayRun' in r.data ? r.data.calculatePayRun : r.data.approvePayRun);
    if (r.error || pl?.errors.length) message.error(r.error?.message ?? formatUserErrors(pl?.errors));
    else { message.success(t('common.success')); reload(); }
  };

  return (
    <Card title={t('menu.payroll')} styles={{ body: { paddingTop: 0 } }} extra={canWrite ? <Button type="primary" onClick={() => setCreating(true)} data-testid="new-pay-run">{t('payroll.newRun')}</Button> : null}>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <Tabs items={[
        {
          key: 'runs', label: t('payroll.runs'),
          children: (
            <Table<Run> rowKey="id" size="middle" dataSource={runs} loading={fetching} pagination={false} scroll={{ x: 'max-content' }} data-testid="pay-runs"
              expandable={{
                expandedRowRender: (run) => (
                  <Table<Slip> rowKey="id" size="small" dataSource={run.payslips} pagination={false} scroll={{ x: 'max-content' }}
                    expandable={{ expandedRowRender: (s) => <PayslipLines slip={s} /> }}
                    columns={[
                      { title: t('payroll.employee'), render: (_: unknown, s) => s.employee?.user?.name ?? s.employee?.number ?? '—' },
                      { title: t('payroll.base'), render: (_: unknown, s) => money(s.base) },
                      { title: t('payroll.commission'), render: (_: unknown, s) => money(s.commission) },
                      { title: t('payroll.gross'), render: (_: unknown, s) => money(s.gross) },
                      { title: t('payroll.tax'), render: (_: unknown, s) => money(s.tax) },
                      { title: t('payroll.net'), render: (_: unknown, s) => money(s.net) },
                      { title: t('payroll.employerCost'), render: (_: unknown, s) => money(s.employerCost) },
                    ]} />
                ),
              }}
              columns={[
                { title: t('payroll.period'), dataIndex: 'period' },
                { title: t('payroll.status'), dataIndex: 'status', render: (v: string) => <Tag color={RUN_COLOR[v]} data-testid="pay-run-status">{v}</Tag> },
                { title: t('payroll.payslips'), render: (_: unknown, r) => r.payslips.length },
                {
                  title: t('common.actions'), render: (_: unknown, r) => canWrite ? (
                    <Space>
                      {r.status === 'DRAFT' || r.status === 'CALCULATED' ? <Button size="small" onClick={() => void act(r, 'calculate')} data-testid="calculate-run">{t('payroll.calculate')}</Button> : null}
                      {r.status === 'CALCULATED' ? <Button size="small" type="primary" onClick={() => void act(r, 'approve')} data-testid="approve-run">{t('payroll.approve')}</Button> : null}
                    </Space>
                  ) : null,
                },
              ]} />
          ),
        },
        ...(p.canView('Employee') ? [{
          key: 'employees', label: t('payroll.employees'),
          children: (
            <Table<Emp> rowKey="id" size="middle" dataSource={emp?.employees.edges.map((e) => e.node) ?? []} scroll={{ x: 'max-content' }}
              columns={[
                { title: t('payroll.number'), dataIndex: 'number' },
                { title: t('payroll.employee'), render: (_: unknown, e: Emp) => e.user?.name ?? '—' },
                { title: t('payroll.title'), dataIndex: 'title' },
                { title: t('payroll.hireDate'), dataIndex: 'hireDate', render: (v: string | null) => formatDate(v) },
                ...(p.canRead('Employee', 'baseSalary') ? [{ title: t('payroll.base'), render: (_: unknown, e: Emp) => <FieldValue type="Employee" field="baseSalary" value={e.baseSalary} render={() => money(e.baseSalary)} /> }] : []),
                ...(p.canRead('Employee', 'bankAccount') ? [{ title: 'Bank', dataIndex: 'bankAccount', render: (v: string | null) => <FieldValue type="Employee" field="bankAccount" value={v} /> }] : []),
              ]} />
          ),
        }] : []),
      ]} />
      <Modal open={creating} title={t('payroll.newRun')} onCancel={() => setCreating(false)} onOk={async () => {
        if (!month) return;
        const r = await client.mutation(CreatePayRunMutation, { input: { period: month.format('YYYY-MM') } }).toPromise();
        const pl = r.data?.createPayRun;
        if (r.error || pl?.errors.length) { message.error(r.error?.message ?? formatUserErrors(pl?.errors)); return; }
        setCreating(false);
        reload();
      }} okButtonProps={{ 'data-testid': 'create-run-ok' } as ButtonProps}>
        <Descriptions column={1}><Descriptions.Item label={t('payroll.month')}>
          <DatePicker picker="month" value={month} onChange={setMonth} data-testid="run-month" />
        </Descriptions.Item></Descriptions>
      </Modal>
    </Card>
  );
}
