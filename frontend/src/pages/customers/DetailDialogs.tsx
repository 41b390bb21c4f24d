import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { useFeedback } from '../../components/feedback';
import { clearFieldErrors, showFieldErrors } from '../../components/formErrors';
import { combinedErrorText, errorsText, outcomeText } from '../../graphql/errors';
import { useFieldAccess } from '../../permissions/context';
import { enumLabel } from '../../i18n';
import { AddTagsMutation, CustomerLookupsQuery, LogInteractionMutation, RemoveTagsMutation, UpdateCustomerMutation } from './documents';
import { LEVELS, STAGES } from './enums';
import { QUICK_KINDS } from './QuickFollowUp';
import type { InteractionKind } from '../../gql/graphql';

const EDITABLE = ['name', 'industry', 'region', 'phone', 'email', 'lifecycleStage', 'level'];
const LABEL: Record<string, string> = {
  name: 'customer.name', industry: 'customer.industry', region: 'customer.region', phone: 'customer.phone', email: 'customer.email',
  lifecycleStage: 'customer.stage', level: 'customer.level',
};

export function LogInteractionDialog({ customerId, opportunityId, onClose }: { customerId: string; opportunityId?: string; onClose: (done: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm();
  const [{ fetching }, log] = useMutation(LogInteractionMutation);
  return (
    <Modal open title={t('customer.logInteraction')} onCancel={() => onClose(false)} destroyOnHidden
      okText={t('common.save')} confirmLoading={fetching} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'interaction-submit' } as ButtonProps}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'CALL' }} onValuesChange={(c) => clearFieldErrors(form, c)}
        onFinish={async (v: { kind: InteractionKind; summary: string; nextFollowUpAt?: Dayjs }) => {
          const r = await log({
            input: {
              id: crypto.randomUUID(), // a retry (or the offline queue) cannot log it twice
              customerId, opportunityId: opportunityId ?? null, kind: v.kind, summary: v.summary, occurredAt: new Date().toISOString(),
              nextFollowUpAt: v.nextFollowUpAt ? v.nextFollowUpAt.startOf('day').toISOString() : null,
            },
          });
          if (r.error?.networkError && typeof navigator !== 'undefined' && !navigator.onLine) {
            message.info(t('interaction.queued'));
            onClose(false);
            return;
          }
          const errs = r.data?.logInteraction.errors ?? [];
          if (r.error) {
            message.error(combinedErrorText(i18n, r.error));
            return;
          }
          if (errs.length) {
            const rest = showFieldErrors(form, i18n, errs, ['kind', 'summary', 'nextFollowUpAt']);
            if (rest.length) message.error(errorsText(i18n, rest));
            return;
          }
          message.success(t('common.success'));
          onClose(true);
        }}>
        <Form.Item name="kind" label={t('interaction.kind')} rules={[{ required: true }]}>
          <Select options={QUICK_KINDS.map((k) => ({ value: k, label: enumLabel(t, 'InteractionKind', k) }))} />
        </Form.Item>
        <Form.Item name="summary" label={t('interaction.summary')} rules={[{ required: true, whitespace: true, message: t('login.required') }]}>
          <Input.TextArea rows={3} data-testid="interaction-summary" />
        </Form.Item>
        <Form.Item name="nextFollowUpAt" label={t('interaction.nextFollowUpAt')}>
          <DatePicker style={{ width: '100%' }} data-testid="interaction-next" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function EditCustomerDialog({ customer, onClose }: {
  customer: { id: string; version: number } & Record<string, string | number | null | undefined>;
  onClose: (done: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const fa = useFieldAccess('Customer');
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(UpdateCustomerMutation);
  // only fields the user may write are offered; masked values are never sent back
  const fields = EDITABLE.filter((f) => fa.canWrite(f));
  return (
    <Modal open title={t('common.edit')} onCancel={() => onClose(false)} destroyOnHidden confirmLoading={fetching} onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'edit-submit' } as ButtonProps}>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="form-error" /> : null}
      <Form form={form} layout="vertical" initialValues={Object.fromEntries(fields.map((f) => [f, customer[f] ?? undefined]))}
        onValuesChange={(changed) => { clearFieldErrors(form, changed); setProblem(null); }}
        onFinish={async (v: Record<string, string | undefined>) => {
          const changed = Object.fromEntries(Object.entries(v).filter(([k, x]) => x !== (customer[k] ?? undefined)));
          const r = await update({ input: { id: customer.id, expectedVersion: customer.version, ...changed } });
          if (r.error) {
            setProblem(combinedErrorText(i18n, r.error));
            return;
          }
          const errs = r.data?.updateCustomer.errors ?? [];
          if (errs.length) {
            const rest = showFieldErrors(form, i18n, errs, fields);
            setProblem(rest.length ? errorsText(i18n, rest) : null);
            return;
          }
          message.success(t('common.success'));
          onClose(true);
        }}>
        {fields.map((f) => (
          <Form.Item key={f} name={f} label={t(LABEL[f])} rules={f === 'name' ? [{ required: true, whitespace: true, message: t('login.required') }] : []}>
            {f === 'lifecycleStage' ? <Select options={STAGES.map((x) => ({ value: x, label: enumLabel(t, 'LifecycleStage', x) }))} />
              : f === 'level' ? <Select options={LEVELS.map((x) => ({ value: x, label: enumLabel(t, 'CustomerLevel', x) }))} />
                : <Input data-testid={`edit-${f}`} />}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** Add or remove this customer's tags (the bulk tag mutations with one id). */
export function TagEditorDialog({ customerId, current, onClose }: { customerId: string; current: string[]; onClose: (changed: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const [value, setValue] = useState<string[]>(current);
  const [{ data }] = useQuery({ query: CustomerLookupsQuery });
  const save = async () => {
    const added = value.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !value.includes(id));
    const errors: string[] = [];
    if (added.length) {
      const r = await client.mutation(AddTagsMutation, { input: { customerIds: [customerId], tagIds: added } }).toPromise();
      errors.push(outcomeText(i18n, r.error, [...(r.data?.addTags.errors ?? []), ...(r.data?.addTags.results ?? []).flatMap((x) => x.errors)]));
    }
    if (removed.length) {
      const r = await client.mutation(RemoveTagsMutation, { input: { customerIds: [customerId], tagIds: removed } }).toPromise();
      errors.push(outcomeText(i18n, r.error, [...(r.data?.removeTags.errors ?? []), ...(r.data?.removeTags.results ?? []).flatMap((x) => x.errors)]));
    }
    const text = errors.filter(Boolean).join(t('errors.separator'));
    if (text) message.error(text);
    else message.success(t('common.success'));
    onClose(true);
  };
  return (
    <Modal open title={t('customer.tags')} onCancel={() => onClose(false)} onOk={() => void save()} destroyOnHidden>
      <Select mode="multiple" style={{ width: '100%' }} value={value} onChange={setValue} data-testid="tag-select"
        options={(data?.tags ?? []).map((tg) => ({ value: tg.id, label: tg.name }))} />
    </Modal>
  );
}
