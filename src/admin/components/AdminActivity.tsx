'use client';

import { type ReactNode, useId, useMemo } from 'react';
import type { ActivityKind } from '../../contract/activity.js';
import { activityTitle } from '../../format/activityTitle.js';
import { describeDevice } from '../../format/describeDevice.js';
import { formatDateTime } from '../../format/formatDateTime.js';
import { formatPlace } from '../../format/formatPlace.js';
import { activityMessagesFor } from '../../messages/activity/index.js';
import { partClass } from '../../registry/SessionsUIContext.js';
import { useAdminActivity } from '../data/useAdminActivity.js';
import { adminErrorMessage } from '../format/adminErrorMessage.js';
import { useAdminUIContext } from '../registry/AdminUIContext.js';

export interface AdminActivityProps {
  /** One account's log (a session's details show its user's); every account's without it. */
  userId?: string;
  /** Only these kinds (e.g. `['sign-in-failed']`). */
  kinds?: readonly ActivityKind[];
  /** Entries per page ("Show more" asks for the next). @default 20 */
  pageSize?: number;
  /** @default 2 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** @default "Activity" ("Recent activity of this account" with `userId`) */
  title?: string;
  className?: string;
}

/**
 * The authentication log for an admin: when, which account, what happened (who ended a session: the
 * user's other device, an admin, expiry, the cap), on which device and where, newest first, a page at a
 * time, as a table with a caption.
 */
export function AdminActivity({
  userId,
  kinds,
  pageSize = 20,
  headingLevel = 2,
  title,
  className,
}: AdminActivityProps) {
  const ui = useAdminUIContext('AdminActivity');
  const text = activityMessagesFor(ui.locale?.code);
  const headingId = useId();
  const filters = useMemo(() => ({ userId, kinds }), [userId, kinds]);
  const { query, entries, available } = useAdminActivity(filters, pageSize);
  if (!available) return null;
  const Heading = `h${headingLevel}` as const;
  const heading = title ?? (userId === undefined ? text.adminHeading : text.accountHistory);

  let body: ReactNode;
  if (query.isPending) body = <p className={partClass(ui, 'empty')}>{text.loading}</p>;
  else if (query.isError && entries.length === 0) {
    body = (
      <p role="alert" className={partClass(ui, 'error')}>
        {adminErrorMessage(ui.messages, query.error)}
      </p>
    );
  } else if (entries.length === 0) body = <p className={partClass(ui, 'empty')}>{text.empty}</p>;
  else {
    body = (
      <table className={partClass(ui, 'grid')} aria-labelledby={headingId}>
        <thead>
          <tr className={partClass(ui, 'gridRow')}>
            <th scope="col" className={partClass(ui, 'gridHeader')}>
              {text.columnWhen}
            </th>
            {userId === undefined && (
              <th scope="col" className={partClass(ui, 'gridHeader')}>
                {text.columnAccount}
              </th>
            )}
            <th scope="col" className={partClass(ui, 'gridHeader')}>
              {text.columnWhat}
            </th>
            <th scope="col" className={partClass(ui, 'gridHeader')}>
              {text.columnWhere}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const where = [describeDevice(entry, ui.messages).label, formatPlace(entry, ui.messages)];
            const what = [activityTitle(entry, text), entry.identifier && text.triedAs(entry.identifier)];
            return (
              <tr key={entry.id} className={partClass(ui, 'gridRow')} data-activity={entry.kind}>
                <td className={partClass(ui, 'gridCell')}>
                  <time dateTime={entry.at.toISOString()}>
                    {formatDateTime(entry.at, 'dateTime', ui.locale?.code)}
                  </time>
                </td>
                {userId === undefined && (
                  <td className={partClass(ui, 'gridCell')}>
                    {entry.user ? (entry.user.email ?? entry.user.name ?? entry.user.id) : text.noAccount}
                  </td>
                )}
                <td className={partClass(ui, 'gridCell')}>{what.filter(Boolean).join(' ')}</td>
                <td className={partClass(ui, 'gridCell')}>{where.filter(Boolean).join(' · ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  }

  return (
    <section className={partClass(ui, 'activity', className)} aria-labelledby={headingId} dir={ui.dir}>
      <Heading id={headingId}>{heading}</Heading>
      {body}
      {query.isFetchNextPageError && (
        <p role="alert" className={partClass(ui, 'error')}>
          {adminErrorMessage(ui.messages, query.error)}
        </p>
      )}
      {query.hasNextPage && (
        <button
          type="button"
          className={partClass(ui, 'button')}
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {text.showMore}
        </button>
      )}
    </section>
  );
}
