import type { Locale } from 'date-fns';
import { createRequiredContext } from '../../internal/createRequiredContext.js';
import type { SessionsComponents } from '../../registry/defaultComponents.js';
import type { AdminSessionsMessages } from '../messages/types.js';
import type { AdminClassNames } from './adminClassNames.js';
import type { AdminComponents } from './defaultAdminComponents.js';

/** The console's components, classes and texts, with the kit's it shares, locale and direction. */
export interface AdminUIContextValue {
  components: AdminComponents & SessionsComponents;
  classNames: AdminClassNames;
  messages: AdminSessionsMessages;
  locale?: Locale;
  dir?: 'ltr' | 'rtl';
  unstyled: boolean;
}

/** The console's UI context, and its reader that throws with the consumer's name outside the provider. */
export const [AdminUIContext, useAdminUIContext] = createRequiredContext<AdminUIContextValue>(
  'AdminUIContext',
  'AdminSessionsProvider',
);

/**
 * The console's components, classes, texts, locale and direction, for a host's own part or override
 * (style it with `partClass(ui, 'gridCell')`). Throws outside `AdminSessionsProvider`.
 */
export function useAdminUI(): AdminUIContextValue {
  return useAdminUIContext('useAdminUI');
}
