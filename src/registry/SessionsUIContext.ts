'use client';

import type { Locale } from 'date-fns';
import { createContext, useContext } from 'react';
import type { AdminComponents } from '../admin/defaultAdminComponents.js';
import type { SessionsMessages } from '../messages/types.js';
import { cx, type SessionsClassNames, type SessionsPart } from './classNames.js';
import type { SessionsComponents } from './defaultComponents.js';

export interface SessionsUIContextValue {
  components: SessionsComponents & Partial<AdminComponents>;
  classNames: SessionsClassNames;
  messages: SessionsMessages;
  /** date-fns locale for relative times; undefined means English. */
  locale?: Locale;
  dir?: 'ltr' | 'rtl';
  unstyled: boolean;
  /** Says something through the live region. */
  announce: (message: string) => void;
  /** The data scope whose live region this context speaks through. */
  dataScope?: string;
}

export const SessionsUIContext = createContext<SessionsUIContextValue | null>(null);
SessionsUIContext.displayName = 'SessionsUIContext';

/** Reads the UI context; throws with the consumer's name outside `SessionsProvider`. */
export function useSessionsUI(consumerName: string): SessionsUIContextValue {
  const value = useContext(SessionsUIContext);
  if (!value) throw new Error(`\`${consumerName}\` must be used within \`SessionsProvider\`.`);
  return value;
}

/** The class of one part: `pk-<part>` unless unstyled, plus the host's classNames and any extra. */
export function partClass(
  ui: Pick<SessionsUIContextValue, 'classNames' | 'unstyled'>,
  part: SessionsPart,
  ...extra: (string | undefined)[]
) {
  return cx(ui.unstyled ? undefined : `pk-${part}`, ui.classNames[part], ...extra);
}
