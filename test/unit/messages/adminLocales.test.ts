import { describe, expect, it } from 'vitest';
import { adminEnMessages, shippedAdminLocales } from '../../../src/admin/messages/index.js';
import type { AdminMessages } from '../../../src/admin/messages/types.js';
import { shippedLocales } from '../../../src/messages/index.js';
import { completeness } from '../../helpers/completeness.js';

const counts = [0, 1, 2, 3, 5, 11, 21, 100, 12_345];
function allTexts(messages: AdminMessages): string[] {
  const texts = Object.values(messages).filter((value): value is string => typeof value === 'string');
  for (const n of counts) texts.push(messages.total(n), messages.userSessionsRevoked(n));
  texts.push(messages.detailsTitle('ana@example.com'), messages.confirmRevokeUserTitle('ana@example.com'));
  return texts;
}

describe.each(Object.entries(shippedAdminLocales))('the %s admin console', (locale, messages) => {
  it("has every key English has, of the same kind, and no other (its own texts and the kit's)", () => {
    expect(completeness(messages as never, adminEnMessages as never)).toEqual([]);
  });

  it("shows the kit's texts of the same language for its shared parts", () => {
    const { admin: _admin, ...shared } = messages;
    expect(shared).toEqual(shippedLocales[locale as keyof typeof shippedLocales]);
  });

  it('gives a non-empty text for every key and argument', () => {
    for (const text of allTexts(messages.admin)) expect(text.trim()).not.toBe('');
  });

  it('puts the count in count texts, formatted for the language', () => {
    const format = new Intl.NumberFormat(locale).format;
    for (const n of [5, 21, 12_345]) {
      expect(messages.admin.total(n)).toContain(format(n));
      expect(messages.admin.userSessionsRevoked(n)).toContain(format(n));
    }
  });
});

const translations = Object.entries(shippedAdminLocales).filter(([locale]) => locale !== 'en');
it.each(translations)('the %s admin texts are translated, not English copies', (_locale, messages) => {
  // Fixed texts only: "5 sessions" is French as much as English.
  const fixed = (m: AdminMessages) => Object.values(m).filter((v) => typeof v === 'string');
  const english = fixed(adminEnMessages.admin);
  const same = fixed(messages.admin).filter((text, i) => text === english[i]);
  // Words the languages share: "Status", "Token", "Application"…
  expect(same.length).toBeLessThan(5);
});

it('the Arabic console uses all six plural forms for a count of sessions', () => {
  const { admin } = shippedAdminLocales.ar;
  expect(admin.tableLabel).toMatch(/[\u0600-\u06FF]/);
  expect(new Set([0, 1, 2, 3, 11, 100].map((n) => admin.total(n))).size).toBe(6);
});

it('the checker reports an admin key a translation lacks', () => {
  const { tableLabel: _dropped, ...admin } = shippedAdminLocales.fr.admin;
  expect(completeness({ ...shippedAdminLocales.fr, admin } as never, adminEnMessages as never)).toEqual([
    'admin.missing tableLabel',
  ]);
});
