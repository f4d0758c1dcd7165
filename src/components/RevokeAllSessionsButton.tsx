'use client';

import { type RevokeManyButtonProps, useRevokeManyButton } from './useRevokeManyButton.js';

export type RevokeAllSessionsButtonProps = RevokeManyButtonProps;

/**
 * "Sign out everywhere": every device, this one included, after a confirmation (with the password when
 * the provider requires it); then the host's `onSignedOut({ reason: 'revoked-all' })`.
 */
export function RevokeAllSessionsButton(props: RevokeAllSessionsButtonProps) {
  return useRevokeManyButton('revokeAllSessions', 'RevokeAllSessionsButton', props);
}
