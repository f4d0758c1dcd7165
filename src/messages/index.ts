import { arMessages } from './ar.js';
import { deMessages } from './de.js';
import { enMessages } from './en.js';
import { esMessages } from './es.js';
import { frMessages } from './fr.js';

export { arMessages, deMessages, enMessages, esMessages, frMessages };

/** Every shipped translation by language tag; each is complete (a test fails on a missing key). */
export const shippedLocales = {
  en: enMessages,
  de: deMessages,
  fr: frMessages,
  es: esMessages,
  ar: arMessages,
} as const;

/** Shipped languages written right to left: give the kit `dir="rtl"` with them. */
export const rtlLocales = ['ar'] as const;
