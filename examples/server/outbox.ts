import { randomBytes } from 'node:crypto';
import { type HistoryOptions, newDeviceMessage } from 'profilekit/server';
import type { Users } from './users';

/** A mail the demo would have sent: kept in memory and shown on the outbox page instead. */
export interface OutboxMessage {
  id: string;
  userId: string;
  to: string;
  at: number;
  subject: string;
  text: string;
  html: string;
  notMeUrl: string | null;
}

/**
 * The demo's mail: a sign-in from a new device "mails" its owner (the outbox page shows it) with a link
 * that signs that device out. The link's key is the environment's NOT_ME_SECRET, else one made per
 * process (links then stop working on a restart). Both demo hosts (Hono, Express with express-session)
 * keep their outbox here.
 */
export function createOutbox({ users, now }: { users: Users; now: () => number }) {
  const messages: OutboxMessage[] = [];
  return {
    /** The manager's history options for a host reached at `origin`. */
    history: (origin: string): HistoryOptions => ({
      notMe: {
        secret: process.env.NOT_ME_SECRET ?? randomBytes(32).toString('hex'),
        url: `${origin}/api/sessions/not-me`,
        landingUrl: `${origin}/not-me`,
      },
      onNewDevice: (alert) => {
        const user = users.byId(alert.userId);
        if (!user) return;
        const mail = newDeviceMessage(alert, { appName: 'Acme', userName: user.name ?? undefined });
        messages.unshift({
          id: randomBytes(8).toString('hex'),
          userId: user.id,
          to: user.email,
          at: now(),
          notMeUrl: alert.notMeUrl,
          ...mail,
        });
        messages.splice(100);
      },
    }),
    /** A user's mails, newest first. */
    of: (userId: string) => messages.filter((message) => message.userId === userId),
  };
}
