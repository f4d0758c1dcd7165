export type { RestCsrfOptions, RestSessionsProviderOptions } from './createRestSessionsProvider.js';
export { createRestSessionsProvider } from './createRestSessionsProvider.js';
