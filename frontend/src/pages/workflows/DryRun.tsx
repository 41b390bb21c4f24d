import { useState } from 'react';
import { Alert, Button, Card, List, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { outcomeText } from '../../graphql/errors';
import { enumLabel, type EnumName } from '../../i18n';
import type { DryRunWorkflowMutation as DryResult, WorkflowObjectType } from '../../gql-workflows/graphql';
import { DryRunWorkflowMutation, RecordSearchQuery } from './documents';
import type { Option } from './parts';
import type { toInput } from './model';

type Result = NonNullable<DryResult['dryRunWorkflow']['result']>;

/** Records of a type matching a text, for the dry run's picker. */
function useRecordSearch(type: WorkflowObjectType) {
  const client = useClient();
  return async (q: string): Promise<Option[]> => {
    const r = await client.query(RecordSearchQuery, {
      q, customer: type === 'CUSTOMER', contact: type === 'CONTACT', lead: type === 'LEAD', opportunity: type === 'OPPORTUNITY', order: type === 'ORDER', task: type === 'TASK',
    }, { requestPolicy: 'network-only' }).toPromise();
    const d = r.data;
    if (!d) return [];
    const lower = q.toLowerCase();
    return [
      ...(d.customers?.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? []),
      ...(d.contactsOf?.edges.flatMap((e) => e.node.contacts.filter((c) => c.name.toLowerCase().includes(lower)).map((c) => ({ value: c.id, label: `${c.name} · ${e.node.name}` }))) ?? []),
      ...(d.leads?.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? []),
      ...(d.opportunities?.edges.map((e) => ({ value: e.node.id, label: e.node.title })) ?? []),
      ...(d.orders?.edges.map((e) => ({ value: e.node.id, label: e.node.number })) ?? []),
      ...(d.myTasks?.edges.filter((e) => e.node.title.toLowerCase().includes(lower)).map((e) => ({ value: e.node.id, label: e.node.title })) ?? []),
    ];
  };
}

/** Try the workflow as the editor holds it (saved or not) on one record; nothing is written. */
export function DryRun({ type, definition, ownerId }: { type: WorkflowObjectType; definition: () => ReturnType<typeof toInput>; ownerId?: string | null }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const search = useRecordSearch(type);
  const [options, setOptions] = useState<Option[]>([]);
  const [record, setRecord] = useState<string | undefined>();
  const [result, setResult] = useState<Result | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!record) return;
    setBusy(true);
    const r = await client.mutation(DryRunWorkflowMutation, { input: { recordId: record, definition: { ...definition(), ownerId: ownerId ?? null } } }).toPromise();
    setBusy(false);
    const text = outcomeText(i18n, r.error, r.data?.dryRunWorkflow.errors);
    setProblem(text);
    setResult(text ? null : r.data?.dryRunWorkflow.result ?? null);
  };
  return (
    <Card title={t('wf.dryRun')} data-testid="wf-dry-run">
      <Typography.Paragraph type="secondary">{t('wf.dryRunHint')}</Typography.Paragraph>
      <Space wrap>
        <Select showSearch={{ filterOption: false, onSearch: (q) => void search(q).then(setOptions) }} style={{ width: 280 }} placeholder={t('wf.pickRecord')}
          value={record} options={options} onChange={(v: string) => setRecord(v)} onFocus={() => { if (!options.length) void search('').then(setOptions); }}
          data-testid="dry-record" />
        <Button type="primary" ghost disabled={!record} loading={busy} onClick={() => void run()} data-testid="dry-run">{t('wf.runDry')}</Button>
      </Space>
      {problem ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={problem} data-testid="dry-error" /> : null}
      {result ? (
        <div style={{ marginTop: 12 }} data-testid="dry-result" data-matches={String(result.matches)}>
          <Alert type={result.matches ? 'success' : 'warning'} showIcon title={result.matches ? t('wf.matches') : t('wf.noMatch')} />
          {result.matches ? (
            <List size="small" dataSource={result.steps} renderItem={(s) => (
              <List.Item data-testid="dry-step" data-action={s.action}>
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{s.index + 1}. {enumLabel(t, 'WorkflowAction' as EnumName, s.action)}</Typography.Text>
                  <Typography.Text>{s.description}</Typography.Text>
                  {s.error ? <Typography.Text type="danger">{t('wf.wouldFail')}: {s.error}</Typography.Text> : null}
                </Space>
              </List.Item>
            )} />
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
