/**
 * Keeps a typed password out of TanStack Query's mutation cache, which holds every mutation's variables
 * for `gcTime`. The cache sees only an empty, frozen handle; the password lives in a WeakMap until the
 * provider call takes it, once.
 */
export type SealedPassword = Readonly<{ readonly sealed: true }>;

const passwords = new WeakMap<SealedPassword, string>();

export function sealPassword(password: string | undefined): SealedPassword | undefined {
  if (password === undefined) return undefined;
  const handle: SealedPassword = Object.freeze({ sealed: true } as const);
  passwords.set(handle, password);
  return handle;
}

/** Returns the password once and forgets it. */
export function takePassword(handle: SealedPassword | undefined): string | undefined {
  if (!handle) return undefined;
  const password = passwords.get(handle);
  passwords.delete(handle);
  return password;
}
