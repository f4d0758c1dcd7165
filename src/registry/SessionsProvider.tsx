'use client';

import type { Locale } from 'date-fns';
import { type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { SessionsDataContext } from '../data/SessionsDataContext.js';
import { type SessionsDataOptions, useSessionsDataValue } from '../data/useSessionsDataValue.js';
import { announcementOf } from '../format/announcement.js';
import { useContentStable } from '../internal/useContentStable.js';
import { enMessages } from '../messages/en.js';
import type { SessionsMessagesOverride } from '../messages/types.js';
import { mergeClassNames, type SessionsClassNames } from './classNames.js';
import {
  defaultComponents,
  type SessionsComponentOverrides,
  type SessionsComponents,
} from './defaultComponents.js';
import { mergeMessages } from './mergeMessages.js';
import { SessionsUIContext, type SessionsUIContextValue } from './SessionsUIContext.js';

export interface SessionsProviderProps extends Partial<SessionsDataOptions> {
  /**
   * Replace any component; each override takes the props of the default it replaces. Compared by
   * content, so an inline object renders nothing again (hoist the components themselves).
   */
  components?: SessionsComponentOverrides;
  /** Extra classes per part (`pk-<part>` stays unless `unstyled`). Compared by content. */
  classNames?: SessionsClassNames;
  /** Change any text; `errors` merge per code. Compared by content. @default English */
  messages?: SessionsMessagesOverride;
  /** The app's language for relative and exact times: a date-fns locale (its `code` is used). @default en-US */
  locale?: Locale;
  /** Text direction of the kit's elements (dialogs are portalled, so they need it too). @default inherited */
  dir?: 'ltr' | 'rtl';
  /**
   * Drop the kit's `pk-*` classes so `profilekit/styles.css` styles nothing; your `classNames` stay.
   * @default false
   */
  unstyled?: boolean;
  children?: ReactNode;
}

function DataScope({ children, ...options }: SessionsDataOptions & { children?: ReactNode }) {
  const value = useSessionsDataValue(options);
  return <SessionsDataContext.Provider value={value}>{children}</SessionsDataContext.Provider>;
}

/**
 * Connects everything below it to a backend and sets its components, classes, texts and locale. The
 * outermost provider needs a `dataProvider`; a nested one without it shares its parent's backend and
 * cache and merges its own components, classes and texts over the parent's.
 */
export function SessionsProvider({ children, ...props }: SessionsProviderProps) {
  const parentData = useContext(SessionsDataContext);
  const { dataProvider } = props;
  if (!dataProvider && !parentData)
    throw new Error('The outermost `SessionsProvider` needs a `dataProvider`.');
  // Each scope reads its own props and leaves the other's.
  const content = <UIScope {...props}>{children}</UIScope>;
  if (!dataProvider) return content;
  return (
    <DataScope {...props} dataProvider={dataProvider}>
      {content}
    </DataScope>
  );
}

type UIProps = Pick<
  SessionsProviderProps,
  'components' | 'classNames' | 'messages' | 'locale' | 'dir' | 'unstyled'
>;

function UIScope({ children, locale, dir, unstyled, ...maps }: UIProps & { children?: ReactNode }) {
  // Hosts pass these inline; by content, a new object with the same entries is the same value.
  const components = useContentStable(maps.components);
  const classNames = useContentStable(maps.classNames);
  const messages = useContentStable(maps.messages);
  const parent = useContext(SessionsUIContext);
  const data = useContext(SessionsDataContext);
  // Only the provider that owns the data scope speaks; nested ones share its live region.
  const ownsAnnouncer = !parent || parent.dataScope !== data?.scope;
  const [announcement, setAnnouncement] = useState<{ message: string; id: number } | null>(null);
  const ownAnnounce = useCallback(
    (message: string) => setAnnouncement((previous) => ({ message, id: (previous?.id ?? 0) + 1 })),
    [],
  );
  const announce = ownsAnnouncer || !parent ? ownAnnounce : parent.announce;

  const value = useMemo<SessionsUIContextValue>(
    () => ({
      components: { ...(parent?.components ?? defaultComponents), ...components } as SessionsComponents,
      classNames: mergeClassNames(parent?.classNames ?? {}, classNames),
      messages: mergeMessages(parent?.messages ?? enMessages, messages),
      locale: locale ?? parent?.locale,
      dir: dir ?? parent?.dir,
      unstyled: unstyled ?? parent?.unstyled ?? false,
      announce,
      dataScope: data?.scope,
    }),
    [parent, components, classNames, messages, locale, dir, unstyled, announce, data?.scope],
  );
  // What the user's actions did, as the data layer tells it: heard even when the row that started it has
  // left. Texts in force at the time of the event.
  const latestMessages = useRef(value.messages);
  latestMessages.current = value.messages;
  const events = ownsAnnouncer ? data?.events : undefined;
  useEffect(
    () =>
      events?.subscribe((event) => {
        const text = announcementOf(event, latestMessages.current);
        if (text) ownAnnounce(text);
      }),
    [events, ownAnnounce],
  );
  const { SessionsAnnouncer } = value.components;
  return (
    <SessionsUIContext.Provider value={value}>
      {children}
      {ownsAnnouncer && data && <SessionsAnnouncer announcement={announcement} />}
    </SessionsUIContext.Provider>
  );
}
