'use client';

import { useSyncExternalStore } from 'react';
import { formatDateTime } from '../format/formatDateTime.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';

const subscribeNever = () => () => {};
const inBrowser = () => true;
const onServer = () => false;

/**
 * "Signed in Dec 3, 2:05 PM", in the reader's time zone. The server does not know that zone: the time is
 * left out of its HTML and of the render that hydrates it (so the two agree), and written right after.
 */
export function SignInTime({ date }: { date: Date }) {
  const ui = useSessionsUIContext('SignInTime');
  const hydrated = useSyncExternalStore(subscribeNever, inBrowser, onServer);
  if (!hydrated) return null;
  return (
    <time className={partClass(ui, 'time')} dateTime={date.toISOString()}>
      {ui.messages.signedInAt(formatDateTime(date, 'dayTime', ui.locale?.code))}
    </time>
  );
}
