// date-fns' formatDistanceStrict steps (its units and where each begins), worded by the platform's
// Intl.RelativeTimeFormat: the words, plurals and grammar of every locale come with the browser, where
// formatDistanceStrict would bring date-fns' English locale (2.3 kB gzip) into every host's bundle.
// Sizes in milliseconds; a step is used from one of itself up.
const STEPS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

// Building a formatter costs far more than formatting, and rows are many: one per locale, kept.
const formatters = new Map<string, Intl.RelativeTimeFormat>();

/**
 * "5 minutes ago", "in 2 hours", "vor 3 Tagen": the distance from `now` to `date` in the given locale (a
 * date-fns locale code or any BCP 47 tag; US English by default), in the largest unit that fits, rounded —
 * the wording date-fns' `formatDistanceStrict(date, now, { addSuffix: true })` gives in English (but for
 * the hour a daylight-saving change adds to a distance of days, which this does not take away).
 */
export function formatRelativeTime(date: Date, now: number, localeCode = 'en-US'): string {
  const distance = date.getTime() - now;
  if (!Number.isFinite(distance)) return '';
  let [unit, size] = STEPS.find(([, step]) => Math.abs(distance) >= step) ?? ['second', 1_000];
  // Rounded as a distance, then signed: a moment ago (or this very moment) reads "ago", as in date-fns.
  let count = Math.round(Math.abs(distance) / size);
  // Twelve months round up to a year (date-fns' one carry between units).
  if (unit === 'month' && count === 12) [unit, count] = ['year', 1];
  let formatter = formatters.get(localeCode);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(localeCode, { numeric: 'always' });
    formatters.set(localeCode, formatter);
  }
  return formatter.format(distance > 0 ? count : -count, unit);
}
