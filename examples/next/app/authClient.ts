// The demo's own auth calls from the browser (not part of profilekit), with the double-submit CSRF token
// the host's routes and profilekit's handler both ask for.

function csrfToken(): string | undefined {
  const found = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return found === undefined ? undefined : decodeURIComponent(found.slice('XSRF-TOKEN='.length));
}

async function post(path: string, body?: unknown): Promise<Response> {
  // A first visit has no token yet: the contract's GET /api/csrf hands one out.
  if (!csrfToken()) await fetch('/api/csrf', { credentials: 'include' });
  const token = csrfToken();
  return fetch(path, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', ...(token ? { 'X-XSRF-TOKEN': token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function signIn(
  email: string,
  password: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const response = await post('/api/auth/sign-in', { email, password });
  if (response.ok) return { ok: true };
  if (response.status === 429)
    return { ok: false, message: 'Too many attempts. Wait a minute and try again.' };
  const body = (await response.json().catch(() => ({}))) as { message?: string; code?: string };
  return {
    ok: false,
    message:
      body.code === 'INVALID_PASSWORD' ? 'Wrong email or password.' : (body.message ?? 'Sign-in failed.'),
  };
}

export async function signOut(): Promise<void> {
  await post('/api/auth/sign-out');
}
