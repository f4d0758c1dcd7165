'use client';

import { useSessionsUIContext } from '../registry/SessionsUIContext.js';
import type { RevokeManyButtonProps } from './useRevokeManyButton.js';

export interface RevokeAllButtonProps extends RevokeManyButtonProps {
  /**
   * Sign this device out too ("Sign out everywhere") instead of every other device ("Sign out other
   * devices", Jetstream's "Log Out Other Browser Sessions").
   * @default false
   */
  includeThisDevice?: boolean;
}

/**
 * The product's one "revoke all" button: every other device by default, every device with
 * `includeThisDevice`. It renders the registry's `RevokeOtherSessionsButton` or
 * `RevokeAllSessionsButton`, so overriding either changes this button too.
 */
export function RevokeAllButton({ includeThisDevice = false, ...props }: RevokeAllButtonProps) {
  const { components } = useSessionsUIContext('RevokeAllButton');
  const Button = includeThisDevice
    ? components.RevokeAllSessionsButton
    : components.RevokeOtherSessionsButton;
  return <Button {...props} />;
}
