/** The demo's own auth calls (not part of profilekit): sign in, sign out, who am I. */
export interface DemoUser {
  id: string;
  email: string;
  name?: string;
  role: 'user' | 'admin';
}

function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith('XSRF-TOKEN='))
    ?.slice('XSRF-TOKEN='.length);
}

async function post(path: string, body?: unknown): Promise<Response> {
  const token = csrfToken();
  return fetch(path, {
    method: 'POST',
    credentials: 'include',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { 'X-XSRF-TOKEN': decodeURIComponent(token) } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function fetchMe(): Promise<DemoUser | null> {
  const response = await fetch('/api/auth/me', { credentials: 'include' });
  if (!response.ok) return null;
  const body = (await response.json()) as { user?: DemoUser };
  return body.user ?? null;
}

export async function signIn(
  email: string,
  password: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const response = await post('/api/auth/sign-in', { email, password });
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => ({}))) as { message?: string; code?: string };
  if (response.status === 429)
    return { ok: false, message: 'Too many attempts. Wait a minute and try again.' };
  return {
    ok: false,
    message:
      body.code === 'INVALID_PASSWORD' || response.status === 401
        ? 'Wrong email or password.'
        : (body.message ?? 'Sign-in failed.'),
  };
}

export async function signOut(): Promise<void> {
  await post('/api/auth/sign-out');
}

/** A mail the demo would have sent (GET /api/demo/outbox). */
export interface OutboxMessage {
  id: string;
  to: string;
  at: number;
  subject: string;
  text: string;
  notMeUrl: string | null;
}

export async function fetchOutbox(): Promise<OutboxMessage[]> {
  const response = await fetch('/api/demo/outbox', { credentials: 'include' });
  if (!response.ok) throw new Error(`The outbox could not be read (${response.status}).`);
  return ((await response.json()) as { messages: OutboxMessage[] }).messages;
}
