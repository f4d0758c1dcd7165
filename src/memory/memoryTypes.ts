import type { ConfirmableAction, PasswordRequirement } from '../contract/policy.js';
import type { DateInput, SessionDevice, SessionLocation } from '../contract/wire.js';
import type { SessionsErrorCode } from '../provider/SessionsError.js';

export interface MemoryUserInput {
  id?: string;
  email: string;
  name?: string;
  password: string;
  role?: 'user' | 'admin';
}

export interface MemorySessionInput {
  id?: string;
  /** The owner, by id or email. */
  user: string;
  userAgent?: string;
  ipAddress?: string;
  device?: SessionDevice;
  location?: SessionLocation;
  trusted?: boolean;
  applicationId?: string;
  /** Its sign-in is logged as from a new device (the activity then offers "This wasn't me?"). @default false */
  newDevice?: boolean;
  createdAt?: DateInput;
  lastActiveAt?: DateInput;
  expiresAt?: DateInput;
}

export interface MemoryBackendOptions {
  users?: MemoryUserInput[];
  sessions?: MemorySessionInput[];
  /**
   * Delay of every call in ms, fixed or a random value in `[min, max]` (drawn from `random`).
   * @default 0
   */
  latency?: number | { min: number; max: number };
  /**
   * Where random latencies come from: a seeded generator makes a run repeatable.
   * @default Math.random
   */
  random?: () => number;
  /**
   * The server's password requirements (the handler's option; the kit reads them from its policy).
   * @default every action 'none'
   */
  passwordRequirements?: Partial<Record<ConfirmableAction, PasswordRequirement>>;
  /**
   * Wrong passwords one session may send before RATE_LIMITED (the handler's per-session limit).
   * @default 5
   */
  maxPasswordAttempts?: number;
  /**
   * The window those wrong passwords are counted in, in seconds (sliding).
   * @default 60
   */
  rateLimitSeconds?: number;
  /**
   * Lifetime of a new session, in ms.
   * @default 30 days
   */
  sessionLifetimeMs?: number;
  /** @default Date.now */
  now?: () => number;
}

/** A refused sign-in to seed the log with (`addFailedSignIn`). */
export interface MemoryFailedSignInInput {
  /** The identifier tried; when a user has it, the attempt is in that user's activity. */
  email: string;
  userAgent?: string;
  ipAddress?: string;
  device?: SessionDevice;
  location?: SessionLocation;
  /** @default now */
  at?: DateInput;
}

/** A failure to inject: a code, or a code with a retry-after and a message. */
export type MemoryFault =
  | SessionsErrorCode
  | { code: SessionsErrorCode; retryAfter?: number; message?: string };

export interface MemorySignInInput {
  email: string;
  password: string;
  userAgent?: string;
  ipAddress?: string;
  device?: SessionDevice;
  location?: SessionLocation;
  applicationId?: string;
  trusted?: boolean;
}

export interface MemoryUser {
  id: string;
  email: string;
  name?: string;
  role: 'user' | 'admin';
}

/** One session as the server stores it (never its token). */
export interface MemorySession {
  id: string;
  userId: string;
  userAgent?: string;
  ipAddress?: string;
  device?: SessionDevice;
  location?: SessionLocation;
  trusted: boolean;
  applicationId?: string;
  createdAt: number;
  lastActiveAt: number;
  expiresAt: number;
}
