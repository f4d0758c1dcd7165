'use client';

import { type KeyboardEvent, useId, useState } from 'react';
import { activityTime } from '../format/activityTime.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';
import { useNow } from './useNow.js';

export interface LastActiveProps {
  date: Date;
  className?: string;
}

// Why the exact time shows: the pointer is over the time, or the keyboard's focus is on it.
const HOVER = 1;
const FOCUS = 2;

/**
 * "Active 5 minutes ago" in the app's locale, with the exact date and time on hover and on keyboard focus
 * (a tooltip tied to the time by aria-describedby, so screen readers hear it too; Escape dismisses it).
 * The tooltip exists only while shown, Radix Tooltip's way: a list of 1,000 rows carries no 1,000
 * hidden tooltips, and the exact time is always in the reader's own time zone (never the server's).
 */
export function LastActive({ date, className }: LastActiveProps) {
  const ui = useSessionsUIContext('LastActive');
  const now = useNow();
  const tooltipId = useId();
  const [shownBy, setShownBy] = useState(0);
  const { messages, locale } = ui;
  const ago = activityTime(date, now, locale?.code);
  const relative = ago === null ? messages.activeNow : messages.lastActive(ago);
  const shown = shownBy !== 0;
  return (
    <time
      className={partClass(ui, 'time', className)}
      dateTime={date.toISOString()}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users can open the exact-time tooltip.
      tabIndex={0}
      aria-describedby={shown ? tooltipId : undefined}
      onMouseEnter={() => setShownBy((by) => by | HOVER)}
      onMouseLeave={() => setShownBy((by) => by & ~HOVER)}
      onFocus={() => setShownBy((by) => by | FOCUS)}
      onBlur={() => setShownBy(0)}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key === 'Escape' && shown) {
          // Dismissed without moving focus (WCAG 1.4.13), and without closing a dialog around the list.
          event.stopPropagation();
          setShownBy(0);
        }
      }}
    >
      {relative}
      {shown && (
        <span role="tooltip" id={tooltipId} className={partClass(ui, 'tooltip')}>
          {formatDateTime(date, 'exact', locale?.code)}
        </span>
      )}
    </time>
  );
}
