import { useMemo, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { useFeedback } from '../../components/feedback';
import { clearFieldErrors, showFieldErrors } from '../../components/formErrors';
import { combinedErrorText, errorsText } from '../../graphql/errors';
import { useCurrentUser, useFieldAccess } from '../../permissions/context';
import { roleLabel } from '../../i18n';
import type { BulkCall, BulkTarget, CustomerDialog } from '../CustomersPage';
import {
  AddTagsMutation, CreateCustomerMutation, MergeCustomersMutation, RemoveTagsMutation, TransferCustomersMutation, TransferTargetsQuery,
} from './documents';

/** Roles that may own customers: the server refuses a transfer to anyone else. */
export const CUSTOMER_OWNER_ROLES = ['sales_rep', 'sales_manager'];

type BulkRun = (title: string, target: BulkTarget, run: BulkCall) => Promise<void>;

/** The list's dialogs, loaded when one opens (antd's Form is not needed to show the list). */
export default function CustomerDialogs({ dialog, selected, target, names, tags, onClose, onMerged, bulkRun }: {
  dialog: CustomerDialog; selected: string[]; target: BulkTarget; names: ReadonlyMap<string, string>; tags: readonly { id: string; name: string }[];
  onClose: (created: boolean) => void; onMerged: () => void; bulkRun: BulkRun;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const err = (e?: { message: string } | null) => (e ? combinedErrorText(i18n, e as never) : undefined);
  if (dialog === 'addTags' || dialog === 'removeTags') {
    const remove = dialog === 'removeTags';
    const title = remove ? t('customer.removeTags') : t('customer.addTags');
    return (
      <TagsDialog title={title} tags={tags} onCancel={() => onClose(false)} onOk={(tagIds) => {
        onClose(false);
        void bulkRun(title, target, async (part) => {
          // the tag inputs name their ids customerIds
          const input = 'ids' in part ? { customerIds: part.ids, tagIds } : { matching: part.matching, tagIds };
          if (remove) {
            const r = await client.mutation(RemoveTagsMutation, { input }).toPromise();
            return { payload: r.data?.removeTags, error: err(r.error) };
          }
          const r = await client.mutation(AddTagsMutation, { input }).toPromise();
          return { payload: r.data?.addTags, error: err(r.error) };
        });
      }} />
    );
  }
  if (dialog === 'transfer') {
    return (
      <TransferDialog count={'ids' in target ? target.ids.length : target.count} onCancel={() => onClose(false)} onConfirm={(toOwnerId, reason) => {
        onClose(false);
        void bulkRun(t('customer.transfer'), target, async (part) => {
          const r = await client.mutation(TransferCustomersMutation, { input: { ...part, toOwnerId, reason } }).toPromise();
          return { payload: r.data?.transferCustomers, error: err(r.error) };
        });
      }} />
    );
  }
  if (dialog === 'merge') return <MergeDialog selected={selected} names={names} onClose={() => onClose(false)} onMerged={onMerged} />;
  return <CreateCustomerDialog onClose={onClose} />;
}

function TagsDialog({ title, tags, onOk, onCancel }: {
  title: string; tags: readonly { id: string; name: string }[]; onOk: (ids: string[]) => void; onCancel: () => void;
}) {
  const [value, setValue] = useState<string[]>([]);
  return (
    <Modal open title={title} onCancel={onCancel} onOk={() => onOk(value)} okButtonProps={{ disabled: !value.length }}>
      <Select mode="multiple" style={{ width: '100%' }} value={value} onChange={setValue} data-testid="bulk-tag-select"
        options={tags.map((tg) => ({ value: tg.id, label: tg.name }))} />
    </Modal>
  );
}

/**
 * 批量转移: only users who can own customers are offered (sales roles, active, and within the
 * user's write scope: a manager's own team), then a summary to confirm before anything moves.
 */
function TransferDialog({ count, onCancel, onConfirm }: { count: number; onCancel: () => void; onConfirm: (toOwnerId: string, reason: string) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const fa = useFieldAccess('Customer');
  const [form] = Form.useForm<{ toOwnerId: string; reason: string }>();
  const [pending, setPending] = useState<{ toOwnerId: string; reason: string } | null>(null);
  const [{ data }] = useQuery({ query: TransferTargetsQuery, variables: { roles: CUSTOMER_OWNER_ROLES } });
  const targets = useMemo(() => (data?.users.edges ?? []).map((e) => e.node)
    .filter((u) => u.isActive && CUSTOMER_OWNER_ROLES.includes(u.role))
    .filter((u) => fa.writeScope !== 'TEAM' || !me?.team || u.team?.id === me.team.id), [data, fa.writeScope, me]);
  const target = targets.find((u) => u.id === pending?.toOwnerId);
  return (
    <Modal open title={t('customer.transfer')} onCancel={onCancel} footer={null} destroyOnHidden>
      {pending && target ? (
        <div data-testid="transfer-confirm">
          <Alert type="warning" showIcon title={t('customer.transferSummary', { count, owner: target.name || target.email })}
            description={t('timeline.reason', { reason: pending.reason })} style={{ marginBottom: 16 }} />
          <div className="crm-dialog-footer">
            <Button onClick={() => setPending(null)}>{t('common.back')}</Button>
            <Button type="primary" onClick={() => onConfirm(pending.toOwnerId, pending.reason)} data-testid="transfer-execute">{t('common.confirm')}</Button>
          </div>
        </div>
      ) : (
        <Form form={form} layout="vertical" initialValues={pending ?? undefined} onFinish={(v) => setPending({ toOwnerId: v.toOwnerId, reason: v.reason.trim() })}>
          <Form.Item name="toOwnerId" label={t('customer.toOwner')} rules={[{ required: true, message: t('login.required') }]} extra={t('customer.transferTargetsHint')}>
            <Select showSearch={{ optionFilterProp: 'label' }} data-testid="transfer-owner"
              options={targets.map((u) => ({ value: u.id, label: `${u.name || u.email} · ${roleLabel(t, u.role)} (${u.email})` }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('customer.reason')} rules={[{ required: true, whitespace: true, message: t('login.required') }]}>
            <Input.TextArea rows={2} data-testid="transfer-reason" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="transfer-submit">{t('common.confirm')}</Button>
        </Form>
      )}
    </Modal>
  );
}

function MergeDialog({ selected, names, onClose, onMerged }: { selected: string[]; names: ReadonlyMap<string, string>; onClose: () => void; onMerged: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  return (
    <Modal open title={t('customer.merge')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form layout="vertical" initialValues={{ intoId: selected[0] }}
        onFinish={async (v: { intoId: string }) => {
          const fromId = selected.find((id) => id !== v.intoId)!;
          const r = await client.mutation(MergeCustomersMutation, { input: { intoId: v.intoId, fromId } }).toPromise();
          const text = r.error ? combinedErrorText(i18n, r.error) : errorsText(i18n, r.data?.mergeCustomers.errors);
          if (text) message.error(text);
          else message.success(t('common.success'));
          onClose();
          onMerged();
        }}>
        <Form.Item name="intoId" label={t('customer.mergeInto')}>
          <Radio.Group options={selected.map((id) => ({ value: id, label: names.get(id) ?? t('common.unknownCustomer') }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit">{t('common.confirm')}</Button>
      </Form>
    </Modal>
  );
}

const CREATE_FIELDS = ['name', 'industry', 'region', 'phone', 'email'];

function CreateCustomerDialog({ onClose }: { onClose: (created: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const fa = useFieldAccess('Customer');
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const submit = async (allowDuplicate: boolean) => {
    const v = (await form.validateFields()) as Record<string, string | undefined>;
    setBusy(true);
    setProblem(null);
    const input = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
    const r = await client
      .mutation(CreateCustomerMutation, { input: { ...(input as { name: string }), allowDuplicate } })
      .toPromise();
    setBusy(false);
    if (r.error) {
      setProblem(combinedErrorText(i18n, r.error));
      return;
    }
    const errs = r.data?.createCustomer.errors ?? [];
    const dup = errs.find((e) => e.code === 'DUPLICATE');
    if (dup && !allowDuplicate) {
      const found = (r.data?.createCustomer.duplicates ?? []).map((d) => d.name).join('、');
      setDuplicate(found || errorsText(i18n, [dup], { withField: false }));
      return;
    }
    if (errs.length) {
      const rest = showFieldErrors(form, i18n, errs, CREATE_FIELDS);
      setProblem(rest.length ? errorsText(i18n, rest) : null);
      return;
    }
    form.resetFields();
    setDuplicate(null);
    onClose(true);
  };
  // a new customer is owned by its creator: fields masked by role default (contact details) are theirs to fill
  const fields = CREATE_FIELDS.filter((f) => f === 'name' || fa.access(f) !== 'NONE');
  return (
    <Modal open title={t('customer.newCustomer')} onCancel={() => onClose(false)} destroyOnHidden
      footer={[
        duplicate ? <Button key="anyway" danger loading={busy} onClick={() => void submit(true)}>{t('customer.createAnyway')}</Button> : null,
        <Button key="ok" type="primary" loading={busy} onClick={() => void submit(false)} data-testid="create-customer-submit">{t('common.save')}</Button>,
      ]}
    >
      {duplicate ? <Typography.Paragraph type="warning" data-testid="duplicate-warning">{t('customer.duplicateWarning', { message: duplicate })}</Typography.Paragraph> : null}
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="form-error" /> : null}
      <Form form={form} layout="vertical" onValuesChange={(changed) => { clearFieldErrors(form, changed); setDuplicate(null); }}>
        {fields.map((f) => (
          <Form.Item key={f} name={f} label={t(`customer.${f === 'name' ? 'name' : f}`)}
            rules={f === 'name' ? [{ required: true, whitespace: true, message: t('login.required') }] : f === 'email' ? [{ type: 'email', message: t('errors.byField.email.INVALID') }] : []}>
            <Input data-testid={`customer-${f}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
