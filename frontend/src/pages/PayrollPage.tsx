import { useState } from 'react';
import { Button, type ButtonProps, Card, DatePicker, Descriptions, Modal, Space, Table, Tabs, Tag } from 'antd';
import { useFeedback } from '../components/feedback';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import {
  ApprovePayRunMutation, CalculatePayRunMutation, MarkPayRunPaidMutation, CompensationPlansQuery, CreatePayRunMutation, EmployeesQuery, PayRunPayslipsQuery, PayRunsQuery,
} from './payroll/documents';
import { FieldValue } from '../components/MaskedText';
import { formatDate, formatMoney } from '../components/format';
import { QueryState } from '../components/QueryState';
import { outcomeText } from '../graphql/errors';
import { enumLabel } from '../i18n';
import { usePermissions } from '../permissions/context';
import type { EmployeesQuery as EmployeesQueryType, PayRunsQuery as PayRunsQueryType, PayslipFieldsFragment } from '../gql/graphql';

type Run = PayRunsQueryType['payRuns']['edges'][number]['node'];
type Emp = EmployeesQueryType['employees']['edges'][number]['node'];
type MoneyV = { amount: string; currency: string } | null | undefined;
const RUN_COLOR: Record<string, string> = { DRAFT: 'default', CALCULATED: 'blue', APPROVED: 'green', PAID: 'purple' };

/** A payslip's explanation lines: how each figure was computed. */
export function PayslipLines({ slip }: { slip: Pick<PayslipFieldsFragment, 'lines'> }) {
  const { t, i18n } = useTranslation();
  return (
    <Table size="small" rowKey={(l) => l.code + l.label} pagination={false} dataSource={slip.lines ?? []} data-testid="payslip-lines"
      columns={[
        { title: t('payroll.lines'), dataIndex: 'label' },
        { title: t('order.amount'), render: (_: unknown, l) => formatMoney(l.amount, i18n.language) },
        { title: '', dataIndex: 'explanation' },
      ]} />
  );
}

export function PayslipTable({ slips, showEmployee = true }: { slips: readonly PayslipFieldsFragment[]; showEmployee?: boolean }) {
  const { t, i18n } = useTranslation();
  const money = (m: MoneyV) => formatMoney(m, i18n.language);
  return (
    <Table<PayslipFieldsFragment> rowKey="id" size="small" dataSource={[...slips]} pagination={false} scroll={{ x: 'max-content' }}
      expandable={{ expandedRowRender: (s) => <PayslipLines slip={s} /> }} data-testid="payslips"
      columns={[
        ...(showEmployee ? [{ title: t('payroll.employee'), render: (_: unknown, s: PayslipFieldsFragment) => `${s.employeeName} (${s.employeeNumber})` }] : [{ title: t('payroll.period'), dataIndex: 'period' }]),
        { title: t('payroll.base'), render: (_: unknown, s) => money(s.base) },
        { title: t('payroll.commission'), render: (_: unknown, s) => money(s.commission) },
        { title: t('payroll.bonus'), render: (_: unknown, s) => money(s.bonus) },
        { title: t('payroll.gross'), render: (_: unknown, s) => money(s.gross) },
        { title: t('payroll.contributions'), render: (_: unknown, s) => money(s.employeeContributions) },
        { title: t('payroll.tax'), render: (_: unknown, s) => money(s.tax) },
        { title: t('payroll.net'), render: (_: unknown, s) => <strong>{money(s.net)}</strong> },
        { title: t('payroll.employerCost'), render: (_: unknown, s) => money(s.employerCost) },
      ]} />
  );
}

function RunPayslips({ run }: { run: Run }) {
  const [{ data, fetching }] = useQuery({ query: PayRunPayslipsQuery, variables: { id: run.id }, requestPolicy: 'network-only' });
  const node = data?.node && data.node.__typename === 'PayRun' ? data.node : null;
  const slips = node?.payslips?.edges.map((e) => e.node) ?? [];
  if (fetching && !node) return null;
  return <PayslipTable slips={slips} />;
}

export default function PayrollPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = useFeedback();
  const client = useClient();
  const p = usePermissions();
  const canWrite = p.canChange('PayRun');
  // hr calculates, finance approves and pays out: the server says whose steps are whose.
  const canApprove = p.canDo('PayRun', 'approve') || p.canDo('PayRun', 'markPaid');
  const [{ data, fetching, error }, refetch] = useQuery({ query: PayRunsQuery });
  const [{ data: emp }] = useQuery({ query: EmployeesQuery, pause: !p.canView('Employee') });
  const [{ data: plans }] = useQuery({ query: CompensationPlansQuery, pause: !p.canView('CompensationPlan') });
  const [creating, setCreating] = useState(false);
  const [month, setMonth] = useState<Dayjs | null>(dayjs().startOf('month'));
  const runs = data?.payRuns.edges.map((e) => e.node) ?? [];
  const money = (m: MoneyV) => formatMoney(m, i18n.language);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const act = async (run: Run, kind: 'calculate' | 'approve' | 'paid') => {
    const input = { id: run.id };
    let text: string;
    if (kind === 'calculate') {
      const r = await client.mutation(CalculatePayRunMutation, { input }).toPromise();
      text = outcomeText(i18n, r.error, r.data?.calculatePayRun.errors);
    } else if (kind === 'approve') {
      const r = await client.mutation(ApprovePayRunMutation, { input }).toPromise();
      text = outcomeText(i18n, r.error, r.data?.approvePayRun.errors);
    } else {
      const r = await client.mutation(MarkPayRunPaidMutation, { input }).toPromise();
      text = outcomeText(i18n, r.error, r.data?.markPayRunPaid.errors);
    }
    if (text) message.error(text);
    else { message.success(t('common.success')); reload(); }
  };

  /** Approving and paying out cannot be undone: both first say what they will do. */
  const confirmStep = (run: Run, kind: 'approve' | 'paid') => modal.confirm({
    title: kind === 'approve' ? t('payroll.approveTitle', { period: run.period }) : t('payroll.markPaidTitle', { period: run.period }),
    content: (
      <span data-testid="pay-run-summary">
        {kind === 'approve'
          ? t('payroll.approveSummary', { count: run.payslipCount, gross: money(run.gross), net: money(run.net), cost: money(run.employerCost) })
          : t('payroll.markPaidSummary', { count: run.payslipCount, net: money(run.net) })}
      </span>
    ),
    okText: kind === 'approve' ? t('payroll.approve') : t('payroll.markPaid'),
    okButtonProps: { 'data-testid': 'pay-run-confirm' } as never,
    cancelText: t('common.cancel'),
    onOk: () => act(run, kind),
  });

  return (
    <Card title={t('menu.payroll')} styles={{ body: { paddingTop: 0 } }} extra={canWrite ? <Button type="primary" onClick={() => setCreating(true)} data-testid="new-pay-run">{t('payroll.newRun')}</Button> : null}>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <Tabs items={[
        {
          key: 'runs', label: t('payroll.runs'),
          children: (
            <Table<Run> rowKey="id" size="middle" dataSource={runs} loading={fetching} pagination={false} scroll={{ x: 'max-content' }} data-testid="pay-runs"
              expandable={{ expandedRowRender: (run) => <RunPayslips run={run} /> }}
              columns={[
                { title: t('payroll.period'), dataIndex: 'period' },
                { title: t('payroll.status'), dataIndex: 'status', render: (v: string) => <Tag color={RUN_COLOR[v]} data-testid="pay-run-status" data-status={v}>{enumLabel(t, 'PayRunStatus', v)}</Tag> },
                { title: t('payroll.payslips'), dataIndex: 'payslipCount' },
                { title: t('payroll.paidAt'), dataIndex: 'paidAt', render: (v: string | null) => formatDate(v) },
                { title: t('payroll.gross'), render: (_: unknown, r) => money(r.gross) },
                { title: t('payroll.tax'), render: (_: unknown, r) => money(r.tax) },
                { title: t('payroll.net'), render: (_: unknown, r) => money(r.net) },
                { title: t('payroll.employerCost'), render: (_: unknown, r) => money(r.employerCost) },
                {
                  title: t('common.actions'), render: (_: unknown, r) => canWrite || canApprove ? (
                    <Space>
                      {(r.status === 'DRAFT' || r.status === 'CALCULATED') && p.canDo('PayRun', 'calculate') ? <Button size="small" onClick={() => void act(r, 'calculate')} data-testid="calculate-run">{t('payroll.calculate')}</Button> : null}
                      {r.status === 'CALCULATED' && p.canDo('PayRun', 'approve') ? <Button size="small" type="primary" onClick={() => confirmStep(r, 'approve')} data-testid="approve-run">{t('payroll.approve')}</Button> : null}
                      {r.status === 'APPROVED' && p.canDo('PayRun', 'markPaid') ? <Button size="small" onClick={() => confirmStep(r, 'paid')} data-testid="mark-paid">{t('payroll.markPaid')}</Button> : null}
                    </Space>
                  ) : null,
                },
              ]} />
          ),
        },
        ...(p.canView('Employee') ? [{
          key: 'employees', label: t('payroll.employees'),
          children: (
            <Table<Emp> rowKey="id" size="middle" dataSource={emp?.employees.edges.map((e) => e.node) ?? []} scroll={{ x: 'max-content' }} data-testid="employees"
              columns={[
                { title: t('payroll.number'), dataIndex: 'employeeNumber' },
                { title: t('payroll.employee'), render: (_: unknown, e) => e.user?.name ?? '—' },
                { title: t('payroll.department'), dataIndex: 'department' },
                { title: t('payroll.title'), dataIndex: 'title' },
                { title: t('payroll.hireDate'), dataIndex: 'hireDate', render: (v: string | null) => formatDate(v) },
                { title: t('payroll.plan'), render: (_: unknown, e) => e.compensationPlan?.name ?? '—' },
                { title: t('payroll.leave'), dataIndex: 'annualLeaveBalance' },
                ...(p.canRead('Employee', 'baseSalary') ? [{ title: t('payroll.base'), render: (_: unknown, e: Emp) => <FieldValue type="Employee" field="baseSalary" value={e.baseSalary} render={() => money(e.baseSalary)} /> }] : []),
                ...(p.canRead('Employee', 'bankAccount') ? [{ title: t('payroll.bank'), render: (_: unknown, e: Emp) => <FieldValue type="Employee" field="bankAccount" value={e.bankAccount} /> }] : []),
              ]} />
          ),
        }] : []),
        ...(p.canView('CompensationPlan') ? [{
          key: 'plans', label: t('payroll.plans'),
          children: (
            <Table rowKey="id" size="middle" pagination={false} dataSource={plans?.compensationPlans ?? []}
              columns={[
                { title: t('payroll.plan'), dataIndex: 'name' },
                { title: '', dataIndex: 'description' },
                {
                  title: t('payroll.tiers'),
                  render: (_: unknown, pl: NonNullable<typeof plans>['compensationPlans'][number]) =>
                    pl.commissionTiers.map((tier) => `≥ ${money(tier.threshold)}: ${(Number(tier.rate) * 100).toFixed(2)}%`).join('; '),
                },
                { title: t('payroll.newCustomerBonus'), render: (_: unknown, pl: NonNullable<typeof plans>['compensationPlans'][number]) => money(pl.newCustomerBonus) },
              ]} />
          ),
        }] : []),
      ]} />
      <Modal open={creating} title={t('payroll.newRun')} onCancel={() => setCreating(false)} onOk={async () => {
        if (!month) return;
        const r = await client.mutation(CreatePayRunMutation, { input: { year: month.year(), month: month.month() + 1 } }).toPromise();
        const pl = r.data?.createPayRun;
        const text = outcomeText(i18n, r.error, pl?.errors);
        if (text) { message.error(text); return; }
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
