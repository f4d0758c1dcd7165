// profilekit/next: the client side of a Next.js App Router page. The server side (the route handler, the
// signed-in session, the prefetch) is profilekit/next/server.
export type { NextSessionsProviderProps } from './NextSessionsProvider.js';
export { NextSessionsProvider } from './NextSessionsProvider.js';
