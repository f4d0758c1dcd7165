'use client';

import { createContext, useContext, useSyncExternalStore } from 'react';

// Relative times ("5 minutes ago") change by the minute; one shared timer serves every row on the page.
const TICK_MS = 30_000;
// A clock read this recently is as good as new for "5 minutes ago": no second render just to move it.
const STALE_MS = 10_000;

let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let readThisTask = false;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    // The render that subscribes read a fresh time (getSnapshot below): moving it now would render every
    // row a second time right after the first paint. Only a clock left standing (a hydration that used
    // the server's time, a render long ago) is moved, and React renders again with it.
    if (Date.now() - now > STALE_MS) now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * The time rows render against. While no timer runs (nothing mounted yet, or a while after the last row
 * left), the clock stood still: read it afresh, once per task, so every row of one render sees the same
 * instant and the mount commits once.
 */
function getSnapshot() {
  if (!timer && !readThisTask) {
    now = Date.now();
    readThisTask = true;
    queueMicrotask(() => {
      readThisTask = false;
    });
  }
  return now;
}

const subscribeNever = () => () => {};
const readNothing = () => 0;

/**
 * The time a list's rows render against, from the list's one subscription to the clock (a thousand rows
 * keep no thousand subscriptions): provided by `ListClock` around a list's rows.
 */
export const ListNowContext = createContext<number | undefined>(undefined);

/**
 * The clock for a list, read once for all its rows. `renderedAt` is when the rows on screen were fetched
 * (SessionList passes the query's `dataUpdatedAt`): the server renders relative times against it and the
 * browser hydrates against the same instant — it came along in the dehydrated cache — so "5 minutes ago"
 * reads the same on both, whatever either clock says; the browser's own clock takes over right after.
 */
export function useListClock(renderedAt: number | undefined): number {
  return useSyncExternalStore(subscribe, getSnapshot, () => renderedAt ?? now);
}

/**
 * The current time, refreshed every 30 s for everything that shows a relative time: inside a list, the
 * list's clock; elsewhere, this reader's own subscription.
 */
export function useNow(): number {
  const listNow = useContext(ListNowContext);
  // In a list this reader neither subscribes nor reads the clock: a read of its own after the list's
  // first paint would see a fresh time and render every row a second time.
  const inList = listNow !== undefined;
  const own = useSyncExternalStore(
    inList ? subscribeNever : subscribe,
    inList ? readNothing : getSnapshot,
    inList ? readNothing : () => now,
  );
  return listNow ?? own;
}
