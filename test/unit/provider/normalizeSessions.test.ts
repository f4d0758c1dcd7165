import { describe, expect, it } from 'vitest';
import { normalizeSessions, parseDateInput } from '../../../src/provider/normalizeSessions.js';

const ISO = '2026-11-20T10:00:00.000Z';
const MS = Date.parse(ISO);

describe('normalizeSessions', () => {
  it('reads the same instant from a Date, an ISO string, epoch seconds, epoch ms and numeric strings', () => {
    const inputs = [new Date(MS), ISO, MS / 1000, MS, String(MS / 1000), String(MS)];
    const { sessions, issues } = normalizeSessions({
      sessions: inputs.map((createdAt, i) => ({ id: `s${i}`, createdAt })),
    });
    expect(issues).toEqual([]);
    expect(sessions.map((s) => s.createdAt?.getTime())).toEqual(inputs.map(() => MS));
  });

  it.each([
    ['not an object', 'oops', 'not an object'],
    ['null', null, 'not an object'],
    ['an array', [1, 2], 'not an object'],
    ['no id', { userAgent: 'x' }, 'missing id'],
    ['an empty id', { id: '   ' }, 'missing id'],
    ['an object id', { id: { nested: true } }, 'missing id'],
    ['an unreadable createdAt', { id: 'x', createdAt: 'not a date' }, 'unreadable createdAt'],
    ['an unreadable lastActiveAt', { id: 'x', lastActiveAt: {} }, 'unreadable lastActiveAt'],
    ['an unreadable expiresAt', { id: 'x', expiresAt: true }, 'unreadable expiresAt'],
    ['a NaN date', { id: 'x', createdAt: Number.NaN }, 'unreadable createdAt'],
  ])('drops an entry with %s, reports why, and keeps the rest', (_what, entry, reason) => {
    const { sessions, issues } = normalizeSessions({
      sessions: [{ id: 'good' }, entry, { id: 'also-good' }],
    });
    expect(sessions.map((s) => s.id)).toEqual(['good', 'also-good']);
    expect(issues).toEqual([expect.objectContaining({ index: 1, reason })]);
  });

  it('keeps a numeric id as a string and drops a duplicate id', () => {
    const { sessions, issues } = normalizeSessions({ sessions: [{ id: 42 }, { id: '42' }] });
    expect(sessions.map((s) => s.id)).toEqual(['42']);
    expect(issues).toEqual([{ index: 1, id: '42', reason: 'duplicate id' }]);
  });

  it('leaves out missing and wrongly typed optional fields instead of crashing', () => {
    const { sessions, issues } = normalizeSessions({
      sessions: [
        {
          id: 'x',
          userAgent: 42,
          ipAddress: null,
          device: 'Chrome',
          location: [],
          trusted: 'yes',
          applicationId: {},
          tenant: undefined,
          meta: 'nope',
        },
      ],
    });
    expect(issues).toEqual([]);
    expect(sessions).toEqual([{ id: 'x', isCurrent: false, trusted: false }]);
  });

  it('strips control and bidi characters, caps long strings, and keeps markup as plain text', () => {
    const { sessions } = normalizeSessions({
      sessions: [
        {
          id: 'x',
          userAgent: `A${'b'.repeat(10_000)}`,
          device: { name: '\u202Egnp.exe\u0000\u2066', browser: '<script>alert(1)</script>' },
          location: { city: '  Lisbon\u200F ' },
        },
      ],
    });
    const [session] = sessions;
    expect(session?.userAgent?.length).toBe(512);
    expect(session?.device?.name).toBe('gnp.exe');
    expect(session?.device?.browser).toBe('<script>alert(1)</script>');
    expect(session?.location?.city).toBe('Lisbon');
  });

  it('never lets a full token through as a preview', () => {
    const token = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8';
    const { sessions } = normalizeSessions({ sessions: [{ id: 'x', tokenPreview: token }] });
    expect(sessions[0]?.tokenPreview).toBe('a1b2c3d4');
  });

  it('drops an unknown device type and empty nested objects', () => {
    const { sessions } = normalizeSessions({
      sessions: [{ id: 'x', device: { type: 'toaster', name: 'Oven' }, location: { city: '' } }],
    });
    expect(sessions[0]?.device).toEqual({ name: 'Oven' });
    expect(sessions[0]).not.toHaveProperty('location');
  });

  it('marks the current session by currentSessionId, and only one of two claiming it', () => {
    expect(normalizeSessions({ sessions: [{ id: 'a' }, { id: 'b' }], currentSessionId: 'b' })).toMatchObject({
      currentSessionId: 'b',
      sessions: [
        { id: 'a', isCurrent: false },
        { id: 'b', isCurrent: true },
      ],
    });
    const twice = normalizeSessions({
      sessions: [
        { id: 'a', isCurrent: true },
        { id: 'b', isCurrent: true },
      ],
    });
    expect(twice.sessions.map((s) => s.isCurrent)).toEqual([true, false]);
    expect(twice.issues).toEqual([{ index: 1, id: 'b', reason: 'a second current session' }]);
  });

  it('accepts a bare array', () => {
    expect(normalizeSessions([{ id: 'a' }]).sessions).toHaveLength(1);
  });

  it.each([null, undefined, {}, 'x', 42, { sessions: 'x' }, { sessions: {} }])(
    'rejects an answer that is not a list of sessions (%j) as INVALID_RESPONSE',
    (raw) => {
      expect(() => normalizeSessions(raw)).toThrow(expect.objectContaining({ code: 'INVALID_RESPONSE' }));
    },
  );
});

describe('parseDateInput', () => {
  it('tells absent (undefined) from unreadable (null)', () => {
    expect(parseDateInput(undefined)).toBeUndefined();
    expect(parseDateInput('')).toBeUndefined();
    expect(parseDateInput('yesterday')).toBeNull();
    expect(parseDateInput(new Date('nope'))).toBeNull();
  });
});
