import { useMemo, useState } from 'react';
import { Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format';
import { usePermissions } from '../../permissions/context';
import { buildStory, type RawEvent, type StoryContext, type StoryItem, type TimelineEntryInput } from './timeline';

/** The raw audit records behind one entry, as the API sent them (for those who may read audit changes). */
function RawRecords({ raw }: { raw: readonly RawEvent[] }) {
  const { t } = useTranslation();
  return (
    <div className="crm-raw" data-testid="timeline-raw">
      {raw.length ? raw.map((ev) => (
        <div key={ev.id} className="crm-raw-event">
          <code>{ev.objectType} · {ev.action}</code> <span className="crm-secondary">{ev.createdAt}</span>
          {ev.note ? <div className="crm-secondary">{ev.note}</div> : null}
          {ev.changes.length ? (
            <table>
              <tbody>
                {ev.changes.map((c) => (
                  <tr key={c.field}><td><code>{c.field}</code></td><td>{show(c.old)}</td><td>→</td><td>{show(c.new)}</td></tr>
                ))}
              </tbody>
            </table>
          ) : <div className="crm-secondary">{t('timeline.noChanges')}</div>}
        </div>
      )) : <div className="crm-secondary">{t('timeline.noChanges')}</div>}
    </div>
  );
}

function show(v: unknown): string {
  if (v == null) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function Entry({ item, canReadRaw }: { item: StoryItem; canReadRaw: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="crm-story" data-testid="timeline-entry" data-kind={item.kind}>
      <div className="crm-story-head">
        <span className="crm-story-headline" data-testid="timeline-headline">{item.headline}</span>
        <span className="crm-secondary crm-story-time">{formatDateTime(item.at)}</span>
      </div>
      {item.text ? <div className="crm-story-text">{item.text}</div> : null}
      {item.subtext ? <div className="crm-secondary">{item.subtext}</div> : null}
      {item.details.length ? (
        <ul className="crm-story-details" data-testid="timeline-details">
          {item.details.map((d) => <li key={d}>{d}</li>)}
        </ul>
      ) : null}
      <div className="crm-story-foot">
        {item.link?.label ? <Link to={item.link.to}>{item.link.label}</Link> : null}
        {canReadRaw && item.raw.length ? (
          <button type="button" className="crm-linkbutton" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="show-raw">
            {open ? t('timeline.hideRaw') : t('timeline.showRaw')}
          </button>
        ) : null}
      </div>
      {open ? <RawRecords raw={item.raw} /> : null}
    </div>
  );
}

/** A customer's timeline in sentences; the raw records one click away. */
export function TimelineView({ entries, context }: { entries: readonly TimelineEntryInput[]; context: Omit<StoryContext, 't' | 'lang'> }) {
  const { t, i18n } = useTranslation();
  const p = usePermissions();
  const items = useMemo(() => buildStory(entries, { ...context, t, lang: i18n.language }), [entries, context, t, i18n.language]);
  const canReadRaw = p.canRead('AuditEvent', 'changes');
  if (!items.length) return <Empty />;
  return (
    <Timeline
      data-testid="customer-timeline"
      items={items.map((item) => ({ key: item.key, color: item.color, content: <Entry item={item} canReadRaw={canReadRaw} /> }))}
    />
  );
}
