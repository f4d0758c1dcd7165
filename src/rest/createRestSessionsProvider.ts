import { readPolicy, routePath, type SessionsPolicy } from '../contract/index.js';
import { readRevokedCount } from '../provider/readCount.js';
import { SessionsError } from '../provider/SessionsError.js';
import type {
  ListActivityParams,
  ListActivityResult,
  ListSessionsParams,
  ListSessionsResult,
  ReauthenticateParams,
  ReportNotMeParams,
  RevokeManyParams,
  RevokeManyResult,
  RevokeSessionParams,
  SessionsDataProvider,
} from '../provider/types.js';
import { withParsedDevices } from '../userAgent/withParsedDevices.js';
import { type EventSourceConstructor, subscribeToRestEvents } from './restEvents.js';
import {
  idHint,
  optionalPositiveInteger,
  optionalSignal,
  optionalString,
  passwordHint,
  readParams,
  readPassword,
  requireId,
  requireListField,
} from './restParams.js';
import { createRestTransport, type RestSessionsProviderOptions } from './restTransport.js';

export type { RestCsrfOptions, RestCsrfToken, RestSessionsProviderOptions } from './restTransport.js';

/**
 * What `createRestSessionsProvider` returns: a `SessionsDataProvider` whose every method is present, and
 * whose `listSessions` may be called with no argument at all (outside TanStack Query there is often no
 * signal to pass).
 */
export interface RestSessionsProvider extends SessionsDataProvider {
  listSessions: (params?: Partial<ListSessionsParams>) => Promise<ListSessionsResult>;
  revokeSession: (params: RevokeSessionParams) => Promise<void>;
  revokeOtherSessions: (params?: RevokeManyParams) => Promise<RevokeManyResult>;
  revokeAllSessions: (params?: RevokeManyParams) => Promise<RevokeManyResult>;
  signOut: () => Promise<void>;
  reauthenticate: (params: ReauthenticateParams) => Promise<void>;
  getPolicy: (params?: { signal?: AbortSignal }) => Promise<SessionsPolicy>;
  listActivity: (params?: Partial<ListActivityParams>) => Promise<ListActivityResult>;
  reportNotMe: (params: ReportNotMeParams) => Promise<void>;
}

const FACTORY = 'createRestSessionsProvider';
const LIST = '{ signal?, applicationId? }';
const REVOKE = '{ sessionId, password? }';
const REVOKE_MANY = '{ password?, applicationId? }';
const REAUTH = '{ password }';
const POLICY = '{ signal? }';
const ACTIVITY = '{ signal?, cursor?, limit? }';

/**
 * A provider for any backend that speaks the profilekit HTTP contract (docs/rest-contract.md): Laravel,
 * Rails, Django or Express in an afternoon. Status codes and `{ code, message }` bodies become
 * SessionsErrors; an unexpected body is INVALID_RESPONSE, never a crash; a wrong call rejects before any
 * request is sent. The password travels only in a POST body.
 */
export function createRestSessionsProvider(options: RestSessionsProviderOptions): RestSessionsProvider {
  const { request, requestJson } = createRestTransport(FACTORY, options);

  // The server's policy comes with every list; the latest one is kept, and a list on its way is waited
  // for rather than asking `GET /sessions/policy` beside it (the kit asks for both as a page mounts).
  let policy: SessionsPolicy | null = null;
  let listing: Promise<unknown> | null = null;
  const learn = (value: unknown) => {
    const read = readPolicy(value);
    if (read) policy = read;
  };

  /** The body of revoke-others / revoke-all: only what was given (no `"applicationId": null`). */
  const revokeMany = async (method: string, path: string, params: unknown) => {
    const p = readParams(method, REVOKE_MANY, params, { optional: true, hint: passwordHint(method) });
    const password = readPassword(method, REVOKE_MANY, p, false);
    const applicationId = optionalString(method, REVOKE_MANY, p, 'applicationId');
    const body = {
      ...(password === undefined ? {} : { password }),
      ...(applicationId === undefined ? {} : { applicationId }),
    };
    return readRevokedCount(await requestJson('POST', path, body), `POST ${path}`);
  };

  // Looked up once: where there is no EventSource (Node, an old WebView) the method is simply absent, and
  // the kit polls.
  const Source =
    options.eventSource === false
      ? undefined
      : (options.eventSource ?? (globalThis as { EventSource?: EventSourceConstructor }).EventSource);
  const eventsUrl = `${options.baseUrl.replace(/\/+$/, '')}${routePath('events')}`;

  return {
    // Only for a backend that cannot advertise its policy: given, it wins over what getPolicy says.
    ...(options.passwordRequirements && { passwordRequirements: { ...options.passwordRequirements } }),
    ...(Source && {
      subscribeToSessionEvents: (listener: Parameters<typeof subscribeToRestEvents>[3]) =>
        subscribeToRestEvents(eventsUrl, (options.credentials ?? 'include') === 'include', Source, listener),
    }),

    listSessions: async (params) => {
      const p = readParams('listSessions', LIST, params, { optional: true });
      const signal = optionalSignal('listSessions', LIST, p);
      const applicationId = optionalString('listSessions', LIST, p, 'applicationId');
      const query = applicationId === undefined ? '' : `?applicationId=${encodeURIComponent(applicationId)}`;
      const pending = requestJson('GET', `${routePath('listSessions')}${query}`, undefined, signal);
      listing = pending;
      const body = await pending.finally(() => {
        if (listing === pending) listing = null;
      });
      // Only the envelope's shape is checked here, so a wrong body is INVALID_RESPONSE at the adapter;
      // the entries are validated once, by normalizeSessions in the list query, which also reports the
      // dropped ones (normalizing here too would do the work twice, or lose those reports).
      if (Array.isArray(body)) return withParsedDevices({ sessions: body }); // A bare array, as normalizeSessions accepts.
      if (!Array.isArray((body as { sessions?: unknown } | null)?.sessions)) {
        throw new SessionsError(
          'INVALID_RESPONSE',
          `GET /sessions${query} did not answer { sessions: [...] }.`,
        );
      }
      const result = body as ListSessionsResult;
      learn(result.policy);
      const { policy: _sent, ...rest } = result;
      // Rows without `device` get one from their user agent (the parser loads only if one arrives so).
      return withParsedDevices(policy ? { ...rest, policy } : rest);
    },

    getPolicy: async (params) => {
      const p = readParams('getPolicy', POLICY, params, { optional: true });
      const signal = optionalSignal('getPolicy', POLICY, p);
      if (!policy && listing) await listing.catch(() => {});
      if (policy) return policy;
      learn(await requestJson('GET', routePath('policy'), undefined, signal));
      if (!policy) {
        throw new SessionsError('INVALID_RESPONSE', 'GET /sessions/policy did not answer a policy.');
      }
      return policy;
    },

    revokeSession: async (params) => {
      const p = readParams('revokeSession', REVOKE, params, { hint: idHint('revokeSession', 'sessionId') });
      const sessionId = requireId('revokeSession', REVOKE, p, 'sessionId');
      const password = readPassword('revokeSession', REVOKE, p, false);
      await request(
        'POST',
        routePath('revokeSession', sessionId),
        password === undefined ? {} : { password },
      );
    },

    revokeOtherSessions: (params) =>
      revokeMany('revokeOtherSessions', routePath('revokeOtherSessions'), params),

    revokeAllSessions: (params) => revokeMany('revokeAllSessions', routePath('revokeAllSessions'), params),

    signOut: async () => {
      await request('POST', routePath('signOut'));
    },

    listActivity: async (params) => {
      const p = readParams('listActivity', ACTIVITY, params, { optional: true });
      const signal = optionalSignal('listActivity', ACTIVITY, p);
      const cursor = optionalString('listActivity', ACTIVITY, p, 'cursor');
      const limit = optionalPositiveInteger('listActivity', ACTIVITY, p, 'limit');
      const query = new URLSearchParams();
      if (cursor !== undefined) query.set('cursor', cursor);
      if (limit !== undefined) query.set('limit', String(limit));
      const path = `${routePath('listActivity')}${query.size ? `?${query}` : ''}`;
      const body = await requestJson('GET', path, undefined, signal);
      // The envelope here; each entry is checked once, by normalizeActivity where the kit reads it.
      return requireListField<ListActivityResult>(body, 'entries', `GET ${path}`);
    },

    reportNotMe: async (params) => {
      const p = readParams('reportNotMe', REVOKE, params, { hint: idHint('reportNotMe', 'sessionId') });
      const sessionId = requireId('reportNotMe', REVOKE, p, 'sessionId');
      const password = readPassword('reportNotMe', REVOKE, p, false);
      await request('POST', routePath('reportNotMe', sessionId), password === undefined ? {} : { password });
    },

    reauthenticate: async (params) => {
      const p = readParams('reauthenticate', REAUTH, params, { hint: passwordHint('reauthenticate') });
      const password = readPassword('reauthenticate', REAUTH, p, true);
      await request('POST', routePath('reauthenticate'), { password });
    },
  };
}
