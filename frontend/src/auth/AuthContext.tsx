import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Client, fetchExchange } from '@urql/core';
import { clearTokens, getTokens, onTokensChange, setTokens } from './tokens';
import { LoginMutation, LogoutMutation } from './loginDocuments';
import type { UserErrorLike } from '../graphql/errors';
import i18n from '../i18n';

export const GRAPHQL_URL = '/graphql';

export interface LoginResult {
  ok: boolean;
  /** the server's errors, rendered by the form in the user's language */
  errors?: readonly UserErrorLike[];
  message?: string;
}

interface AuthValue {
  authenticated: boolean;
  /** changes at every login and logout: the signed-in app builds new clients (new caches) */
  generation: number;
  /** whether the main client keeps its cache in IndexedDB (off in tests) */
  persistCache: boolean;
  onAuthFailure(): void;
  login(email: string, password: string): Promise<LoginResult>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

/** A client with no cache and no auth, for login and logout only. */
function bareClient(): Client {
  return new Client({
    url: GRAPHQL_URL, exchanges: [fetchExchange], requestPolicy: 'network-only',
    fetchOptions: () => ({ headers: { 'Accept-Language': i18n.language } }),
  });
}

/** The offline cache lives in the signed-in app's chunk: loaded on demand, never by the login page. */
async function clearPersistentCache(): Promise<void> {
  const { clearPersistentCache: clear } = await import('../graphql/client');
  await clear();
}

export function AuthProvider({ children, persistCache = true }: { children: ReactNode; persistCache?: boolean }) {
  const [authenticated, setAuthenticated] = useState(() => getTokens() !== null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => onTokensChange((t) => setAuthenticated(t !== null)), []);

  const onAuthFailure = useCallback(() => {
    clearTokens();
    setAuthenticated(false);
  }, []);

  const login = useCallback(async (email: string, password: string): Promise<LoginResult> => {
    const res = await bareClient().mutation(LoginMutation, { input: { email, password } }).toPromise();
    if (res.error && !res.data) {
      if (res.error.networkError) throw res.error.networkError;
      return { ok: false, errors: res.error.graphQLErrors.map((e) => ({ code: String(e.extensions?.code ?? ''), message: e.message })) };
    }
    const p = res.data?.login;
    if (!p || p.errors.length || !p.accessToken || !p.refreshToken) {
      return { ok: false, errors: p?.errors ?? [] };
    }
    await clearPersistentCache();
    setTokens(p.accessToken, p.refreshToken, p.expiresIn);
    setGeneration((g) => g + 1);
    setAuthenticated(true);
    return { ok: true };
  }, []);

  const logout = useCallback(async () => {
    const t = getTokens();
    if (t) {
      try {
        await bareClient()
          .mutation(LogoutMutation, { input: { refreshToken: t.refreshToken } }, {
            fetchOptions: { headers: { Authorization: `Bearer ${t.accessToken}` } },
          })
          .toPromise();
      } catch {
        /* the session ends locally whatever the server says */
      }
    }
    clearTokens();
    await clearPersistentCache();
    try {
      sessionStorage.clear();
    } catch {
      /* ignore */
    }
    setGeneration((g) => g + 1);
    setAuthenticated(false);
  }, []);

  const value = useMemo(
    () => ({ authenticated, generation, persistCache, onAuthFailure, login, logout }),
    [authenticated, generation, persistCache, onAuthFailure, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
