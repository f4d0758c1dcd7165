export type {
  BetterAuthResult,
  BetterAuthSession,
  BetterAuthSessionsClient,
  BetterAuthSessionsProviderOptions,
} from './createBetterAuthSessionsProvider.js';
export { createBetterAuthSessionsProvider } from './createBetterAuthSessionsProvider.js';
