export type {
  BetterAuthCurrentSession,
  BetterAuthSession,
  BetterAuthSessionsClient,
} from './BetterAuthSessionsClient.js';
export type { BetterAuthResult } from './callBetterAuth.js';
export type {
  BetterAuthAdminClient,
  BetterAuthAdminSessionsProviderOptions,
  BetterAuthAdminUser,
} from './createBetterAuthAdminSessionsProvider.js';
export { createBetterAuthAdminSessionsProvider } from './createBetterAuthAdminSessionsProvider.js';
export type { BetterAuthSessionsProviderOptions } from './createBetterAuthSessionsProvider.js';
export { createBetterAuthSessionsProvider } from './createBetterAuthSessionsProvider.js';
