import type { ConfirmableAction } from '../../provider/types.js';
import type { AuthenticatedRequest } from '../createSessionManager.js';
import type { HandlerDeps } from './handlerDeps.js';
import {
  type ContractResponse,
  fail,
  json,
  noContent,
  optionalParam,
  optionalString,
  Refusal,
  readJsonObject,
} from './responses.js';
import { toWire } from './toWire.js';

type FreshnessAction = ConfirmableAction | 'listSessions';

/** The signed-in user's own sessions: list, revoke one, revoke the others, revoke all, sign out, re-auth. */
export function createUserRoutes(deps: HandlerDeps) {
  const { manager, options } = deps;

  /** Answers REAUTH_REQUIRED when the host wants a recent password for this action and it is older. */
  function requireFresh(auth: AuthenticatedRequest, action: FreshnessAction) {
    const freshness = options.freshness;
    if (!freshness?.actions.includes(action)) return;
    if (manager.now() - auth.session.authenticatedAt > freshness.maxAgeMs) {
      throw new Refusal(fail(403, 'REAUTH_REQUIRED', 'Confirm your password to continue.'));
    }
  }

  /** Checks the password before anything changes: a refused request ends no session. */
  async function confirmPassword(auth: AuthenticatedRequest, password: unknown) {
    const caller = { sessionId: auth.session.id, userId: auth.userId };
    const result = await deps.confirmations.check(caller, password, async (candidate) =>
      options.verifyPassword(auth.userId, candidate),
    );
    if (result.ok) return;
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
    body: Record<string, unknown>,
  ) {
    requireFresh(auth, action);
    if (deps.passwordRequirements[action] === 'required') await confirmPassword(auth, body.password);
  }

  const readPasswordBody = async (request: Request) => {
    const body = await readJsonObject(request);
    optionalString(body, 'password', 1024, true);
    return body;
  };

  return {
    async list(request: Request, auth: AuthenticatedRequest): Promise<ContractResponse> {
      requireFresh(auth, 'listSessions');
      // An empty value means "no filter", as in the admin routes.
      const applicationId = optionalParam(new URL(request.url).searchParams, 'applicationId');
      const sessions = await manager.listSessions(auth.userId, { applicationId });
      return json({
        sessions: sessions.map((session) => toWire(session, auth.session.id)),
        currentSessionId: auth.session.id,
      });
    },

    async revokeOne(request: Request, auth: AuthenticatedRequest, sessionId: string | null) {
      const body = await readPasswordBody(request);
      await confirmIfRequired(auth, 'revokeSession', body);
      // Unknown, ended and another user's session all answer the same 404: nothing tells them apart.
      const revoked =
        sessionId !== null &&
        (await manager.revokeSession({
          userId: auth.userId,
          sessionId,
          reason: sessionId === auth.session.id ? 'signed-out' : 'revoked',
          bySessionId: auth.session.id,
        }));
      if (!revoked) return fail(404, 'NOT_FOUND', 'No such session.');
      const response = noContent();
      return sessionId === auth.session.id ? response.cookie(manager.clearCookie()) : response;
    },

    async revokeOthers(request: Request, auth: AuthenticatedRequest) {
      const body = await readPasswordBody(request);
      const applicationId = optionalString(body, 'applicationId');
      await confirmIfRequired(auth, 'revokeOtherSessions', body);
      const revokedCount = await manager.revokeOtherSessions({
        userId: auth.userId,
        exceptSessionId: auth.session.id,
        applicationId,
        reason: 'revoked-others',
      });
      return json({ revokedCount });
    },

    async revokeAll(request: Request, auth: AuthenticatedRequest) {
      const body = await readPasswordBody(request);
      const applicationId = optionalString(body, 'applicationId');
      await confirmIfRequired(auth, 'revokeAllSessions', body);
      const revokedCount = await manager.revokeAllSessions({
        userId: auth.userId,
        applicationId,
        reason: 'revoked-all',
        bySessionId: auth.session.id,
      });
      return json({ revokedCount }).cookie(manager.clearCookie());
    },

    async signOut(request: Request, auth: AuthenticatedRequest) {
      await readJsonObject(request);
      await manager.revokeSession({
        userId: auth.userId,
        sessionId: auth.session.id,
        reason: 'signed-out',
        bySessionId: auth.session.id,
      });
      return noContent().cookie(manager.clearCookie());
    },

    async reauthenticate(request: Request, auth: AuthenticatedRequest) {
      const body = await readPasswordBody(request);
      await confirmPassword(auth, body.password);
      await manager.markAuthenticated(auth.session.id);
      return noContent();
    },
  };
}
