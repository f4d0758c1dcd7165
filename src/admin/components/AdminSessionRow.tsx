'use client';

import { type CSSProperties, type KeyboardEvent, memo } from 'react';
import { useNow } from '../../components/useNow.js';
import { activityTime } from '../../format/activityTime.js';
import { describeDevice } from '../../format/describeDevice.js';
import { formatDateTime } from '../../format/formatDateTime.js';
import { formatPlace } from '../../format/formatPlace.js';
import { partClass } from '../../registry/SessionsUIContext.js';
import type { AdminSession } from '../provider/types.js';
import { useAdminUIContext } from '../registry/AdminUIContext.js';

export interface AdminSessionRowProps {
  session: AdminSession;
  /** 1-based position in the whole result, for aria-rowindex (the header is row 1). */
  rowIndex: number;
  /** The row that holds the grid's single tab stop. */
  active: boolean;
  style?: CSSProperties;
  onSelect: (session: AdminSession) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onFocus: () => void;
}

/** One row of the admin grid: user, device, place or IP, last active, created, expiry, token preview. */
export const AdminSessionRow = memo(function AdminSessionRow(props: AdminSessionRowProps) {
  const { session, rowIndex, active, style, onSelect, onKeyDown, onFocus } = props;
  const ui = useAdminUIContext('AdminSessionRow');
  const { messages, locale } = ui;
  // The list's clock: both halves say the same for the same moment.
  const now = useNow();
  const cell = partClass(ui, 'gridCell');
  const date = (value: Date | undefined) => (value ? formatDateTime(value, 'date', locale?.code) : '—');
  const place = formatPlace(session, messages) ?? '—';
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      tabIndex={active ? 0 : -1}
      className={partClass(ui, 'gridRow')}
      data-state={session.status}
      data-current={session.isCurrent ? '' : undefined}
      data-row-index={rowIndex}
      style={style}
      onClick={() => onSelect(session)}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div role="gridcell" className={cell}>
        <bdi>{session.user.name ?? session.user.email ?? session.user.id}</bdi>
        {/* The admin's own session, marked as in the user's own list. */}
        {session.isCurrent && (
          <span className={partClass(ui, 'badge')} data-badge="current">
            {messages.thisDevice}
          </span>
        )}
        {session.user.name && session.user.email && (
          <span className={partClass(ui, 'meta')}>
            <bdi>{session.user.email}</bdi>
          </span>
        )}
      </div>
      <div role="gridcell" className={cell}>
        <bdi>{describeDevice(session, messages).label}</bdi>
      </div>
      <div role="gridcell" className={cell}>
        <bdi>{place}</bdi>
      </div>
      <div role="gridcell" className={cell}>
        {session.lastActiveAt
          ? (activityTime(session.lastActiveAt, now, locale?.code) ?? messages.activeNow)
          : '—'}
      </div>
      <div role="gridcell" className={cell}>
        {date(session.createdAt)}
      </div>
      <div role="gridcell" className={cell}>
        {date(session.expiresAt)}
      </div>
      <div role="gridcell" className={cell}>
        <code>{session.tokenPreview ?? '—'}</code>
      </div>
    </div>
  );
});
