'use client';

import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';
import { visuallyHidden } from './visuallyHidden.js';

export interface SessionsAnnouncerProps {
  /** The latest announcement; a new object each time, so repeating the same words is spoken again. */
  announcement: { message: string; id: number } | null;
}

/**
 * A polite live region that tells screen-reader users what just happened ("Signed out Firefox on
 * Windows"). `SessionsProvider` renders one and feeds it; it is always in the DOM so the first
 * announcement is heard.
 */
export function SessionsAnnouncer({ announcement }: SessionsAnnouncerProps) {
  const ui = useSessionsUIContext('SessionsAnnouncer');
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={partClass(ui, 'visuallyHidden')}
      style={visuallyHidden}
    >
      {announcement && <span key={announcement.id}>{announcement.message}</span>}
    </div>
  );
}
