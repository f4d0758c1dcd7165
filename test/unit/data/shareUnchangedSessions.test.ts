import { describe, expect, it } from 'vitest';
import {
  reviveSessionDates,
  type SessionsListData,
  shareUnchangedSessions,
} from '../../../src/data/sessionCache.js';
import type { Session } from '../../../src/provider/types.js';

const session = (id: string, minutesAgo: number): Session => ({
  id,
  isCurrent: id === 'a',
  trusted: false,
  lastActiveAt: new Date(Date.UTC(2026, 10, 22, 12, 0) - minutesAgo * 60_000),
  location: { city: 'Lisbon', country: 'Portugal' },
});

const list = (...sessions: Session[]): SessionsListData => ({ sessions, currentSessionId: 'a' });

describe('the list keeps unchanged sessions as the same objects (memoized rows do not render again)', () => {
  it('keeps every row after a removed one, though each moved up by one place', () => {
    const before = list(session('a', 0), session('b', 1), session('c', 2), session('d', 3));
    // What a refetch returns: equal data in new objects, with "b" gone.
    const next = list(session('a', 0), session('c', 2), session('d', 3));
    const shared = shareUnchangedSessions(before, next) as SessionsListData;
    expect(shared.sessions.map((s) => s.id)).toEqual(['a', 'c', 'd']);
    expect(shared.sessions[1]).toBe(before.sessions[2]);
    expect(shared.sessions[2]).toBe(before.sessions[3]);
  });

  it('gives a changed session its new object, with the new value', () => {
    const before = list(session('a', 0), session('b', 1));
    const shared = shareUnchangedSessions(before, list(session('a', 0), session('b', 9))) as SessionsListData;
    expect(shared.sessions[0]).toBe(before.sessions[0]);
    expect(shared.sessions[1]).not.toBe(before.sessions[1]);
    expect(shared.sessions[1]?.lastActiveAt).toEqual(session('b', 9).lastActiveAt);
  });

  it('returns the previous data itself when nothing changed, and the new data when there was none', () => {
    const before = list(session('a', 0), session('b', 1));
    expect(shareUnchangedSessions(before, list(session('a', 0), session('b', 1)))).toBe(before);
    const first = list(session('a', 0));
    expect(shareUnchangedSessions(undefined, first)).toBe(first);
  });
});

describe('a list that came through plain JSON (a dehydrated server cache) reads its dates back as dates', () => {
  it('turns ISO strings into Dates, and leaves an already-revived list the very same object', () => {
    const original = list(session('a', 0), session('b', 5));
    const throughJson = JSON.parse(JSON.stringify(original)) as SessionsListData;
    const revived = reviveSessionDates(throughJson);
    expect(revived.sessions[1]?.lastActiveAt).toBeInstanceOf(Date);
    expect(revived.sessions[1]?.lastActiveAt).toEqual(original.sessions[1]?.lastActiveAt);
    expect(reviveSessionDates(original)).toBe(original);
  });
});
