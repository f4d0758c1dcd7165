import { constantTimeEqual, randomBytes, sha256Hex, toBase64Url, toHex } from './webCrypto.js';

// 32 bytes = 256 bits of randomness: unguessable, and base64url keeps the cookie value plain ASCII.
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new session token: what the cookie carries. Only its hash is stored. */
export const newSessionToken = () => toBase64Url(randomBytes(TOKEN_BYTES));

/** A session's public id: random, so it reveals nothing about the token and cannot be derived from it. */
export const newSessionId = () => `ses_${toHex(randomBytes(12))}`;

/** SHA-256 of the token, hex: a leaked table signs nobody in. */
export const hashSessionToken = (token: string) => sha256Hex(token);

/** Whether a cookie value could be one of our tokens at all (garbage never reaches the store). */
export const isWellFormedToken = (value: string) => TOKEN_PATTERN.test(value);

/** Compares two hex hashes in constant time. */
export const hashesMatch = (a: string, b: string) => constantTimeEqual(a, b);

// A host's session id (express-session's are 32 characters, Auth.js's a UUID) longer than this is no id:
// it is neither hashed nor looked up.
export const MAX_HOST_SESSION_ID_LENGTH = 512;
