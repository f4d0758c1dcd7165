import type { ComponentProps, ComponentType } from 'react';
import type { AdminComponents } from '../admin/defaultAdminComponents.js';
import { DeviceIcon } from '../components/DeviceIcon.js';
import { LastActive } from '../components/LastActive.js';
import { PasswordConfirmDialog } from '../components/PasswordConfirmDialog.js';
import { ReauthPrompt } from '../components/ReauthPrompt.js';
import { RevokeAllButton } from '../components/RevokeAllButton.js';
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
  RevokeSessionButton,
  SignOutDeviceButton,
  PasswordConfirmDialog,
  ReauthPrompt,
  SessionsAnnouncer,
};

/** The registry: each entry takes exactly the props of the default it replaces. */
export type SessionsComponents = {
  [Name in keyof typeof defaultComponents]: ComponentType<ComponentProps<(typeof defaultComponents)[Name]>>;
};

/**
 * What `components` may replace: every user-facing component and, for the admin console (`profilekit/admin`),
 * its components too. Admin defaults live in the admin entry so the user-facing bundle stays small.
 */
export type SessionsComponentOverrides = Partial<SessionsComponents & AdminComponents>;
