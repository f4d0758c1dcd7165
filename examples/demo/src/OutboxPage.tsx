import { useQuery } from '@tanstack/react-query';
import { fetchOutbox } from './api.js';

/**
 * The mails the demo would have sent to the signed-in user, newest first: a sign-in from a new device
 * writes one with a "This wasn't me" link (a real host hands `newDeviceMessage`'s text and HTML to its
 * mailer instead).
 */
export function OutboxPage({ onBack }: { onBack: () => void }) {
  const outbox = useQuery({ queryKey: ['demo', 'outbox'], queryFn: fetchOutbox, refetchInterval: 5_000 });
  return (
    <main className="demo-page">
      <p>
        <button type="button" onClick={onBack}>
          ← Back to your profile
        </button>
      </p>
      <h1>Outbox</h1>
      <p className="demo-hint">Mail the demo would have sent you. Nothing leaves this machine.</p>
      {outbox.isPending && <p>Loading…</p>}
      {outbox.isError && <p role="alert">{outbox.error.message}</p>}
      {outbox.data?.length === 0 && (
        <p>No mail yet. Sign in from another browser to get a new-device alert.</p>
      )}
      {outbox.data?.map((message) => (
        <article key={message.id} className="demo-card" aria-labelledby={`mail-${message.id}`}>
          <h2 id={`mail-${message.id}`}>{message.subject}</h2>
          <p className="demo-hint">
            To {message.to} · {new Date(message.at).toLocaleString()}
          </p>
          <pre className="demo-mail">{message.text}</pre>
          {message.notMeUrl && (
            <p>
              <a href={message.notMeUrl}>This wasn’t me — sign that device out</a>
            </p>
          )}
        </article>
      ))}
    </main>
  );
}
