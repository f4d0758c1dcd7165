'use client';

import { useEffect } from 'react';

// Radix Dialog's scroll lock (react-remove-scroll-bar) writes the width of the scrollbar it hid here, on
// <body>, and pays it back as a right margin.
const HIDDEN_SCROLLBAR_WIDTH = '--removed-body-scroll-bar-size';
/** On <html> while a dialog is open over a page that had a scrollbar: styles.css keeps its gutter. */
const KEEP_GUTTER = 'data-pk-keep-scrollbar-gutter';
// A dialog can open over another (the admin's details, then a confirmation): the last to close lets go.
let keepers = 0;

/**
 * Keeps the page still while a modal dialog locks its scroll. The lock's margin is right only where the
 * scrollbar leaves and stood on the right: a host's `overflow-y: scroll` or `scrollbar-gutter: stable`
 * keeps the bar, and an RTL page has it on the left, so the page moved sideways. Instead, the page keeps
 * its scrollbar's gutter and the margin goes (styles.css); a page without a scrollbar (a short one, an
 * app shell, overlay scrollbars) is left as it is. Render it inside `Dialog.Content`: its effect runs
 * after the lock's (in the overlay, an earlier sibling), which has measured the scrollbar by then.
 */
export function KeepScrollbarGutter(): null {
  useEffect(() => {
    const hidden = Number.parseFloat(
      getComputedStyle(document.body).getPropertyValue(HIDDEN_SCROLLBAR_WIDTH),
    );
    if (!(hidden > 0)) return;
    const root = document.documentElement;
    keepers += 1;
    root.setAttribute(KEEP_GUTTER, '');
    return () => {
      keepers -= 1;
      if (keepers === 0) root.removeAttribute(KEEP_GUTTER);
    };
  }, []);
  return null;
}
