'use client';

import { type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { createEmitter } from '../../internal/createEmitter.js';
import { useContentStable } from '../../internal/useContentStable.js';
import type { SessionsDataProvider } from '../../provider/types.js';
import type { SessionsClassNames } from '../../registry/classNames.js';
import type { SessionsComponentOverrides } from '../../registry/defaultComponents.js';
import { SessionsProvider, type SessionsProviderProps } from '../../registry/SessionsProvider.js';
import { useSessionsUIContext } from '../../registry/SessionsUIContext.js';
import { AdminDataContext, type AdminDataContextValue } from '../data/AdminDataContext.js';
import type { AdminSessionsEvent } from '../data/adminEvents.js';
import { adminAnnouncementOf } from '../format/adminAnnouncement.js';
import { adminEnMessages } from '../messages/en.js';
import type { AdminMessages, AdminSessionsMessagesOverride } from '../messages/types.js';
import { getAdminCapabilities } from '../provider/getAdminCapabilities.js';
import type { AdminSessionsDataProvider } from '../provider/types.js';
import { AdminUIContext, type AdminUIContextValue } from './AdminUIContext.js';
import type { AdminClassNames } from './adminClassNames.js';
import {
  type AdminComponentOverrides,
  type AdminComponents,
  defaultAdminComponents,
} from './defaultAdminComponents.js';

export interface AdminSessionsProviderProps
  extends Omit<SessionsProviderProps, 'dataProvider' | 'components' | 'classNames' | 'messages'> {
  /** The admin backend. The outermost provider needs one; a nested one shares its parent's. */
  dataProvider?: AdminSessionsDataProvider;
  /** Replace any of the console's components, or the kit's it shares (the confirmation dialog…). */
  components?: AdminComponentOverrides;
  /** Extra classes per part, the console's own and the kit's. */
  classNames?: AdminClassNames;
  /**
   * Change any text: the kit's (device names, dialog, errors) and, under `admin`, the console's own; or
   * pass a shipped language whole (`adminDeMessages`). Compared by content. @default English
   */
  messages?: AdminSessionsMessagesOverride;
}

const ADMIN_NAMES = new Set(Object.keys(defaultAdminComponents));

/** Splits one `components` map into the console's entries and the kit's. */
function splitComponents(components: AdminComponentOverrides | undefined) {
  const admin: Partial<AdminComponents> = {};
  const sessions: SessionsComponentOverrides = {};
  for (const [name, component] of Object.entries(components ?? {})) {
    (ADMIN_NAMES.has(name) ? admin : sessions)[name as never] = component as never;
  }
  return { admin, sessions };
}

/**
 * The admin console's provider, by the user half's rules: a typed admin `dataProvider` and what it can
 * do, a `components` registry typed from the defaults, `classNames` by part, `messages` in any shipped
 * language, the same cache, callbacks (`onSignedOut`, `onError`), locale, direction and live region as
 * `SessionsProvider`, which it renders. Nested providers merge.
 */
export function AdminSessionsProvider({
  children,
  dataProvider,
  components,
  classNames,
  messages,
  ...rest
}: AdminSessionsProviderProps) {
  const parentData = useContext(AdminDataContext);
  if (!dataProvider && !parentData)
    throw new Error('The outermost `AdminSessionsProvider` needs a `dataProvider`.');
  const parts = splitComponents(components);
  const { admin: adminTexts, ...sessionsTexts } = messages ?? {};
  return (
    <SessionsProvider
      // The console has no user-side methods: the kit's data scope (cache, scope, how to tell the host)
      // is keyed on the admin provider, and nothing of the user half runs for it.
      dataProvider={dataProvider as unknown as SessionsDataProvider | undefined}
      components={parts.sessions}
      // Every part's classes, the console's too: the kit's UI scope merges them over its parent's.
      classNames={classNames as SessionsClassNames | undefined}
      messages={sessionsTexts}
      {...rest}
      // The user half's live list machinery is not the console's: no stream, no poll, no tab messages.
      live={false}
      pollIntervalMs={false}
      crossTabSync={false}
    >
      <AdminScope dataProvider={dataProvider} components={parts.admin} texts={adminTexts}>
        {children}
      </AdminScope>
    </SessionsProvider>
  );
}

function AdminScope({
  children,
  dataProvider,
  ...maps
}: {
  children?: ReactNode;
  dataProvider?: AdminSessionsDataProvider;
  components: Partial<AdminComponents>;
  texts?: Partial<AdminMessages>;
}) {
  const parentData = useContext(AdminDataContext);
  const parentUI = useContext(AdminUIContext);
  const ui = useSessionsUIContext('AdminSessionsProvider');
  const components = useContentStable(maps.components);
  const texts = useContentStable(maps.texts);

  const [events] = useState(createEmitter<AdminSessionsEvent>);
  const ownData = useMemo<AdminDataContextValue | null>(
    () => (dataProvider ? { dataProvider, capabilities: getAdminCapabilities(dataProvider), events } : null),
    [dataProvider, events],
  );
  const data = ownData ?? (parentData as AdminDataContextValue);

  const value = useMemo<AdminUIContextValue>(
    () => ({
      components: {
        ...ui.components,
        ...(parentUI?.components ?? defaultAdminComponents),
        ...components,
      },
      // Already merged, the console's parts included, by the SessionsProvider around this scope.
      classNames: ui.classNames as AdminClassNames,
      messages: {
        ...ui.messages,
        admin: { ...(parentUI?.messages.admin ?? adminEnMessages.admin), ...texts },
      },
      locale: ui.locale,
      dir: ui.dir,
      unstyled: ui.unstyled,
    }),
    [ui, parentUI, components, texts],
  );

  // The provider that owns the admin data announces what its admin did, through the kit's live region.
  const latest = useRef(value.messages.admin);
  latest.current = value.messages.admin;
  const { announce } = ui;
  useEffect(
    () => ownData?.events.subscribe((event) => announce(adminAnnouncementOf(event, latest.current))),
    [ownData, announce],
  );

  return (
    <AdminDataContext.Provider value={data}>
      <AdminUIContext.Provider value={value}>{children}</AdminUIContext.Provider>
    </AdminDataContext.Provider>
  );
}
