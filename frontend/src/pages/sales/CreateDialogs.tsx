import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useFeedback } from '../../components/feedback';
import { clearFieldErrors, showFieldErrors } from '../../components/formErrors';
import { moneyRule, parseMoney } from '../../components/money';
import { combinedErrorText, errorsText, type UserErrorLike } from '../../graphql/errors';
import { enumLabel } from '../../i18n';
import { CreateLeadMutation, CreateOpportunityMutation, CreateTaskMutation, CustomerPickQuery, StagesQuery } from './documents';
import type { TaskPriority } from '../../gql/graphql';

const PRIORITIES: TaskPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

/**
 * What every create dialog does with the server's answer: errors under their fields (cleared
 * as the field changes), the rest above the form, all in the user's language.
 */
function useServerErrors(fields: readonly string[]) {
  const { i18n } = useTranslation();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const report = (error: Parameters<typeof combinedErrorText>[1] | undefined, errors: readonly UserErrorLike[] | undefined): boolean => {
    if (error) {
      setProblem(combinedErrorText(i18n, error));
      return true;
    }
    if (errors?.length) {
      const rest = showFieldErrors(form, i18n, errors, fields);
      setProblem(rest.length ? errorsText(i18n, rest) : null);
      return true;
    }
    setProblem(null);
    return false;
  };
  return { form, problem, report, onValuesChange: (changed: Record<string, unknown>) => clearFieldErrors(form, changed) };
}

function CustomerPicker({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const [text, setText] = useState('');
  const [{ data }] = useQuery({ query: CustomerPickQuery, variables: { search: text || null } });
  return (
    <Select value={value} onChange={onChange} showSearch={{ filterOption: false, onSearch: setText }} data-testid="pick-customer"
      options={(data?.customers.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name }))} />
  );
}

export function CreateLeadDialog({ onClose }: { onClose: (created: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const fields = ['name', 'company', 'title', 'phone', 'email', 'source', 'notes'];
  const { form, problem, report, onValuesChange } = useServerErrors(fields);
  const [{ fetching }, create] = useMutation(CreateLeadMutation);
  return (
    <Modal open title={t('lead.newLead')} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={fetching} okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'create-lead-submit' } as ButtonProps} destroyOnHidden>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="form-error" /> : null}
      <Form form={form} layout="vertical" onValuesChange={onValuesChange}
        onFinish={async (v: Record<string, string | undefined>) => {
          const input = Object.fromEntries(Object.entries(v).filter(([, x]) => x)) as { name: string };
          const r = await create({ input: { ...input, id: crypto.randomUUID() } });
          if (report(r.error, r.data?.createLead.errors)) return;
          message.success(t('lead.created'));
          onClose(true);
        }}>
        <Form.Item name="name" label={t('lead.name')} rules={[{ required: true, whitespace: true, message: t('login.required') }]}><Input data-testid="lead-name" /></Form.Item>
        <Form.Item name="company" label={t('lead.company')}><Input data-testid="lead-company" /></Form.Item>
        <Form.Item name="title" label={t('lead.title')}><Input /></Form.Item>
        <Form.Item name="phone" label={t('customer.phone')}><Input data-testid="lead-phone" inputMode="tel" /></Form.Item>
        <Form.Item name="email" label={t('customer.email')}><Input inputMode="email" /></Form.Item>
        <Form.Item name="source" label={t('lead.source')}><Input /></Form.Item>
        <Form.Item name="notes" label={t('lead.notes')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function CreateTaskDialog({ customerId, opportunityId, onClose }: { customerId?: string; opportunityId?: string; onClose: (created: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const { form, problem, report, onValuesChange } = useServerErrors(['title', 'description', 'dueAt', 'remindAt', 'priority', 'customerId']);
  const [{ fetching }, create] = useMutation(CreateTaskMutation);
  return (
    <Modal open title={t('task.newTask')} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={fetching} okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'create-task-submit' } as ButtonProps} destroyOnHidden>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="form-error" /> : null}
      <Form form={form} layout="vertical" initialValues={{ priority: 'NORMAL' }} onValuesChange={onValuesChange}
        onFinish={async (v: { title: string; description?: string; dueAt?: Dayjs; priority: TaskPriority; customerId?: string }) => {
          const r = await create({ input: {
            id: crypto.randomUUID(), title: v.title.trim(), description: v.description || null, priority: v.priority,
            dueAt: v.dueAt ? v.dueAt.toISOString() : null, customerId: customerId ?? v.customerId ?? null, opportunityId: opportunityId ?? null,
          } });
          if (report(r.error, r.data?.createTask.errors)) return;
          message.success(t('task.created'));
          onClose(true);
        }}>
        <Form.Item name="title" label={t('task.title')} rules={[{ required: true, whitespace: true, message: t('login.required') }]}><Input data-testid="new-task-title" /></Form.Item>
        {!customerId ? <Form.Item name="customerId" label={t('task.customer')}><CustomerPicker /></Form.Item> : null}
        <Form.Item name="dueAt" label={t('task.due')}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="task-due" /></Form.Item>
        <Form.Item name="priority" label={t('task.priority')}>
          <Select options={PRIORITIES.map((p) => ({ value: p, label: enumLabel(t, 'TaskPriority', p) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('task.description')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function CreateOpportunityDialog({ customerId, onClose }: { customerId?: string; onClose: (createdId: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const { form, problem, report, onValuesChange } = useServerErrors(['title', 'amount', 'stageId', 'probability', 'expectedCloseDate', 'customerId']);
  const [{ data: stages }] = useQuery({ query: StagesQuery });
  const [{ fetching }, create] = useMutation(CreateOpportunityMutation);
  const open = [...(stages?.pipelineStages ?? [])].filter((s) => !s.isWon && !s.isLost).sort((a, b) => a.position - b.position);
  return (
    <Modal open title={t('opportunity.newOpportunity')} onCancel={() => onClose(null)} onOk={() => form.submit()} confirmLoading={fetching} okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'create-opportunity-submit' } as ButtonProps} destroyOnHidden>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="form-error" /> : null}
      <Form form={form} layout="vertical" onValuesChange={onValuesChange}
        onFinish={async (v: { title: string; amount?: string; stageId?: string; probability?: number; expectedCloseDate?: Dayjs; customerId?: string }) => {
          const amount = v.amount ? parseMoney(v.amount) : null;
          const r = await create({ input: {
            id: crypto.randomUUID(), customerId: (customerId ?? v.customerId)!, title: v.title.trim(),
            amount: amount ? { amount, currency: 'CNY' } : null, stageId: v.stageId ?? null, probability: v.probability ?? null,
            expectedCloseDate: v.expectedCloseDate ? v.expectedCloseDate.format('YYYY-MM-DD') : null,
          } });
          if (report(r.error, r.data?.createOpportunity.errors)) return;
          message.success(t('opportunity.created'));
          onClose(r.data?.createOpportunity.opportunity?.id ?? null);
        }}>
        <Form.Item name="title" label={t('opportunity.title')} rules={[{ required: true, whitespace: true, message: t('login.required') }]}><Input data-testid="opportunity-title" /></Form.Item>
        {!customerId ? (
          <Form.Item name="customerId" label={t('opportunity.customer')} rules={[{ required: true, message: t('login.required') }]}><CustomerPicker /></Form.Item>
        ) : null}
        <Form.Item name="amount" label={t('opportunity.amount')} rules={[moneyRule(t, { optional: true })]}>
          <Input inputMode="decimal" prefix="¥" placeholder="1,000.50" data-testid="opportunity-amount" />
        </Form.Item>
        <Form.Item name="stageId" label={t('opportunity.stage')}>
          <Select allowClear data-testid="opportunity-stage" options={open.map((s) => ({ value: s.id, label: i18n.language === 'en' ? s.nameEn : s.name }))} />
        </Form.Item>
        <Form.Item name="probability" label={t('opportunity.probability')}><InputNumber min={0} max={100} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="expectedCloseDate" label={t('opportunity.expectedCloseDate')}><DatePicker style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Modal>
  );
}
