import type { ComponentProps, ComponentType } from 'react';
import type { ActivityEntryItemProps } from '../components/ActivityEntryItem.js';
import { DeviceIcon } from '../components/DeviceIcon.js';
import { LastActive } from '../components/LastActive.js';
import type { NotMeButtonProps } from '../components/NotMeButton.js';
import { PasswordConfirmDialog } from '../components/PasswordConfirmDialog.js';
import { PasswordField } from '../components/PasswordField.js';
import { ReauthPrompt } from '../components/ReauthPrompt.js';
import { RevokeAllButton } from '../components/RevokeAllButton.js';
import { RevokeAllSessionsButton } from '../components/RevokeAllSessionsButton.js';
import { RevokeOtherSessionsButton } from '../components/RevokeOtherSessionsButton.js';
import { RevokeSessionButton } from '../components/RevokeSessionButton.js';
import { SessionList } from '../components/SessionList.js';
import { SessionRow } from '../components/SessionRow.js';
import { SessionRowSkeleton } from '../components/SessionRowSkeleton.js';
import { SessionsAnnouncer } from '../components/SessionsAnnouncer.js';
import { SignOutDeviceButton } from '../components/SignOutDeviceButton.js';

/** The components the kit renders, by name. Internally every component renders the others from here. */
export const defaultComponents = {
  SessionList,
  SessionRow,
  SessionRowSkeleton,
  DeviceIcon,
  LastActive,
  RevokeAllButton,
  RevokeOtherSessionsButton,
  RevokeAllSessionsButton,
  RevokeSessionButton,
  SignOutDeviceButton,
  PasswordConfirmDialog,
  PasswordField,
  ReauthPrompt,
  SessionsAnnouncer,
};

/**
 * Parts rendered only by components a page may not use (the security activity): the registry accepts a
 * replacement for each, and the component that renders one falls back to its own default, so a page
 * without them ships none of their code.
 */
export interface OptionalSessionsComponents {
  ActivityEntryItem: ComponentType<ActivityEntryItemProps>;
  NotMeButton: ComponentType<NotMeButtonProps>;
}

/** The registry: each entry takes exactly the props of the default it replaces. */
export type SessionsComponents = {
  [Name in keyof typeof defaultComponents]: ComponentType<ComponentProps<(typeof defaultComponents)[Name]>>;
} & Partial<OptionalSessionsComponents>;

/** What `components` (on `SessionsProvider`, or on `SessionList` for one list) may replace. */
export type SessionsComponentOverrides = Partial<SessionsComponents>;
