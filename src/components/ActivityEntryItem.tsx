'use client';

import { activityTitle } from '../format/activityTitle.js';
import { describeDevice } from '../format/describeDevice.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { formatPlace } from '../format/formatPlace.js';
import type { ActivityItem } from '../format/groupActivity.js';
import type { ActivityMessages } from '../messages/activity/types.js';
import type { ActivityEntry } from '../provider/types.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';
import { NotMeButton } from './NotMeButton.js';

export interface ActivityEntryItemProps {
  item: ActivityItem;
  messages: ActivityMessages;
  /** The clock the list is drawn at (epoch ms). */
  now: number;
  notMeWindowMs: number;
  onNotMe: (entry: ActivityEntry) => void;
}

/**
 * One line of the security activity: what happened, on which device, where and when; a sign-in also says
 * whether its session is still active, and a recent one from a new device offers "This wasn't me?".
 */
export function ActivityEntryItem({ item, messages, now, notMeWindowMs, onNotMe }: ActivityEntryItemProps) {
  const ui = useSessionsUIContext('ActivityEntryItem');
  const entries = item.kind === 'entry' ? [item.entry] : item.entries;
  const newest = entries[0] as ActivityEntry;
  const device = describeDevice(newest, ui.messages).label;
  const place = formatPlace(newest, ui.messages);
  const time = (date: Date) => formatDateTime(date, 'exact', ui.locale?.code);
  const identifiers = [...new Set(entries.flatMap((e) => (e.identifier ? [e.identifier] : [])))];
  const title =
    item.kind === 'entry' ? activityTitle(newest, messages) : messages.failedSignIns(entries.length);
  const state = newest.kind === 'signed-in' ? newest.session : undefined;
  const Button = ui.components.NotMeButton ?? NotMeButton;
  const offersNotMe =
    newest.kind === 'signed-in' &&
    newest.newDevice &&
    !newest.isCurrent &&
    state?.active === true &&
    newest.sessionId !== undefined &&
    now - newest.at.getTime() < notMeWindowMs;

  return (
    <li className={partClass(ui, 'row')} data-activity={newest.kind}>
      <span className={partClass(ui, 'name')}>
        {title}
        {newest.kind === 'signed-in' && newest.newDevice && (
          <span className={partClass(ui, 'badge')} data-badge="new-device">
            {messages.newDevice}
          </span>
        )}
        {newest.kind === 'signed-in' && newest.isCurrent && (
          <span className={partClass(ui, 'badge')} data-badge="current">
            {messages.thisDevice}
          </span>
        )}
      </span>
      <span className={partClass(ui, 'meta')}>
        {[device, place, identifiers.length === 1 ? messages.triedAs(identifiers[0] as string) : undefined]
          .filter(Boolean)
          .join(' · ')}
        {' · '}
        <time className={partClass(ui, 'time')} dateTime={newest.at.toISOString()}>
          {time(newest.at)}
        </time>
        {state &&
          ` · ${state.active ? messages.stillSignedIn : state.endedAt ? messages.endedAt(time(state.endedAt)) : ''}`}
      </span>
      {offersNotMe && <Button entry={newest} device={device} messages={messages} onDone={onNotMe} />}
    </li>
  );
}
