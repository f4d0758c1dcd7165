'use client';

import { useSyncExternalStore } from 'react';
import { formatDateTime } from '../format/formatDateTime.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';

const subscribeNever = () => () => {};
const inBrowser = () => true;
const onServer = () => false;

export interface SignInTimeProps {
  date: Date;
  /** To the second where another row of the same name signed in within the same minute. */
  precision: 'minute' | 'second';
}

/**
 * "Signed in Dec 3, 2:05 PM", in the reader's time zone. The server does not know that zone: the time is
 * left out of its HTML and of the render that hydrates it (so the two agree), and written right after.
 */
export function SignInTime({ date, precision }: SignInTimeProps) {
  const ui = useSessionsUIContext('SignInTime');
  const hydrated = useSyncExternalStore(subscribeNever, inBrowser, onServer);
  if (!hydrated) return null;
  return (
    <time className={partClass(ui, 'time')} dateTime={date.toISOString()}>
      {ui.messages.signedInAt(
        formatDateTime(date, precision === 'second' ? 'dayTimeSeconds' : 'dayTime', ui.locale?.code),
      )}
    </time>
  );
}
