import { Modal, Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BulkItemResult } from './bulk';
import { errorsText } from '../graphql/errors';

export interface BulkState {
  title: string;
  done: number;
  total: number;
  results: BulkItemResult[] | null;
}

/**
 * Progress while a bulk action runs, then the outcome row by row: each customer by name,
 * linked to its page (never its global id), the reason of a failure in the user's language.
 * The list scrolls inside the dialog; long names and messages wrap.
 */
export function BulkResults({ state, onClose }: { state: BulkState | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  if (!state) return null;
  const finished = state.results !== null;
  const failed = state.results?.filter((r) => !r.ok).length ?? 0;
  return (
    <Modal open title={state.title} onCancel={finished ? onClose : undefined} onOk={onClose} okButtonProps={{ disabled: !finished, 'data-testid': 'bulk-close' } as never}
      cancelButtonProps={{ style: { display: 'none' } }} closable={finished} maskClosable={false} width={560}>
      <div data-testid="bulk-results" data-finished={finished ? 'true' : 'false'}>
        <Progress percent={state.total ? Math.round((state.done / state.total) * 100) : 100} status={finished ? (failed ? 'exception' : 'success') : 'active'} />
        <div style={{ margin: '8px 0' }}>
          {finished
            ? t('common.bulkDone', { ok: (state.results?.length ?? 0) - failed, failed })
            : t('common.progress', { done: state.done, total: state.total })}
        </div>
        {state.results ? (
          <ul className="crm-bulk-list" data-testid="bulk-list">
            {[...state.results].sort((a, b) => Number(a.ok) - Number(b.ok)).map((r) => (
              <li key={r.id} className="crm-bulk-item" data-ok={r.ok ? 'true' : 'false'}>
                <span className="crm-bulk-name">
                  {r.name ? <Link to={`/customers/${encodeURIComponent(r.id)}`} data-testid="bulk-customer">{r.name}</Link>
                    : <span className="crm-secondary">{t('common.unknownCustomer')}</span>}
                </span>
                {r.ok ? <Tag color="green">{t('common.ok')}</Tag>
                  : <Tag color="red" data-testid="bulk-error">{r.message ?? (errorsText(i18n, r.errors, { withField: false }) || t('common.error'))}</Tag>}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Modal>
  );
}
