import { randomBytes } from 'node:crypto';
import type { StoredSession } from '../../src/server/types.js';

// Store-specific tests (PostgreSQL's races and schema) build sessions with this; the contract every store
// shares is the shipped suite, profilekit/server/testing.
const NOW = Date.UTC(2026, 11, 1, 12);
const HOUR = 3_600_000;

let serial = 0;
/** A session as the manager would write it; every field can be overridden. */
export function storedSession(overrides: Partial<StoredSession> = {}): StoredSession {
  serial += 1;
  return {
    id: `ses_${randomBytes(6).toString('hex')}_${serial}`,
    userId: 'usr_a',
    tokenHash: randomBytes(32).toString('hex'),
    tokenPreview: randomBytes(6).toString('base64url'),
    userAgent: 'Mozilla/5.0 (Macintosh) Chrome/131',
    ipAddress: '198.51.100.7',
    device: { browser: 'Chrome', os: 'macOS', type: 'desktop' },
    location: { city: 'Porto', country: 'Portugal' },
    trusted: false,
    applicationId: 'web',
    createdAt: NOW - 5 * HOUR,
    lastActiveAt: NOW - HOUR,
    expiresAt: NOW + 10 * HOUR,
    absoluteExpiresAt: NOW + 20 * HOUR,
    authenticatedAt: NOW - 5 * HOUR,
    ...overrides,
  };
}
