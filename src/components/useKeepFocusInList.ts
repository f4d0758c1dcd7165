'use client';

import { type RefObject, useEffect, useRef } from 'react';

/**
 * When a row that held focus leaves the list (signed out, or its dialog closed with it), focus would
 * fall to <body> and a keyboard user would start over from the top of the page. Instead move it to the
 * row that took its place, else the one before, else the list itself.
 */
export function useKeepFocusInList(listRef: RefObject<HTMLElement | null>, rowIds: readonly string[]) {
  const lastFocused = useRef<{ id: string; index: number } | null>(null);

  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const onFocusIn = (event: FocusEvent) => {
      const row = (event.target as Element | null)?.closest?.('[data-session-id]');
      const id = row?.getAttribute('data-session-id');
      if (id) lastFocused.current = { id, index: rowIds.indexOf(id) };
    };
    list.addEventListener('focusin', onFocusIn);
    return () => list.removeEventListener('focusin', onFocusIn);
  }, [listRef, rowIds]);

  useEffect(() => {
    const previous = lastFocused.current;
    if (!previous || rowIds.includes(previous.id)) return;
    // Radix returns focus to a dialog's (now detached) trigger in a timeout of its own; run after it.
    const timer = setTimeout(() => {
      const active = document.activeElement;
      if (active && active !== document.body && document.contains(active)) return;
      const list = listRef.current;
      if (!list) return;
      const rows = list.querySelectorAll<HTMLElement>('[data-session-id]');
      const target = rows[Math.min(previous.index, rows.length - 1)];
      // The row's own action first (its sign-out button), else anything focusable in it.
      const focusable =
        target?.querySelector<HTMLElement>('button') ?? target?.querySelector<HTMLElement>('[tabindex="0"]');
      (focusable ?? list).focus();
      lastFocused.current = null;
    }, 0);
    return () => clearTimeout(timer);
  }, [listRef, rowIds]);
}
