/**
 * The suite's two assertions, with no test framework behind them: the suite runs in Vitest, Jest,
 * node:test or none, and its failures read the same everywhere.
 */

/** A store's answer that is not the expected one. */
export class StoreExpectationError extends Error {
  override readonly name = 'StoreExpectationError';
}

/** Structural equality of plain data: objects (key order aside), arrays, and primitives (NaN equals NaN). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  const otherKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => deepEqual(left[key], right[key]));
}

const show = (value: unknown) => JSON.stringify(value, null, 2) ?? String(value);

export function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (!deepEqual(actual, expected)) {
    throw new StoreExpectationError(
      `${what}: expected ${show(expected)}\nbut the store answered ${show(actual)}`,
    );
  }
}

export async function expectRejects(promise: Promise<unknown>, what: string): Promise<void> {
  try {
    await promise;
  } catch {
    return;
  }
  throw new StoreExpectationError(`${what}: expected the store to refuse it, but it accepted it`);
}
