import type { StoredSession } from './types.js';

/**
 * Most recently active first, the id as tie-break (by code point): the order a user's list is in and
 * every store answers its deletes in, so `session.ended` events come in the same order on any store.
 */
export const byRecentActivity = (a: StoredSession, b: StoredSession) =>
  b.lastActiveAt - a.lastActiveAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
