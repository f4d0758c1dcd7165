'use client';

import { useState } from 'react';
import { partClass } from '../../registry/SessionsUIContext.js';
import { useRevokeUserSessions } from '../data/useRevokeUserSessions.js';
import { useAdminUIContext } from '../registry/AdminUIContext.js';

export interface RevokeUserSessionsButtonProps {
  userId: string;
  /** How to name the user in the dialog: email or name. */
  userLabel: string;
  onRevoked?: (result: { revokedCount: number }) => void;
  className?: string;
}

/**
 * "Sign out all of this user's sessions": confirmed in the kit's dialog, then shows the count (and the
 * live region says it).
 */
export function RevokeUserSessionsButton(props: RevokeUserSessionsButtonProps) {
  const { userId, userLabel, onRevoked, className } = props;
  const ui = useAdminUIContext('RevokeUserSessionsButton');
  const text = ui.messages.admin;
  const { PasswordConfirmDialog } = ui.components;
  const revoke = useRevokeUserSessions();
  // The server's count, not its text: the text follows the locale in force when it is shown.
  const [result, setResult] = useState<{ revokedCount: number } | null>(null);
  return (
    <div className={partClass(ui, 'actions', className)}>
      <PasswordConfirmDialog
        trigger={
          <button type="button" className={partClass(ui, 'button')} data-variant="destructive">
            {text.revokeUserSessions}
          </button>
        }
        requirePassword={false}
        title={text.confirmRevokeUserTitle(userLabel)}
        description={text.confirmRevokeUserDescription}
        confirmLabel={text.revokeUserSessions}
        onConfirm={async () => {
          const outcome = await revoke.mutateAsync({ userId });
          setResult(outcome);
          onRevoked?.(outcome);
        }}
      />
      {result && <p className={partClass(ui, 'result')}>{text.userSessionsRevoked(result.revokedCount)}</p>}
    </div>
  );
}
