/**
 * A wait in seconds (a `Retry-After`) as the unit a person reads it in: seconds under a minute, else
 * minutes, else hours, rounded up (a shorter wait than said would be refused again). "896 seconds" is
 * "15 minutes". Each locale's texts word the count and unit.
 */
export function durationOf(seconds: number): [count: number, unit: 'second' | 'minute' | 'hour'] {
  if (seconds < 60) return [seconds, 'second'];
  if (seconds < 3600) return [Math.ceil(seconds / 60), 'minute'];
  return [Math.ceil(seconds / 3600), 'hour'];
}

/** The wait in the locale's words, by the platform's unit names ("15 minutes", "15 Minuten"). */
export function formatDuration(seconds: number, locale: string): string {
  const [count, unit] = durationOf(seconds);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(count);
}
