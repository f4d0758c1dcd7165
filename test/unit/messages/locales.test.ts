import { describe, expect, it } from 'vitest';
import { enMessages, shippedLocales } from '../../../src/messages/index.js';
import type { SessionsMessages } from '../../../src/messages/types.js';
import { completeness } from '../../helpers/completeness.js';

const counts = [0, 1, 2, 3, 5, 11, 21, 100];
function allTexts(messages: SessionsMessages): string[] {
  const texts: string[] = [];
  for (const value of Object.values(messages)) {
    if (typeof value === 'string') texts.push(value);
  }
  for (const n of counts) texts.push(messages.countHeading(n), messages.revokedCount(n));
  const device = messages.deviceName({ browser: 'Chrome', os: 'macOS' });
  texts.push(
    device,
    messages.lastActive('5 min'),
    messages.signedInAt('3 Dec, 14:05'),
    messages.ipAddress('192.0.2.1'),
    messages.location({ city: 'Lisbon', country: 'Portugal' }),
    messages.signOutSessionLabel(device),
    messages.numberedDevice(device, 2),
    messages.sessionRevoked(device),
    messages.sessionRevokeFailed(device, 'x'),
    messages.confirmRevokeSessionTitle(device),
    messages.confirmRevokeSessionDescription(device),
  );
  for (const error of Object.values(messages.errors)) {
    texts.push(error({}), error({ retryAfter: 1 }), error({ retryAfter: 30 }));
  }
  return texts;
}

describe.each(Object.entries(shippedLocales))('the %s texts', (locale, messages) => {
  it('have every key English has, of the same kind, and no other', () => {
    expect(completeness(messages as never, enMessages as never)).toEqual([]);
  });

  it('give a non-empty text for every key and argument', () => {
    for (const text of allTexts(messages)) expect(text.trim()).not.toBe('');
  });

  it('put the count in count texts, formatted for the language', () => {
    const format = new Intl.NumberFormat(locale).format;
    expect(messages.countHeading(5)).toContain(format(5));
    expect(messages.revokedCount(21)).toContain(format(21));
    expect(messages.errors.RATE_LIMITED({ retryAfter: 30 })).toContain(format(30));
  });

  it('say a long wait in minutes or hours, rounded up, never as hundreds of seconds', () => {
    const format = new Intl.NumberFormat(locale).format;
    const fifteenMinutes = messages.errors.RATE_LIMITED({ retryAfter: 896 });
    expect(fifteenMinutes).toContain(format(15));
    expect(fifteenMinutes).not.toContain(format(896));
    expect(messages.errors.RATE_LIMITED({ retryAfter: 121 })).toContain(format(3));
    expect(messages.errors.RATE_LIMITED({ retryAfter: 10_801 })).toContain(format(4));
    // Three units, three different words around the count.
    const words = (text: string) => text.replace(/[\p{N}]+/gu, '#');
    expect(
      new Set([30, 900, 7_200].map((s) => words(messages.errors.RATE_LIMITED({ retryAfter: s })))).size,
    ).toBe(3);
  });
});

const translations = Object.entries(shippedLocales).filter(([locale]) => locale !== 'en');
it.each(translations)('the %s texts are translated, not English copies', (_locale, messages) => {
  const english = allTexts(enMessages);
  const same = allTexts(messages).filter((text, i) => text === english[i]);
  expect(same.length).toBeLessThan(3);
});

it('the Arabic texts are Arabic and use all six plural forms', () => {
  const { arMessages } = { arMessages: shippedLocales.ar };
  expect(arMessages.thisDevice).toMatch(/[\u0600-\u06FF]/);
  const forms = new Set([0, 1, 2, 3, 11, 100].map((n) => arMessages.countHeading(n)));
  expect(forms.size).toBe(6);
  expect(arMessages.countHeading(2)).toContain('جهازين');
});

it('words the wait in English as a person would', () => {
  const wait = (retryAfter: number) => enMessages.errors.RATE_LIMITED({ retryAfter });
  expect(wait(1)).toBe('Too many attempts. Try again in 1 second.');
  expect(wait(30)).toBe('Too many attempts. Try again in 30 seconds.');
  expect(wait(896)).toBe('Too many attempts. Try again in 15 minutes.');
  expect(wait(3_600)).toBe('Too many attempts. Try again in 1 hour.');
});

it('the checker reports a key a translation lacks', () => {
  const { retry: _dropped, ...incomplete } = shippedLocales.de;
  const { NETWORK: _network, ...errors } = shippedLocales.de.errors;
  expect(completeness({ ...incomplete, errors } as never, enMessages as never)).toEqual([
    'missing retry',
    'errors.missing NETWORK',
  ]);
});
