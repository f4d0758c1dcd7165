import { type ReactNode, useId, useMemo } from 'react';
import { useSessionsData } from '../data/SessionsDataContext.js';
import { useRevokeSession } from '../data/useRevokeSession.js';
import { useRevokeSessionState } from '../data/useRevokeSessionState.js';
import { useSignOut } from '../data/useSignOut.js';
import type { Session } from '../provider/types.js';
import { partClass, useSessionsUI } from '../registry/SessionsUIContext.js';
import { describeDevice } from './describeDevice.js';
import { errorMessage } from './errorMessage.js';
import { formatPlace } from './formatPlace.js';

export interface SessionRowProps {
  session: Session;
  className?: string;
}

/**
 * One device: its icon, "Chrome on macOS", place or IP, last activity, "This device" and "Trusted"
 * badges, and a sign-out button named after the row. The current row signs this device out through
 * the host instead of revoking itself. A list item: render it inside `SessionList` or a `<ul>`.
 */
export function SessionRow({ session, className }: SessionRowProps) {
  const ui = useSessionsUI('SessionRow');
  const { capabilities, hasSignOutHandler } = useSessionsData('SessionRow');
  const { messages, components } = ui;
  const { DeviceIcon, LastActive, PasswordConfirmDialog } = components;
  const device = useMemo(() => describeDevice(session, messages), [session, messages]);
  const needsPassword = capabilities.password.revokeSession === 'required';
  const revoke = useRevokeSession({ optimistic: !needsPassword });
  const signOut = useSignOut();
  const revokeState = useRevokeSessionState(session.id);
  const state = signOut.isPending ? 'revoking' : revokeState.state;
  const place = formatPlace(session, messages);
  const lastSeen = session.lastActiveAt ?? session.createdAt;
  // Two rows can share a name ("Chrome on Windows"); their place and time tell them apart when read out.
  const metaId = useId();
  const hasMeta = Boolean(place || lastSeen);
  const buttonClass = partClass(ui, 'button');

  let action: ReactNode = null;
  if (session.isCurrent) {
    if (capabilities.canSignOut || hasSignOutHandler) {
      action = (
        <button
          type="button"
          className={buttonClass}
          aria-label={messages.signOutThisDeviceLabel}
          aria-disabled={signOut.isPending || undefined}
          onClick={() => {
            if (!signOut.isPending) signOut.mutate();
          }}
        >
          {signOut.isPending ? messages.signingOut : messages.signOutSession}
        </button>
      );
    }
  } else if (capabilities.canRevokeSession) {
    const button = (
      <button
        type="button"
        className={buttonClass}
        data-variant="destructive"
        aria-label={messages.signOutSessionLabel(device.label)}
        aria-describedby={hasMeta ? metaId : undefined}
        aria-disabled={state === 'revoking' || undefined}
        onClick={needsPassword ? undefined : () => revoke.mutate({ sessionId: session.id })}
      >
        {state === 'revoking' ? messages.signingOut : messages.signOutSession}
      </button>
    );
    action = needsPassword ? (
      <PasswordConfirmDialog
        trigger={button}
        title={messages.confirmRevokeSessionTitle(device.label)}
        description={messages.confirmRevokeSessionDescription(device.label)}
        onConfirm={(password) => revoke.mutateAsync({ sessionId: session.id, password })}
      />
    ) : (
      button
    );
  }

  return (
    <li
      className={partClass(ui, 'row', className)}
      data-state={state}
      data-current={session.isCurrent ? '' : undefined}
      data-session-id={session.id}
    >
      <DeviceIcon type={device.type} />
      <div className={partClass(ui, 'details')}>
        <p className={partClass(ui, 'name')}>
          <bdi>{device.label}</bdi>
          {(session.isCurrent || session.trusted) && (
            <span className={partClass(ui, 'badges')}>
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
            </span>
          )}
        </p>
        {hasMeta && (
          <p id={metaId} className={partClass(ui, 'meta')}>
            {place && <bdi>{place}</bdi>}
            {lastSeen && <LastActive date={lastSeen} />}
          </p>
        )}
        {revokeState.state === 'error' && revokeState.error && !revokeState.withPassword && (
          <p className={partClass(ui, 'error')}>
            {messages.sessionRevokeFailed(device.label, errorMessage(messages, revokeState.error))}
          </p>
        )}
      </div>
      {action && <div className={partClass(ui, 'actions')}>{action}</div>}
    </li>
  );
}
