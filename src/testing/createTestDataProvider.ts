import type { SessionsDataProvider, SessionsMethod } from '../provider/types.js';
import { withParsedDevices } from '../userAgent/withParsedDevices.js';

const METHODS: readonly SessionsMethod[] = [
  'listSessions',
  'revokeSession',
  'revokeOtherSessions',
  'revokeAllSessions',
  'signOut',
  'reauthenticate',
];

/**
 * A provider for tests: every method exists, those you pass are used, and any other rejects with a text
 * naming the method, so a test that reaches an unplanned call fails with a reason instead of hanging.
 */
export function createTestDataProvider(overrides: Partial<SessionsDataProvider> = {}): SessionsDataProvider {
  const provider: SessionsDataProvider = { ...overrides };
  // Rows with only a user agent read "Chrome on macOS", as through the kit's adapters.
  const list = overrides.listSessions;
  if (list) provider.listSessions = async (params) => withParsedDevices(await list(params));
  const record = provider as Record<SessionsMethod, unknown>;
  for (const method of METHODS) {
    if (typeof record[method] === 'function') continue;
    record[method] = () =>
      Promise.reject(
        new Error(`createTestDataProvider: ${method} was called but the test did not provide it.`),
      );
  }
  return provider;
}
