/**
 * How each query and body parameter of the contract is read: the handler reads requests with these, the
 * REST adapter builds requests by the same rules (an empty text is "not given", everywhere), and
 * docs/rest-contract.md states them. A parameter that breaks its rule is a ParamError, which a server
 * answers with 400 `UNKNOWN` and its message.
 */
import {
  DEFAULT_ADMIN_PAGE_SIZE,
  MAX_ADMIN_PAGE_SIZE,
  MAX_ID_LENGTH,
  MAX_PASSWORD_LENGTH,
  MAX_SEARCH_LENGTH,
  MAX_TEXT_LENGTH,
} from './limits.js';
import {
  ADMIN_SORT_FIELDS,
  type AdminSessionSortField,
  SESSION_STATUSES,
  type SessionStatus,
  SORT_DIRECTIONS,
  type SortDirection,
} from './wire.js';

/** A parameter that breaks its rule: the server answers 400 with this message. */
export class ParamError extends Error {
  override readonly name = 'ParamError';
}

/**
 * Control characters (NUL above all) in a value meant for a store: PostgreSQL's text cannot hold a NUL and
 * refuses the whole query, and no id, filter or search of the contract needs one.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const hasControlCharacters = (text: string) => /[\u0000-\u001f\u007f]/.test(text);

/**
 * An optional text parameter. Absent, null, and text that is empty once trimmed all mean "not given" (a
 * filter on `''` is never applied); otherwise the trimmed text, which must be a string of at most
 * `maxLength` characters without control characters.
 */
export function optionalText(value: unknown, name: string, maxLength = MAX_TEXT_LENGTH): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ParamError(`"${name}" must be a string.`);
  const text = value.trim();
  if (text === '') return undefined;
  if (text.length > maxLength || hasControlCharacters(text)) {
    throw new ParamError(`"${name}" must be at most ${maxLength} characters, without control characters.`);
  }
  return text;
}

/**
 * A password in a body: absent or null is "not given" (the server then answers 422 where it needs one);
 * a string is taken as is, any character allowed, never trimmed; anything else is a ParamError.
 */
export function optionalPassword(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > MAX_PASSWORD_LENGTH) {
    throw new ParamError(`"password" must be a string of at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
  return value;
}

/**
 * An id from a path segment, still URL-encoded: the decoded id, or null when it cannot be one (empty,
 * undecodable, too long, control characters) — a session id that is null is answered like an unknown one.
 */
export function readPathId(raw: string | undefined): string | null {
  if (raw === undefined || raw === '' || raw.length > MAX_ID_LENGTH * 3) return null;
  try {
    const decoded = decodeURIComponent(raw);
    return decoded !== '' && decoded.length <= MAX_ID_LENGTH && !hasControlCharacters(decoded)
      ? decoded
      : null;
  } catch {
    return null;
  }
}

/** `GET /sessions?applicationId=`. */
export const readListQuery = (query: URLSearchParams) => ({
  applicationId: optionalText(query.get('applicationId'), 'applicationId'),
});

/** `POST /sessions/{id}/revoke` and `POST /sessions/reauthenticate`: `{ password? }`. */
export const readPasswordBody = (body: Record<string, unknown>) => ({
  password: optionalPassword(body.password),
});

/** `POST /sessions/revoke-others` and `POST /sessions/revoke-all`: `{ password?, applicationId? }`. */
export const readRevokeManyBody = (body: Record<string, unknown>) => ({
  password: optionalPassword(body.password),
  applicationId: optionalText(body.applicationId, 'applicationId'),
});

/** An enumerated parameter: absent or empty is the default; an unknown value is a ParamError, never ignored. */
function oneOf<T extends string>(value: string | null, name: string, allowed: readonly T[], fallback: T): T {
  if (value === null || value.trim() === '') return fallback;
  if (!allowed.includes(value as T)) throw new ParamError(`"${name}" must be one of ${allowed.join(', ')}.`);
  return value as T;
}

export interface AdminListQuery {
  limit: number;
  cursor?: string;
  search?: string;
  userId?: string;
  applicationId?: string;
  status: SessionStatus;
  sort: AdminSessionSortField;
  direction: SortDirection;
}

/**
 * `GET /admin/sessions`. `limit` is a whole number from 1 to `maxPageSize` (default 50; a larger one is a
 * ParamError, never clamped); `search` matches case-insensitively with every character literal.
 */
export function readAdminListQuery(
  query: URLSearchParams,
  maxPageSize: number = MAX_ADMIN_PAGE_SIZE,
): AdminListQuery {
  const limitText = query.get('limit')?.trim();
  const limit = limitText === undefined || limitText === '' ? DEFAULT_ADMIN_PAGE_SIZE : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize || !/^\d+$/.test(limitText ?? '1')) {
    throw new ParamError(`"limit" must be a whole number from 1 to ${maxPageSize}.`);
  }
  return {
    limit,
    cursor: optionalText(query.get('cursor'), 'cursor', 1000),
    search: optionalText(query.get('search'), 'search', MAX_SEARCH_LENGTH),
    userId: optionalText(query.get('userId'), 'userId'),
    applicationId: optionalText(query.get('applicationId'), 'applicationId'),
    status: oneOf(query.get('status'), 'status', SESSION_STATUSES, 'active'),
    sort: oneOf(query.get('sort'), 'sort', ADMIN_SORT_FIELDS, 'lastActiveAt'),
    direction: oneOf(query.get('direction'), 'direction', SORT_DIRECTIONS, 'desc'),
  };
}

/**
 * The admin search's one meaning, for every store: Unicode case folding of both sides (`toLowerCase`
 * after NFKC, so "ÉCOLE", "école" and "ｅｃｏｌｅ" match), then a literal substring — `%`, `_` and `\` are
 * characters like any other.
 */
export const foldForSearch = (text: string) => text.normalize('NFKC').toLowerCase();

/**
 * What the search matches in a session: its IP and user agent, folded, on separate lines so no match spans
 * the two (a backend may also match its users' email and name, folded the same way).
 */
export const searchTextOf = (session: { ipAddress?: string | null; userAgent?: string | null }) =>
  foldForSearch([session.ipAddress, session.userAgent].filter((part) => part).join('\n'));

/** The admin list's order: the sort field, then the id (by code point) as the tie-break, in one direction. */
export function compareForSort<T extends { id: string }>(
  a: T & Record<AdminSessionSortField, number>,
  b: T & Record<AdminSessionSortField, number>,
  sort: AdminSessionSortField,
  direction: SortDirection,
): number {
  const order = a[sort] - b[sort] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return direction === 'asc' ? order : -order;
}

/** "Started today" counts from the server's local midnight of `now`. */
export const startOfServerDay = (now: number) => new Date(now).setHours(0, 0, 0, 0);
