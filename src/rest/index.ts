export { createRestAdminSessionsProvider } from './createRestAdminSessionsProvider.js';
export { createRestSessionsProvider } from './createRestSessionsProvider.js';
export type { RestCsrfOptions, RestSessionsProviderOptions } from './restTransport.js';
