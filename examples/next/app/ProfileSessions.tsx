'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { RevokeAllSessionsButton, SessionList, SessionsProvider } from 'profilekit';
import { createRestSessionsProvider } from 'profilekit/rest';
import type { ReactNode } from 'react';

// Created once, outside render: the provider's identity is part of profilekit's cache scope. No password
// settings: the server says which actions ask for one (its policy comes with the list).
const sessionsApi = createRestSessionsProvider({ baseUrl: '/api' });

// New sign-ins on other devices show up without a reload.
const LIVE_REFRESH_MS = 5_000;

// Only in a build made with PROFILEKIT_NEXT_INJECT_MISMATCH=1: a value the server and the browser render
// differently, to prove the end-to-end test catches a hydration mismatch.
const injectMismatch = process.env.PROFILEKIT_NEXT_INJECT_MISMATCH === '1';

/**
 * The Sessions section: the rows the Server Component prefetched are already in the cache. `actions` are
 * rendered by the page, a Server Component, inside this client boundary.
 */
export function ProfileSessions({ userId, actions }: { userId: string; actions?: ReactNode }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const onSignedOut = () => {
    // Drop everything cached for this user before the next one signs in.
    queryClient.clear();
    router.replace('/sign-in');
  };
  return (
    <SessionsProvider dataProvider={sessionsApi} scope={userId} onSignedOut={onSignedOut}>
      <SessionList headingLevel={3} refetchInterval={LIVE_REFRESH_MS} />
      <div className="demo-actions">
        {actions}
        <RevokeAllSessionsButton />
      </div>
      {injectMismatch && <p data-injected-mismatch="">Rendered at {Date.now()}</p>}
    </SessionsProvider>
  );
}
