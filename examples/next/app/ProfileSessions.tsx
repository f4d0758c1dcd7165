'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import {
  RevokeAllSessionsButton,
  RevokeOtherSessionsButton,
  SessionList,
  SessionsProvider,
} from 'profilekit';
import { createRestSessionsProvider } from 'profilekit/rest';

// Created once, outside render: the provider's identity is part of profilekit's cache scope.
const sessionsApi = createRestSessionsProvider({
  baseUrl: '/api',
  passwordRequirements: {
    revokeSession: 'required',
    revokeOtherSessions: 'required',
    revokeAllSessions: 'required',
  },
});

// New sign-ins on other devices show up without a reload.
const LIVE_REFRESH_MS = 5_000;

// Only in a build made with PROFILEKIT_NEXT_INJECT_MISMATCH=1: a value the server and the browser render
// differently, to prove the end-to-end test catches a hydration mismatch.
const injectMismatch = process.env.PROFILEKIT_NEXT_INJECT_MISMATCH === '1';

/** The Sessions section: the rows the Server Component prefetched are already in the cache. */
export function ProfileSessions({ userId }: { userId: string }) {
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
        <RevokeOtherSessionsButton />
        <RevokeAllSessionsButton />
      </div>
      {injectMismatch && <p data-injected-mismatch="">Rendered at {Date.now()}</p>}
    </SessionsProvider>
  );
}
