import { createContext, useContext, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { FilterItem, ListFilters } from '../../lists/ListFilters';
import { enumLabel, type EnumName } from '../../i18n';
import type { WorkflowObjectType } from '../../gql-workflows/graphql';
import {
  ACTION_TYPES, CONDITION_FIELDS, DATE_FIELDS, DATE_WRITABLE, SEARCH_FIELD, TRIGGER_TYPES, WATCHABLE, WRITABLE, cronHint, emptyCondition, moveStep,
  newStep, stepField, updateList, type ActionType, type ConditionState, type Step, type StepPath, type TriggerState,
} from './model';

export interface Option { value: string; label: string }
export interface Choices { users: Option[]; teams: Option[]; tags: Option[]; endpoints: Option[]; rules: Option[] }

/** The save's errors by the API's field name (`trigger.cron`, `actions[0].title`), in the user's language. */
export const ErrorsContext = createContext<Map<string, string[]>>(new Map());

/** Form.Item props that show the server's errors about `field` under it. */
export function useFieldError(field: string): { validateStatus?: 'error'; help?: ReactNode } {
  const errs = useContext(ErrorsContext).get(field);
  return errs?.length ? { validateStatus: 'error', help: <span data-testid="field-error" data-field={field}>{errs.join('; ')}</span> } : {};
}

function Field({ field, label, children, extra }: { field: string; label: ReactNode; children: ReactNode; extra?: ReactNode }) {
  return <Form.Item label={label} extra={extra} {...useFieldError(field)}>{children}</Form.Item>;
}

export const fieldLabel = (t: TFunction, f: string) => t(`wf.fields.${f}`, { defaultValue: f });
const actionLabel = (t: TFunction, a: string) => enumLabel(t, 'WorkflowAction' as EnumName, a);

/** A trigger in words, for the list. */
export function triggerText(t: TFunction, type: WorkflowObjectType, trigger: TriggerState): string {
  const typeName = enumLabel(t, 'WorkflowObjectType' as EnumName, type);
  const field = trigger.field ? fieldLabel(t, trigger.field) : '';
  if (trigger.type === 'field_changed') {
    const key = trigger.from && trigger.to ? 'field_changed_from_to' : trigger.to ? 'field_changed_to' : trigger.from ? 'field_changed_from' : 'field_changed';
    return t(`trigger.${key}`, { type: typeName, field, from: trigger.from, to: trigger.to });
  }
  if (trigger.type === 'schedule') return t('trigger.schedule', { hint: cronText(t, trigger.cron ?? '') });
  if (trigger.type === 'date_reached') return t('trigger.date_reached', { type: typeName, field, offset: offsetText(t, trigger.offsetDays ?? 0) });
  return t(`trigger.${trigger.type}`, { type: typeName });
}

export function cronText(t: TFunction, cron: string): string {
  const h = cronHint(cron);
  if (!h) return `${t('wf.cronOther')} (${cron})`;
  const values = { ...h.values } as Record<string, string | number>;
  if (h.key === 'cronWeekly') values.dayName = t(`wf.days.${values.day}`);
  return t(`wf.${h.key}`, values);
}

function offsetText(t: TFunction, days: number): string {
  if (!days) return t('wf.offsetHintOn');
  return days < 0 ? t('wf.offsetHint', { days: -days }) : t('wf.offsetHintAfter', { days });
}

export function TriggerEditor({ type, value, onChange }: { type: WorkflowObjectType; value: TriggerState; onChange: (v: TriggerState) => void }) {
  const { t } = useTranslation();
  const set = (change: Partial<TriggerState>) => onChange({ ...value, ...change });
  const fields = value.type === 'date_reached' ? DATE_FIELDS[type] ?? [] : WATCHABLE[type];
  return (
    <>
      <Field field="trigger.type" label={t('wf.trigger')}>
        <Select value={value.type} data-testid="wf-trigger-type" onChange={(v) => onChange({ type: v })}
          options={TRIGGER_TYPES.map((v) => ({ value: v, label: enumLabel(t, 'WorkflowTrigger' as EnumName, v) }))} />
      </Field>
      {value.type === 'field_changed' || value.type === 'date_reached' ? (
        <Field field="trigger.field" label={value.type === 'date_reached' ? t('wf.dateField') : t('wf.field')}>
          <Select value={value.field} data-testid="wf-trigger-field" showSearch={{ optionFilterProp: 'label' }} onChange={(v: string) => set({ field: v })}
            options={fields.map((f) => ({ value: f, label: fieldLabel(t, f) }))} />
        </Field>
      ) : null}
      {value.type === 'field_changed' ? (
        <Space wrap>
          <Field field="trigger.from" label={t('wf.from')}><Input value={value.from} placeholder={t('wf.anyValue')} data-testid="wf-trigger-from" onChange={(e) => set({ from: e.target.value })} /></Field>
          <Field field="trigger.to" label={t('wf.to')}><Input value={value.to} placeholder={t('wf.anyValue')} data-testid="wf-trigger-to" onChange={(e) => set({ to: e.target.value })} /></Field>
        </Space>
      ) : null}
      {value.type === 'schedule' ? (
        <Field field="trigger.cron" label={t('wf.cron')} extra={value.cron ? <span data-testid="wf-cron-hint">{cronText(t, value.cron)}</span> : null}>
          <Input value={value.cron} placeholder={t('wf.cronPlaceholder')} data-testid="wf-trigger-cron" onChange={(e) => set({ cron: e.target.value })} />
        </Field>
      ) : null}
      {value.type === 'date_reached' ? (
        <Field field="trigger.offsetDays" label={t('wf.offsetDays')} extra={offsetText(t, value.offsetDays ?? 0)}>
          <InputNumber value={value.offsetDays ?? 0} precision={0} data-testid="wf-trigger-offset" onChange={(v) => set({ offsetDays: v ?? 0 })} />
        </Field>
      ) : null}
    </>
  );
}

/**
 * A condition edited with the lists' own filter bar (src/lists/ListFilters): the search box
 * and the filters the type's list offers.
 */
export function ConditionEditor({ type, value, onChange, users, field, testId }: {
  type: WorkflowObjectType; value: ConditionState; onChange: (v: ConditionState) => void; users: Option[]; field: string; testId: string;
}) {
  const { t } = useTranslation();
  const err = useFieldError(field);
  const errs = [...useContext(ErrorsContext).entries()].filter(([k]) => k.startsWith(`${field}.`)).flatMap(([, v]) => v);
  if (value.raw !== undefined) {
    return (
      <Alert type="info" showIcon title={t('wf.rawCondition')} data-testid={testId}
        description={<Typography.Text code>{JSON.stringify(value.raw)}</Typography.Text>}
        action={<Button size="small" onClick={() => onChange(emptyCondition())}>{t('wf.clearRaw')}</Button>} />
    );
  }
  const setFilter = (k: string, v: string | string[] | undefined) => onChange({ ...value, filters: { ...value.filters, [k]: v ?? '' } });
  const one = (k: string) => (typeof value.filters[k] === 'string' && value.filters[k] ? (value.filters[k] as string) : undefined);
  const active = (value.q ? 1 : 0) + Object.values(value.filters).filter((v) => (Array.isArray(v) ? v.length : v)).length;
  return (
    <div className={SEARCH_FIELD[type] ? undefined : 'wf-no-search'}>
      <ListFilters testId={testId} q={value.q} onSearch={(q) => onChange({ ...value, q })} placeholder={t('wf.conditionSearch')} active={active}
        onClear={() => onChange(emptyCondition())}>
        {CONDITION_FIELDS[type].map((f) => (
          <FilterItem key={f.name} label={fieldLabel(t, f.name)}>
            {f.kind === 'text' ? (
              <Input allowClear style={{ width: 140 }} value={one(f.name)} data-testid={`cond-${f.name}`} placeholder={fieldLabel(t, f.name)} onChange={(e) => setFilter(f.name, e.target.value)} />
            ) : (
              <Select allowClear style={{ minWidth: 140 }} data-testid={`cond-${f.name}`} placeholder={fieldLabel(t, f.name)}
                mode={f.kind === 'enumList' ? 'multiple' : undefined}
                value={f.kind === 'enumList' ? (Array.isArray(value.filters[f.name]) ? value.filters[f.name] : []) : one(f.name)}
                onChange={(v?: string | string[]) => setFilter(f.name, v)}
                showSearch={f.kind === 'id' ? { optionFilterProp: 'label' } : undefined}
                options={f.kind === 'id' ? users : f.kind === 'bool'
                  ? [{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]
                  : (f.values ?? []).map((v) => ({ value: v, label: enumLabel(t, f.enumName as EnumName, v) }))} />
            )}
          </FilterItem>
        ))}
      </ListFilters>
      {err.help || errs.length ? <Typography.Text type="danger" data-testid="field-error" data-field={field}>{[...(err.help ? [err.help] : []), errs.join('; ')]}</Typography.Text> : null}
    </div>
  );
}

interface StepsProps { type: WorkflowObjectType; steps: Step[]; onChange: (steps: Step[]) => void; choices: Choices; path?: StepPath }

/** The steps as a vertical list: add, remove, move up and down; a branch holds two such lists. */
export function StepsEditor({ type, steps, onChange, choices, path = [] }: StepsProps) {
  const { t } = useTranslation();
  const list = path.length ? stepsAt(steps, path) : steps;
  const change = (f: (l: Step[]) => Step[]) => onChange(updateList(steps, path, f));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={path.length ? `wf-steps-${path.join('-')}` : 'wf-steps'}>
      {list.length ? null : <Typography.Text type="secondary">{t('wf.noSteps')}</Typography.Text>}
      {list.map((s, i) => (
        <StepCard key={s.key} index={i} count={list.length} step={s} type={type} field={stepField(path, i)} choices={choices}
          onMove={(to) => change((l) => moveStep(l, i, to))}
          onRemove={() => change((l) => l.filter((_, j) => j !== i))}
          onChange={(next) => change((l) => l.map((x, j) => (j === i ? next : x)))}
          branch={s.type === 'branch' ? (part) => <StepsEditor type={type} steps={steps} onChange={onChange} choices={choices} path={[...path, i, part]} /> : undefined} />
      ))}
      <Select<ActionType> placeholder={<><PlusOutlined /> {t('wf.addStep')}</>} value={null as unknown as ActionType} style={{ width: 220 }}
        data-testid={path.length ? `wf-add-step-${path.join('-')}` : 'wf-add-step'}
        onChange={(v) => change((l) => [...l, newStep(v)])}
        options={ACTION_TYPES.map((a) => ({ value: a, label: actionLabel(t, a) }))} />
    </Space>
  );
}

function stepsAt(steps: Step[], path: StepPath): Step[] {
  let list = steps;
  for (let i = 0; i < path.length; i += 2) list = list[path[i] as number]?.[path[i + 1] as 'then' | 'else'] ?? [];
  return list;
}

function StepCard({ step, index, count, type, field, choices, onMove, onRemove, onChange, branch }: {
  step: Step; index: number; count: number; type: WorkflowObjectType; field: string; choices: Choices;
  onMove: (to: number) => void; onRemove: () => void; onChange: (s: Step) => void; branch?: (part: 'then' | 'else') => ReactNode;
}) {
  const { t } = useTranslation();
  const errs = useContext(ErrorsContext);
  const own = [...(errs.get(field) ?? []), ...(errs.get(`${field}.type`) ?? [])];
  const set = (change: Partial<Step>) => onChange({ ...step, ...change });
  const F = (k: string) => `${field}.${k}`;
  const recipients = ['record_owner', 'owner_manager', 'workflow_owner'];
  let body: ReactNode = null;
  switch (step.type) {
    case 'create_task':
      body = (
        <>
          <Field field={F('title')} label={t('wf.title')} extra={t('wf.recordHint')}><Input value={step.title} data-testid="step-title" onChange={(e) => set({ title: e.target.value })} /></Field>
          <Space wrap align="start">
            <Field field={F('dueInDays')} label={t('wf.dueInDays')}><InputNumber value={step.dueInDays ?? undefined} precision={0} data-testid="step-due" onChange={(v) => set({ dueInDays: v })} /></Field>
            <Field field={F('assignee')} label={t('wf.assignee')}>
              <Select style={{ width: 180 }} value={step.assignee ?? 'record_owner'} data-testid="step-assignee" onChange={(v) => set({ assignee: v })}
                options={[{ value: 'record_owner', label: t('wf.assigneeOwner') }, { value: 'user', label: t('wf.assigneeUser') }]} />
            </Field>
            {step.assignee === 'user' ? (
              <Field field={F('userId')} label={t('wf.user')}><Select style={{ width: 200 }} showSearch={{ optionFilterProp: 'label' }} value={step.userId} options={choices.users} onChange={(v: string) => set({ userId: v })} /></Field>
            ) : null}
          </Space>
        </>
      );
      break;
    case 'notify':
      body = (
        <>
          <Field field={F('to')} label={t('wf.recipients')}>
            <Select mode="multiple" value={step.to} data-testid="step-to" onChange={(v: string[]) => set({ to: v })}
              options={recipients.map((r) => ({ value: r, label: enumLabel(t, 'WorkflowRecipient' as EnumName, r) }))} />
          </Field>
          <Field field={F('userIds')} label={t('wf.users')}><Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} value={step.userIds} options={choices.users} onChange={(v: string[]) => set({ userIds: v })} /></Field>
          <Field field={F('title')} label={t('wf.title')} extra={t('wf.recordHint')}><Input value={step.title} data-testid="step-title" onChange={(e) => set({ title: e.target.value })} /></Field>
          <Field field={F('body')} label={t('wf.body')}><Input.TextArea rows={2} value={step.body} onChange={(e) => set({ body: e.target.value })} /></Field>
        </>
      );
      break;
    case 'update_fields': {
      const fields = step.fields ?? [];
      const setItem = (j: number, c: Partial<NonNullable<Step['fields']>[number]>) => set({ fields: fields.map((x, k) => (k === j ? { ...x, ...c } : x)) });
      body = (
        <Field field={F('fields')} label={null}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((f, j) => (
              <Space key={j} wrap align="start">
                <Field field={`${F('fields')}[${j}].field`} label={t('wf.field')}>
                  <Select style={{ width: 180 }} value={f.field} data-testid="step-field" onChange={(v: string) => setItem(j, { field: v })}
                    options={(WRITABLE[type] ?? []).map((x) => ({ value: x, label: fieldLabel(t, x) }))} />
                </Field>
                {f.field && DATE_WRITABLE.has(f.field) ? (
                  <Field field={`${F('fields')}[${j}].value`} label={t('wf.inDays')}><InputNumber precision={0} value={f.inDays ?? undefined} onChange={(v) => setItem(j, { inDays: v })} /></Field>
                ) : (
                  <Field field={`${F('fields')}[${j}].value`} label={t('wf.value')}><Input value={f.value} data-testid="step-value" onChange={(e) => setItem(j, { value: e.target.value })} /></Field>
                )}
                <Button icon={<DeleteOutlined />} aria-label={t('wf.remove')} style={{ marginTop: 30 }} onClick={() => set({ fields: fields.filter((_, k) => k !== j) })} />
              </Space>
            ))}
            <Button size="small" icon={<PlusOutlined />} onClick={() => set({ fields: [...fields, {}] })}>{t('wf.addField')}</Button>
          </Space>
        </Field>
      );
      break;
    }
    case 'assign_owner':
      body = (
        <Space wrap>
          <Field field={F('userId')} label={t('wf.user')}><Select allowClear style={{ width: 200 }} showSearch={{ optionFilterProp: 'label' }} value={step.userId} options={choices.users} onChange={(v?: string) => set({ userId: v, teamId: undefined })} /></Field>
          <Field field={F('teamId')} label={t('wf.team')}><Select allowClear style={{ width: 200 }} value={step.teamId} options={choices.teams} onChange={(v?: string) => set({ teamId: v, userId: undefined })} /></Field>
        </Space>
      );
      break;
    case 'add_tags':
      body = <Field field={F('tagIds')} label={t('wf.tags')}><Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} value={step.tagIds} options={choices.tags} onChange={(v: string[]) => set({ tagIds: v })} /></Field>;
      break;
    case 'webhook':
      body = <Field field={F('endpointId')} label={t('wf.endpoint')}><Select value={step.endpointId} options={choices.endpoints} onChange={(v: string) => set({ endpointId: v })} /></Field>;
      break;
    case 'start_approval': {
      // A rule saved by name (through the API) shows as that name until another is chosen.
      const known = !step.rule || choices.rules.some((r) => r.value === step.rule);
      const rules = known ? choices.rules : [...choices.rules, { value: step.rule as string, label: step.rule as string }];
      body = (
        <>
          <Field field={F('rule')} label={t('wf.rule')} extra={t('wf.ruleHint')}>
            <Select value={step.rule} data-testid="step-rule" showSearch={{ optionFilterProp: 'label' }} options={rules}
              notFoundContent={t('wf.noRules')} onChange={(v: string) => set({ rule: v })} />
          </Field>
          <Field field={F('reason')} label={t('wf.reason')} extra={t('wf.recordHint')}>
            <Input value={step.reason} data-testid="step-reason" placeholder={t('wf.reasonPlaceholder')} onChange={(e) => set({ reason: e.target.value })} />
          </Field>
        </>
      );
      break;
    }
    case 'wait':
      body = (
        <Space wrap>
          <Field field={F('days')} label={t('wf.waitDays')}><InputNumber min={0} precision={0} value={step.days ?? undefined} onChange={(v) => set({ days: v })} /></Field>
          <Field field={F('hours')} label={t('wf.waitHours')}><InputNumber min={0} precision={0} value={step.hours ?? undefined} onChange={(v) => set({ hours: v })} /></Field>
          <Field field={F('minutes')} label={t('wf.waitMinutes')}><InputNumber min={0} precision={0} value={step.minutes ?? undefined} onChange={(v) => set({ minutes: v })} /></Field>
        </Space>
      );
      break;
    case 'branch':
      body = (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{t('wf.branchIf')}</Typography.Text>
          <ConditionEditor type={type} value={step.condition ?? emptyCondition()} onChange={(c) => set({ condition: c })} users={choices.users} field={F('condition')} testId={`branch-condition-${index}`} />
          <Typography.Text strong>{t('wf.then')}</Typography.Text>
          <div style={{ paddingLeft: 16, borderLeft: '2px solid #91caff' }}>{branch?.('then')}</div>
          <Typography.Text strong>{t('wf.else')}</Typography.Text>
          <div style={{ paddingLeft: 16, borderLeft: '2px solid #ffd591' }}>{branch?.('else')}</div>
        </Space>
      );
      break;
  }
  return (
    <Card size="small" data-testid="wf-step" data-type={step.type}
      title={<span>{index + 1}. {actionLabel(t, step.type)}</span>}
      extra={
        <Space size={4}>
          <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('wf.up')} disabled={index === 0} data-testid="step-up" onClick={() => onMove(index - 1)} />
          <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('wf.down')} disabled={index === count - 1} data-testid="step-down" onClick={() => onMove(index + 1)} />
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('wf.remove')} data-testid="step-remove" onClick={onRemove} />
        </Space>
      }>
      {own.length ? <Alert type="error" showIcon title={own.join('; ')} style={{ marginBottom: 8 }} data-testid="field-error" data-field={field} /> : null}
      <Form layout="vertical" component="div">{body}</Form>
    </Card>
  );
}
