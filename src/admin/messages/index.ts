import { adminArMessages } from './ar.js';
import { adminDeMessages } from './de.js';
import { adminEnMessages } from './en.js';
import { adminEsMessages } from './es.js';
import { adminFrMessages } from './fr.js';

export { adminArMessages, adminDeMessages, adminEnMessages, adminEsMessages, adminFrMessages };

/**
 * The admin console in every shipped language, by language tag: each the kit's texts plus the console's
 * own under `admin`, complete (a test fails on a missing key).
 */
export const shippedAdminLocales = {
  en: adminEnMessages,
  de: adminDeMessages,
  fr: adminFrMessages,
  es: adminEsMessages,
  ar: adminArMessages,
} as const;
