// For a provider of your own over a backend that sends only user agents: fills `device` the way these
// adapters do, loading the parser only when such a row arrives.
export { withParsedDevice, withParsedDevices } from '../userAgent/withParsedDevices.js';
export {
  createRestAdminSessionsProvider,
  type RestAdminSessionsProvider,
} from './createRestAdminSessionsProvider.js';
export { createRestSessionsProvider, type RestSessionsProvider } from './createRestSessionsProvider.js';
export type { RestCsrfOptions, RestCsrfToken, RestSessionsProviderOptions } from './restTransport.js';
