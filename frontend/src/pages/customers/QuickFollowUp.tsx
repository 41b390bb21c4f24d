import { useState } from 'react';
import { Button, Drawer } from 'antd';
import { MessageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { LogInteractionMutation } from './documents';
import { useFeedback } from '../../components/feedback';
import { outcomeText } from '../../graphql/errors';
import { enumLabel } from '../../i18n';
import type { InteractionKind } from '../../gql/graphql';

export const QUICK_KINDS: InteractionKind[] = ['CALL', 'VISIT', 'MESSAGE', 'MEETING', 'EMAIL', 'NOTE'];

/**
 * Field sales log a follow-up in two taps: "跟进" opens the kinds, a kind logs it (with a
 * client-chosen id, so the offline queue can send it later and a retry cannot log it twice).
 * "写详情" opens the full form on the customer's page.
 */
export function QuickFollowUp({ customerId, customerName, onLogged, onDetails, block = false }: {
  customerId: string; customerName: string; onLogged?: () => void; onDetails?: () => void; block?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const { i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [{ fetching }, log] = useMutation(LogInteractionMutation);
  const logKind = async (kind: InteractionKind) => {
    const label = enumLabel(t, 'InteractionKind', kind);
    const r = await log({ input: { id: crypto.randomUUID(), customerId, kind, summary: t('customer.quickSummary', { kind: label }), occurredAt: new Date().toISOString() } });
    setOpen(false);
    if (r.error?.networkError && typeof navigator !== 'undefined' && !navigator.onLine) {
      message.info(t('interaction.queued'));
      return;
    }
    const text = outcomeText(i18n, r.error, r.data?.logInteraction.errors);
    if (text) message.error(text);
    else {
      message.success(t('customer.followUpLogged', { kind: label }));
      onLogged?.();
    }
  };
  return (
    <>
      <Button type="primary" icon={<MessageOutlined />} block={block} onClick={() => setOpen(true)} data-testid="quick-follow-up">
        {t('customer.logInteraction')}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} placement="bottom" size="auto" title={`${t('customer.quickLog')} · ${customerName}`}>
        <p className="crm-secondary" style={{ marginTop: 0 }}>{t('customer.quickLogHint')}</p>
        <div className="crm-quick-kinds" data-testid="quick-kinds">
          {QUICK_KINDS.map((k) => (
            <Button key={k} size="large" loading={fetching} onClick={() => void logKind(k)} data-testid={`quick-${k}`}>
              {enumLabel(t, 'InteractionKind', k)}
            </Button>
          ))}
        </div>
        {onDetails ? (
          <Button type="link" block onClick={() => { setOpen(false); onDetails(); }} data-testid="quick-details" style={{ marginTop: 8 }}>
            {t('customer.details')}
          </Button>
        ) : null}
      </Drawer>
    </>
  );
}
