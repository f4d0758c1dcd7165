'use client';

import type { ReactNode } from 'react';
import { ListNowContext, useListClock } from './useNow.js';

/**
 * Gives a list's rows one clock: one subscription for the whole list, and on each tick only this and the
 * relative times below it render again (its children are the list's own elements, unchanged).
 */
export function ListClock({ renderedAt, children }: { renderedAt: number | undefined; children: ReactNode }) {
  const now = useListClock(renderedAt);
  return <ListNowContext.Provider value={now}>{children}</ListNowContext.Provider>;
}
