'use client';

import { memo, useId, useMemo } from 'react';
import { useSessionsData } from '../data/SessionsDataContext.js';
import { useRevokeSessionState } from '../data/useRevokeSessionState.js';
import { describeDevice } from '../format/describeDevice.js';
import { errorMessage } from '../format/errorMessage.js';
import { formatPlace } from '../format/formatPlace.js';
import type { Session } from '../provider/types.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';
import { DeviceIcon as DefaultDeviceIcon } from './DeviceIcon.js';
import { SessionRowContext } from './SessionRowContext.js';
import { SignInTime } from './SignInTime.js';

export interface SessionRowProps {
  session: Session;
  /**
   * The device's name as the row's button says it. `SessionList` numbers devices that share a name
   * ("Safari on iPhone (2)"), so every button's accessible name is unique on the page.
   * @default the device's name
   */
  label?: string;
  /**
   * Say when the session signed in, beside its place and time: to the minute ("Signed in Dec 3, 2:05 PM")
   * or to the second. `SessionList` sets it on rows whose device's name another row shares, so alike rows
   * can be told apart (to the second where two of them signed in within one minute).
   * @default undefined (not said)
   */
  signInTime?: 'minute' | 'second';
  className?: string;
}

/**
 * One device: its icon, "Chrome on macOS", place or IP, last activity, "This device" and "Trusted"
 * badges, and a sign-out button named after the row — nine DOM nodes for a typical row (the list item, its
 * name, its place and time, its button, and their texts), laid out by the stylesheet's grid. The current row signs this device out through
 * the host instead of revoking itself. A list item: render it inside `SessionList` or a `<ul>`.
 * Memoized: when one row leaves, the others do not render again.
 */
export const SessionRow = memo(function SessionRow({
  session,
  label,
  signInTime,
  className,
}: SessionRowProps) {
  const ui = useSessionsUIContext('SessionRow');
  const { capabilities } = useSessionsData('SessionRow');
  const { messages, components } = ui;
  const { DeviceIcon, LastActive, RevokeSessionButton, SignOutDeviceButton } = components;
  const device = useMemo(() => describeDevice(session, messages), [session, messages]);
  const revokeState = useRevokeSessionState(session.id);
  const place = formatPlace(session, messages);
  const lastSeen = session.lastActiveAt ?? session.createdAt;
  // The place and time describe the row's action when read out.
  const metaId = useId();
  const hasMeta = Boolean(place || lastSeen);
  const rowContext = useMemo(
    () => ({ sessionId: session.id, descriptionId: hasMeta ? metaId : undefined, revokeState }),
    [session.id, hasMeta, metaId, revokeState],
  );
  let action = null;
  if (session.isCurrent) {
    if (capabilities.canSignOut) action = <SignOutDeviceButton />;
  } else if (capabilities.canRevokeSession) {
    action = <RevokeSessionButton session={session} label={label ?? device.label} />;
  }

  // The default glyph is drawn by the stylesheet from `data-device-type` (no element of its own); a host's
  // DeviceIcon renders in its place.
  const icon = DeviceIcon === DefaultDeviceIcon ? null : <DeviceIcon type={device.type} />;
  const badges = (session.isCurrent || session.trusted) && (
    <>
      {session.isCurrent && (
        <span className={partClass(ui, 'badge')} data-badge="current">
          {messages.thisDevice}
        </span>
      )}
      {session.trusted && (
        <span className={partClass(ui, 'badge')} data-badge="trusted">
          {messages.trusted}
        </span>
      )}
    </>
  );

  return (
    <li
      className={partClass(ui, 'row', className)}
      data-state={revokeState.state}
      data-current={session.isCurrent ? '' : undefined}
      data-device-type={device.type}
      data-session-id={session.id}
    >
      {icon}
      {/* The name takes its direction from its own text ("Safari on iPhone (2)" stays whole in an RTL
          page); beside badges, which follow the page, it is isolated on its own instead. */}
      {badges ? (
        <p className={partClass(ui, 'name')}>
          <bdi>{device.label}</bdi>
          {badges}
        </p>
      ) : (
        <p className={partClass(ui, 'name')} dir="auto">
          {device.label}
        </p>
      )}
      {hasMeta && (
        <p id={metaId} className={partClass(ui, 'meta')}>
          {place}
          {lastSeen && <LastActive date={lastSeen} />}
          {signInTime && session.createdAt && <SignInTime date={session.createdAt} precision={signInTime} />}
        </p>
      )}
      {revokeState.state === 'error' && revokeState.error && !revokeState.withPassword && (
        <p className={partClass(ui, 'error')}>
          {messages.sessionRevokeFailed(device.label, errorMessage(messages, revokeState.error))}
        </p>
      )}
      {action && <SessionRowContext.Provider value={rowContext}>{action}</SessionRowContext.Provider>}
    </li>
  );
});
