'use client';

import { Slot } from '@radix-ui/react-slot';
import { type ReactNode, useId, useState } from 'react';
import { useSessionsData } from '../data/SessionsDataContext.js';
import { useRevokeAllSessions } from '../data/useRevokeAllSessions.js';
import { useRevokeOtherSessions } from '../data/useRevokeOtherSessions.js';
import { useSessions } from '../data/useSessions.js';
import { partClass, useSessionsUI } from '../registry/SessionsUIContext.js';

export interface RevokeAllButtonProps {
  /**
   * `'others'` signs out every device but this one; `'all'` signs out everywhere, this device included
   * (the host's `onSignedOut` follows).
   * @default 'others'
   */
  scope?: 'others' | 'all';
  /** Only sessions of this application. */
  applicationId?: string;
  /**
   * Render the host's own element (its single child) as the button, Radix-style.
   * @default false
   */
  asChild?: boolean;
  /** The button's text, or with `asChild` the element to use. @default the scope's message */
  children?: ReactNode;
  /** Called with the server's count after a successful sign-out. */
  onRevoked?: (result: { revokedCount: number }) => void;
  className?: string;
}

/**
 * "Sign out other devices" (or, with `scope="all"`, "Sign out everywhere"): confirms in a dialog — with the
 * password when the provider requires it — waits for the server, then shows how many devices were signed
 * out. Disabled with a reason when there is nothing to sign out. Works when the provider cannot list.
 */
export function RevokeAllButton({
  scope = 'others',
  applicationId,
  asChild = false,
  children,
  onRevoked,
  className,
}: RevokeAllButtonProps) {
  const ui = useSessionsUI('RevokeAllButton');
  const { capabilities } = useSessionsData('RevokeAllButton');
  const { messages, components } = ui;
  const { PasswordConfirmDialog } = components;
  const revokeOthers = useRevokeOtherSessions();
  const revokeAll = useRevokeAllSessions();
  const mutation = scope === 'all' ? revokeAll : revokeOthers;
  const action = scope === 'all' ? 'revokeAllSessions' : 'revokeOtherSessions';
  const supported = scope === 'all' ? capabilities.canRevokeAllSessions : capabilities.canRevokeOtherSessions;
  const { data } = useSessions({ applicationId, enabled: supported });
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const reasonId = useId();

  if (!supported) return null;

  // Only a list that loaded can say there is nothing to sign out; without one the server decides.
  const nothingToRevoke =
    data !== undefined &&
    (scope === 'all' ? data.sessions.length === 0 : data.sessions.every((s) => s.isCurrent));
  const disabled = nothingToRevoke || mutation.isPending;
  const label = scope === 'all' ? messages.revokeAll : messages.revokeOthers;

  const showReason = nothingToRevoke && result === null;
  const triggerProps = {
    className: partClass(ui, 'button', className),
    'data-variant': 'destructive',
    'aria-disabled': disabled || undefined,
    'aria-describedby': showReason ? reasonId : undefined,
  };
  const trigger = asChild ? (
    <Slot {...triggerProps}>{children}</Slot>
  ) : (
    <button type="button" {...triggerProps}>
      {children ?? label}
    </button>
  );

  return (
    <div className={partClass(ui, 'actions')} dir={ui.dir} data-scope={scope}>
      <PasswordConfirmDialog
        trigger={trigger}
        open={open}
        onOpenChange={(next) => {
          if (next && disabled) return;
          if (next) setResult(null);
          setOpen(next);
        }}
        requirePassword={capabilities.password[action] === 'required'}
        title={scope === 'all' ? messages.confirmRevokeAllTitle : messages.confirmRevokeOthersTitle}
        description={
          scope === 'all' ? messages.confirmRevokeAllDescription : messages.confirmRevokeOthersDescription
        }
        confirmLabel={label}
        onConfirm={async (password) => {
          const outcome = await mutation.mutateAsync({ password, applicationId });
          setResult(
            scope === 'all' ? messages.signedOutEverywhere : messages.revokedCount(outcome.revokedCount),
          );
          onRevoked?.(outcome);
        }}
      />
      {showReason && (
        <p id={reasonId} className={partClass(ui, 'meta')}>
          {messages.nothingToRevoke}
        </p>
      )}
      {result && <p className={partClass(ui, 'result')}>{result}</p>}
    </div>
  );
}
