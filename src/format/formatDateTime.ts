// Intl.DateTimeFormat is costly to build and rows are many: one formatter per locale and style, built on
// first use and kept.
const STYLES = {
  /** "November 22, 2026 at 4:00 PM": the exact time behind a relative one. */
  exact: { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  /** "Nov 22, 4:00 PM": when a session signed in, told apart from another of the same name. */
  dayTime: { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  /** "Nov 22, 4:00:12 PM": the same, where another of that name signed in within the same minute. */
  dayTimeSeconds: { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' },
  /** "Nov 22, 2026": a date in a table cell. */
  date: { dateStyle: 'medium' },
  /** "Nov 22, 2026, 4:00 PM": a date and time in a details panel. */
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateTimeStyle = keyof typeof STYLES;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats a date in the given locale (a date-fns locale code, e.g. 'de'; US English by default), in the
 * runtime's time zone or in `timeZone` (then named: "… 4:00 PM UTC").
 */
export function formatDateTime(
  date: Date,
  style: DateTimeStyle,
  localeCode = 'en-US',
  timeZone?: string,
): string {
  const key = `${style}|${localeCode}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(
      localeCode,
      timeZone ? { ...STYLES[style], timeZone, timeZoneName: 'short' } : STYLES[style],
    );
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}
