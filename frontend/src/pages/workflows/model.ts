/**
 * The workflow editor's state and its conversion to and from what the API stores (trigger,
 * condition and actions are JSON there, see the schema's CreateWorkflowInput). Pure functions:
 * the editor keeps this state, saving and dry runs send `toInput(state)`.
 */
import type { WorkflowObjectType } from '../../gql-workflows/graphql';

export const OBJECT_TYPES: WorkflowObjectType[] = ['CUSTOMER', 'CONTACT', 'LEAD', 'OPPORTUNITY', 'ORDER', 'TASK'];
export const TRIGGER_TYPES = ['created', 'updated', 'deleted', 'field_changed', 'schedule', 'date_reached'] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];
export const ACTION_TYPES = ['create_task', 'notify', 'update_fields', 'assign_owner', 'add_tags', 'webhook', 'start_approval', 'wait', 'branch'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Fields a field-changed trigger may watch, per type (API names, as the backend checks them). */
export const WATCHABLE: Record<WorkflowObjectType, string[]> = {
  CUSTOMER: ['name', 'lifecycleStage', 'level', 'region', 'industry', 'source', 'owner', 'nextFollowUpAt', 'phone', 'email'],
  CONTACT: ['name', 'title', 'phone', 'email'],
  LEAD: ['status', 'source', 'company', 'owner'],
  OPPORTUNITY: ['stage', 'amount', 'probability', 'expectedCloseDate', 'owner'],
  ORDER: ['status', 'paymentStatus', 'total'],
  TASK: ['status', 'priority', 'dueAt', 'assignee'],
};
/** Date fields a date trigger may watch (the backend's DATE_FIELDS). */
export const DATE_FIELDS: Partial<Record<WorkflowObjectType, string[]>> = {
  CUSTOMER: ['nextFollowUpAt', 'poolReturnAt'],
  OPPORTUNITY: ['expectedCloseDate'],
  ORDER: ['contractEnd'],
  TASK: ['dueAt', 'remindAt'],
};
/** Fields an update step may write (the backend's WRITABLE). */
export const WRITABLE: Partial<Record<WorkflowObjectType, string[]>> = {
  CUSTOMER: ['industry', 'region', 'source', 'level', 'lifecycleStage', 'nextFollowUpAt', 'address'],
  CONTACT: ['title'],
  LEAD: ['status', 'source', 'company', 'title'],
  OPPORTUNITY: ['title', 'probability', 'expectedCloseDate'],
  TASK: ['title', 'description', 'priority', 'status', 'dueAt', 'remindAt'],
};
/** Date fields of an update step that take "in N days" rather than a value. */
export const DATE_WRITABLE = new Set(['nextFollowUpAt', 'expectedCloseDate', 'dueAt', 'remindAt']);

export interface TriggerState {
  type: TriggerType;
  field?: string;
  from?: string;
  to?: string;
  cron?: string;
  offsetDays?: number;
}

/**
 * A condition as the lists hold their filters (src/lists/listState: search text + named
 * filters), so the lists' filter bar edits it. `raw` keeps a stored condition the bar cannot
 * show (and/or/not, other operators) untouched until the user clears it.
 */
export interface ConditionState {
  q: string;
  filters: Record<string, string | string[]>;
  raw?: unknown;
}

export interface Step {
  /** local identity for React and reordering; never sent */
  key: string;
  type: ActionType;
  title?: string;
  body?: string;
  dueInDays?: number | null;
  assignee?: 'record_owner' | 'user';
  userId?: string;
  to?: string[];
  userIds?: string[];
  fields?: { field?: string; value?: string; inDays?: number | null }[];
  teamId?: string;
  tagIds?: string[];
  endpointId?: string;
  /** start_approval: the approval rule's global id, and why (a text; `{record}` is the record's name) */
  rule?: string;
  reason?: string;
  days?: number | null;
  hours?: number | null;
  minutes?: number | null;
  condition?: ConditionState;
  then?: Step[];
  else?: Step[];
}

export interface EditorState {
  name: string;
  description: string;
  objectType: WorkflowObjectType;
  enabled: boolean;
  trigger: TriggerState;
  condition: ConditionState;
  steps: Step[];
}

let counter = 0;
export const newKey = (): string => `s${++counter}`;

export const emptyCondition = (): ConditionState => ({ q: '', filters: {} });

export function emptyState(): EditorState {
  return { name: '', description: '', objectType: 'CUSTOMER', enabled: false, trigger: { type: 'created' }, condition: emptyCondition(), steps: [] };
}

export function newStep(type: ActionType): Step {
  const key = newKey();
  switch (type) {
    case 'create_task': return { key, type, title: '', dueInDays: 0, assignee: 'record_owner' };
    case 'notify': return { key, type, to: ['record_owner'], userIds: [], title: '', body: '' };
    case 'update_fields': return { key, type, fields: [{}] };
    case 'assign_owner': return { key, type };
    case 'add_tags': return { key, type, tagIds: [] };
    case 'webhook': return { key, type };
    case 'start_approval': return { key, type, reason: '' };
    case 'wait': return { key, type, days: 1, hours: 0, minutes: 0 };
    case 'branch': return { key, type, condition: emptyCondition(), then: [], else: [] };
  }
}

// --- the condition: list filter state <-> the API filter ---------------------------------------

export type FilterKind = 'enum' | 'text' | 'id' | 'bool' | 'enumList';
export interface ConditionField {
  /** the name in the list state */
  name: string;
  /** the API filter field */
  api: string;
  kind: FilterKind;
  /** the enum the values come from (labels: enums.<enum> in i18n) */
  enumName?: string;
  values?: readonly string[];
}
/** The API field the search box filters on (`search` for customers, a contains elsewhere). */
export const SEARCH_FIELD: Record<WorkflowObjectType, string | null> = {
  CUSTOMER: 'search', CONTACT: 'name', LEAD: 'name', OPPORTUNITY: 'title', ORDER: 'number', TASK: null,
};
const STAGES = ['PROSPECT', 'LEAD', 'OPPORTUNITY', 'CUSTOMER', 'LOYAL', 'CHURNED'] as const;
const LEVELS = ['A', 'B', 'C', 'D'] as const;
const LEAD_STATUSES = ['NEW', 'CONTACTED', 'QUALIFIED', 'DISQUALIFIED', 'CONVERTED'] as const;
const ORDER_STATUSES = ['DRAFT', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED'] as const;
const PAYMENT_STATUSES = ['UNPAID', 'PARTIALLY_PAID', 'PAID', 'REFUNDED'] as const;
const TASK_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
const OWNER: ConditionField = { name: 'owner', api: 'owner', kind: 'id' };

/** The filters the condition bar offers per type: the ones the type's own list offers. */
export const CONDITION_FIELDS: Record<WorkflowObjectType, ConditionField[]> = {
  CUSTOMER: [
    { name: 'stage', api: 'lifecycleStage', kind: 'enum', enumName: 'LifecycleStage', values: STAGES },
    { name: 'level', api: 'level', kind: 'enum', enumName: 'CustomerLevel', values: LEVELS },
    { name: 'region', api: 'region', kind: 'text' }, OWNER,
  ],
  CONTACT: [],
  LEAD: [{ name: 'status', api: 'status', kind: 'enum', enumName: 'LeadStatus', values: LEAD_STATUSES }, { name: 'source', api: 'source', kind: 'text' }, OWNER],
  OPPORTUNITY: [{ name: 'isOpen', api: 'isOpen', kind: 'bool' }, OWNER],
  ORDER: [
    { name: 'status', api: 'status', kind: 'enum', enumName: 'OrderStatus', values: ORDER_STATUSES },
    { name: 'paymentStatus', api: 'paymentStatus', kind: 'enum', enumName: 'PaymentStatus', values: PAYMENT_STATUSES }, OWNER,
  ],
  TASK: [{ name: 'status', api: 'status', kind: 'enumList', enumName: 'TaskStatus', values: TASK_STATUSES }, { name: 'overdue', api: 'overdue', kind: 'bool' }],
};

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The API filter of a condition; null when it filters nothing (every record). */
export function conditionToFilter(type: WorkflowObjectType, c: ConditionState): Json | null {
  if (c.raw !== undefined) return c.raw as Json | null;
  const out: Json = {};
  const search = SEARCH_FIELD[type];
  const q = c.q.trim();
  if (q && search) out[search] = search === 'search' ? q : { contains: q };
  for (const f of CONDITION_FIELDS[type]) {
    const v = c.filters[f.name];
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
    const one = Array.isArray(v) ? v[0] : v;
    if (f.kind === 'enumList') out[f.api] = Array.isArray(v) ? v : [v];
    else if (f.kind === 'text') out[f.api] = { contains: one };
    else if (f.kind === 'bool') out[f.api] = f.api === 'overdue' ? one === 'true' : { eq: one === 'true' };
    else out[f.api] = { eq: one };
  }
  return Object.keys(out).length ? out : null;
}

/** The condition bar's state of a stored filter; what the bar cannot show is kept as `raw`. */
export function filterToCondition(type: WorkflowObjectType, filter: unknown): ConditionState {
  if (filter == null || (isObj(filter) && !Object.keys(filter).length)) return emptyCondition();
  const keep: ConditionState = { q: '', filters: {}, raw: filter };
  if (!isObj(filter)) return keep;
  const state: ConditionState = { q: '', filters: {} };
  const search = SEARCH_FIELD[type];
  for (const [key, value] of Object.entries(filter)) {
    if (key === search) {
      if (search === 'search' && typeof value === 'string') { state.q = value; continue; }
      if (isObj(value) && Object.keys(value).length === 1 && typeof value.contains === 'string') { state.q = value.contains; continue; }
      return keep;
    }
    const f = CONDITION_FIELDS[type].find((x) => x.api === key);
    if (!f) return keep;
    if (f.kind === 'enumList' && Array.isArray(value) && value.every((x) => typeof x === 'string')) { state.filters[f.name] = value as string[]; continue; }
    if (f.api === 'overdue' && typeof value === 'boolean') { state.filters[f.name] = String(value); continue; }
    if (!isObj(value) || Object.keys(value).length !== 1) return keep;
    const [op, v] = Object.entries(value)[0];
    if (f.kind === 'text' && op === 'contains' && typeof v === 'string') state.filters[f.name] = v;
    else if (f.kind === 'bool' && op === 'eq' && typeof v === 'boolean') state.filters[f.name] = String(v);
    else if ((f.kind === 'enum' || f.kind === 'id') && op === 'eq' && typeof v === 'string') state.filters[f.name] = v;
    else return keep;
  }
  return state;
}

// --- trigger ----------------------------------------------------------------------------------

/** A typed value of a from/to box: numbers and booleans as such, the rest as text. */
export function typedValue(v: string): unknown {
  const s = v.trim();
  if (s === 'true' || s === 'false') return s === 'true';
  if (s !== '' && /^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  return s;
}

export function triggerToJson(t: TriggerState): Json {
  switch (t.type) {
    case 'field_changed': {
      const out: Json = { type: t.type, field: t.field ?? '' };
      if (t.from != null && t.from.trim() !== '') out.from = typedValue(t.from);
      if (t.to != null && t.to.trim() !== '') out.to = typedValue(t.to);
      return out;
    }
    case 'schedule': return { type: t.type, cron: (t.cron ?? '').trim() };
    case 'date_reached': return { type: t.type, field: t.field ?? '', offsetDays: t.offsetDays ?? 0 };
    default: return { type: t.type };
  }
}

export function triggerFromJson(j: unknown): TriggerState {
  const o = isObj(j) ? j : {};
  const type = (TRIGGER_TYPES as readonly string[]).includes(String(o.type)) ? (o.type as TriggerType) : 'created';
  const text = (v: unknown) => (v == null ? undefined : String(v));
  return {
    type, field: text(o.field), from: text(o.from), to: text(o.to), cron: text(o.cron),
    offsetDays: typeof o.offsetDays === 'number' ? o.offsetDays : undefined,
  };
}

// --- steps ------------------------------------------------------------------------------------

const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const text = (v: string | undefined) => (v ?? '').trim();

/** A step as the API stores it: only the keys its type reads, nothing empty. */
export function stepToJson(type: WorkflowObjectType, s: Step): Json {
  const out: Json = { type: s.type };
  const put = (k: string, v: unknown) => { if (v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)) out[k] = v; };
  switch (s.type) {
    case 'create_task':
      put('title', text(s.title)); put('dueInDays', num(s.dueInDays)); put('assignee', s.assignee ?? 'record_owner');
      if (s.assignee === 'user') put('userId', s.userId);
      break;
    case 'notify':
      put('to', s.to ?? []); put('userIds', s.userIds ?? []); put('title', text(s.title)); put('body', text(s.body));
      break;
    case 'update_fields':
      out.fields = (s.fields ?? []).map((f) => (f.field && DATE_WRITABLE.has(f.field) && num(f.inDays) !== undefined
        ? { field: f.field, inDays: num(f.inDays) }
        : { field: f.field ?? '', value: typedValue(f.value ?? '') }));
      break;
    case 'assign_owner':
      if (s.teamId) put('teamId', s.teamId); else put('userId', s.userId);
      break;
    case 'add_tags': put('tagIds', s.tagIds ?? []); break;
    case 'webhook': put('endpointId', s.endpointId); break;
    case 'start_approval': put('rule', s.rule); put('reason', text(s.reason)); break;
    case 'wait': put('days', num(s.days)); put('hours', num(s.hours)); put('minutes', num(s.minutes)); break;
    case 'branch':
      out.condition = conditionToFilter(type, s.condition ?? emptyCondition()) ?? {};
      out.then = (s.then ?? []).map((x) => stepToJson(type, x));
      out.else = (s.else ?? []).map((x) => stepToJson(type, x));
      break;
  }
  return out;
}

export function stepFromJson(type: WorkflowObjectType, j: unknown): Step {
  const o = isObj(j) ? j : {};
  const kind = (ACTION_TYPES as readonly string[]).includes(String(o.type)) ? (o.type as ActionType) : 'notify';
  const s: Step = { ...newStep(kind) };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const strs = (v: unknown) => (Array.isArray(v) ? v.map(String) : undefined);
  const n = (v: unknown) => (typeof v === 'number' ? v : undefined);
  switch (kind) {
    case 'create_task':
      Object.assign(s, { title: str(o.title) ?? '', dueInDays: n(o.dueInDays) ?? null, assignee: o.assignee === 'user' ? 'user' : 'record_owner', userId: str(o.userId) });
      break;
    case 'notify': Object.assign(s, { to: strs(o.to) ?? [], userIds: strs(o.userIds) ?? [], title: str(o.title) ?? '', body: str(o.body) ?? '' }); break;
    case 'update_fields':
      s.fields = (Array.isArray(o.fields) ? o.fields : []).map((f: unknown) => {
        const x = isObj(f) ? f : {};
        return { field: str(x.field), value: x.value == null ? undefined : String(x.value), inDays: n(x.inDays) ?? null };
      });
      break;
    case 'assign_owner': Object.assign(s, { userId: str(o.userId), teamId: str(o.teamId) }); break;
    case 'add_tags': s.tagIds = strs(o.tagIds) ?? []; break;
    case 'webhook': s.endpointId = str(o.endpointId); break;
    case 'start_approval': Object.assign(s, { rule: str(o.rule), reason: str(o.reason) ?? '' }); break;
    case 'wait': Object.assign(s, { days: n(o.days) ?? null, hours: n(o.hours) ?? null, minutes: n(o.minutes) ?? null }); break;
    case 'branch':
      s.condition = filterToCondition(type, o.condition);
      s.then = (Array.isArray(o.then) ? o.then : []).map((x: unknown) => stepFromJson(type, x));
      s.else = (Array.isArray(o.else) ? o.else : []).map((x: unknown) => stepFromJson(type, x));
      break;
  }
  return s;
}

/** What createWorkflow (and a dry run's definition) takes. */
export function toInput(s: EditorState) {
  return {
    name: s.name.trim(),
    description: s.description.trim(),
    objectType: s.objectType,
    trigger: triggerToJson(s.trigger),
    condition: conditionToFilter(s.objectType, s.condition),
    actions: s.steps.map((x) => stepToJson(s.objectType, x)),
  };
}

export interface StoredWorkflow {
  name: string; description: string; objectType: WorkflowObjectType; enabled: boolean;
  trigger: unknown; condition?: unknown; actions: unknown;
}

export function fromWorkflow(w: StoredWorkflow): EditorState {
  return {
    name: w.name, description: w.description, objectType: w.objectType, enabled: w.enabled,
    trigger: triggerFromJson(w.trigger),
    condition: filterToCondition(w.objectType, w.condition),
    steps: (Array.isArray(w.actions) ? w.actions : []).map((a: unknown) => stepFromJson(w.objectType, a)),
  };
}

// --- editing the step tree ----------------------------------------------------------------------

/** Where a list of steps sits: [] the top, ['0', 'then'] the then-steps of step 0, ... */
export type StepPath = (number | 'then' | 'else')[];

/** The API's name of a step (`actions[1].then[0]`), the one its errors carry. */
export function stepField(path: StepPath, index: number): string {
  let out = 'actions';
  for (let i = 0; i < path.length; i += 2) out += `[${path[i]}].${path[i + 1]}`;
  return `${out}[${index}]`;
}

/** The steps with the list at `path` replaced by `change(list)`. */
export function updateList(steps: Step[], path: StepPath, change: (list: Step[]) => Step[]): Step[] {
  if (!path.length) return change(steps);
  const [i, part, ...rest] = path as [number, 'then' | 'else', ...StepPath];
  return steps.map((s, j) => (j === i ? { ...s, [part]: updateList(s[part] ?? [], rest, change) } : s));
}

export function moveStep(list: Step[], from: number, to: number): Step[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const next = [...list];
  const [s] = next.splice(from, 1);
  next.splice(to, 0, s);
  return next;
}

// --- cron in words ------------------------------------------------------------------------------

export interface CronHint { key: string; values?: Record<string, string | number> }

/**
 * A few common cron shapes in words (key into the page's texts), null when it is not one of
 * them; the server judges validity, this only reassures the user that they typed what they meant.
 */
export function cronHint(cron: string): CronHint | null {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) return { key: 'cronFive' };
  const [m, h, dom, mon, dow] = parts;
  const isNum = (x: string) => /^\d+$/.test(x);
  const time = isNum(m) && isNum(h) ? `${h.padStart(2, '0')}:${m.padStart(2, '0')}` : null;
  if (m === '*' && h === '*' && dom === '*' && mon === '*' && dow === '*') return { key: 'cronEveryMinute' };
  if (isNum(m) && h === '*' && dom === '*' && mon === '*' && dow === '*') return { key: 'cronHourly', values: { m: Number(m) } };
  if (!time || mon !== '*') return null;
  if (dom === '*' && dow === '*') return { key: 'cronDaily', values: { time } };
  if (dom === '*' && dow === '1-5') return { key: 'cronWeekdays', values: { time } };
  if (dom === '*' && /^[0-7]$/.test(dow)) return { key: 'cronWeekly', values: { time, day: Number(dow) % 7 } };
  if (isNum(dom) && dow === '*') return { key: 'cronMonthly', values: { time, day: Number(dom) } };
  return null;
}
