import type { SessionDevice, SessionLocation } from '../contract/wire.js';
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

type DescribedColumns = Record<
  'device_name' | 'device_type' | 'device_browser' | 'device_os' | 'city' | 'region' | 'country',
  unknown
>;
const text = (value: unknown) => (value === null || value === undefined ? undefined : String(value));

/** The device columns of a session or log row (SQLite and PostgreSQL alike), null when all are empty. */
export const deviceFromColumns = (r: DescribedColumns): SessionDevice | null =>
  definedOnly({
    name: text(r.device_name),
    type: text(r.device_type) as SessionDevice['type'],
    browser: text(r.device_browser),
    os: text(r.device_os),
  });

/** The place columns of a session or log row, null when all are empty. */
export const locationFromColumns = (r: DescribedColumns): SessionLocation | null =>
  definedOnly({ city: text(r.city), region: text(r.region), country: text(r.country) });

/** The columns that describe where a session is used, in a session row and a log row alike. */
export const DESCRIBED_COLUMNS = [
  'user_agent',
  'ip_address',
  'device_name',
  'device_type',
  'device_browser',
  'device_os',
  'city',
  'region',
  'country',
] as const;

/** What describes where a session is used, in the columns' order (device_name … country). */
export const describedColumns = (s: { device: SessionDevice | null; location: SessionLocation | null }) => [
  s.device?.name ?? null,
  s.device?.type ?? null,
  s.device?.browser ?? null,
  s.device?.os ?? null,
  s.location?.city ?? null,
  s.location?.region ?? null,
  s.location?.country ?? null,
];

/** A row of either SQL store as the StoredSession every store answers. */
export function fromColumns(r: SessionColumns): StoredSession {
  return {
    id: r.id,
    userId: r.user_id,
    tokenHash: r.token_hash,
    tokenPreview: r.token_preview,
    userAgent: r.user_agent,
    ipAddress: r.ip_address,
    device: deviceFromColumns(r),
    location: locationFromColumns(r),
    trusted: r.trusted === true || r.trusted === 1,
    applicationId: r.application_id,
    createdAt: Number(r.created_at),
    lastActiveAt: Number(r.last_active_at),
    expiresAt: Number(r.expires_at),
    absoluteExpiresAt: Number(r.absolute_expires_at),
    authenticatedAt: Number(r.authenticated_at),
  };
}
