import { type FormEvent, useId, useState } from 'react';
import { signIn } from './api.js';

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await signIn(String(form.get('email')), String(form.get('password')));
    setPending(false);
    if (result.ok) onSignedIn();
    else setError(result.message);
  };

  return (
    <main className="demo-page demo-narrow">
      <h1>Sign in to Acme</h1>
      <p className="demo-hint">
        Demo account: <code>ana@example.com</code> / <code>correct horse battery</code>
      </p>
      <form className="demo-form" onSubmit={submit} aria-describedby={error ? errorId : undefined}>
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required defaultValue="ana@example.com" />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p id={errorId} role="alert" className="demo-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
