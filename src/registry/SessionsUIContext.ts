'use client';

import type { Locale } from 'date-fns';
import { createRequiredContext } from '../internal/createRequiredContext.js';
import type { SessionsMessages } from '../messages/types.js';
import { cx, type SessionsClassNames } from './classNames.js';
import type { SessionsComponents } from './defaultComponents.js';

export interface SessionsUIContextValue {
  components: SessionsComponents;
  classNames: SessionsClassNames;
  messages: SessionsMessages;
  /** The language of relative and exact times (a date-fns locale; its `code` is used); undefined means US English. */
  locale?: Locale;
  dir?: 'ltr' | 'rtl';
  unstyled: boolean;
  /** Says something through the live region of this data scope (the admin console's texts use it too). */
  announce: (message: string) => void;
  /** The data scope whose live region this context speaks through. */
  dataScope?: string;
}

/** The UI context, and its reader for the kit's parts that throws with their name outside the provider. */
export const [SessionsUIContext, useSessionsUIContext] = createRequiredContext<SessionsUIContextValue>(
  'SessionsUIContext',
  'SessionsProvider',
);

/**
 * The components, classes, texts, locale and direction in force, for a host's own component or override.
 * Throws outside `SessionsProvider`.
 *
 * @example
 * const ui = useSessionsUI();
 * <p className={partClass(ui, 'meta')}>{ui.messages.thisDevice}</p>
 */
export function useSessionsUI(): SessionsUIContextValue {
  return useSessionsUIContext('useSessionsUI');
}

/**
 * The class of one part: `pk-<part>` unless unstyled, plus the host's `classNames` for it and any extra,
 * so an override styles like the default it replaces.
 */
export function partClass<Part extends string>(
  ui: { classNames: Partial<Record<Part, string>>; unstyled: boolean },
  part: Part,
  ...extra: (string | undefined)[]
): string | undefined {
  return cx(ui.unstyled ? undefined : `pk-${part}`, ui.classNames[part], ...extra);
}
