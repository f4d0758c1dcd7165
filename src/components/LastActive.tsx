'use client';

import { useId } from 'react';
import { formatDateTime } from '../format/formatDateTime.js';
import { formatRelativeTime } from '../format/formatRelativeTime.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';
import { useIsServerRender, useNow } from './useNow.js';

export interface LastActiveProps {
  date: Date;
  className?: string;
}

// Under a minute reads as "Active now" rather than "0 seconds ago".
const NOW_THRESHOLD_MS = 60_000;

/**
 * "Active 5 minutes ago" in the app's locale, with the exact date and time on hover and on keyboard focus
 * (a tooltip tied to the text by aria-describedby, so screen readers hear it too).
 */
export function LastActive({ date, className }: LastActiveProps) {
  const ui = useSessionsUIContext('LastActive');
  const now = useNow();
  // The server's time zone is not the reader's: the server's HTML (and its hydration) says UTC, named.
  const serverRender = useIsServerRender();
  const tooltipId = useId();
  const { messages, locale } = ui;
  const relative =
    now - date.getTime() < NOW_THRESHOLD_MS
      ? messages.activeNow
      : messages.lastActive(formatRelativeTime(date, now, locale?.code));
  const exact = formatDateTime(date, 'exact', locale?.code, serverRender ? 'UTC' : undefined);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users can open the exact-time tooltip.
    <span className={partClass(ui, 'time', className)} tabIndex={0} aria-describedby={tooltipId}>
      <time dateTime={date.toISOString()}>{relative}</time>
      <span role="tooltip" id={tooltipId} className={partClass(ui, 'tooltip')}>
        {exact}
      </span>
    </span>
  );
}
