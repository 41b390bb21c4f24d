import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from '@urql/core';
import { blockingError, combinedErrorText, hasForbiddenFields } from '../graphql/errors';

/** Shows loading / real errors; a FORBIDDEN on some fields is a note, never a crash. */
export function QueryState({ fetching, error, hasData }: { fetching: boolean; error?: CombinedError; hasData: boolean }) {
  const { t, i18n } = useTranslation();
  const blocking = blockingError(error);
  return (
    <>
      {fetching && !hasData ? <Spin style={{ display: 'block', margin: 24 }} /> : null}
      {blocking ? <Alert type="error" showIcon title={combinedErrorText(i18n, blocking)} data-testid="query-error" style={{ marginBottom: 12 }} /> : null}
      {!blocking && hasForbiddenFields(error) ? (
        <Alert type="info" showIcon title={t('app.partialData')} style={{ marginBottom: 12 }} data-testid="partial-data" />
      ) : null}
    </>
  );
}
