import type { Locale } from 'date-fns';
import { createContext, useContext } from 'react';
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

export const AdminUIContext = createContext<AdminUIContextValue | null>(null);
AdminUIContext.displayName = 'AdminUIContext';

/** Reads the console's UI context for one of its parts; throws with its name outside `AdminSessionsProvider`. */
export function useAdminUIContext(consumerName: string): AdminUIContextValue {
  const value = useContext(AdminUIContext);
  if (!value) throw new Error(`\`${consumerName}\` must be used within \`AdminSessionsProvider\`.`);
  return value;
}

/**
 * The console's components, classes, texts, locale and direction, for a host's own part or override
 * (style it with `partClass(ui, 'gridCell')`). Throws outside `AdminSessionsProvider`.
 */
export function useAdminUI(): AdminUIContextValue {
  return useAdminUIContext('useAdminUI');
}
