'use client';

import { type ReactNode, useMemo } from 'react';
import { useContentStable } from '../internal/useContentStable.js';
import type { SessionsComponentOverrides } from './defaultComponents.js';
import { SessionsUIContext, useSessionsUIContext } from './SessionsUIContext.js';

/**
 * One-off replacements for one subtree (a component's own `components` prop), merged over the provider's.
 * Compared by content, so an inline object costs no render.
 */
export function ComponentsScope({
  components,
  consumerName,
  children,
}: {
  components: SessionsComponentOverrides;
  consumerName: string;
  children: ReactNode;
}) {
  const parent = useSessionsUIContext(consumerName);
  const own = useContentStable(components);
  const value = useMemo(
    () => ({ ...parent, components: { ...parent.components, ...own } as typeof parent.components }),
    [parent, own],
  );
  return <SessionsUIContext.Provider value={value}>{children}</SessionsUIContext.Provider>;
}
