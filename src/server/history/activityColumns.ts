import type { SignInFailureReason } from '../../contract/activity.js';
import {
  DESCRIBED_COLUMNS,
  describedColumns,
  deviceFromColumns,
  locationFromColumns,
} from '../sessionColumns.js';
import type { StoredActivity } from '../types.js';

/** The log's columns, in the order the SQL store inserts them (the same in SQLite and PostgreSQL). */
export const ACTIVITY_COLUMNS = [
  'id',
  'user_id',
  'kind',
  'at',
  'session_id',
  ...DESCRIBED_COLUMNS,
  'device_key',
  'method',
  'new_device',
  'identifier',
  'reason',
  'by_session_id',
  'by_user_id',
] as const;

/** A log row as either engine answers it: node-postgres answers bigint as text, SQLite a flag as 0 or 1. */
export type ActivityColumns = Record<(typeof ACTIVITY_COLUMNS)[number], string | number | boolean | null>;

/** An entry's values in ACTIVITY_COLUMNS' order. */
export const activityValues = (e: StoredActivity): unknown[] => [
  e.id,
  e.userId,
  e.kind,
  e.at,
  e.sessionId,
  e.userAgent,
  e.ipAddress,
  ...describedColumns(e),
  e.deviceKey,
  e.method,
  e.newDevice,
  e.identifier,
  e.reason,
  e.bySessionId,
  e.byUserId,
];

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** A flag as either engine answers it: PostgreSQL a boolean, SQLite 0 or 1. */
export const flagFromColumn = (value: unknown) => value === true || value === 1;

/** A row of either SQL store as the StoredActivity every store answers. */
export function activityFromColumns(r: ActivityColumns): StoredActivity {
  return {
    id: String(r.id),
    userId: text(r.user_id),
    kind: String(r.kind) as StoredActivity['kind'],
    at: Number(r.at),
    sessionId: text(r.session_id),
    userAgent: text(r.user_agent),
    ipAddress: text(r.ip_address),
    device: deviceFromColumns(r),
    location: locationFromColumns(r),
    deviceKey: text(r.device_key),
    method: text(r.method),
    newDevice: flagFromColumn(r.new_device),
    identifier: text(r.identifier),
    reason: text(r.reason) as SignInFailureReason | null,
    bySessionId: text(r.by_session_id),
    byUserId: text(r.by_user_id),
  };
}
