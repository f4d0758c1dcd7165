import { redirect } from 'next/navigation';
import { getSignedInUser } from '../../lib/host';
import { SignInForm } from './SignInForm';

export default async function SignInPage() {
  if (await getSignedInUser()) redirect('/');
  return (
    <main className="demo-page demo-narrow">
      <h1>Sign in to Acme</h1>
      <p className="demo-hint">
        Demo account: <code>ana@example.com</code> / <code>correct horse battery</code>
      </p>
      <SignInForm />
    </main>
  );
}
