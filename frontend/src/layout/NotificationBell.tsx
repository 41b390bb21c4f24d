import { lazy, Suspense, useRef, useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { gql, useQuery } from 'urql';

// The panel (its list, marking read, the live subscription, its texts) is a chunk of its own,
// fetched on the first click: the shell's first load carries only the count.
const NotificationPanel = lazy(() => import('./notifications/NotificationPanel'));

// Parsed at run time (urql's gql), as SavedViews does: a codegen document would sit in the
// main documents module of every route, twice (its text and its tree).
const UnreadNotificationCountQuery = gql<{ unreadNotificationCount: number }>`query UnreadNotificationCount { unreadNotificationCount }`;

/**
 * The header's bell: the unread count as the page loaded, and the notifications panel on
 * demand. The count is live once the panel has been opened (its subscription): subscribing
 * before would fetch the socket client on every list's first load, which has no room for it.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const [{ data }, refetch] = useQuery({ query: UnreadNotificationCountQuery, requestPolicy: 'cache-and-network' });
  const unread = data?.unreadNotificationCount ?? 0;
  return (
    <div ref={root} className="crm-bell">
      <Button type="text" icon={<span className="crm-bell-icon" aria-hidden />} data-testid="notifications-bell" aria-expanded={open}
        aria-label={`${t('app.notifications')} (${unread})`} onClick={() => { setWanted(true); setOpen((o) => !o); }}>
        {unread ? <span className="crm-bell-count" data-testid="notifications-count">{unread > 99 ? '99+' : unread}</span> : null}
      </Button>
      {wanted ? (
        <Suspense fallback={null}>
          <NotificationPanel open={open} root={root} onClose={() => setOpen(false)} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
        </Suspense>
      ) : null}
    </div>
  );
}
