'use client';

import { startRevokeSession } from '../data/revokeSessionMutation.js';
import { useSessionsData } from '../data/SessionsDataContext.js';
import type { Session } from '../provider/types.js';
import { partClass, useSessionsUI } from '../registry/SessionsUIContext.js';

export interface RevokeSessionButtonProps {
  session: Session;
  /** The row's device name, for the accessible name ("Sign out Chrome on macOS"). */
  deviceLabel: string;
  /** The id of the row's place-and-time line, read as the button's description. */
  describedBy?: string;
  /** Called at the click of an optimistic sign-out, before any request: the row hides this frame. */
  onOptimisticRevoke?: () => void;
  /** The row's sign-out is under way (the row reads it once for both of them). */
  revoking?: boolean;
  className?: string;
}

/**
 * Signs another device out: at once (optimistic) when no password is asked, else through the registry's
 * PasswordConfirmDialog, with the row waiting for the server.
 */
export function RevokeSessionButton({
  session,
  deviceLabel,
  describedBy,
  onOptimisticRevoke,
  revoking = false,
  className,
}: RevokeSessionButtonProps) {
  const ui = useSessionsUI('RevokeSessionButton');
  const data = useSessionsData('RevokeSessionButton');
  const { messages, components } = ui;
  const needsPassword = data.capabilities.password.revokeSession === 'required';
  const button = (
    <button
      type="button"
      className={partClass(ui, 'button', className)}
      data-variant="destructive"
      aria-label={messages.signOutSessionLabel(deviceLabel)}
      aria-describedby={describedBy}
      aria-disabled={revoking || undefined}
      onClick={
        needsPassword
          ? undefined
          : () => {
              onOptimisticRevoke?.();
              // The outcome shows through the mutation cache (row state, announcer); nothing to await here.
              startRevokeSession(data, { sessionId: session.id }, true)?.catch(() => {});
            }
      }
    >
      {revoking ? messages.signingOut : messages.signOutSession}
    </button>
  );
  if (!needsPassword) return button;
  const { PasswordConfirmDialog } = components;
  return (
    <PasswordConfirmDialog
      trigger={button}
      title={messages.confirmRevokeSessionTitle(deviceLabel)}
      description={messages.confirmRevokeSessionDescription(deviceLabel)}
      onConfirm={(password) => startRevokeSession(data, { sessionId: session.id, password }, false)}
    />
  );
}
