'use client';

import { useSessionsData } from '../data/SessionsDataContext.js';
import { sessionsKeys } from '../data/sessionsKeys.js';
import { activityKey } from '../data/useSecurityActivity.js';
import type { ActivityMessages } from '../messages/activity/types.js';
import { callProvider } from '../provider/callProvider.js';
import { isSessionsError } from '../provider/SessionsError.js';
import type { ActivityEntry } from '../provider/types.js';
import { partClass, useSessionsUIContext } from '../registry/SessionsUIContext.js';

export interface NotMeButtonProps {
  /** The sign-in the user says was not theirs. */
  entry: ActivityEntry;
  /** Its device's name, for the button's accessible name and the dialog's title. */
  device: string;
  messages: ActivityMessages;
  /** Called once that session is signed out. */
  onDone: (entry: ActivityEntry) => void;
}

/**
 * "This wasn't me?": a confirmation (with the password where the server asks for one to sign a device
 * out) that reports the sign-in (`reportNotMe`) or, where the provider cannot report, signs it out
 * (`revokeSession`). A report the server cannot place falls back to signing the device out; a session
 * already gone counts as done: the point was that it ends.
 */
export function NotMeButton({ entry, device, messages, onDone }: NotMeButtonProps) {
  const ui = useSessionsUIContext('NotMeButton');
  const { dataProvider, capabilities, queryClient, scope } = useSessionsData('NotMeButton');
  const { PasswordConfirmDialog } = ui.components;
  const sessionId = entry.sessionId;
  const canReport = typeof dataProvider.reportNotMe === 'function';
  if (sessionId === undefined || (!canReport && !capabilities.canRevokeSession)) return null;

  const confirm = async (password: string | undefined) => {
    const params = { sessionId, ...(password === undefined ? {} : { password }) };
    const signOut = async () => {
      try {
        await callProvider(dataProvider, 'revokeSession', params);
      } catch (error) {
        // Already gone: what the user asked for holds.
        if (!isSessionsError(error) || error.code !== 'NOT_FOUND') throw error;
      }
    };
    try {
      if (canReport) await callProvider(dataProvider, 'reportNotMe', params);
      else await signOut();
    } catch (error) {
      // A report the server cannot place (its log forgot the sign-in) still signs the device out.
      if (!isSessionsError(error) || error.code !== 'NOT_FOUND' || !capabilities.canRevokeSession)
        throw error;
      await signOut();
    }
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: sessionsKeys.lists(scope) }),
      queryClient.invalidateQueries({ queryKey: activityKey(scope) }),
    ]);
    onDone(entry);
  };

  return (
    <PasswordConfirmDialog
      trigger={
        <button type="button" className={partClass(ui, 'button')} aria-label={messages.notMeLabel(device)}>
          {messages.notMe}
        </button>
      }
      title={messages.notMeTitle(device)}
      description={messages.notMeDescription}
      requirePassword={capabilities.password.revokeSession === 'required'}
      confirmLabel={messages.notMeConfirm}
      onConfirm={confirm}
    />
  );
}
