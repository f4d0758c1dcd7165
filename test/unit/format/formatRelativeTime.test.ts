import { formatDistanceStrict } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from '../../../src/format/formatRelativeTime.js';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

describe('formatRelativeTime', () => {
  it('words any distance, past or future, as date-fns formatDistanceStrict does in English', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3 * 365 * 86_400_000, max: 3 * 365 * 86_400_000 }), (offset) => {
        const date = new Date(NOW + offset);
        expect(formatRelativeTime(date, NOW)).toBe(formatDistanceStrict(date, NOW, { addSuffix: true }));
      }),
      { numRuns: 2_000 },
    );
  });

  it('speaks the locale it is given, with its plurals', () => {
    expect(formatRelativeTime(new Date(NOW - 3 * 86_400_000), NOW, 'de')).toBe('vor 3 Tagen');
    expect(formatRelativeTime(new Date(NOW - 60_000), NOW, 'fr')).toBe('il y a 1 minute');
    expect(formatRelativeTime(new Date(NOW + 2 * 3_600_000), NOW, 'es')).toBe('dentro de 2 horas');
  });

  it('gives an empty text for an invalid date instead of throwing', () => {
    expect(formatRelativeTime(new Date(Number.NaN), NOW)).toBe('');
  });
});
