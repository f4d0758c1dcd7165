import { arActivityMessages } from './ar.js';
import { deActivityMessages } from './de.js';
import { enActivityMessages } from './en.js';
import { esActivityMessages } from './es.js';
import { frActivityMessages } from './fr.js';
import type { ActivityMessages } from './types.js';

export { arActivityMessages, deActivityMessages, enActivityMessages, esActivityMessages, frActivityMessages };

/** The activity texts for a language tag ('de', 'ar-SA'): its language's, else English. */
export function activityMessagesFor(tag: string | undefined): ActivityMessages {
  const language = tag?.toLowerCase().split('-')[0];
  switch (language) {
    case 'de':
      return deActivityMessages;
    case 'fr':
      return frActivityMessages;
    case 'es':
      return esActivityMessages;
    case 'ar':
      return arActivityMessages;
    default:
      return enActivityMessages;
  }
}
