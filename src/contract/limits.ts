/**
 * The contract's limits: sizes a server refuses past, page sizes, and the ceilings a server's own policy
 * must stay under. The handler enforces them, the REST adapter and the kit read them from here.
 */

/** A request body (always a small JSON object); past it a server answers 413. */
export const MAX_BODY_BYTES = 16 * 1024;
/** A session or user id in a path; longer is no id of ours (404 for a session, 400 for a user). */
export const MAX_ID_LENGTH = 200;
/** A password in a body (it never reaches a store, so it may hold any character). */
export const MAX_PASSWORD_LENGTH = 1024;
/** `applicationId`, `userId`, a cursor and other short text parameters. */
export const MAX_TEXT_LENGTH = 200;
/** The admin's `search`. */
export const MAX_SEARCH_LENGTH = 200;
/** The admin list's page size when `limit` is absent. */
export const DEFAULT_ADMIN_PAGE_SIZE = 50;
/** The largest `limit` a server must accept; a larger one is 400 (never clamped silently). */
export const MAX_ADMIN_PAGE_SIZE = 1000;
/** A session is locked (429) after at most this many wrong passwords in its window. */
export const MAX_WRONG_PASSWORDS_PER_SESSION = 10;
/** A session may hold at most this many open event streams; one more is 429. */
export const MAX_STREAMS_PER_SESSION = 32;
/** How long the browser waits before it reconnects a dropped event stream (`retry:`), in ms. */
export const STREAM_RETRY_MS = 2_000;
/** A sign-in's identifier (an email: RFC 5321 allows 320 characters); longer is refused, never stored. */
export const MAX_IDENTIFIER_LENGTH = 320;
