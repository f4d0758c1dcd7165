// Intl.DateTimeFormat is costly to build and rows are many: one formatter per locale, built on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "November 22, 2026 at 4:00 PM" in the given locale (a date-fns locale code, e.g. 'de'). */
export function formatExactTime(date: Date, localeCode = 'en-US'): string {
  let formatter = formatters.get(localeCode);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(localeCode, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    formatters.set(localeCode, formatter);
  }
  return formatter.format(date);
}
