import { useSessionsData } from '../data/SessionsDataContext.js';
import { useRevokeSession } from '../data/useRevokeSession.js';
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
  const { capabilities } = useSessionsData('RevokeSessionButton');
  const { messages, components } = ui;
  const needsPassword = capabilities.password.revokeSession === 'required';
  const revoke = useRevokeSession({ optimistic: !needsPassword });
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
              revoke.mutate({ sessionId: session.id });
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
      onConfirm={(password) => revoke.mutateAsync({ sessionId: session.id, password })}
    />
  );
}
