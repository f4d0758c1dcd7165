// What the docs' code blocks take from the host app around them: its users, its app, its pages. Only the
// host's own things are here; everything profilekit is imported by the blocks themselves, so a block whose
// call does not match the library's real signature fails to compile.
import type { Adapter } from '@auth/core/adapters';
import type { Hono } from 'hono';
import type { SessionManager, SessionStore } from 'profilekit/server';

declare global {
  interface HostUser {
    id: string;
    email: string;
    name: string | null;
  }
  const users: {
    checkPassword(userId: string, password: string): Promise<boolean>;
    checkCredentials(input: unknown): Promise<HostUser | null>;
    checkCredentials(email: string, password: string): Promise<HostUser | null>;
    isAdmin(userId: string): boolean;
    describe(ids: readonly string[]): Map<string, { email: string; name: string | null }>;
    search(text: string): string[];
  };
  const app: Hono;
  /** The host's Auth.js adapter (Prisma's, Drizzle's, …): its users, accounts and sign-in links. */
  const adapter: Adapter;
  const store: SessionStore;
  const manager: SessionManager;
  const sessions: (request: Request) => Promise<Response>;
  const isAdmin: (userId: string) => boolean;
  const describeUsers: (ids: readonly string[]) => Map<string, { email: string; name: string | null }>;
  const searchUsers: (text: string) => string[];
  const freshForRevokeUserMs: number;
  function createRedisSessionStore(client: unknown): SessionStore;
  function freshClient(): unknown;
  const baseUrl: string;
  const c1: string, c2: string, c3: string, c4: string, c5: string;
  const adminCookie: string;
  const password: string;
}
