import { Hono } from 'hono';
import type { AppContext } from '../createApp.js';
import { type AppEnv, fail, readBody } from '../http.js';
import { checkPassword } from '../security.js';

/** The demo's own sign-in (not part of the sessions contract): email + password, a cookie session. */
export function authRoutes(ctx: AppContext) {
  const routes = new Hono<AppEnv>();

  // Hands out the CSRF cookie (the csrf middleware sets it on any response) before the first POST.
  routes.get('/csrf', (c) => c.body(null, 204));

  routes.get('/me', ctx.requireSession, (c) => {
    const { id, email, name, role } = c.get('user');
    return c.json({ user: { id, email, name, role } });
  });

  routes.post('/sign-in', async (c) => {
    const body = await readBody(c);
    if (!body || typeof body.email !== 'string') return fail(c, 400, 'UNKNOWN', 'Send { email, password }.');
    const user = ctx.store.userByEmail(body.email);
    // The same answer for an unknown email as for a wrong password: never confirm who has an account.
    if (!user) return fail(c, 422, 'INVALID_PASSWORD', 'The email or password is not correct.');
    const refused = await checkPassword(
      c,
      ctx.store,
      user,
      body.password,
      ctx.now(),
      ctx.options.passwordPolicy,
    );
    if (refused) return refused;
    ctx.signIn(c, user.id);
    return c.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } });
  });

  routes.post('/sign-out', ctx.requireSession, (c) => {
    ctx.store.revokeOne(c.get('session').id, c.get('user').id, ctx.now());
    ctx.clearSession(c);
    return c.body(null, 204);
  });

  return routes;
}
