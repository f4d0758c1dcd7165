// Declared here, not through @types/node: the library build has no Node types, and hosts' bundlers
// replace the literal `process.env.NODE_ENV`, which is why it is spelled out below.
declare const process: { env: { NODE_ENV?: string } };

/** True in development builds, where the kit prints warnings. Quiet when the environment cannot say. */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}
