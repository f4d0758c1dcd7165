'use client';

import { useSignOut } from '../data/useSignOut.js';
import { errorMessage } from '../format/errorMessage.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';

export interface SignOutDeviceButtonProps {
  className?: string;
}

/**
 * "Sign out" on the current row: signs this device out through the provider and the host's onSignedOut.
 * A failure shows under the button; a session the server no longer knows counts as signed out.
 */
export function SignOutDeviceButton({ className }: SignOutDeviceButtonProps) {
  const ui = useSessionsUIContext('SignOutDeviceButton');
  const { messages } = ui;
  const signOut = useSignOut();
  const failed =
    signOut.error && signOut.error.code !== 'UNAUTHORIZED' && signOut.error.code !== 'NOT_FOUND'
      ? signOut.error
      : null;
  return (
    <>
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
      {failed && (
        <p className={partClass(ui, 'error')} role="alert">
          {messages.signOutFailed(errorMessage(messages, failed))}
        </p>
      )}
    </>
  );
}
