import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { useFeedback } from '../../components/feedback';
import { QueryState } from '../../components/QueryState';
import { errorText, outcomeText, type UserErrorLike } from '../../graphql/errors';
import { enumLabel, type EnumName } from '../../i18n';
import type { WorkflowObjectType } from '../../gql-workflows/graphql';
import { CreateWorkflowMutation, SetWorkflowEnabledMutation, UpdateWorkflowMutation, WorkflowPeopleQuery, WorkflowQuery } from './documents';
import { emptyCondition, emptyState, fromWorkflow, OBJECT_TYPES, toInput, type EditorState, type StoredWorkflow } from './model';
import { ConditionEditor, ErrorsContext, StepsEditor, TriggerEditor, type Choices } from './parts';
import { DryRun } from './DryRun';
import { RunLog } from './RunLog';
import './texts';

interface Loaded { id: string; version: number; ownerId: string | null }

/** Errors by the API's field name, in the user's language; those no control shows go to `rest`. */
function byField(i18n: Parameters<typeof errorText>[0], errors: readonly UserErrorLike[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of errors) {
    const k = e.field ?? '';
    out.set(k, [...(out.get(k) ?? []), workflowErrorText(i18n, e)]);
  }
  return out;
}

/**
 * The server words its workflow refusals in Chinese only by their code ("输入有误"): the page's
 * own per-field texts say more, so they win outside English (where the server's sentence is precise).
 */
function workflowErrorText(i18n: Parameters<typeof errorText>[0], e: UserErrorLike): string {
  const key = (e.field ?? '').split('.').pop()?.replace(/\[\d+\]$/, '') ?? '';
  const own = `errors.byField.${key}.${String(e.code).toUpperCase()}`;
  if (i18n.language !== 'en' && key && i18n.exists(own)) return i18n.t(own);
  return errorText(i18n, e, { withField: false });
}

const SHOWN_AT_TOP = new Set(['', 'actions', 'ownerId', 'expectedVersion', 'id']);

export default function WorkflowEditorPage() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reload] = useQuery({ query: WorkflowQuery, variables: { id: id ?? '' }, pause: isNew, requestPolicy: 'network-only' });
  const [{ data: people }] = useQuery({ query: WorkflowPeopleQuery });
  const [state, setState] = useState<EditorState>(emptyState);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [conflict, setConflict] = useState<{ version: number; workflow: StoredWorkflow } | null>(null);
  const [saving, setSaving] = useState(false);

  const node = data?.node && data.node.__typename === 'Workflow' ? data.node : null;
  // The editor takes the stored workflow when it opens and after its own save, never from a
  // refetch in between (a change pushed by someone else must not wipe what the user is typing:
  // saving it then meets CONFLICT, which says so).
  const take = useRef(true);
  useEffect(() => {
    if (!node || (!take.current && loaded?.id === node.id)) return;
    take.current = false;
    setState(fromWorkflow(node as StoredWorkflow));
    setLoaded({ id: node.id, version: node.version, ownerId: node.owner?.id ?? null });
    setErrors([]);
    setConflict(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [node]);

  const choices: Choices = useMemo(() => ({
    users: people?.users.edges.filter((e) => e.node.isActive).map((e) => ({ value: e.node.id, label: e.node.name })) ?? [],
    teams: people?.teams.map((x) => ({ value: x.id, label: x.name })) ?? [],
    tags: people?.tags.map((x) => ({ value: x.id, label: x.name })) ?? [],
    endpoints: people?.webhookEndpoints.map((x) => ({ value: x.id, label: x.url })) ?? [],
    rules: people?.approvalRules.edges.map((e) => ({ value: e.node.id, label: e.node.enabled ? e.node.name : `${e.node.name} (${t('wf.ruleOff')})` })) ?? [],
  }), [people, t]);
  const errs = useMemo(() => byField(i18n, errors), [i18n, errors]);
  const top = errors.filter((e) => SHOWN_AT_TOP.has(e.field ?? ''));

  const set = (change: Partial<EditorState>) => { setState((s) => ({ ...s, ...change })); };

  const save = async (expectedVersion?: number) => {
    setSaving(true);
    const input = toInput(state);
    let result: { errors: readonly UserErrorLike[]; id?: string; version?: number; current?: StoredWorkflow & { version: number } } | null = null;
    let failure = '';
    if (isNew || !loaded) {
      const r = await client.mutation(CreateWorkflowMutation, { input: { ...input, enabled: state.enabled } }).toPromise();
      failure = r.error ? outcomeText(i18n, r.error, []) : '';
      const p = r.data?.createWorkflow;
      if (p) result = { errors: p.errors, id: p.workflow?.id, version: p.workflow?.version };
    } else {
      const r = await client.mutation(UpdateWorkflowMutation, { input: { id: loaded.id, expectedVersion: expectedVersion ?? loaded.version, ...input } }).toPromise();
      failure = r.error ? outcomeText(i18n, r.error, []) : '';
      const p = r.data?.updateWorkflow;
      if (p) result = { errors: p.errors, id: p.workflow?.id, version: p.workflow?.version, current: p.workflow ? (p.workflow as StoredWorkflow & { version: number }) : undefined };
    }
    setSaving(false);
    if (failure || !result) { message.error(failure || t('common.failed')); return; }
    const clash = result.errors.find((e) => e.code === 'CONFLICT');
    if (clash && result.current) {
      setConflict({ version: result.current.version, workflow: result.current });
      setErrors([]);
      return;
    }
    setErrors([...result.errors]);
    if (result.errors.length) return;
    setConflict(null);
    if (!isNew && loaded && state.enabled !== node?.enabled) {
      await client.mutation(SetWorkflowEnabledMutation, { input: { id: loaded.id, enabled: state.enabled } }).toPromise();
    }
    message.success(t('wf.saved', { version: result.version }));
    if (isNew && result.id) navigate(`/workflows/${result.id}`, { replace: true });
    else { take.current = true; reload({ requestPolicy: 'network-only' }); }
  };

  if (!isNew && !fetching && data && !node) return <Alert type="warning" showIcon title={t('wf.notFound')} />;
  const objectErr = fieldErrorOf(errs, 'objectType');
  return (
    <ErrorsContext.Provider value={errs}>
      <style>{'.wf-no-search .crm-list-search{display:none}'}</style>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="wf-editor">
        <Link to="/workflows">← {t('wf.back')}</Link>
        {!isNew ? <QueryState fetching={fetching} error={error} hasData={!!data} /> : null}
        {conflict ? (
          <Alert type="warning" showIcon data-testid="wf-conflict" title={t('wf.conflict', { version: conflict.version })}
            action={
              <Space>
                <Button size="small" data-testid="wf-load-theirs" onClick={() => { setState(fromWorkflow(conflict.workflow)); setLoaded((l) => (l ? { ...l, version: conflict.version } : l)); setConflict(null); }}>{t('wf.loadTheirs')}</Button>
                <Button size="small" danger data-testid="wf-overwrite" onClick={() => { setLoaded((l) => (l ? { ...l, version: conflict.version } : l)); void save(conflict.version); }}>{t('wf.overwrite')}</Button>
              </Space>
            } />
        ) : null}
        {top.length ? <Alert type="error" showIcon data-testid="wf-errors" title={top.map((e) => workflowErrorText(i18n, e)).join('; ')} /> : null}
        <Card title={isNew ? t('wf.new') : `${t('wf.basics')} · ${t('wf.version')} ${loaded?.version ?? ''}`}
          extra={<Button type="primary" loading={saving} data-testid="wf-save" onClick={() => void save()}>{t('wf.save')}</Button>}>
          <Form layout="vertical" component="div" style={{ maxWidth: 720 }}>
            <Form.Item label={t('wf.name')} required {...fieldErrorOf(errs, 'name')}>
              <Input value={state.name} data-testid="wf-name" onChange={(e) => set({ name: e.target.value })} />
            </Form.Item>
            <Form.Item label={t('wf.description')} {...fieldErrorOf(errs, 'description')}>
              <Input.TextArea rows={2} value={state.description} data-testid="wf-description" onChange={(e) => set({ description: e.target.value })} />
            </Form.Item>
            <Space wrap align="start">
              <Form.Item label={t('wf.objectType')} {...objectErr}>
                <Select<WorkflowObjectType> style={{ width: 200 }} value={state.objectType} data-testid="wf-object-type"
                  onChange={(v) => set({ objectType: v, condition: emptyCondition(), trigger: { type: state.trigger.type === 'date_reached' || state.trigger.type === 'field_changed' ? 'created' : state.trigger.type, cron: state.trigger.cron } })}
                  options={OBJECT_TYPES.map((v) => ({ value: v, label: enumLabel(t, 'WorkflowObjectType' as EnumName, v) }))} />
              </Form.Item>
              <Form.Item label={t('wf.enabled')}>
                <Switch checked={state.enabled} data-testid="wf-enabled" onChange={(v) => set({ enabled: v })} />
              </Form.Item>
            </Space>
            <TriggerEditor type={state.objectType} value={state.trigger} onChange={(trigger) => set({ trigger })} />
          </Form>
        </Card>
        <Card title={t('wf.condition')}>
          <Typography.Paragraph type="secondary">{t('wf.conditionHint')}</Typography.Paragraph>
          <ConditionEditor type={state.objectType} value={state.condition} onChange={(condition) => set({ condition })} users={choices.users} field="condition" testId="wf-condition" />
        </Card>
        <Card title={t('wf.steps')}>
          <StepsEditor type={state.objectType} steps={state.steps} onChange={(steps) => set({ steps })} choices={choices} />
        </Card>
        <DryRun type={state.objectType} definition={() => toInput(state)} ownerId={loaded?.ownerId} />
        {!isNew && loaded ? <RunLog workflowId={loaded.id} title={t('wf.runsOf')} /> : null}
      </Space>
    </ErrorsContext.Provider>
  );
}

/** useFieldError for the page itself (outside the provider it renders). */
function fieldErrorOf(errs: Map<string, string[]>, field: string) {
  const e = errs.get(field);
  return e?.length ? { validateStatus: 'error' as const, help: <span data-testid="field-error" data-field={field}>{e.join('; ')}</span> } : {};
}
