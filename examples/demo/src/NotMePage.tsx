/**
 * Where the mail's "This wasn't me" link lands (`history.notMe.landingUrl`), signed in or not: the server
 * already ended that device's session, and says how it went in `?result=`.
 */
const RESULTS: Record<string, { title: string; body: string }> = {
  reported: {
    title: 'That device is signed out',
    body: 'Thank you for telling us. Change your password now: whoever signed in may know it.',
  },
  'already-reported': {
    title: 'This link was already used',
    body: 'Nothing changed: that device was signed out when the link was first opened.',
  },
  expired: {
    title: 'This link has expired',
    body: 'Sign in and review your devices on your profile page: sign out any you do not recognise.',
  },
  invalid: {
    title: 'This link is not valid',
    body: 'Sign in and review your devices on your profile page: sign out any you do not recognise.',
  },
};

export function NotMePage({ onContinue }: { onContinue: () => void }) {
  const result = new URLSearchParams(window.location.search).get('result') ?? 'invalid';
  const { title, body } = RESULTS[result] ?? (RESULTS.invalid as { title: string; body: string });
  return (
    <main className="demo-page">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <button type="button" onClick={onContinue}>
          Go to your profile
        </button>
      </p>
    </main>
  );
}
