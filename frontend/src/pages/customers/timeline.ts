import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { enumLabel, type EnumName } from '../../i18n';
import { formatMoney } from '../../components/format';

/**
 * A customer's timeline as sentences in the user's language. The API gives interactions, stage
 * changes and raw audit events (field names, ids, ISO times); this turns them into what
 * happened ("张伟 记录了一次电话", "下次跟进定在 12月21日"), folds the system's bookkeeping into
 * the event that caused it (a follow-up updating the customer's lastInteractionId and creating a
 * follow-up task is one entry), and keeps every raw event for the "raw record" view.
 */

export interface RawChange { field: string; old?: unknown; new?: unknown }
export interface RawEvent {
  id: string;
  action: string;
  objectType: string;
  objectId: string;
  requestId: string;
  createdAt: string;
  note?: string | null;
  actor?: { id: string; name: string } | null;
  changes: readonly RawChange[];
}
interface Named { id: string; name: string; nameEn: string }
export interface TimelineEntryInput {
  at: string;
  kind: string;
  interaction?: {
    id: string; kind: string; direction?: string | null; summary: string; outcome?: string | null; occurredAt: string;
    nextFollowUpAt?: string | null; owner?: { id: string; name: string } | null; opportunity?: { id: string; title: string } | null;
  } | null;
  stageChange?: {
    id: string; createdAt?: string | null; note?: string | null; fromStage?: Named | null; toStage: Named & { isWon?: boolean; isLost?: boolean };
    changedBy?: { id: string; name: string } | null; opportunity?: { id: string; title: string } | null;
  } | null;
  auditEvent?: RawEvent | null;
}

export interface StoryItem {
  key: string;
  at: string;
  kind: 'interaction' | 'stage' | 'event';
  /** antd Timeline colour */
  color: string;
  headline: string;
  details: string[];
  /** what a person wrote (a follow-up's summary, a reason): shown as written */
  text?: string | null;
  /** secondary text under `text` (an interaction's outcome) */
  subtext?: string | null;
  link?: { to: string; label: string };
  /** every audit event the entry stands for, for the raw view */
  raw: RawEvent[];
}

export interface StoryContext {
  t: TFunction;
  lang: string;
  /** a user's name from the UUID an audit change holds (ownerId) */
  userName?: (uuid: string) => string | undefined;
  /** names of the customer's records by global id, for events that only carry the id */
  taskTitle?: (id: string) => string | undefined;
  opportunityTitle?: (id: string) => string | undefined;
  orderNumber?: (id: string) => string | undefined;
  /** "now", for dates of the current year shown without the year (tests pin it) */
  now?: dayjs.Dayjs;
}

/** Changes nobody needs to read: kept by the system to index or link records. */
const BOOKKEEPING = new Set(['lastInteractionId', 'lastFollowUpAt', 'pooledAt', 'version', 'confirmedOn', 'updatedAt', 'phoneKey', 'nameKey', 'mergedIntoId', 'deletedAt', 'inPool', 'teamId']);

/** The UUID inside a global id (base64 of `Type:uuid`). */
export function uuidOf(globalId: string): string {
  try {
    const s = atob(globalId);
    const i = s.indexOf(':');
    return i >= 0 ? s.slice(i + 1) : globalId;
  } catch {
    return globalId;
  }
}

const MONEY_FIELDS = new Set(['total', 'paid', 'returned', 'refund', 'subtotal', 'tax', 'balanceDue']);

function enumOf(objectType: string, field: string): EnumName | null {
  switch (field) {
    case 'lifecycleStage': return 'LifecycleStage';
    case 'level': return 'CustomerLevel';
    case 'priority': return 'TaskPriority';
    case 'paymentStatus': return 'PaymentStatus';
    case 'direction': return 'Direction';
    case 'method': return 'PaymentMethod';
    case 'kind':
      return objectType === 'Interaction' ? 'InteractionKind' : objectType === 'Customer' ? 'CustomerKind' : objectType === 'ReturnRequest' ? 'ReturnKind' : null;
    case 'status':
      return ({ Order: 'OrderStatus', Task: 'TaskStatus', Lead: 'LeadStatus', Shipment: 'ShipmentStatus', ReturnRequest: 'ReturnStatus' } as Record<string, EnumName>)[objectType] ?? null;
    default: return null;
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?)?$/;

/** A date as people write it: 12月21日 / 21 Dec, with the year when it is not this year, and the time when it has one. */
export function humanDate(v: string, ctx: Pick<StoryContext, 'lang' | 'now'>): string {
  const zh = ctx.lang !== 'en';
  const d = dayjs(v).locale(zh ? 'zh-cn' : 'en');
  if (!d.isValid()) return v;
  const now = ctx.now ?? dayjs();
  const sameYear = d.year() === now.year();
  const date = zh ? d.format(sameYear ? 'M月D日' : 'YYYY年M月D日') : d.format(sameYear ? 'D MMM' : 'D MMM YYYY');
  const hasTime = v.length > 10 && (d.hour() !== 0 || d.minute() !== 0);
  return hasTime ? `${date} ${d.format('HH:mm')}` : date;
}

/** One changed value, formatted for reading. */
function value(ctx: StoryContext, objectType: string, field: string, v: unknown, currency = 'CNY'): string {
  const { t } = ctx;
  if (v == null || v === '') return t('timeline.empty');
  const en = enumOf(objectType, field);
  if (en) return enumLabel(t, en, v);
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (Array.isArray(v)) return v.map((x) => value(ctx, objectType, field, x, currency)).join(ctx.lang === 'en' ? ', ' : '、');
  if (field === 'ownerId' || field === 'owner') return ctx.userName?.(String(v)) ?? t('common.someone');
  if (MONEY_FIELDS.has(field) && /^-?\d+$/.test(String(v))) return minorMoney(String(v), currency, ctx.lang);
  if (typeof v === 'string' && ISO.test(v)) return humanDate(v, ctx);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Order audit events hold money in minor units ("12300" = ¥123.00). */
function minorMoney(minor: string, currency: string, lang: string): string {
  const neg = minor.startsWith('-');
  const digits = (neg ? minor.slice(1) : minor).padStart(3, '0');
  return formatMoney({ amount: `${neg ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`, currency }, lang);
}

function label(ctx: StoryContext, field: string): string {
  return ctx.t(`fields.${field}`, { defaultValue: field });
}

function change(ev: RawEvent, field: string): RawChange | undefined {
  return ev.changes.find((c) => c.field === field);
}

/** "阶段：潜在客户 → 成交客户" per visible, non-bookkeeping change. */
function changeDetails(ctx: StoryContext, ev: RawEvent, skip: readonly string[] = []): string[] {
  const currency = String(change(ev, 'currency')?.new ?? 'CNY');
  return ev.changes
    .filter((c) => !BOOKKEEPING.has(c.field) && !skip.includes(c.field))
    .map((c) => {
      const field = label(ctx, c.field);
      if (c.field === 'nextFollowUpAt') return nextFollowUp(ctx, c) ?? '';
      if (c.new == null || c.new === '') return ctx.t('timeline.cleared', { field });
      if (c.old == null || c.old === '') return ctx.t('timeline.set', { field, to: value(ctx, ev.objectType, c.field, c.new, currency) });
      return ctx.t('timeline.changed', { field, from: value(ctx, ev.objectType, c.field, c.old, currency), to: value(ctx, ev.objectType, c.field, c.new, currency) });
    })
    .filter(Boolean);
}

function nextFollowUp(ctx: StoryContext, c: RawChange | undefined): string | null {
  if (!c) return null;
  if (c.new == null) return c.old == null ? null : ctx.t('timeline.nextCleared');
  const to = humanDate(String(c.new), ctx);
  if (c.old == null) return ctx.t('timeline.nextSet', { date: to });
  const from = humanDate(String(c.old), ctx);
  return from === to ? null : ctx.t('timeline.nextMoved', { from, to });
}

function actorName(ctx: StoryContext, actor: { name: string } | null | undefined): string {
  return actor?.name || ctx.t('common.system');
}

/** What one audit event says, as a headline with details. */
export function describeEvent(ctx: StoryContext, ev: RawEvent): { headline: string; details: string[]; text?: string | null; link?: StoryItem['link'] } {
  const { t } = ctx;
  const actor = actorName(ctx, ev.actor);
  const n = (field: string) => change(ev, field)?.new;
  const did = (what: string) => t('timeline.actorDid', { actor, what });
  const reason = ev.note ? t('timeline.reason', { reason: ev.note }) : null;
  switch (ev.objectType) {
    case 'Customer':
      switch (ev.action) {
        case 'create': return { headline: t('timeline.customerCreated', { actor }), details: [] };
        case 'follow_up': {
          const next = nextFollowUp(ctx, change(ev, 'nextFollowUpAt'));
          return { headline: next ? did(next) : t('timeline.customerUpdated', { actor }), details: [] };
        }
        case 'tag': return { headline: t('timeline.tagged', { actor, tags: value(ctx, 'Customer', 'tags', n('tags')) }), details: [] };
        case 'untag': return { headline: t('timeline.untagged', { actor, tags: value(ctx, 'Customer', 'tags', change(ev, 'tags')?.old) }), details: [] };
        case 'transfer': return { headline: t('timeline.transferred', { actor, owner: value(ctx, 'Customer', 'ownerId', n('ownerId')) }), details: [], text: reason };
        case 'release': return { headline: t('timeline.released', { actor }), details: [], text: reason };
        case 'claim': return { headline: t('timeline.claimed', { actor }), details: [] };
        case 'merge': return { headline: t('timeline.merged', { actor }), details: [] };
        case 'merge_fill': return { headline: t('timeline.mergeFilled', { fields: ev.changes.map((c) => label(ctx, c.field)).join(ctx.lang === 'en' ? ', ' : '、') }), details: [] };
        case 'merged_away': return { headline: t('timeline.mergedAway', { actor }), details: [] };
        case 'delete': return { headline: t('timeline.customerDeleted', { actor }), details: [] };
        case 'restore': return { headline: t('timeline.customerRestored', { actor }), details: [] };
        default: return { headline: t('timeline.customerUpdated', { actor }), details: changeDetails(ctx, ev) };
      }
    case 'Contact': {
      const name = String(n('name') ?? change(ev, 'name')?.old ?? '');
      if (ev.action === 'create') return { headline: t('timeline.contactAdded', { actor, name }), details: [] };
      if (ev.action === 'delete') return { headline: t('timeline.contactDeleted', { actor }), details: [] };
      return { headline: t('timeline.contactUpdated', { actor, name }), details: changeDetails(ctx, ev, ['name']) };
    }
    case 'Interaction':
      return { headline: t('timeline.logged', { actor, kind: t(`timeline.kindWords.${String(n('kind') ?? 'NOTE').toUpperCase()}`) }), details: [], text: n('summary') == null ? null : String(n('summary')) };
    case 'Task': {
      const title = String(n('title') ?? ctx.taskTitle?.(ev.objectId) ?? t('timeline.task'));
      if (ev.action === 'create') {
        const due = n('dueAt');
        return { headline: did(due ? t('timeline.taskCreatedDue', { title, date: humanDate(String(due), ctx) }) : t('timeline.taskCreated', { title })), details: [] };
      }
      if (ev.action === 'delete') return { headline: t('timeline.taskDeleted', { actor }), details: [] };
      const status = change(ev, 'status');
      const s = String(status?.new ?? '').toUpperCase();
      if (s === 'DONE') return { headline: t('timeline.taskDone', { actor, title }), details: changeDetails(ctx, ev, ['status', 'completedAt']) };
      if (status && String(status.old ?? '').toUpperCase() === 'DONE') return { headline: t('timeline.taskReopened', { actor, title }), details: changeDetails(ctx, ev, ['status', 'completedAt']) };
      return { headline: t('timeline.taskUpdated', { actor, title }), details: changeDetails(ctx, ev) };
    }
    case 'Opportunity': {
      const title = String(n('title') ?? ctx.opportunityTitle?.(ev.objectId) ?? '');
      const link = { to: `/opportunities/${encodeURIComponent(ev.objectId)}`, label: title };
      if (ev.action === 'create') return { headline: t('timeline.oppCreated', { actor, title }), details: [], link };
      if (ev.action === 'delete') return { headline: t('timeline.oppDeleted', { actor }), details: [] };
      return { headline: t('timeline.oppUpdated', { actor, title }), details: changeDetails(ctx, ev, ['stageId', 'title']), link };
    }
    case 'Order': {
      const number = String(n('number') ?? ctx.orderNumber?.(ev.objectId) ?? '');
      const link = { to: `/orders/${encodeURIComponent(ev.objectId)}`, label: number };
      const paid = change(ev, 'paid');
      const delta = paid && /^-?\d+$/.test(String(paid.new ?? '')) ? String(BigInt(String(paid.new)) - BigInt(String(paid.old ?? '0'))) : null;
      const amount = delta ? minorMoney(delta.startsWith('-') ? delta.slice(1) : delta, 'CNY', ctx.lang) : '';
      const status = String(n('status') ?? '').toUpperCase();
      const by: Record<string, string> = {
        create: t('timeline.orderCreated', { actor, number }),
        confirm: t('timeline.orderConfirmed', { actor }),
        ship: status === 'PARTIALLY_SHIPPED' ? t('timeline.orderPartlyShipped', { actor }) : t('timeline.orderShipped', { actor }),
        deliver: t('timeline.orderDelivered'),
        complete: t('timeline.orderCompleted', { actor }),
        cancel: t('timeline.orderCancelled', { actor }),
        payment: t('timeline.orderPaid', { actor, amount }),
        refund: t('timeline.orderRefunded', { actor, amount }),
        update_lines: t('timeline.orderLines', { actor }),
      };
      const headline = by[ev.action] ?? (status === 'DELIVERED' ? t('timeline.orderDelivered') : t('timeline.orderUpdated', { actor }));
      const details = ev.action === 'update' ? changeDetails(ctx, ev) : [];
      if (ev.action !== 'create' && number) details.unshift(t('timeline.forOrder', { number }));
      return { headline, details, text: ev.action === 'cancel' ? reason : null, link: number ? link : undefined };
    }
    case 'Shipment': {
      const s = String(n('status') ?? '').toUpperCase();
      return { headline: s === 'IN_TRANSIT' ? t('timeline.shipmentInTransit') : s === 'DELIVERED' ? t('timeline.shipmentDelivered') : t('timeline.shipmentUpdated', { actor }), details: [] };
    }
    case 'ReturnRequest': {
      const kind = t(`timeline.returnKindWords.${String(n('kind') ?? 'RETURN').toUpperCase()}`);
      const by: Record<string, string> = {
        create: t('timeline.returnRequested', { actor, kind }), approve: t('timeline.returnApproved', { actor }), reject: t('timeline.returnRejected', { actor }),
        receive: t('timeline.returnReceived', { actor }), refund: t('timeline.returnRefunded', { actor }), replace: t('timeline.returnReplaced', { actor }),
      };
      return { headline: by[ev.action] ?? t('timeline.generic', { actor, action: t('timeline.genericAction'), type: t(`objectTypes.${ev.objectType}`, { defaultValue: ev.objectType }) }), details: [], text: ev.action === 'create' || ev.action === 'reject' ? reason : null };
    }
    case 'Lead':
      if (ev.action === 'convert') return { headline: t('timeline.leadConverted', { actor }), details: [] };
      break;
    default:
      break;
  }
  return {
    headline: t('timeline.generic', { actor, action: t('timeline.genericAction'), type: t(`objectTypes.${ev.objectType}`, { defaultValue: ev.objectType }) }),
    details: changeDetails(ctx, ev),
  };
}

/** Which event of one request tells the story; the others become its details. */
const PRIMARY = ['Lead', 'ReturnRequest', 'Order', 'Opportunity', 'Customer', 'Contact', 'Task', 'Shipment', 'Interaction'];

const within = (a: string, b: string, seconds: number) => Math.abs(dayjs(a).diff(dayjs(b), 'millisecond')) <= seconds * 1000;

/** The timeline as sentences, newest first (the order the API gives). */
export function buildStory(entries: readonly TimelineEntryInput[], ctx: StoryContext): StoryItem[] {
  const { t } = ctx;
  const events = entries.map((e) => e.auditEvent).filter((e): e is RawEvent => Boolean(e));
  const used = new Set<string>();
  const byRequest = new Map<string, RawEvent[]>();
  for (const ev of events) {
    if (!ev.requestId || ev.requestId === '-') continue;
    byRequest.set(ev.requestId, [...(byRequest.get(ev.requestId) ?? []), ev]);
  }
  const sameRequest = (ev: RawEvent) => (ev.requestId && ev.requestId !== '-' ? byRequest.get(ev.requestId) ?? [ev] : [ev]);
  const items: (StoryItem & { order: number })[] = [];
  const indexOf = new Map<string, number>();
  entries.forEach((e, i) => { if (e.auditEvent) indexOf.set(e.auditEvent.id, i); });
  const firstIndex = (evs: readonly RawEvent[], fallback: number) => Math.min(fallback, ...evs.map((ev) => indexOf.get(ev.id) ?? fallback));

  entries.forEach((entry, index) => {
    if (entry.interaction) {
      const it = entry.interaction;
      const uuid = uuidOf(it.id);
      // the interaction's own create event, and everything its request did (the customer's
      // follow-up dates, a follow-up task): one entry
      const own = events.find((ev) => ev.objectType === 'Interaction' && ev.objectId === it.id)
        ?? events.find((ev) => ev.objectType === 'Customer' && ev.action === 'follow_up' && change(ev, 'lastInteractionId')?.new === uuid);
      const folded = own ? sameRequest(own) : [];
      folded.forEach((ev) => used.add(ev.id));
      const details: string[] = [];
      const follow = folded.find((ev) => ev.objectType === 'Customer' && ev.action === 'follow_up');
      const next = follow ? nextFollowUp(ctx, change(follow, 'nextFollowUpAt')) : it.nextFollowUpAt ? t('timeline.nextSet', { date: humanDate(it.nextFollowUpAt, ctx) }) : null;
      if (next) details.push(next);
      for (const ev of folded) {
        if (ev.objectType === 'Task' && ev.action === 'create') {
          const due = change(ev, 'dueAt')?.new;
          const title = String(change(ev, 'title')?.new ?? '');
          details.push(due ? t('timeline.taskCreatedDue', { title, date: humanDate(String(due), ctx) }) : t('timeline.taskCreated', { title }));
        } else if (ev.objectType !== 'Interaction' && ev !== follow) {
          details.push(describeEvent(ctx, ev).headline);
        }
      }
      items.push({
        key: `i:${it.id}`,
        at: entry.at,
        kind: 'interaction',
        color: 'blue',
        headline: t('timeline.logged', { actor: actorName(ctx, it.owner), kind: t(`timeline.kindWords.${it.kind}`, { defaultValue: enumLabel(t, 'InteractionKind', it.kind) }) }),
        details,
        text: it.summary,
        subtext: it.outcome,
        link: it.opportunity ? { to: `/opportunities/${encodeURIComponent(it.opportunity.id)}`, label: it.opportunity.title } : undefined,
        raw: folded,
        order: firstIndex(folded, index),
      });
    } else if (entry.stageChange) {
      const sc = entry.stageChange;
      const name = (s: Named | null | undefined) => (s ? (ctx.lang === 'en' ? s.nameEn : s.name) : '');
      const at = sc.createdAt ?? entry.at;
      const folded = events.filter((ev) => !used.has(ev.id) && ev.objectType === 'Opportunity' && ev.action === 'move'
        && sc.opportunity && ev.objectId === sc.opportunity.id && within(ev.createdAt, at, 10));
      folded.forEach((ev) => used.add(ev.id));
      const title = sc.opportunity?.title ?? '';
      const actor = actorName(ctx, sc.changedBy);
      items.push({
        key: `s:${sc.id}`,
        at: entry.at,
        kind: 'stage',
        color: sc.toStage.isLost ? 'red' : 'green',
        headline: sc.fromStage ? t('timeline.stageMoved', { actor, title, from: name(sc.fromStage), to: name(sc.toStage) }) : t('timeline.stageEntered', { actor, title, to: name(sc.toStage) }),
        details: [],
        text: sc.note,
        link: sc.opportunity ? { to: `/opportunities/${encodeURIComponent(sc.opportunity.id)}`, label: title } : undefined,
        raw: folded,
        order: firstIndex(folded, index),
      });
    }
  });

  entries.forEach((entry, index) => {
    const ev = entry.auditEvent;
    if (!ev || used.has(ev.id)) return;
    const group = sameRequest(ev).filter((x) => !used.has(x.id));
    group.forEach((x) => used.add(x.id));
    const rank = (x: RawEvent) => {
      const i = PRIMARY.indexOf(x.objectType);
      return i < 0 ? PRIMARY.length : i;
    };
    const [primary, ...rest] = [...group].sort((a, b) => rank(a) - rank(b));
    const main = describeEvent(ctx, primary);
    const details = [...main.details];
    for (const other of rest) {
      const d = describeEvent(ctx, other);
      // a follow-up date moved by the same request reads as a detail, not a second sentence
      details.push(d.headline, ...d.details);
    }
    items.push({
      key: `e:${primary.id}`,
      at: entry.at,
      kind: 'event',
      color: primary.action === 'cancel' || primary.action === 'delete' || primary.action === 'release' ? 'red' : 'gray',
      headline: main.headline,
      details: [...new Set(details.filter(Boolean))],
      text: main.text,
      link: main.link,
      raw: group,
      order: firstIndex(group, index),
    });
  });
  // newest first, as the API orders entries; an entry standing for several events takes the
  // place of the newest of them
  return items.sort((a, b) => a.order - b.order).map(({ order: _order, ...item }) => item);
}
