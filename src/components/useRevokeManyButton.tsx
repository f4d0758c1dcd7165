'use client';

import { Slot } from '@radix-ui/react-slot';
import { type ReactElement, type ReactNode, useId, useState } from 'react';
import { useSessionsData } from '../data/SessionsDataContext.js';
import { useRevokeAllSessions } from '../data/useRevokeAllSessions.js';
import { useRevokeOtherSessions } from '../data/useRevokeOtherSessions.js';
import { useSessions } from '../data/useSessions.js';
import { announcementOf } from '../format/announcement.js';
import type { RevokeManyOutcome } from '../provider/types.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';

/** The props of both buttons that sign out many devices at once. */
export interface RevokeManyButtonProps {
  /** Only sessions of this application. */
  applicationId?: string;
  /**
   * Render the host's own element (its single child) as the button, Radix-style.
   * @default false
   */
  asChild?: boolean;
  /** The button's text, or with `asChild` the element to use. @default the action's message */
  children?: ReactNode;
  /** Called with the server's count after a successful sign-out (null when the backend does not count). */
  onRevoked?: (result: RevokeManyOutcome) => void;
  className?: string;
}

/**
 * What "Sign out other devices" and "Sign out everywhere" share: a confirmation in the registry's dialog
 * (with the password when the provider asks), waiting for the server, the server's count afterwards, and
 * a disabled state with its reason when there is nothing to sign out. Works when the provider cannot list.
 */
export function useRevokeManyButton(
  action: 'revokeOtherSessions' | 'revokeAllSessions',
  consumerName: string,
  { applicationId, asChild = false, children, onRevoked, className }: RevokeManyButtonProps,
): ReactElement | null {
  const ui = useSessionsUIContext(consumerName);
  const { capabilities } = useSessionsData(consumerName);
  const { messages, components } = ui;
  const { PasswordConfirmDialog } = components;
  const everywhere = action === 'revokeAllSessions';
  const revokeOthers = useRevokeOtherSessions();
  const revokeAll = useRevokeAllSessions();
  const mutation = everywhere ? revokeAll : revokeOthers;
  const supported = everywhere ? capabilities.canRevokeAllSessions : capabilities.canRevokeOtherSessions;
  const { data } = useSessions({ applicationId, enabled: supported });
  const [open, setOpen] = useState(false);
  // The server's answer, not its text: the text follows the locale in force when it is shown.
  const [result, setResult] = useState<RevokeManyOutcome | null>(null);
  const reasonId = useId();

  if (!supported) return null;

  // Only a list that loaded can say there is nothing to sign out; without one the server decides.
  const nothingToRevoke =
    data !== undefined && (everywhere ? data.sessions.length === 0 : data.sessions.every((s) => s.isCurrent));
  const disabled = nothingToRevoke || mutation.isPending;
  const label = everywhere ? messages.revokeAll : messages.revokeOthers;

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
    <div className={partClass(ui, 'actions')} dir={ui.dir} data-action={action}>
      <PasswordConfirmDialog
        trigger={trigger}
        open={open}
        onOpenChange={(next) => {
          if (next && disabled) return;
          if (next) setResult(null);
          setOpen(next);
        }}
        requirePassword={capabilities.password[action] === 'required'}
        title={everywhere ? messages.confirmRevokeAllTitle : messages.confirmRevokeOthersTitle}
        description={
          everywhere ? messages.confirmRevokeAllDescription : messages.confirmRevokeOthersDescription
        }
        confirmLabel={label}
        onConfirm={async (password) => {
          const outcome = await mutation.mutateAsync({ password, applicationId });
          setResult(outcome);
          onRevoked?.(outcome);
        }}
      />
      {showReason && (
        <p id={reasonId} className={partClass(ui, 'meta')}>
          {messages.nothingToRevoke}
        </p>
      )}
      {result && (
        // The sentence the live region says too: one rule for the count, or for its absence.
        <p className={partClass(ui, 'result')}>
          {announcementOf(
            { type: everywhere ? 'allSessionsRevoked' : 'otherSessionsRevoked', ...result },
            messages,
          )}
        </p>
      )}
    </div>
  );
}
