'use client';

import { useState } from 'react';
import { partClass, useSessionsUI } from '../../registry/SessionsUIContext.js';
import { useAdminMessages } from '../adminMessages.js';
import { useRevokeUserSessions } from '../data/useRevokeUserSessions.js';

export interface RevokeUserSessionsButtonProps {
  userId: string;
  /** How to name the user in the dialog: email or name. */
  userLabel: string;
  onRevoked?: (result: { revokedCount: number }) => void;
  className?: string;
}

/** "Sign out all of this user's sessions": confirmed in the registry's dialog, then shows the count. */
export function RevokeUserSessionsButton({
  userId,
  userLabel,
  onRevoked,
  className,
}: RevokeUserSessionsButtonProps) {
  const ui = useSessionsUI('RevokeUserSessionsButton');
  const text = useAdminMessages();
  const { PasswordConfirmDialog } = ui.components;
  const revoke = useRevokeUserSessions();
  const [result, setResult] = useState<string | null>(null);
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
          const message = text.userSessionsRevoked(outcome.revokedCount);
          setResult(message);
          ui.announce(message);
          onRevoked?.(outcome);
        }}
      />
      {result && <p className={partClass(ui, 'result')}>{result}</p>}
    </div>
  );
}
