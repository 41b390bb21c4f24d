import { subscriptionExchange, type Exchange } from '@urql/core';
import type { Client as WsClient } from 'graphql-ws';
import { getTokens, isExpiring } from '../auth/tokens';

/**
 * Subscriptions over graphql-transport-ws. The `graphql-ws` client is fetched the first time a
 * page subscribes (its own chunk: the lists never load it), and every (re)connection sends the
 * access token as it is then, refreshed first when it is about to expire. The app works without
 * the socket: pages load and reload over HTTP, and a push only saves them a reload.
 */
export function socketUrl(path: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  if (/^wss?:\/\//.test(path)) return path;
  if (/^https?:\/\//.test(path)) return path.replace(/^http/, 'ws');
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
}

export interface LiveOptions {
  url: string;
  /** makes sure the access token is fresh (an HTTP round trip through the auth exchange) */
  refresh: () => Promise<void>;
}

let socket: Promise<WsClient> | null = null;

async function connectionParams(refresh: () => Promise<void>): Promise<Record<string, unknown>> {
  let t = getTokens();
  if (t && isExpiring(t)) {
    await refresh();
    t = getTokens();
  }
  return t ? { authorization: `Bearer ${t.accessToken}` } : {};
}

function client({ url, refresh }: LiveOptions): Promise<WsClient> {
  socket ??= import('graphql-ws').then(({ createClient }) => createClient({
    url: socketUrl(url),
    lazy: true,
    // a ping every 30 s keeps an idle socket open through proxies (nginx closes after 60 s)
    keepAlive: 30_000,
    connectionParams: () => connectionParams(refresh),
    // a closed socket (a deploy, a token that expired: 4403) comes back with the current token
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => getTokens() !== null,
  }));
  return socket;
}

/** Closes the socket (logout): the next subscription opens one with the new session's token. */
export async function closeLive(): Promise<void> {
  const s = socket;
  socket = null;
  if (s) (await s).dispose();
}

export function liveExchange(options: LiveOptions): Exchange {
  return subscriptionExchange({
    forwardSubscription(request) {
      const input = { ...request, query: request.query ?? '' };
      return {
        subscribe(sink) {
          let dispose: (() => void) | null = null;
          let closed = false;
          void client(options).then((ws) => {
            if (!closed) dispose = ws.subscribe(input, sink);
          }, (err: unknown) => sink.error(err));
          return {
            unsubscribe() {
              closed = true;
              dispose?.();
            },
          };
        },
      };
    },
  });
}
