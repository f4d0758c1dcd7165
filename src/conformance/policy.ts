import { CONFIRMABLE } from './words.js';

/** A server's advertised policy as the kit reads it (the kit's own reading, not the client's). */
export interface AdvertisedPolicy {
  password: Record<(typeof CONFIRMABLE)[number], 'required' | 'none'>;
  freshness: { maxAgeMs: number; actions: string[] } | null;
  admin: boolean;
}

export const POLICY_SHAPE =
  '{ "password": { "revokeSession", "revokeOtherSessions", "revokeAllSessions": "required" | "none" }, "freshness": null | { "maxAgeMs", "actions" }, "admin": boolean }';

/** The policy, or what is wrong with it (a sentence). */
export function readAdvertisedPolicy(value: unknown): AdvertisedPolicy | string {
  if (typeof value !== 'object' || value === null) return 'it is not an object';
  const record = value as Record<string, unknown>;
  const password = record.password as Record<string, unknown> | undefined;
  if (typeof password !== 'object' || password === null) return '"password" is missing';
  for (const action of CONFIRMABLE) {
    if (password[action] !== 'required' && password[action] !== 'none')
      return `"password.${action}" is ${JSON.stringify(password[action])}`;
  }
  const freshness = record.freshness as { maxAgeMs?: unknown; actions?: unknown } | null | undefined;
  if (
    freshness !== null &&
    (typeof freshness !== 'object' ||
      typeof freshness.maxAgeMs !== 'number' ||
      !Array.isArray(freshness.actions))
  )
    return '"freshness" is neither null nor { maxAgeMs, actions }';
  if (typeof record.admin !== 'boolean') return '"admin" is not a boolean';
  return {
    password: Object.fromEntries(CONFIRMABLE.map((a) => [a, password[a]])) as AdvertisedPolicy['password'],
    freshness:
      freshness === null
        ? null
        : { maxAgeMs: freshness.maxAgeMs as number, actions: freshness.actions as string[] },
    admin: record.admin,
  };
}
