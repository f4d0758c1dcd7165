import { Hono } from 'hono';
import { type AdminSessionRow, type AdminSortField, createAdminStore } from '../adminStore.js';
import type { AppContext } from '../createApp.js';
import { type AppEnv, fail } from '../http.js';
import { toWire } from './sessions.js';

const SORT_FIELDS: Record<string, AdminSortField> = {
  lastActiveAt: 'last_active_at',
  createdAt: 'created_at',
  expiresAt: 'expires_at',
};
const MAX_LIMIT = 1000;

const encodeCursor = (value: number, id: string) =>
  Buffer.from(JSON.stringify([value, id])).toString('base64url');
function decodeCursor(cursor: string | undefined): { value: number; id: string } | null | undefined {
  if (!cursor) return undefined;
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    return typeof value === 'number' && typeof id === 'string' ? { value, id } : null;
  } catch {
    return null;
  }
}

const adminWire = (row: AdminSessionRow, currentId: string) => ({
  ...toWire(row, currentId),
  tokenPreview: row.token_preview,
  user: { id: row.user_id, email: row.email, name: row.name },
});

/** Seed 004's admin context over HTTP: every user's sessions, one session, revoke, revoke a user, stats. */
export function adminRoutes(ctx: AppContext, db: Parameters<typeof createAdminStore>[0]) {
  const store = createAdminStore(db);
  const routes = new Hono<AppEnv>();
  routes.use('*', ctx.requireSession, async (c, next) => {
    if (c.get('user').role !== 'admin')
      return fail(c, 403, 'FORBIDDEN', 'Only admins can see every session.');
    await next();
  });

  routes.get('/sessions', (c) => {
    const q = c.req.query();
    const after = decodeCursor(q.cursor);
    if (after === null) return fail(c, 400, 'UNKNOWN', 'The cursor is not one this server gave out.');
    const sort = SORT_FIELDS[q.sort ?? 'lastActiveAt'];
    if (!sort) return fail(c, 400, 'UNKNOWN', 'Sort by lastActiveAt, createdAt or expiresAt.');
    const limit = Math.min(MAX_LIMIT, Math.max(1, Number.parseInt(q.limit ?? '100', 10) || 100));
    const { rows, total } = store.page({
      now: ctx.now(),
      status: q.status === 'expired' ? 'expired' : 'active',
      search: q.search?.trim() || undefined,
      userId: q.userId || undefined,
      applicationId: q.applicationId || undefined,
      sort,
      direction: q.direction === 'asc' ? 'asc' : 'desc',
      limit: limit + 1,
      after,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const current = c.get('session').id;
    return c.json({
      sessions: page.map((row) => adminWire(row, current)),
      nextCursor: rows.length > limit && last ? encodeCursor(last[sort], last.id) : null,
      total,
    });
  });

  routes.get('/sessions/:id', (c) => {
    const row = store.byId(c.req.param('id'));
    if (!row) return fail(c, 404, 'NOT_FOUND', 'No such session.');
    return c.json(adminWire(row, c.get('session').id));
  });

  routes.post('/sessions/:id/revoke', (c) => {
    if (store.revoke(c.req.param('id'), ctx.now()) === 0)
      return fail(c, 404, 'NOT_FOUND', 'No such session.');
    return c.body(null, 204);
  });

  routes.post('/users/:id/revoke-sessions', (c) =>
    c.json({ revokedCount: store.revokeUser(c.req.param('id'), ctx.now()) }),
  );

  routes.get('/stats', (c) => {
    const at = ctx.now();
    return c.json(store.stats(at, new Date(at).setHours(0, 0, 0, 0)));
  });

  return routes;
}
