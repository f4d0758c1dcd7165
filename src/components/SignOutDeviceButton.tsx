import { useSignOut } from '../data/useSignOut.js';
import { partClass, useSessionsUI } from '../registry/SessionsUIContext.js';

export interface SignOutDeviceButtonProps {
  className?: string;
}

/** "Sign out" on the current row: signs this device out through the provider and the host's onSignedOut. */
export function SignOutDeviceButton({ className }: SignOutDeviceButtonProps) {
  const ui = useSessionsUI('SignOutDeviceButton');
  const { messages } = ui;
  const signOut = useSignOut();
  return (
    <button
      type="button"
      className={partClass(ui, 'button', className)}
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
