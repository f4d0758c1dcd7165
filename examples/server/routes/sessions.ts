import { type Context, Hono } from 'hono';
import type { SessionInput } from '../../../src/provider/types.js';
import type { AppContext } from '../createApp.js';
import { type AppEnv, fail, optionalString, readBody } from '../http.js';
import { checkPassword } from '../security.js';
import type { SessionRow } from '../store.js';

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** A stored session as the contract sends it: opaque id, ISO dates, never the token. */
export function toWire(row: SessionRow, currentId?: string): SessionInput {
  const location =
    row.city || row.region || row.country
      ? { city: row.city ?? undefined, region: row.region ?? undefined, country: row.country ?? undefined }
      : null;
  return {
    id: row.id,
    isCurrent: row.id === currentId,
    createdAt: iso(row.created_at),
    lastActiveAt: iso(row.last_active_at),
    expiresAt: iso(row.expires_at),
    ipAddress: row.ip_address,
    userAgent: row.user_agent,
    location,
    trusted: row.trusted === 1,
    applicationId: row.application_id,
  };
}

/** The sessions contract: list, revoke one, revoke others, revoke all, sign out, re-authenticate. */
export function sessionRoutes(ctx: AppContext) {
  const routes = new Hono<AppEnv>();
  routes.use('*', ctx.requireSession);
  // The error response when the action needs the password and it is missing or wrong; else null.
  const confirmIfRequired = async (
    c: Context<AppEnv>,
    action: keyof AppContext['options']['passwordRequirements'],
    password: unknown,
  ) =>
    ctx.options.passwordRequirements[action] === 'required'
      ? checkPassword(c, ctx.store, c.get('user'), password, ctx.now(), ctx.options.passwordPolicy)
      : null;

  routes.get('/', (c) => {
    const session = c.get('session');
    const at = ctx.now();
    if (ctx.options.requireFreshListing && session.fresh_until < at) {
      return fail(c, 403, 'REAUTH_REQUIRED', 'Confirm your password to see your sessions.');
    }
    const app = c.req.query('applicationId');
    const rows = ctx.store
      .liveSessionsOf(session.user_id, at)
      .filter((row) => app === undefined || row.application_id === app);
    return c.json({ sessions: rows.map((row) => toWire(row, session.id)), currentSessionId: session.id });
  });

  routes.post('/revoke-others', async (c) => {
    const body = await readBody(c);
    if (!body) return fail(c, 400, 'UNKNOWN', 'The body must be a JSON object.');
    const user = c.get('user');
    const refused = await confirmIfRequired(c, 'revokeOtherSessions', body.password);
    if (refused) return refused;
    const count = ctx.store.revokeOthers(
      user.id,
      c.get('session').id,
      ctx.now(),
      optionalString(body.applicationId),
    );
    return c.json({ revokedCount: count });
  });

  routes.post('/revoke-all', async (c) => {
    const body = await readBody(c);
    if (!body) return fail(c, 400, 'UNKNOWN', 'The body must be a JSON object.');
    const user = c.get('user');
    const refused = await confirmIfRequired(c, 'revokeAllSessions', body.password);
    if (refused) return refused;
    const count = ctx.store.revokeAll(user.id, ctx.now(), optionalString(body.applicationId));
    ctx.clearSession(c);
    return c.json({ revokedCount: count });
  });

  routes.post('/sign-out', (c) => {
    ctx.store.revokeOne(c.get('session').id, c.get('user').id, ctx.now());
    ctx.clearSession(c);
    return c.body(null, 204);
  });

  routes.post('/reauthenticate', async (c) => {
    const body = await readBody(c);
    if (!body) return fail(c, 400, 'UNKNOWN', 'The body must be a JSON object.');
    const refused = await checkPassword(
      c,
      ctx.store,
      c.get('user'),
      body.password,
      ctx.now(),
      ctx.options.passwordPolicy,
    );
    if (refused) return refused;
    ctx.store.markFresh(c.get('session').id, ctx.now() + ctx.options.freshForMs);
    return c.body(null, 204);
  });

  routes.post('/:id/revoke', async (c) => {
    const body = await readBody(c);
    if (!body) return fail(c, 400, 'UNKNOWN', 'The body must be a JSON object.');
    const user = c.get('user');
    const refused = await confirmIfRequired(c, 'revokeSession', body.password);
    if (refused) return refused;
    // Another user's session is as unknown as a missing one: never confirm that it exists.
    const removed = ctx.store.revokeOne(c.req.param('id'), user.id, ctx.now());
    if (removed === 0) return fail(c, 404, 'NOT_FOUND', 'No such session.');
    return c.body(null, 204);
  });

  return routes;
}
