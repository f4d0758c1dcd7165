import type { SessionsPart } from '../../registry/classNames.js';

/**
 * The admin console's own parts, styled like the kit's (`pk-<part>`, plus `classNames`). Closed on
 * purpose, like `SESSIONS_PARTS`: a typo is a type error.
 */
export const ADMIN_PARTS = [
  'stats',
  'stat',
  'toolbar',
  'grid',
  'gridHeader',
  'gridRow',
  'gridCell',
  'detailsList',
  'activity',
  'chart',
] as const;

export type AdminPart = (typeof ADMIN_PARTS)[number];

/** Extra classes per part of the console: its own parts and the kit's it shares (buttons, dialogs…). */
export type AdminClassNames = Partial<Record<AdminPart | SessionsPart, string>>;
