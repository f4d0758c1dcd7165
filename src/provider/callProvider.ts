import { SessionsError } from './SessionsError.js';
import { toSessionsError } from './toSessionsError.js';
import type { SessionsDataProvider, SessionsMethod } from './types.js';

type MethodParams<M extends SessionsMethod> = Parameters<NonNullable<SessionsDataProvider[M]>>;
type MethodResult<M extends SessionsMethod> = Awaited<ReturnType<NonNullable<SessionsDataProvider[M]>>>;

/**
 * Calls one provider method and guarantees the contract on the way back: the result is a Promise, and
 * whatever it rejects with (or throws, which is a provider bug reported by name) is a `SessionsError`.
 */
export async function callProvider<M extends SessionsMethod>(
  provider: SessionsDataProvider,
  method: M,
  ...params: MethodParams<M>
): Promise<MethodResult<M>> {
  const fn = provider[method] as ((...args: MethodParams<M>) => Promise<MethodResult<M>>) | undefined;
  if (typeof fn !== 'function') {
    throw new SessionsError('UNKNOWN', `The dataProvider has no ${method} method.`);
  }
  let pending: Promise<MethodResult<M>>;
  try {
    pending = fn.apply(provider, params);
  } catch (thrown) {
    throw new SessionsError(
      'UNKNOWN',
      `dataProvider.${method} threw instead of returning a rejected Promise: ${toSessionsError(thrown).message}`,
      { cause: thrown },
    );
  }
  try {
    return await pending;
  } catch (rejected) {
    throw toSessionsError(rejected);
  }
}
