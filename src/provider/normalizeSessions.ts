import { SessionsError } from './SessionsError.js';
import type { DeviceType, Session, SessionDevice, SessionLocation } from './types.js';

/** Why one entry of a provider's answer was dropped or changed. */
export interface NormalizationIssue {
  /** Position of the entry in the provider's `sessions` array. */
  index: number;
  /** The entry's id, when it had a usable one. */
  id?: string;
  reason: string;
}

export interface NormalizedSessions {
  sessions: Session[];
  currentSessionId?: string;
  /** Entries that were dropped or corrected. Empty when the answer was clean. */
  issues: NormalizationIssue[];
}

// Caps on untrusted strings: long enough for any real value, short enough that a hostile 10 MB user
// agent cannot stall a render. Token previews are capped at 8 so a full token can never reach the DOM.
export const MAX_LENGTH = { userAgent: 512, ipAddress: 64, label: 200, tokenPreview: 8 } as const;

// Epoch numbers below this are seconds, above it milliseconds (1e11 s is the year 5138; 1e11 ms is 1973).
const EPOCH_SECONDS_BELOW = 1e11;

// C0/C1 controls and the bidi embedding/override/isolate marks: no legitimate user agent, device name or
// place contains them, and bidi overrides can make "exe.txt" read as "txt.exe".
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const DEVICE_TYPES: readonly DeviceType[] = ['desktop', 'mobile', 'tablet', 'unknown'];

/** Cleans an untrusted display string: absent unless it is a non-empty string after cleaning. */
export function cleanText(value: unknown, maxLength: number = MAX_LENGTH.label): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(UNSAFE_CHARACTERS, '').trim();
  if (cleaned === '') return undefined;
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}

/**
 * Reads a date from a Date, an ISO-8601 string, or epoch seconds / milliseconds (number or numeric string).
 * Returns `undefined` for an absent value and `null` for one that is present but unreadable.
 */
export function parseDateInput(value: unknown): Date | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  let time: number;
  if (value instanceof Date) time = value.getTime();
  else if (typeof value === 'number') time = value < EPOCH_SECONDS_BELOW ? value * 1000 : value;
  else if (typeof value === 'string') {
    const trimmed = value.trim();
    const numeric = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    time = Number.isNaN(numeric)
      ? Date.parse(trimmed)
      : numeric < EPOCH_SECONDS_BELOW
        ? numeric * 1000
        : numeric;
  } else return null;
  const date = new Date(time);
  return Number.isFinite(time) && !Number.isNaN(date.getTime()) ? date : null;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function withoutEmpty<T extends object>(value: T): T | undefined {
  return Object.values(value).some((v) => v !== undefined) ? value : undefined;
}

export function normalizeDevice(value: unknown): SessionDevice | undefined {
  const raw = asRecord(value);
  if (!raw) return undefined;
  const type = DEVICE_TYPES.find((t) => t === raw.type);
  return withoutEmpty({
    name: cleanText(raw.name),
    type,
    browser: cleanText(raw.browser),
    os: cleanText(raw.os),
  });
}

export function normalizeLocation(value: unknown): SessionLocation | undefined {
  const raw = asRecord(value);
  if (!raw) return undefined;
  return withoutEmpty({
    city: cleanText(raw.city),
    region: cleanText(raw.region),
    country: cleanText(raw.country),
  });
}

export function readId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return cleanText(value, MAX_LENGTH.label);
}

const DATE_FIELDS = ['createdAt', 'lastActiveAt', 'expiresAt'] as const;

/**
 * Validates what a provider's `listSessions` resolved with. Accepts `{ sessions, currentSessionId? }` or
 * a bare array. An entry without an id, with a duplicate id or with an unreadable date is dropped and
 * listed in `issues`; every other field is cleaned or left out. Never throws for a bad entry; throws
 * `SessionsError('INVALID_RESPONSE')` only when the answer as a whole is not a list of sessions.
 */
export function normalizeSessions(raw: unknown): NormalizedSessions {
  const envelope = asRecord(raw);
  const entries: unknown = Array.isArray(raw) ? raw : envelope?.sessions;
  if (!Array.isArray(entries)) {
    throw new SessionsError('INVALID_RESPONSE', 'listSessions did not resolve with { sessions: [...] }.');
  }
  const declaredCurrent = readId(envelope?.currentSessionId);
  const issues: NormalizationIssue[] = [];
  const sessions: Session[] = [];
  const seen = new Set<string>();
  let currentSessionId: string | undefined;

  entries.forEach((entry: unknown, index) => {
    const item = asRecord(entry);
    const id = item ? readId(item.id) : undefined;
    if (!item || id === undefined) {
      issues.push({ index, reason: item ? 'missing id' : 'not an object' });
      return;
    }
    if (seen.has(id)) {
      issues.push({ index, id, reason: 'duplicate id' });
      return;
    }
    const dates: Partial<Record<(typeof DATE_FIELDS)[number], Date>> = {};
    for (const field of DATE_FIELDS) {
      const parsed = parseDateInput(item[field]);
      if (parsed === null) {
        issues.push({ index, id, reason: `unreadable ${field}` });
        return;
      }
      if (parsed) dates[field] = parsed;
    }
    seen.add(id);

    let isCurrent = item.isCurrent === true || id === declaredCurrent;
    if (isCurrent && currentSessionId !== undefined) {
      issues.push({ index, id, reason: 'a second current session' });
      isCurrent = false;
    }
    if (isCurrent) currentSessionId = id;

    const meta = asRecord(item.meta);
    const session: Session = {
      id,
      isCurrent,
      ...dates,
      ipAddress: cleanText(item.ipAddress, MAX_LENGTH.ipAddress),
      userAgent: cleanText(item.userAgent, MAX_LENGTH.userAgent),
      device: normalizeDevice(item.device),
      location: normalizeLocation(item.location),
      trusted: item.trusted === true,
      applicationId: cleanText(item.applicationId),
      tokenPreview: cleanText(item.tokenPreview, Number.POSITIVE_INFINITY)?.slice(0, MAX_LENGTH.tokenPreview),
      meta,
    };
    for (const key of Object.keys(session) as (keyof Session)[]) {
      if (session[key] === undefined) delete session[key];
    }
    sessions.push(session);
  });

  return currentSessionId === undefined ? { sessions, issues } : { sessions, currentSessionId, issues };
}
