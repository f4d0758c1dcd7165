import Link from 'next/link';
import { redirect } from 'next/navigation';
import { RevokeAllSessionsButton, RevokeOtherSessionsButton, SessionList } from 'profilekit';
import { NextSessionsProvider } from 'profilekit/next';
import { getSignedInUser, sessions } from '../lib/host';
import { InjectedMismatch } from './InjectedMismatch';
import { SignOutButton } from './SignOutButton';

// New sign-ins on other devices show up without a reload.
const LIVE_REFRESH_MS = 5_000;

/**
 * The profile page, a Server Component: the session rows are fetched here and sent in the HTML, and the
 * browser hydrates them from the dehydrated cache — no skeleton, no refetch.
 */
export default async function ProfilePage() {
  const user = await getSignedInUser();
  if (!user) redirect('/sign-in');

  // The rows, fetched in-process through the contract's own handler: in the HTML, no refetch.
  const state = await sessions.prefetch({ userId: user.id });

  return (
    <div className="demo-shell">
      <header className="demo-header">
        <strong>Acme</strong>
        <span>
          {user.role === 'admin' && <Link href="/admin">Sessions admin</Link>}
          {user.name ?? user.email}
          <SignOutButton />
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
          {/* The client boundary: plain data in, the kit's client components (rendered here) inside. */}
          <NextSessionsProvider scope={user.id} state={state} signedOutUrl="/sign-in">
            <SessionList headingLevel={3} refetchInterval={LIVE_REFRESH_MS} />
            <div className="demo-actions">
              <RevokeOtherSessionsButton />
              <RevokeAllSessionsButton />
            </div>
            <InjectedMismatch />
          </NextSessionsProvider>
        </section>
      </main>
    </div>
  );
}
