// profilekit/next/server: the server side of a Next.js App Router app — the contract as route handlers,
// the signed-in session from headers(), and the rows prefetched in-process. No React components; the
// client boundary is profilekit/next.
export type { NextSessions, NextSessionsOptions, NextSessionsParts } from './createNextSessions.js';
export { createNextSessions } from './createNextSessions.js';
