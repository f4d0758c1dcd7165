import {
  RevokeAllSessionsButton,
  RevokeOtherSessionsButton,
  SecurityActivity,
  SessionList,
  SessionsProvider,
} from 'profilekit';
import { createRestSessionsProvider } from 'profilekit/rest';
import { useState } from 'react';
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
  onOpenOutbox,
}: {
  user: DemoUser;
  onSignedOut: () => void;
  onOpenAdmin: () => void;
  onOpenOutbox: () => void;
}) {
  // The host's part of "This wasn't me?": offer a password change once the device is out.
  const [suggestPasswordChange, setSuggestPasswordChange] = useState(false);
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
          <button type="button" onClick={onOpenOutbox}>
            Outbox
          </button>
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
            <div className="demo-activity">
              <SecurityActivity headingLevel={3} onNotMe={() => setSuggestPasswordChange(true)} />
              {suggestPasswordChange && (
                <p className="demo-hint" role="note">
                  A real host would offer its password change here (the demo has none).
                </p>
              )}
            </div>
          </SessionsProvider>
        </section>
      </main>
    </div>
  );
}
