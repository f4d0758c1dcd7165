'use client';

import { isServer, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';

// What the server sent is fresh for a minute: the browser shows it at once and does not refetch on
// hydration (the list's own refetchInterval and focus refetches keep it current after that).
const makeQueryClient = () => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });

let browserClient: QueryClient | undefined;

/** One QueryClient per server render (never shared between requests), one for the browser's lifetime. */
function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
