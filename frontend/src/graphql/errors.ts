import type { CombinedError } from '@urql/core';

export interface UserErrorLike {
  field?: string | null;
  code: string;
  message: string;
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

export function formatUserErrors(errors: readonly UserErrorLike[] | null | undefined): string {
  return (errors ?? []).map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
}
