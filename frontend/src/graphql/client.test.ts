import { createCrmClient } from './client';
import { getTokens, setTokens, clearTokens } from '../auth/tokens';
import { MeQuery } from '../auth/documents';

interface Call { op: string; auth: string | null; body: { query: string; variables?: Record<string, unknown> } }

function mockFetch(handler: (c: Call) => unknown) {
  const calls: Call[] = [];
  const fn = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as Call['body'];
    const headers = new Headers(init.headers);
    const op = /(query|mutation)\s+(\w+)/.exec(body.query)?.[2] ?? '';
    const call = { op, auth: headers.get('authorization'), body };
    calls.push(call);
    return new Response(JSON.stringify(handler(call)), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

const me = { me: { __typename: 'Me', user: { __typename: 'User', id: 'U1', email: 'rep1@demo.test', name: 'Rep', role: 'sales_rep', team: null }, permissions: [] } };

describe('the GraphQL client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    clearTokens();
  });

  it('sends the bearer token', async () => {
    setTokens('access-1', 'refresh-1', 600);
    const calls = mockFetch(() => ({ data: me }));
    const client = createCrmClient({ persist: false, onAuthFailure: () => {}, url: 'http://test/graphql' });
    const r = await client.query(MeQuery, {}).toPromise();
    expect(r.data?.me.user.email).toBe('rep1@demo.test');
    expect(calls[0].auth).toBe('Bearer access-1');
  });

  it('refreshes an expired session once (rotating the refresh token) and retries', async () => {
    setTokens('stale', 'refresh-1', 600);
    const calls = mockFetch((c) => {
      if (c.op === 'RefreshToken') {
        expect(c.body.variables).toEqual({ input: { refreshToken: 'refresh-1' } });
        return { data: { refreshToken: { __typename: 'LoginPayload', accessToken: 'fresh', refreshToken: 'refresh-2', expiresIn: 900, errors: [] } } };
      }
      if (c.auth === 'Bearer stale') return { data: null, errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] };
      return { data: me };
    });
    const client = createCrmClient({ persist: false, onAuthFailure: () => {}, url: 'http://test/graphql' });
    const r = await client.query(MeQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(r.data?.me.user.id).toBe('U1');
    expect(calls.map((c) => c.op)).toEqual(['Me', 'RefreshToken', 'Me']);
    expect(calls[2].auth).toBe('Bearer fresh');
    expect(getTokens()?.refreshToken).toBe('refresh-2');
  });

  it('ends the session when the refresh token is refused', async () => {
    setTokens('stale', 'reused', 600);
    mockFetch((c) => {
      if (c.op === 'RefreshToken') {
        return { data: { refreshToken: { __typename: 'LoginPayload', accessToken: null, refreshToken: null, expiresIn: null, errors: [{ __typename: 'UserError', field: null, code: 'UNAUTHENTICATED', message: 'reused' }] } } };
      }
      return { data: null, errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] };
    });
    const failed = vi.fn();
    const client = createCrmClient({ persist: false, onAuthFailure: failed, url: 'http://test/graphql' });
    await client.query(MeQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(failed).toHaveBeenCalled();
    expect(getTokens()).toBeNull();
  });

  it('keeps the data of a partial response whose denied fields are FORBIDDEN', async () => {
    setTokens('a', 'r', 600);
    mockFetch(() => ({
      data: { me: { ...me.me, user: { ...me.me.user, name: null } } },
      errors: [{ message: 'forbidden', path: ['me', 'user', 'name'], extensions: { code: 'FORBIDDEN' } }],
    }));
    const client = createCrmClient({ persist: false, onAuthFailure: () => {}, url: 'http://test/graphql' });
    const r = await client.query(MeQuery, {}).toPromise();
    expect(r.data?.me.user.email).toBe('rep1@demo.test');
    expect(r.error?.graphQLErrors[0].extensions.code).toBe('FORBIDDEN');
  });
});
