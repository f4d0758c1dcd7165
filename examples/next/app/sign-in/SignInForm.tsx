'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { signIn } from '../authClient';

export function SignInForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await signIn(String(form.get('email')), String(form.get('password')));
    if (result.ok) {
      // The profile page is a Server Component: it renders for the new session.
      router.replace('/');
      router.refresh();
      return;
    }
    setPending(false);
    setError(result.message);
  };

  return (
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
  );
}
