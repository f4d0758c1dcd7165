'use client';

import { type ReactNode, useId, useMemo, useState } from 'react';
import { useSecurityActivity } from '../data/useSecurityActivity.js';
import { groupActivity } from '../format/groupActivity.js';
import { activityMessagesFor } from '../messages/activity/index.js';
import type { ActivityMessages } from '../messages/activity/types.js';
import type { ActivityEntry } from '../provider/types.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';
import { ActivityEntryItem } from './ActivityEntryItem.js';
import { useNow } from './useNow.js';

const DAY_MS = 86_400_000;

export interface SecurityActivityProps {
  /** Level of the section's heading; `'none'` leaves the heading to the host. @default 2 */
  headingLevel?: 2 | 3 | 4 | 5 | 6 | 'none';
  /** Entries per page ("Show more" asks for the next). @default the server's (20 over the contract) */
  pageSize?: number;
  /**
   * Called once a sign-in the user said was not theirs is signed out: offer a password change here.
   * "This wasn't me?" shows on sign-ins from a new device that are still active and recent.
   */
  onNotMe?: (entry: ActivityEntry) => void;
  /** How long after a sign-in from a new device "This wasn't me?" is offered. @default 14 days */
  notMeWindowMs?: number;
  /** Texts to change; the rest follow the provider's `locale` (en, de, fr, es, ar), else English. */
  messages?: Partial<ActivityMessages>;
  className?: string;
}

/**
 * "Recent security activity": the user's sign-ins (a new device marked), failed attempts (grouped),
 * sign-outs and who ended each session, newest first, a page at a time — and "This wasn't me?" on a recent
 * sign-in from a new device, which signs that device out (with the password where the server asks for it).
 * Renders its entries through the registry (`ActivityEntryItem`, `NotMeButton`), so a host can swap them.
 */
export function SecurityActivity({
  headingLevel = 2,
  pageSize,
  onNotMe,
  notMeWindowMs = 14 * DAY_MS,
  messages: overrides,
  className,
}: SecurityActivityProps) {
  const ui = useSessionsUIContext('SecurityActivity');
  const headingId = useId();
  const now = useNow();
  const { query, entries, unavailable } = useSecurityActivity({ pageSize });
  const [reported, setReported] = useState(false);
  const messages = useMemo(
    () => ({ ...activityMessagesFor(ui.locale?.code), ...overrides }),
    [ui.locale?.code, overrides],
  );
  const items = useMemo(() => groupActivity(entries), [entries]);
  const Item = ui.components.ActivityEntryItem ?? ActivityEntryItem;
  const Heading = headingLevel === 'none' ? null : (`h${headingLevel}` as const);

  const notMeDone = (entry: ActivityEntry) => {
    setReported(true);
    ui.announce(messages.notMeDone);
    onNotMe?.(entry);
  };

  let body: ReactNode;
  if (unavailable) body = <p className={partClass(ui, 'empty')}>{messages.unavailable}</p>;
  else if (query.isPending) body = <p className={partClass(ui, 'status')}>{messages.loading}</p>;
  else if (query.isError && entries.length === 0) {
    body = (
      <div role="alert" className={partClass(ui, 'error')}>
        <p>{messages.loadFailed}</p>
        <button type="button" className={partClass(ui, 'button')} onClick={() => void query.refetch()}>
          {messages.retry}
        </button>
      </div>
    );
  } else if (entries.length === 0) body = <p className={partClass(ui, 'empty')}>{messages.empty}</p>;
  else {
    body = (
      <ul className={partClass(ui, 'list')} aria-label={messages.listLabel} data-activity="">
        {items.map((item) => (
          <Item
            key={item.key}
            item={item}
            messages={messages}
            now={now}
            notMeWindowMs={notMeWindowMs}
            onNotMe={notMeDone}
          />
        ))}
      </ul>
    );
  }

  return (
    <section
      className={partClass(ui, 'root', className)}
      aria-labelledby={Heading ? headingId : undefined}
      aria-label={Heading ? undefined : messages.heading}
      data-activity=""
      dir={ui.dir}
    >
      {Heading && (
        <Heading id={headingId} className={partClass(ui, 'heading')}>
          {messages.heading}
        </Heading>
      )}
      {reported && <p className={partClass(ui, 'status')}>{messages.notMeDone}</p>}
      {body}
      {query.isFetchNextPageError && (
        <p role="alert" className={partClass(ui, 'error')}>
          {messages.loadFailed}
        </p>
      )}
      {query.hasNextPage && (
        <div className={partClass(ui, 'actions')}>
          <button
            type="button"
            className={partClass(ui, 'button')}
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {messages.showMore}
          </button>
        </div>
      )}
    </section>
  );
}
