import {
  RevokeAllSessionsButton,
  RevokeOtherSessionsButton,
  SessionList,
  SessionsProvider,
} from 'profilekit';
import { createRestSessionsProvider } from 'profilekit/rest';
import type { DemoUser } from './api.js';
import { signOut } from './api.js';

// Created once, outside render: the provider's identity is part of profilekit's cache scope. Default
// options, as the README has them: the server says which actions ask for the password.
const sessionsApi = createRestSessionsProvider({ baseUrl: '/api' });

// New sign-ins and sign-outs arrive as live events (Server-Sent Events); polling is only the fallback
// while the stream is down. `?poll=off` turns the fallback off, to watch the stream alone.
const pollIntervalMs = new URLSearchParams(window.location.search).get('poll') === 'off' ? false : undefined;

export function ProfilePage({
  user,
  onSignedOut,
  onOpenAdmin,
}: {
  user: DemoUser;
  onSignedOut: () => void;
  onOpenAdmin: () => void;
}) {
  return (
    <div className="demo-shell">
      <header className="demo-header">
        <strong>Acme</strong>
        <span>
          {user.role === 'admin' && (
            <button type="button" onClick={onOpenAdmin}>
              Sessions admin
            </button>
          )}
          {user.name ?? user.email}
          <button
            type="button"
            onClick={async () => {
              await signOut();
              onSignedOut();
            }}
          >
            Sign out
          </button>
        </span>
      </header>
      <main className="demo-page">
        <h1>Your profile</h1>
        <section className="demo-card" aria-labelledby="profile-details">
          <h2 id="profile-details">Details</h2>
          <dl>
            <dt>Name</dt>
            <dd>{user.name ?? '—'}</dd>
            <dt>Email</dt>
            <dd>{user.email}</dd>
          </dl>
        </section>
        <section className="demo-card" aria-labelledby="sessions-title">
          <h2 id="sessions-title">Where you're signed in</h2>
          <p className="demo-hint">
            Sign in from another browser to see it appear here. Signing a device out ends its session at once.
          </p>
          <SessionsProvider
            dataProvider={sessionsApi}
            scope={user.id}
            onSignedOut={onSignedOut}
            pollIntervalMs={pollIntervalMs}
          >
            <SessionList headingLevel={3} />
            <div className="demo-actions">
              <RevokeOtherSessionsButton />
              <RevokeAllSessionsButton />
            </div>
          </SessionsProvider>
        </section>
      </main>
    </div>
  );
}
