import type { StoredSession } from './types.js';

/**
 * A session row as the SQL stores keep it (the same snake_case columns in SQLite and PostgreSQL). Times
 * are epoch ms, which node-postgres answers as strings (bigint); SQLite's `trusted` is 0 or 1.
 */
export interface SessionColumns {
  id: string;
  user_id: string;
  token_hash: string;
  token_preview: string;
  user_agent: string | null;
  ip_address: string | null;
  device_name: string | null;
  device_type: string | null;
  device_browser: string | null;
  device_os: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  trusted: boolean | number;
  application_id: string | null;
  created_at: string | number;
  last_active_at: string | number;
  expires_at: string | number;
  absolute_expires_at: string | number;
  authenticated_at: string | number;
}

const definedOnly = <T extends object>(value: T): T | null => {
  const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
  return entries.length === 0 ? null : (Object.fromEntries(entries) as T);
};

/** A row of either SQL store as the StoredSession every store answers. */
export function fromColumns(r: SessionColumns): StoredSession {
  return {
    id: r.id,
    userId: r.user_id,
    tokenHash: r.token_hash,
    tokenPreview: r.token_preview,
    userAgent: r.user_agent,
    ipAddress: r.ip_address,
    device: definedOnly({
      name: r.device_name ?? undefined,
      type: (r.device_type ?? undefined) as NonNullable<StoredSession['device']>['type'],
      browser: r.device_browser ?? undefined,
      os: r.device_os ?? undefined,
    }),
    location: definedOnly({
      city: r.city ?? undefined,
      region: r.region ?? undefined,
      country: r.country ?? undefined,
    }),
    trusted: r.trusted === true || r.trusted === 1,
    applicationId: r.application_id,
    createdAt: Number(r.created_at),
    lastActiveAt: Number(r.last_active_at),
    expiresAt: Number(r.expires_at),
    absoluteExpiresAt: Number(r.absolute_expires_at),
    authenticatedAt: Number(r.authenticated_at),
  };
}
