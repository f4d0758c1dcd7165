import {
  type ConfirmableAction,
  readActivityQuery,
  readListQuery,
  readPasswordBody,
  readRevokeManyBody,
  type SessionsPolicy,
} from '../../contract/index.js';
import type { AuthenticatedRequest } from '../createSessionManager.js';
import { pageOf } from './activityPage.js';
import { decodeCursor } from './cursor.js';
import type { HandlerDeps } from './handlerDeps.js';
import {
  badRequest,
  type ContractResponse,
  fail,
  json,
  noContent,
  Refusal,
  readJsonObject,
  readParams,
} from './responses.js';
import { toWire } from './toWire.js';

type FreshnessAction = ConfirmableAction | 'listSessions';

/** The signed-in user's own sessions: list, revoke one, revoke the others, revoke all, sign out, re-auth. */
export function createUserRoutes(deps: HandlerDeps) {
  const { manager, options } = deps;

  /** What this server asks of this caller, as the contract advertises it (contract/policy.ts). */
  async function policyFor(auth: AuthenticatedRequest): Promise<SessionsPolicy> {
    const freshness = options.freshness;
    return {
      password: { ...deps.passwordRequirements },
      freshness: freshness ? { maxAgeMs: freshness.maxAgeMs, actions: [...freshness.actions] } : null,
      admin: options.admin ? await options.admin.isAdmin(auth.userId) : false,
    };
  }

  /** Answers REAUTH_REQUIRED when the host wants a recent password for this action and it is older. */
  function requireFresh(auth: AuthenticatedRequest, action: FreshnessAction) {
    const freshness = options.freshness;
    if (!freshness?.actions.includes(action)) return;
    if (manager.now() - auth.session.authenticatedAt > freshness.maxAgeMs) {
      throw new Refusal(fail(403, 'REAUTH_REQUIRED', 'Confirm your password to continue.'));
    }
  }

  /** Checks the password before anything changes: a refused request ends no session. */
  async function confirmPassword(auth: AuthenticatedRequest, password: string | undefined) {
    const caller = { sessionId: auth.session.id, userId: auth.userId };
    const result = await deps.confirmations.check(caller, password, async (candidate) =>
      options.verifyPassword(auth.userId, candidate),
    );
    if (result.ok) return;
    if (result.code !== 'RATE_LIMITED') await manager.recordConfirmationFailure(auth.session);
    if (result.code === 'RATE_LIMITED') {
      throw new Refusal(
        fail(429, 'RATE_LIMITED', 'Too many wrong passwords. Try again later.', result.retryAfter),
      );
    }
    throw new Refusal(fail(422, 'INVALID_PASSWORD', 'The password is not correct.'));
  }

  async function confirmIfRequired(
    auth: AuthenticatedRequest,
    action: ConfirmableAction,
    password: string | undefined,
  ) {
    requireFresh(auth, action);
    if (deps.passwordRequirements[action] === 'required') await confirmPassword(auth, password);
  }

  return {
    async list(request: Request, auth: AuthenticatedRequest): Promise<ContractResponse> {
      requireFresh(auth, 'listSessions');
      const { applicationId } = readParams(() => readListQuery(new URL(request.url).searchParams));
      const sessions = await manager.listSessions(auth.userId, { applicationId });
      return json({
        sessions: sessions.map((session) => toWire(session, auth.session.id)),
        currentSessionId: auth.session.id,
        policy: await policyFor(auth),
      });
    },

    async policy(auth: AuthenticatedRequest) {
      return json(await policyFor(auth));
    },

    async revokeOne(request: Request, auth: AuthenticatedRequest, sessionId: string | null) {
      const { password } = readParams(readPasswordBody.bind(null, await readJsonObject(request)));
      await confirmIfRequired(auth, 'revokeSession', password);
      // Unknown, ended and another user's session all answer the same 404: nothing tells them apart.
      const own = sessionId === auth.session.id;
      const revoked =
        sessionId !== null &&
        (await manager.revokeSession({
          userId: auth.userId,
          sessionId,
          cause: own ? 'signed-out' : 'revoked',
          bySessionId: auth.session.id,
        }));
      if (!revoked) return fail(404, 'NOT_FOUND', 'No such session.');
      return own ? noContent().clearingSession(manager) : noContent();
    },

    async revokeOthers(request: Request, auth: AuthenticatedRequest) {
      const { password, applicationId } = readParams(
        readRevokeManyBody.bind(null, await readJsonObject(request)),
      );
      await confirmIfRequired(auth, 'revokeOtherSessions', password);
      const revokedCount = await manager.revokeOtherSessions({
        userId: auth.userId,
        exceptSessionId: auth.session.id,
        applicationId,
        cause: 'revoked-others',
      });
      return json({ revokedCount });
    },

    async revokeAll(request: Request, auth: AuthenticatedRequest) {
      const { password, applicationId } = readParams(
        readRevokeManyBody.bind(null, await readJsonObject(request)),
      );
      await confirmIfRequired(auth, 'revokeAllSessions', password);
      const revokedCount = await manager.revokeAllSessions({
        userId: auth.userId,
        applicationId,
        cause: 'revoked-all',
        bySessionId: auth.session.id,
      });
      // Narrowed to another application, the caller's own session may live on: then its cookie stays.
      const stillIn = applicationId !== undefined && (await manager.getSession(auth.session.id)) !== null;
      return stillIn ? json({ revokedCount }) : json({ revokedCount }).clearingSession(manager);
    },

    async signOut(request: Request, auth: AuthenticatedRequest) {
      await readJsonObject(request);
      await manager.revokeSession({
        userId: auth.userId,
        sessionId: auth.session.id,
        cause: 'signed-out',
        bySessionId: auth.session.id,
      });
      return noContent().clearingSession(manager);
    },

    async activity(request: Request, auth: AuthenticatedRequest) {
      requireFresh(auth, 'listSessions');
      const { limit, cursor } = readParams(() => readActivityQuery(new URL(request.url).searchParams));
      const query = { userId: auth.userId };
      const after = cursor ? decodeCursor(cursor, query) : undefined;
      if (after === null) throw badRequest('The cursor is not one this server gave out for this query.');
      const entries = await manager.listActivity({
        userId: auth.userId,
        limit: limit + 1,
        after: after && { at: after.value, id: after.id },
      });
      return json(pageOf(entries, limit, query, auth.session.id));
    },

    async reportNotMe(request: Request, auth: AuthenticatedRequest, sessionId: string | null) {
      const { password } = readParams(readPasswordBody.bind(null, await readJsonObject(request)));
      await confirmIfRequired(auth, 'revokeSession', password);
      const own = sessionId === auth.session.id;
      const reported =
        sessionId === null
          ? 'unknown'
          : await manager.reportNotMe({ userId: auth.userId, sessionId, bySessionId: auth.session.id });
      // Reporting twice is no error: the log keeps the first report, and the session is ended either way.
      if (reported === 'unknown') return fail(404, 'NOT_FOUND', 'No such session.');
      return own ? noContent().clearingSession(manager) : noContent();
    },

    async reauthenticate(request: Request, auth: AuthenticatedRequest) {
      const { password } = readParams(readPasswordBody.bind(null, await readJsonObject(request)));
      await confirmPassword(auth, password);
      await manager.markAuthenticated(auth.session.id);
      return noContent();
    },
  };
}
