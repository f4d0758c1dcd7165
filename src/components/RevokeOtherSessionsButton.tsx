'use client';

import { type RevokeManyButtonProps, useRevokeManyButton } from './useRevokeManyButton.js';

export type RevokeOtherSessionsButtonProps = RevokeManyButtonProps;

/**
 * "Sign out other devices" (Laravel's `logoutOtherDevices`): every device but this one. Confirms in a
 * dialog — with the password when the provider requires it — waits for the server, then shows how many
 * devices were signed out. Disabled with a reason when no other device is signed in; works when the
 * provider cannot list.
 */
export function RevokeOtherSessionsButton(props: RevokeOtherSessionsButtonProps) {
  return useRevokeManyButton('revokeOtherSessions', 'RevokeOtherSessionsButton', props);
}
