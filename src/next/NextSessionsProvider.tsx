'use client';

import {
  type DehydratedState,
  HydrationBoundary,
  QueryClient,
  QueryClientContext,
} from '@tanstack/react-query';
import { type ReactNode, useContext, useMemo, useState } from 'react';
import { SessionsProvider } from '../registry/SessionsProvider.js';
import { createRestSessionsProvider } from '../rest/createRestSessionsProvider.js';
import { DEFAULT_NEXT_BASE_PATH } from './basePath.js';

/** Rows the server sent are fresh this long: the browser shows them and does not refetch on hydration. */
const SERVER_ROWS_FRESH_MS = 60_000;

export interface NextSessionsProviderProps {
  /** The signed-in user's id (`session.userId`): whose rows these are, and the cache's scope. */
  scope: string;
  /** What `sessions.prefetch(session)` answered in the Server Component: the rows, in the first HTML. */
  state?: DehydratedState;
  /** Where the contract's route handler is mounted (`app/api/[...path]/route.ts`). @default '/api' */
  baseUrl?: string;
  /**
   * Where this device goes once its session has ended (signed out here or from another device).
   * @default the page reloads, and its Server Component sends the signed-out visitor where it sends them
   */
  signedOutUrl?: string;
  /** Text direction of the kit's elements. @default inherited */
  dir?: 'ltr' | 'rtl';
  children?: ReactNode;
}

/**
 * The client boundary a Server Component page renders around profilekit's components: it takes only
 * plain data (a Server Component cannot pass functions), talks to the contract at `baseUrl`, hydrates the
 * rows the server prefetched, and brings its own QueryClient when the app has no `QueryClientProvider`.
 * Texts, locale and component overrides go on a `SessionsProvider` nested inside, in a client component
 * of the app's (they may hold functions).
 *
 * @example
 * <NextSessionsProvider scope={session.userId} state={await sessions.prefetch(session)}>
 *   <SessionList />
 * </NextSessionsProvider>
 */
export function NextSessionsProvider({
  scope,
  state,
  baseUrl = DEFAULT_NEXT_BASE_PATH,
  signedOutUrl,
  dir,
  children,
}: NextSessionsProviderProps) {
  const hostClient = useContext(QueryClientContext);
  const [ownClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: SERVER_ROWS_FRESH_MS } } }),
  );
  const queryClient = hostClient ?? ownClient;
  // One provider per base URL for the page's life: its identity is part of the kit's cache scope.
  const dataProvider = useMemo(() => createRestSessionsProvider({ baseUrl }), [baseUrl]);
  const onSignedOut = () => {
    // Nothing of this user's stays cached for whoever signs in next on this browser.
    queryClient.clear();
    if (signedOutUrl === undefined) window.location.reload();
    else window.location.assign(signedOutUrl);
  };
  return (
    <HydrationBoundary state={state} queryClient={queryClient}>
      <SessionsProvider
        dataProvider={dataProvider}
        queryClient={queryClient}
        scope={scope}
        onSignedOut={onSignedOut}
        dir={dir}
      >
        {children}
      </SessionsProvider>
    </HydrationBoundary>
  );
}
