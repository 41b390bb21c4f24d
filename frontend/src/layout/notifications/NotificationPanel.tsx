import { useCallback, useEffect, type RefObject } from 'react';
import { Button, Empty } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useLive } from '../../graphql/useLive';
import { MarkNotificationsReadMutation, NotificationsQuery, NotificationsSubscription } from './documents';
import type { NotificationsQuery as NotificationsData } from '../../gql-notify/graphql';
import './texts';

type Item = NotificationsData['notifications']['edges'][number]['node'];

const PAGE = 20;

/** Where a notification's record opens; null when it has no page or you may not read it. */
export function subjectPath(subject: Item['subject']): string | null {
  if (!subject) return null;
  const id = encodeURIComponent(subject.id);
  switch (subject.__typename) {
    case 'Customer': return `/customers/${id}`;
    case 'Opportunity': return `/opportunities/${id}`;
    case 'Order': return `/orders/${id}`;
    case 'Task': return '/tasks';
    default: return null;
  }
}

interface Props {
  open: boolean;
  /** the bell and its panel: a click outside closes the panel */
  root: RefObject<HTMLDivElement | null>;
  onClose: () => void;
  /** the unread count may have changed */
  onChanged: () => void;
}

/**
 * The bell's panel (its own chunk, fetched on the bell's first click, then kept mounted so its
 * subscription keeps the count live): the latest notifications, mark read, mark all read, and
 * a click opens the record. Plain markup, not antd's Popover or List: those live in the list
 * pages' chunks, and sharing them would split those chunks and grow the lists' first load.
 */
export default function NotificationPanel({ open, root, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [list, refetchList] = useQuery({ query: NotificationsQuery, variables: { first: PAGE }, requestPolicy: 'network-only' });
  const [, mark] = useMutation(MarkNotificationsReadMutation);
  const reload = useCallback(() => {
    onChanged();
    refetchList({ requestPolicy: 'network-only' });
  }, [onChanged, refetchList]);
  useLive(NotificationsSubscription, {}, reload);
  useEffect(() => {
    if (open) refetchList({ requestPolicy: 'network-only' });
  }, [open, refetchList]);
  useEffect(() => {
    if (!open) return undefined;
    const away = (e: MouseEvent) => { if (!root.current?.contains(e.target as Node)) onClose(); };
    const esc = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', esc);
    return () => { document.removeEventListener('mousedown', away); document.removeEventListener('keydown', esc); };
  }, [open, root, onClose]);

  if (!open) return null;
  const markRead = async (input: { ids?: string[]; all?: boolean }) => {
    await mark({ input });
    reload();
  };
  const openItem = async (item: Item) => {
    if (!item.read) await markRead({ ids: [item.id] });
    const path = subjectPath(item.subject);
    if (path) {
      onClose();
      navigate(path);
    }
  };
  const items = list.data?.notifications.edges.map((e) => e.node) ?? [];
  const anyUnread = items.some((i) => !i.read);
  const kindLabel = (kind: string) => t(`notifications.kinds.${kind}`, { defaultValue: t('notifications.kinds.other') });
  return (
    <div className="crm-bell-panel" data-testid="notifications-panel" role="dialog" aria-label={t('notifications.bell')}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <strong>{t('notifications.bell')}</strong>
        <Button size="small" type="link" disabled={!anyUnread} onClick={() => void markRead({ all: true })} data-testid="notifications-mark-all">
          {t('notifications.markAll')}
        </Button>
      </div>
      {list.fetching && !list.data ? <div aria-busy="true">…</div> : null}
      {list.error ? <div className="crm-text-danger" role="alert">{t('notifications.failed')}</div> : null}
      {list.data && items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} /> : null}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <li key={item.id} className="crm-bell-item" data-testid="notification-item" data-read={item.read ? 'true' : 'false'} data-kind={item.kind}>
            <button type="button" className="crm-bell-open" onClick={() => void openItem(item)} data-testid="notification-open">
              <div className="crm-bell-meta">{kindLabel(item.kind)} · {dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}</div>
              <div style={{ fontWeight: item.read ? 400 : 600 }} data-testid="notification-title">{item.title}</div>
              {item.body ? <div style={{ fontSize: 12 }}>{item.body}</div> : null}
              {item.actor ? <div className="crm-bell-meta">{t('notifications.from', { name: item.actor.name })}</div> : null}
            </button>
            {!item.read ? (
              <Button size="small" type="text" onClick={() => void markRead({ ids: [item.id] })} data-testid="notification-mark-read">
                {t('notifications.markRead')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
