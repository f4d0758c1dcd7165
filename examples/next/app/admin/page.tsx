import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSignedInUser } from '../../lib/host';
import { AdminConsole } from './AdminConsole';

/** The admin console, for admins only: the server checks the role (and the handler checks it again). */
export default async function AdminPage() {
  const user = await getSignedInUser();
  if (!user) redirect('/sign-in');
  return (
    <main className="demo-page demo-wide">
      <p>
        <Link href="/">← Back to your profile</Link>
      </p>
      <h1>Sessions admin</h1>
      {user.role === 'admin' ? (
        <AdminConsole adminId={user.id} />
      ) : (
        <p role="alert">You are not allowed to see all sessions.</p>
      )}
    </main>
  );
}
