import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { prefetchSessions, RevokeOtherSessionsButton } from 'profilekit';
import { getSignedInUser, serverSessionsProvider } from '../lib/host';
import { ProfileSessions } from './ProfileSessions';
import { SignOutButton } from './SignOutButton';

/**
 * The profile page, a Server Component: the session rows are fetched here and sent in the HTML, and the
 * browser hydrates them from the dehydrated cache — no skeleton, no refetch.
 */
export default async function ProfilePage() {
  const user = await getSignedInUser();
  if (!user) redirect('/sign-in');

  // Request-scoped: this render's cache, nobody else's.
  const queryClient = new QueryClient();
  await prefetchSessions(queryClient, { dataProvider: await serverSessionsProvider(), scope: user.id });

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
          <HydrationBoundary state={dehydrate(queryClient)}>
            {/* RevokeOtherSessionsButton straight from this Server Component: a client module of the kit. */}
            <ProfileSessions userId={user.id} actions={<RevokeOtherSessionsButton />} />
          </HydrationBoundary>
        </section>
      </main>
    </div>
  );
}
