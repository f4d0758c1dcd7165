import { useState } from 'react';
import { useSessionsData } from '../../src/data/SessionsDataContext.js';
import { useReauthenticate } from '../../src/data/useReauthenticate.js';
import { useRevokeAllSessions } from '../../src/data/useRevokeAllSessions.js';
import { useRevokeOtherSessions } from '../../src/data/useRevokeOtherSessions.js';
import { useRevokeSession } from '../../src/data/useRevokeSession.js';
import { getSessionsListView, useSessions } from '../../src/data/useSessions.js';

/**
 * A bare UI over the data hooks, so data-layer tests can assert what a user would see and do
 * (by role and name) before the real components exist in the test.
 */
export function SessionsProbe({ applicationId, password }: { applicationId?: string; password?: string }) {
  const query = useSessions({ applicationId });
  const { capabilities, isSignedOut } = useSessionsData('SessionsProbe');
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const revokeAll = useRevokeAllSessions();
  const reauth = useReauthenticate();
  const [result, setResult] = useState('');
  const view = getSessionsListView(query, { canList: capabilities.canList, isSignedOut });
  return (
    <div>
      <p>View: {view}</p>
      {query.error && <p role="alert">{query.error.code}</p>}
      {view === 'reauth' && (
        <button type="button" onClick={() => reauth.mutate({ password })}>
          Confirm password
        </button>
      )}
      <ul aria-label="Sessions">
        {query.data?.sessions.map((s) => (
          <li key={s.id} aria-label={s.id}>
            {s.id}
            {s.isCurrent ? ' (this device)' : ''}
            <button type="button" onClick={() => revoke.mutate({ sessionId: s.id, password })}>
              Sign out {s.id}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() =>
          revokeOthers.mutate(
            { password },
            {
              onSuccess: ({ revokedCount }) => setResult(`Signed out of ${revokedCount}`),
              onError: (e) => setResult(e.code),
            },
          )
        }
      >
        Sign out other devices
      </button>
      <button type="button" onClick={() => revokeAll.mutate({ password })}>
        Sign out everywhere
      </button>
      {revoke.error && <p>Revoke failed: {revoke.error.code}</p>}
      <p>Result: {result}</p>
    </div>
  );
}
