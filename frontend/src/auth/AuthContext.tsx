import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Client, fetchExchange } from '@urql/core';
import { clearTokens, getTokens, onTokensChange, setTokens } from './tokens';
import { LoginMutation, LogoutMutation } from './documents';
import { clearPersistentCache, createCrmClient, createPayrollClient, GRAPHQL_URL } from '../graphql/client';
import { formatUserErrors } from '../graphql/errors';

export interface LoginResult {
  ok: boolean;
  message?: string;
}

interface AuthValue {
  authenticated: boolean;
  client: Client;
  payrollClient: Client;
  login(email: string, password: string): Promise<LoginResult>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

/** A client with no cache and no auth, for login and logout only. */
function bareClient(): Client {
  return new Client({ url: GRAPHQL_URL, exchanges: [fetchExchange], requestPolicy: 'network-only' });
}

export function AuthProvider({ children, persistCache = true }: { children: ReactNode; persistCache?: boolean }) {
  const [authenticated, setAuthenticated] = useState(() => getTokens() !== null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => onTokensChange((t) => setAuthenticated(t !== null)), []);

  const onAuthFailure = useCallback(() => {
    clearTokens();
    setAuthenticated(false);
  }, []);

  // New clients (and so new in-memory caches) for every session.
  const clients = useMemo(
    () => ({
      client: createCrmClient({ persist: persistCache, onAuthFailure }),
      payrollClient: createPayrollClient(onAuthFailure),
    }),
    [generation, persistCache, onAuthFailure],
  );

  const login = useCallback(async (email: string, password: string): Promise<LoginResult> => {
    const res = await bareClient().mutation(LoginMutation, { input: { email, password } }).toPromise();
    if (res.error && !res.data) {
      return { ok: false, message: res.error.networkError ? undefined : res.error.graphQLErrors.map((e) => e.message).join('; ') };
    }
    const p = res.data?.login;
    if (!p || p.errors.length || !p.accessToken || !p.refreshToken) {
      return { ok: false, message: formatUserErrors(p?.errors) || undefined };
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
    () => ({ authenticated, login, logout, ...clients }),
    [authenticated, login, logout, clients],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The auth context when there is one (components rendered on their own in tests have none). */
export function useOptionalAuth(): AuthValue | null {
  return useContext(AuthContext);
}
