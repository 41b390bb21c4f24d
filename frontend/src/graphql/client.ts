import { Client, fetchExchange, type Exchange } from '@urql/core';
import { cacheExchange, offlineExchange } from '@urql/exchange-graphcache';
import { makeDefaultStorage, type DefaultStorage } from '@urql/exchange-graphcache/default-storage';
import { authExchange } from '@urql/exchange-auth';
import { clearTokens, getTokens, isExpiring, setTokens } from '../auth/tokens';
import { RefreshMutation } from '../auth/documents';
import { isAuthError } from './errors';
import { cacheKeys, optimistic, payrollSafeStorage } from './cacheConfig';
import { GRAPHQL_URL } from '../auth/AuthContext';
import i18n from '../i18n';
import { graphql } from '../gql';
import { closeLive, liveExchange } from './live';

export { GRAPHQL_URL };
const IDB_NAME = 'crm-graphcache';

interface SessionStorage {
  storage: DefaultStorage;
  /** set at logout: a client of the ended session may still try to write; it writes nothing */
  closed: boolean;
}
let current: SessionStorage | null = null;

function persistentStorage(): DefaultStorage | null {
  if (typeof indexedDB === 'undefined') return null;
  if (!current) {
    const base = payrollSafeStorage(makeDefaultStorage({ idbName: IDB_NAME, maxAge: 7 }));
    const session: SessionStorage = { storage: base, closed: false };
    session.storage = new Proxy(base, {
      get(target, prop, receiver) {
        if (prop === 'writeData') return (d: Parameters<DefaultStorage['writeData']>[0]) => (session.closed ? Promise.resolve() : target.writeData(d));
        if (prop === 'writeMetadata') return (m: Parameters<NonNullable<DefaultStorage['writeMetadata']>>[0]) => (session.closed ? undefined : target.writeMetadata?.(m));
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    current = session;
  }
  return current.storage;
}

/** Removes every cached response from the browser (logout, or a new login). */
export async function clearPersistentCache(): Promise<void> {
  await closeLive();
  const session = current;
  current = null;
  try {
    if (session) {
      session.closed = true;
      await session.storage.clear();
    } else if (typeof indexedDB !== 'undefined') {
      indexedDB.deleteDatabase(IDB_NAME);
    }
  } catch {
    /* nothing to clear */
  }
}

function auth(onAuthFailure: () => void): Exchange {
  return authExchange(async (utils) => ({
    addAuthToOperation(operation) {
      const t = getTokens();
      return t ? utils.appendHeaders(operation, { Authorization: `Bearer ${t.accessToken}` }) : operation;
    },
    didAuthError(error) {
      return isAuthError(error);
    },
    willAuthError(operation) {
      const t = getTokens();
      if (!t) return false;
      const def = operation.query.definitions[0];
      const name = def && 'name' in def ? def.name?.value : undefined;
      if (name === 'Login' || name === 'RefreshToken') return false;
      return isExpiring(t);
    },
    async refreshAuth() {
      const t = getTokens();
      if (!t) return;
      const result = await utils.mutate(RefreshMutation, { input: { refreshToken: t.refreshToken } });
      const p = result.data?.refreshToken;
      if (p?.accessToken && p.refreshToken && !(p.errors?.length)) {
        setTokens(p.accessToken, p.refreshToken, p.expiresIn);
      } else {
        clearTokens();
        onAuthFailure();
      }
    },
  }));
}

export interface ClientOptions {
  /** keep the normalized cache in IndexedDB and queue offline mutations (field sales) */
  persist: boolean;
  onAuthFailure: () => void;
  url?: string;
  /** subscriptions over the socket (the pipeline board, a customer's timeline) */
  live?: boolean;
}

/** One HTTP round trip: the auth exchange refreshes an expiring token before it goes out. */
const TokenCheckQuery = graphql(`
  query TokenCheck { __typename }
`);

export function createCrmClient({ persist, onAuthFailure, url = GRAPHQL_URL, live = true }: ClientOptions): Client {
  const store = persist ? persistentStorage() : null;
  const cache = store
    ? offlineExchange({ keys: cacheKeys, storage: store, optimistic })
    : cacheExchange({ keys: cacheKeys });
  const refresh = async () => {
    await client.query(TokenCheckQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  };
  const exchanges = [cache, auth(onAuthFailure), ...(live ? [liveExchange({ url, refresh })] : []), fetchExchange];
  const client: Client = new Client({
    url,
    exchanges,
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    // messages in the user's language, for a server that translates them (the SPA renders codes itself)
    fetchOptions: () => ({ headers: { 'Accept-Language': i18n.language } }),
  });
  return client;
}

/**
 * Payroll data, and the secrets of OAuth clients and webhooks shown once, live only in memory:
 * this client has a plain (non-persisted) graphcache and is thrown away at logout.
 */
export function createInMemoryClient(onAuthFailure: () => void): Client {
  return createCrmClient({ persist: false, onAuthFailure, live: false });
}
