export type {
  BetterAuthAdminClient,
  BetterAuthAdminSessionsProviderOptions,
  BetterAuthAdminUser,
} from './createBetterAuthAdminSessionsProvider.js';
export { createBetterAuthAdminSessionsProvider } from './createBetterAuthAdminSessionsProvider.js';
export type {
  BetterAuthResult,
  BetterAuthSession,
  BetterAuthSessionsClient,
  BetterAuthSessionsProviderOptions,
} from './createBetterAuthSessionsProvider.js';
export { createBetterAuthSessionsProvider } from './createBetterAuthSessionsProvider.js';
