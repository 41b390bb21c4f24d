import type { CombinedError } from '@urql/core';
import type { i18n as I18n } from 'i18next';

export interface UserErrorLike {
  field?: string | null;
  code: string;
  message: string;
  /** parameters of the message (product, available...), when the server sends them (a JSON object) */
  params?: unknown;
}

/** Error codes in a GraphQL response (extensions.code). */
export function errorCodes(error: CombinedError | undefined | null): string[] {
  if (!error) return [];
  return error.graphQLErrors.map((e) => String((e.extensions as { code?: unknown } | undefined)?.code ?? ''));
}

/**
 * Denied fields come back null with a FORBIDDEN error; the rest of the data is good.
 * Returns the error a page should show, or null when every error is such a field denial.
 */
export function blockingError(error: CombinedError | undefined | null): CombinedError | null {
  if (!error) return null;
  if (error.networkError) return error;
  const others = error.graphQLErrors.filter(
    (e) => (e.extensions as { code?: unknown } | undefined)?.code !== 'FORBIDDEN',
  );
  return others.length ? error : null;
}

export function hasForbiddenFields(error: CombinedError | undefined | null): boolean {
  return errorCodes(error).includes('FORBIDDEN');
}

export function isAuthError(error: CombinedError | undefined | null): boolean {
  if (!error) return false;
  const status = (error.response as { status?: number } | undefined)?.status;
  return status === 401 || errorCodes(error).some((c) => c === 'UNAUTHENTICATED' || c === 'UNAUTHORIZED');
}

const CJK = /[\u3400-\u9fff]/;

function isParams(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The last segment of a field path (`lines.0.quantity` -> `quantity`). */
function fieldKey(field: string): string {
  const parts = field.split('.').filter((p) => !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? field;
}

export interface ErrorTextOptions {
  /** prefix the field's label ("电话：…"); off when the text shows under the field itself */
  withField?: boolean;
}

/**
 * A server error in the user's language. The code (and field) pick the text: a per-field text
 * where there is one (`errors.byField.phone.INVALID`), a template when the server sent
 * parameters (`errors.withParams.INSUFFICIENT_STOCK`), else the code's label. The server's
 * message is used when it is already in the user's language (English today; Chinese once the
 * API follows Accept-Language) or when the code is unknown to the app.
 */
export function errorText(i18n: I18n, e: UserErrorLike, { withField = true }: ErrorTextOptions = {}): string {
  const t = i18n.t.bind(i18n);
  const lang = i18n.language;
  const code = String(e.code || '').toUpperCase();
  const key = e.field ? fieldKey(e.field) : '';
  const serverSpeaksLanguage = Boolean(e.message) && (lang === 'en' ? !CJK.test(e.message) : CJK.test(e.message));
  let text: string;
  if (serverSpeaksLanguage) {
    text = e.message;
  } else if (isParams(e.params) && i18n.exists(`errors.withParams.${code}`)) {
    text = t(`errors.withParams.${code}`, { ...e.params });
  } else if (key && i18n.exists(`errors.byField.${key}.${code}`)) {
    text = t(`errors.byField.${key}.${code}`);
  } else if (code && i18n.exists(`enums.ErrorCode.${code}`)) {
    text = t(`enums.ErrorCode.${code}`);
  } else {
    text = e.message || t('errors.unknown');
  }
  if (withField && key && i18n.exists(`fields.${key}`) && !(serverSpeaksLanguage && startsWithField(e.message, key))) {
    const label = t(`fields.${key}`);
    return t('errors.withField', { field: lang === 'en' ? label.charAt(0).toUpperCase() + label.slice(1) : label, message: text });
  }
  return text;
}

function startsWithField(message: string, key: string): boolean {
  return message.toLowerCase().startsWith(`${key.toLowerCase()}:`);
}

/** Several user errors, in the user's language, as one line. */
export function errorsText(i18n: I18n, errors: readonly UserErrorLike[] | null | undefined, options?: ErrorTextOptions): string {
  return (errors ?? []).map((e) => errorText(i18n, e, options)).join(i18n.t('errors.separator'));
}

/** A transport-level error (network, or a GraphQL error with extensions.code) in the user's language. */
export function combinedErrorText(i18n: I18n, error: CombinedError | { message: string } | null | undefined): string {
  if (!error) return '';
  if (!('graphQLErrors' in error)) return error.message;
  if (error.networkError) return i18n.t('errors.network');
  return errorsText(i18n, error.graphQLErrors.map((g) => ({
    code: String((g.extensions as { code?: unknown } | undefined)?.code ?? ''),
    message: g.message,
    field: (g.extensions as { field?: string } | undefined)?.field ?? null,
  })));
}

/**
 * The message for a mutation's outcome: a transport error or the payload's user errors, in the
 * user's language; '' when it succeeded.
 */
export function outcomeText(i18n: I18n, error: CombinedError | undefined, errors: readonly UserErrorLike[] | null | undefined): string {
  if (error) return combinedErrorText(i18n, error);
  return errorsText(i18n, errors);
}
