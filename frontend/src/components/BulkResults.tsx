import { Modal, Progress, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulkItemResult } from './bulk';

export interface BulkState {
  title: string;
  done: number;
  total: number;
  results: BulkItemResult[] | null;
}

/** Progress while a bulk action runs, then the outcome row by row. */
export function BulkResults({ state, names, onClose }: { state: BulkState | null; names: Map<string, string>; onClose: () => void }) {
  const { t } = useTranslation();
  if (!state) return null;
  const finished = state.results !== null;
  const failed = state.results?.filter((r) => !r.ok).length ?? 0;
  return (
    <Modal open title={state.title} onCancel={finished ? onClose : undefined} onOk={onClose} okButtonProps={{ disabled: !finished }}
      cancelButtonProps={{ style: { display: 'none' } }} closable={finished} maskClosable={false}>
      <div data-testid="bulk-results" data-finished={finished ? 'true' : 'false'}>
      <Progress percent={state.total ? Math.round((state.done / state.total) * 100) : 100} status={finished ? (failed ? 'exception' : 'success') : 'active'} />
      <div style={{ margin: '8px 0' }}>
        {finished
          ? t('common.bulkDone', { ok: (state.results?.length ?? 0) - failed, failed })
          : t('common.progress', { done: state.done, total: state.total })}
      </div>
      {state.results ? (
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, size: 'small' }}
          dataSource={state.results}
          columns={[
            { title: t('customer.name'), dataIndex: 'id', render: (id: string) => names.get(id) ?? id },
            {
              title: t('common.result'),
              dataIndex: 'ok',
              render: (ok: boolean, r: BulkItemResult) =>
                ok ? <Tag color="green">{t('common.ok')}</Tag> : <Tag color="red">{r.message || t('common.error')}</Tag>,
            },
          ]}
        />
      ) : null}
      </div>
    </Modal>
  );
}
