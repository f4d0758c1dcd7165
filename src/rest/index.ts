export {
  createRestAdminSessionsProvider,
  type RestAdminSessionsProvider,
} from './createRestAdminSessionsProvider.js';
export { createRestSessionsProvider, type RestSessionsProvider } from './createRestSessionsProvider.js';
export type { RestCsrfOptions, RestCsrfToken, RestSessionsProviderOptions } from './restTransport.js';
