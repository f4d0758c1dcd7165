import { SessionsError } from './SessionsError.js';
import { toSessionsError } from './toSessionsError.js';

// biome-ignore lint/suspicious/noExplicitAny: any provider method, whatever its params.
type AnyMethod = (...args: any[]) => Promise<unknown>;
type MethodOf<P> = { [K in keyof P]-?: NonNullable<P[K]> extends AnyMethod ? K : never }[keyof P] & string;
type Fn<P, M extends keyof P> = Extract<NonNullable<P[M]>, AnyMethod>;

/**
 * Calls one provider method and guarantees the contract on the way back: the result is a Promise, and
 * whatever it rejects with (or throws, which is a provider bug reported by name) is a `SessionsError`.
 * Works for the user-side and the admin provider alike.
 */
export async function callProvider<P extends object, M extends MethodOf<P>>(
  provider: P,
  method: M,
  ...params: Parameters<Fn<P, M>>
): Promise<Awaited<ReturnType<Fn<P, M>>>> {
  const fn = provider[method] as unknown as AnyMethod | undefined;
  if (typeof fn !== 'function') {
    throw new SessionsError('UNKNOWN', `The dataProvider has no ${method} method.`);
  }
  let pending: Promise<unknown>;
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
    return (await pending) as Awaited<ReturnType<Fn<P, M>>>;
  } catch (rejected) {
    throw toSessionsError(rejected);
  }
}
