import { normalizeSessions } from '../provider/normalizeSessions.js';
import type { ListSessionsResult, SessionsDataProvider } from '../provider/types.js';
import { createRestTransport, type RestSessionsProviderOptions, readRevokedCount } from './restTransport.js';

export type { RestCsrfOptions, RestSessionsProviderOptions } from './restTransport.js';

/**
 * A provider for any backend that speaks the profilekit HTTP contract (docs/rest-contract.md): Laravel,
 * Rails, Django or Express in an afternoon. Status codes and `{ code, message }` bodies become
 * SessionsErrors; an unexpected body is INVALID_RESPONSE, never a crash. The password travels only in a
 * POST body.
 */
export function createRestSessionsProvider(options: RestSessionsProviderOptions): SessionsDataProvider {
  const { request, json } = createRestTransport(options);
  const withPassword = (password: string | undefined, rest: Record<string, unknown> = {}) =>
    password === undefined ? rest : { ...rest, password };

  return {
    passwordRequirements: { ...options.passwordRequirements },
    listSessions: async ({ signal, applicationId }) => {
      const query = applicationId === undefined ? '' : `?applicationId=${encodeURIComponent(applicationId)}`;
      const body = await json(await request('GET', `/sessions${query}`, undefined, signal));
      // Validate the shape here, so a wrong body is INVALID_RESPONSE at the adapter, not deeper.
      normalizeSessions(body);
      return body as ListSessionsResult;
    },
    revokeSession: async ({ sessionId, password }) => {
      await request('POST', `/sessions/${encodeURIComponent(sessionId)}/revoke`, withPassword(password));
    },
    revokeOtherSessions: async ({ password, applicationId } = {}) =>
      readRevokedCount(
        await json(
          await request('POST', '/sessions/revoke-others', withPassword(password, { applicationId })),
        ),
      ),
    revokeAllSessions: async ({ password, applicationId } = {}) =>
      readRevokedCount(
        await json(await request('POST', '/sessions/revoke-all', withPassword(password, { applicationId }))),
      ),
    signOut: async () => {
      await request('POST', '/sessions/sign-out');
    },
    reauthenticate: async ({ password }) => {
      await request('POST', '/sessions/reauthenticate', { password });
    },
  };
}
