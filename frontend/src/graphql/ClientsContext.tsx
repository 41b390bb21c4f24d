import { createContext, useContext, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import type { Client } from '@urql/core';

/**
 * The session's two GraphQL clients. They are built by the signed-in part of the app (its own
 * chunk, with graphcache), so the login page never loads the normalized cache.
 */
export interface Clients {
  client: Client;
  /** in-memory cache only: salary data and secrets shown once never reach IndexedDB */
  inMemoryClient: Client;
}

export const ClientsContext = createContext<Clients | null>(null);

export function useOptionalClients(): Clients | null {
  return useContext(ClientsContext);
}

/** Pages of salaries and of secrets shown once talk through the client whose cache lives in
 * memory only. */
export function InMemoryClient({ children }: { children: ReactNode }) {
  const clients = useOptionalClients();
  return clients ? <UrqlProvider value={clients.inMemoryClient}>{children}</UrqlProvider> : <>{children}</>;
}
