'use client';

import { memo, type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { useSessionsData } from '../data/SessionsDataContext.js';
import { getSessionsListView, useSessions } from '../data/useSessions.js';
import { distinctDeviceLabels } from '../format/distinctDeviceLabels.js';
import { errorMessage } from '../format/errorMessage.js';
import { contentEqual } from '../internal/useContentStable.js';
import { ComponentsScope } from '../registry/ComponentsScope.js';
import type { SessionsComponentOverrides } from '../registry/defaultComponents.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';
import { ListClock } from './ListClock.js';
import { useKeepFocusInList } from './useKeepFocusInList.js';
import { visuallyHidden } from './visuallyHidden.js';

export interface SessionListProps {
  /** Only sessions of this application. */
  applicationId?: string;
  /**
   * Show "Signed in on 3 devices" above the list.
   * @default true
   */
  showCount?: boolean;
  /**
   * Level of the count heading, to fit the host page's outline; `'none'` shows the count as a paragraph
   * (the host's own heading names the section).
   * @default 2
   */
  headingLevel?: 2 | 3 | 4 | 5 | 6 | 'none';
  /**
   * Refetch every N ms so devices signing in elsewhere appear while the page is open.
   * @default false
   */
  refetchInterval?: number | false;
  /**
   * Placeholder rows while loading.
   * @default 3
   */
  skeletonRows?: number;
  /** Replacements for this list only; merged over the provider's `components`. */
  components?: SessionsComponentOverrides;
  className?: string;
}

/**
 * Every device the user is signed in on, this one first. Shows a skeleton while loading, a password
 * prompt when the backend wants a fresh login (never an empty list), an error with a retry, the last rows
 * seen when a refresh cannot reach the server (said so, politely), and keeps keyboard focus in the list
 * when a row leaves it. Memoized by its props' content: a parent that renders
 * again with the same props (an inline `components` object included) renders no row again.
 */
export const SessionList = memo(function SessionList({ components, ...props }: SessionListProps) {
  if (components) {
    return (
      <ComponentsScope components={components} consumerName="SessionList">
        <SessionListView {...props} />
      </ComponentsScope>
    );
  }
  return <SessionListView {...props} />;
}, contentEqual);

function SessionListView({
  applicationId,
  showCount = true,
  headingLevel = 2,
  refetchInterval,
  skeletonRows = 3,
  className,
}: Omit<SessionListProps, 'components'>) {
  const ui = useSessionsUIContext('SessionList');
  const { capabilities, isSignedOut } = useSessionsData('SessionList');
  const { messages, components } = ui;
  const { SessionRow, SessionRowSkeleton, ReauthPrompt } = components;
  const query = useSessions({ applicationId, refetchInterval });
  const view = getSessionsListView(query, { canList: capabilities.canList, isSignedOut });
  const listRef = useRef<HTMLUListElement>(null);
  const headingId = useId();
  const sessions = query.data?.sessions;
  // The instant the first rows were fetched — on the server, and in the browser from the dehydrated cache —
  // for relative times to hydrate as the server rendered them. Kept: a refetch must not re-render every row.
  const [renderedAt] = useState(() => query.dataUpdatedAt || undefined);
  const rowIds = useMemo(() => sessions?.map((s) => s.id) ?? [], [sessions]);
  const labels = useMemo(() => distinctDeviceLabels(sessions ?? [], messages), [sessions, messages]);
  useKeepFocusInList(listRef, rowIds);
  const Heading = headingLevel === 'none' ? 'p' : (`h${headingLevel}` as const);
  const root = (children: ReactNode) => (
    <div className={partClass(ui, 'root', className)} dir={ui.dir} data-view={view}>
      {children}
    </div>
  );

  if (view === 'unsupported')
    return root(<p className={partClass(ui, 'empty')}>{messages.listUnavailable}</p>);
  if (view === 'signed-out') return root(<p className={partClass(ui, 'empty')}>{messages.signedOut}</p>);
  if (view === 'reauth') return root(<ReauthPrompt />);
  // A failed load, or a failed refresh beside the list still worth showing: the error and a retry.
  const failure = () => (
    <div className={partClass(ui, 'error')} role="alert">
      <p>{errorMessage(messages, query.error)}</p>
      <button type="button" className={partClass(ui, 'button')} onClick={() => void query.refetch()}>
        {messages.retry}
      </button>
    </div>
  );
  if (view === 'error') return root(failure());
  if (view === 'loading') {
    return root(
      <>
        <p role="status" style={visuallyHidden}>
          {messages.loading}
        </p>
        <ul className={partClass(ui, 'list')} aria-label={messages.listLabel} aria-busy="true">
          {Array.from({ length: skeletonRows }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to key on.
            <SessionRowSkeleton key={i} />
          ))}
        </ul>
      </>,
    );
  }
  if (view === 'empty' || !sessions) return root(<p className={partClass(ui, 'empty')}>{messages.empty}</p>);
  // A refresh that could not reach the server (or waits for the browser to be online) leaves the rows as
  // they were: said to be the last ones seen, until a refresh succeeds.
  const offline = query.error?.code === 'NETWORK' || query.isPaused;

  return root(
    <>
      {showCount && (
        <Heading id={headingId} className={partClass(ui, 'heading')}>
          {messages.countHeading(sessions.length)}
        </Heading>
      )}
      {offline ? (
        <p role="status" className={partClass(ui, 'status')}>
          {messages.offline}
        </p>
      ) : (
        query.error && failure()
      )}
      <ListClock renderedAt={renderedAt}>
        <ul
          ref={listRef}
          className={partClass(ui, 'list')}
          tabIndex={-1}
          aria-labelledby={showCount ? headingId : undefined}
          aria-label={showCount ? undefined : messages.listLabel}
        >
          {sessions.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              label={labels.get(session.id)?.label}
              signInTime={labels.get(session.id)?.signInTime}
            />
          ))}
        </ul>
      </ListClock>
    </>,
  );
}
