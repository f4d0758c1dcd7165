import { formatRelativeTime } from './formatRelativeTime.js';

// Under a minute a session reads as active now, never "0 seconds ago": both halves, one threshold.
const ACTIVE_NOW_MS = 60_000;

/**
 * A session's last activity as both halves word it: `null` while it is active now (under a minute ago;
 * the caller says "Active now" in its language), else the relative time ("5 minutes ago").
 */
export function activityTime(date: Date, now: number, localeCode?: string): string | null {
  return now - date.getTime() < ACTIVE_NOW_MS ? null : formatRelativeTime(date, now, localeCode);
}
