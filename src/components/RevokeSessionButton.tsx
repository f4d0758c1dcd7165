'use client';

import { useSessionsData } from '../data/SessionsDataContext.js';
import { useRevokeSessionStateUnlessKnown } from '../data/useRevokeSessionState.js';
import type { Session } from '../provider/types.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';
import { useSessionRow } from './SessionRowContext.js';

export interface RevokeSessionButtonProps {
  session: Session;
  /** The device's name as the row shows it ("Chrome on macOS"): the button is "Sign out Chrome on macOS". */
  label: string;
  className?: string;
}

/**
 * Signs another device out: at once (optimistic) when no password is asked, else through the registry's
 * PasswordConfirmDialog, with the row waiting for the server. Where the sign-out stands comes from the
 * scope's one owner of sign-outs, so the button, its row and the announcer always agree.
 */
export function RevokeSessionButton({ session, label, className }: RevokeSessionButtonProps) {
  const ui = useSessionsUIContext('RevokeSessionButton');
  const { capabilities, revokes } = useSessionsData('RevokeSessionButton');
  // Inside its row, the row's place and time describe the button, and the row's reading of the sign-out
  // is the button's too.
  const row = useSessionRow();
  const inItsRow = row.sessionId === session.id;
  const { state } = useRevokeSessionStateUnlessKnown(session.id, inItsRow ? row.revokeState : undefined);
  const describedBy = row.descriptionId;
  const { messages, components } = ui;
  const needsPassword = capabilities.password.revokeSession === 'required';
  const revoking = state === 'revoking';
  const button = (
    <button
      type="button"
      className={partClass(ui, 'button', className)}
      data-variant="destructive"
      aria-label={messages.signOutSessionLabel(label)}
      aria-describedby={describedBy}
      aria-disabled={revoking || undefined}
      onClick={
        needsPassword
          ? undefined
          : // The outcome shows through the owner (row state, announcer); nothing to await here.
            () => revokes.start({ sessionId: session.id }, true)?.catch(() => {})
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
      title={messages.confirmRevokeSessionTitle(label)}
      description={messages.confirmRevokeSessionDescription(label)}
      onConfirm={(password) => revokes.start({ sessionId: session.id, password }, false)}
    />
  );
}
