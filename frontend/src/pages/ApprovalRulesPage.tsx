import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { useFeedback } from '../components/feedback';
import { QueryState } from '../components/QueryState';
import { formatMoney } from '../components/format';
import { outcomeText, type UserErrorLike } from '../graphql/errors';
import { enumLabel, roleLabel } from '../i18n';
import type {
  ApprovalApproverSource, ApprovalRuleKind, ApprovalRulesQuery as RulesResult, ApprovalStepInput, ApprovalStepMode,
} from '../gql-approvals/graphql';
import { ApprovalRulesQuery, CreateApprovalRuleMutation, DeleteApprovalRuleMutation, UpdateApprovalRuleMutation } from './approvals/documents';
import './approvals/texts';

type Rule = RulesResult['approvalRules']['edges'][number]['node'];
type Step = Rule['steps'][number];

const KINDS: ApprovalRuleKind[] = ['ORDER_AMOUNT', 'LINE_DISCOUNT', 'PAY_RUN', 'REFUND_AMOUNT', 'CUSTOMER_TRANSFER'];
const SOURCES: ApprovalApproverSource[] = ['ROLE', 'MANAGER', 'USERS'];
const MODES: ApprovalStepMode[] = ['ONE_OF', 'ALL_OF'];
const ROLES = ['admin', 'sales_manager', 'sales_rep', 'marketing', 'support', 'warehouse', 'finance', 'hr', 'viewer'];

interface FormValues {
  name: string; kind: ApprovalRuleKind; threshold?: number | null; currency?: string;
  repLimit?: number | null; managerLimit?: number | null;
  steps: { by: ApprovalApproverSource; mode: ApprovalStepMode; role?: string; level?: number; userIds?: string[] }[];
}

/** 审批规则 (admins): what needs approval, and who approves it step by step. */
export default function ApprovalRulesPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ApprovalRulesQuery, requestPolicy: 'network-only' });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const rules = data?.approvalRules.edges.map((e) => e.node) ?? [];
  const users = data?.users.edges.map((e) => e.node) ?? [];
  const userName = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const report = (err: Parameters<typeof outcomeText>[1], errs: readonly UserErrorLike[] | undefined): boolean => {
    const text = outcomeText(i18n, err, errs);
    if (text) { message.error(text); return false; }
    return true;
  };

  const stepText = (s: Step) => {
    const who = s.by === 'ROLE' ? roleLabel(t, s.role) : s.by === 'MANAGER' ? t('approvalRules.managerLevel', { level: s.level })
      : s.userIds.map(userName).join('、');
    return `${who} · ${enumLabel(t, 'ApprovalStepMode', s.mode)}`;
  };
  const stepsInput = (steps: readonly Step[]): ApprovalStepInput[] => steps.map((s) => ({
    by: s.by, mode: s.mode, role: s.role ?? null, level: s.level ?? null, userIds: s.userIds,
  }));

  const create = async (v: FormValues) => {
    const limits = [
      ...(v.repLimit != null ? [{ role: 'sales_rep', limit: String(v.repLimit) }] : []),
      ...(v.managerLimit != null ? [{ role: 'sales_manager', limit: String(v.managerLimit) }] : []),
    ];
    const r = await client.mutation(CreateApprovalRuleMutation, { input: {
      name: v.name, kind: v.kind,
      threshold: v.threshold != null ? { amount: String(v.threshold), currency: v.currency || 'CNY' } : null,
      discountLimits: v.kind === 'LINE_DISCOUNT' ? limits : null,
      steps: (v.steps ?? []).map((s) => ({
        by: s.by, mode: s.mode ?? 'ONE_OF', role: s.by === 'ROLE' ? s.role ?? null : null,
        level: s.by === 'MANAGER' ? s.level ?? 1 : null, userIds: s.by === 'USERS' ? s.userIds ?? [] : null,
      })),
    } }).toPromise();
    if (!report(r.error, r.data?.createApprovalRule.errors)) return;
    setCreating(false);
    form.resetFields();
    message.success(t('common.success'));
    reload();
  };
  const setEnabled = async (rule: Rule, enabled: boolean) => {
    const r = await client.mutation(UpdateApprovalRuleMutation, { input: {
      id: rule.id, expectedVersion: rule.version, name: rule.name, kind: rule.kind, enabled, steps: stepsInput(rule.steps),
      threshold: rule.threshold ? { amount: rule.threshold.amount, currency: rule.threshold.currency } : null,
      discountLimits: rule.kind === 'LINE_DISCOUNT' ? rule.discountLimits.map((d) => ({ role: d.role, limit: d.limit })) : null,
    } }).toPromise();
    if (report(r.error, r.data?.updateApprovalRule.errors)) reload();
  };
  const remove = async (rule: Rule) => {
    const r = await client.mutation(DeleteApprovalRuleMutation, { input: { id: rule.id } }).toPromise();
    if (report(r.error, r.data?.deleteApprovalRule.errors)) reload();
  };

  return (
    <Card title={t('menu.approvalRules')} extra={<Button type="primary" data-testid="rule-new" onClick={() => setCreating(true)}>{t('approvalRules.new')}</Button>}>
      <Typography.Paragraph type="secondary">{t('approvalRules.intro')}</Typography.Paragraph>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <Table<Rule> rowKey="id" size="middle" dataSource={rules} loading={fetching} pagination={false} scroll={{ x: 'max-content' }} data-testid="approval-rules"
        columns={[
          { title: t('approvalRules.name'), dataIndex: 'name' },
          { title: t('approvalRules.kind'), render: (_: unknown, r) => <Tag data-testid="rule-kind">{enumLabel(t, 'ApprovalRuleKind', r.kind)}</Tag> },
          { title: t('approvalRules.threshold'), render: (_: unknown, r) => (r.threshold ? formatMoney(r.threshold, i18n.language) : '') },
          { title: t('approvalRules.limits'), render: (_: unknown, r) => r.discountLimits.map((d) => `${roleLabel(t, d.role)} ${d.limit}%`).join('、') },
          { title: t('approvalRules.steps'), render: (_: unknown, r) => (
            <Space orientation="vertical" size={0}>{r.steps.map((s, i) => <span key={i}>{i + 1}. {stepText(s)}</span>)}</Space>
          ) },
          { title: t('approvalRules.enabled'), render: (_: unknown, r) => <Switch checked={r.enabled} data-testid="rule-enabled" onChange={(on) => void setEnabled(r, on)} /> },
          { title: t('common.actions'), render: (_: unknown, r) => (
            <Popconfirm title={t('approvalRules.deleteConfirm')} onConfirm={() => void remove(r)}>
              <Button size="small" danger data-testid="rule-delete">{t('approvalRules.delete')}</Button>
            </Popconfirm>
          ) },
        ]} />
      <Modal open={creating} title={t('approvalRules.new')} onCancel={() => setCreating(false)} footer={null} destroyOnHidden width={640}>
        <Form<FormValues> form={form} layout="vertical" data-testid="rule-form" onFinish={(v) => void create(v)}
          initialValues={{ kind: 'ORDER_AMOUNT', currency: 'CNY', steps: [{ by: 'ROLE', mode: 'ONE_OF', role: 'sales_manager' }] }}>
          <Form.Item name="name" label={t('approvalRules.name')} rules={[{ required: true, whitespace: true, message: t('login.required') }]}><Input data-testid="rule-name" /></Form.Item>
          <Form.Item name="kind" label={t('approvalRules.kind')}>
            <Select data-testid="rule-kind-select" options={KINDS.map((k) => ({ value: k, label: enumLabel(t, 'ApprovalRuleKind', k) }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {({ getFieldValue }) => (getFieldValue('kind') === 'LINE_DISCOUNT' ? (
              <Space>
                <Form.Item name="repLimit" label={t('approvalRules.repLimit')}><InputNumber min={0} max={100} data-testid="rule-rep-limit" /></Form.Item>
                <Form.Item name="managerLimit" label={t('approvalRules.managerLimit')}><InputNumber min={0} max={100} /></Form.Item>
              </Space>
            ) : (
              <Space>
                <Form.Item name="threshold" label={t('approvalRules.threshold')}><InputNumber min={0} stringMode data-testid="rule-threshold" style={{ width: 200 }} /></Form.Item>
                <Form.Item name="currency" label={t('approvalRules.currency')}><Input maxLength={3} style={{ width: 80 }} /></Form.Item>
              </Space>
            ))}
          </Form.Item>
          <Form.List name="steps">
            {(fields, { add, remove: drop }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="start" wrap data-testid="rule-step">
                    <Typography.Text>{i + 1}.</Typography.Text>
                    <Form.Item name={[f.name, 'by']} label={t('approvalRules.by')}>
                      <Select style={{ width: 150 }} options={SOURCES.map((s) => ({ value: s, label: enumLabel(t, 'ApprovalApproverSource', s) }))} />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {({ getFieldValue }) => {
                        const by = getFieldValue(['steps', f.name, 'by']) as ApprovalApproverSource;
                        if (by === 'MANAGER') return <Form.Item name={[f.name, 'level']} label={t('approvalRules.level')}><InputNumber min={1} max={10} /></Form.Item>;
                        if (by === 'USERS') return (
                          <Form.Item name={[f.name, 'userIds']} label={t('approvalRules.users')}>
                            <Select mode="multiple" style={{ width: 220 }} options={users.map((u) => ({ value: u.id, label: u.name }))} optionFilterProp="label" />
                          </Form.Item>
                        );
                        return (
                          <Form.Item name={[f.name, 'role']} label={t('approvalRules.role')}>
                            <Select style={{ width: 150 }} data-testid="rule-step-role" options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
                          </Form.Item>
                        );
                      }}
                    </Form.Item>
                    <Form.Item name={[f.name, 'mode']} label={t('approvalRules.mode')} initialValue="ONE_OF">
                      <Select style={{ width: 120 }} options={MODES.map((m) => ({ value: m, label: enumLabel(t, 'ApprovalStepMode', m) }))} />
                    </Form.Item>
                    <Button type="text" danger onClick={() => drop(f.name)} aria-label={t('approvalRules.delete')}>×</Button>
                  </Space>
                ))}
                <Form.Item><Button data-testid="rule-add-step" onClick={() => add({ by: 'ROLE', mode: 'ONE_OF', role: 'admin' })}>{t('approvalRules.addStep')}</Button></Form.Item>
              </>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" data-testid="rule-submit">{t('common.confirm')}</Button>
        </Form>
      </Modal>
    </Card>
  );
}
