import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { usePermissions } from '../permissions/context';

/** Shows the masked string exactly as the server sent it, with a lock so nobody mistakes it. */
export function MaskedText({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  if (value == null || value === '') return <span className="crm-empty">—</span>;
  return (
    <span className="crm-secondary" data-masked="true" title={t('common.masked')}>
      {value} <LockOutlined aria-label={t('common.masked')} />
    </span>
  );
}

/**
 * One field of one record, displayed as the user's permissions allow:
 * NONE renders nothing, MASKED the server's masked string, otherwise the value.
 */
export function FieldValue({
  type,
  field,
  value,
  render,
}: {
  type: string;
  field: string;
  value: unknown;
  render?: (v: unknown) => ReactNode;
}) {
  const p = usePermissions();
  const access = p.access(type, field);
  if (access === 'NONE') return null;
  // MASKED is the role's default; the server may still send the clear value on rows the user
  // owns (owner rules), so only a value that carries the mask is marked as masked.
  if (access === 'MASKED' && (value == null || String(value).includes('*'))) {
    return <MaskedText value={value == null ? null : String(value)} />;
  }
  if (value == null || value === '') return <span className="crm-empty">—</span>;
  return <>{render ? render(value) : String(value)}</>;
}
