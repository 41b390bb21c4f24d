import { createContext, useContext, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import type { Client } from '@urql/core';

/**
 * The session's two GraphQL clients. They are built by the signed-in part of the app (its own
 * chunk, with graphcache), so the login page never loads the normalized cache.
 */
export interface Clients {
  client: Client;
  /** in-memory cache only: salary data never reaches IndexedDB */
  payrollClient: Client;
}

export const ClientsContext = createContext<Clients | null>(null);

export function useOptionalClients(): Clients | null {
  return useContext(ClientsContext);
}

/** Payroll pages talk through the client whose cache lives in memory only. */
export function PayrollClient({ children }: { children: ReactNode }) {
  const clients = useOptionalClients();
  return clients ? <UrqlProvider value={clients.payrollClient}>{children}</UrqlProvider> : <>{children}</>;
}
