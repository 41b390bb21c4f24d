/** Where the session's tokens live. The access token is short-lived; the refresh token rotates. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** epoch milliseconds when the access token expires */
  expiresAt: number;
}

const KEY = 'crm.auth';
type Listener = (t: Tokens | null) => void;
const listeners = new Set<Listener>();

export function getTokens(): Tokens | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const t = JSON.parse(raw) as Tokens;
    return t && typeof t.accessToken === 'string' && typeof t.refreshToken === 'string' ? t : null;
  } catch {
    return null;
  }
}

export function setTokens(accessToken: string, refreshToken: string, expiresInSeconds: number | null | undefined): Tokens {
  const t: Tokens = {
    accessToken,
    refreshToken,
    expiresAt: Date.now() + Math.max(0, (expiresInSeconds ?? 300) * 1000),
  };
  localStorage.setItem(KEY, JSON.stringify(t));
  listeners.forEach((l) => l(t));
  return t;
}

export function clearTokens(): void {
  localStorage.removeItem(KEY);
  listeners.forEach((l) => l(null));
}

export function onTokensChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** True when the access token is expired or will be within `marginMs`. */
export function isExpiring(t: Tokens, marginMs = 15_000): boolean {
  return t.expiresAt - marginMs <= Date.now();
}
