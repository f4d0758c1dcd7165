import type { ComponentProps, ComponentType } from 'react';
import { AdminSessionRow } from './components/AdminSessionRow.js';
import { AdminSessionsTable } from './components/AdminSessionsTable.js';
import { AdminSessionsToolbar } from './components/AdminSessionsToolbar.js';
import { RevokeUserSessionsButton } from './components/RevokeUserSessionsButton.js';
import { SessionDetails } from './components/SessionDetails.js';
import { SessionStats } from './components/SessionStats.js';

/**
 * The admin console's components. Kept out of the main registry's defaults so the user-facing bundle
 * carries no admin code; the same `components` prop of SessionsProvider overrides them.
 */
export const defaultAdminComponents = {
  AdminSessionsTable,
  AdminSessionsToolbar,
  AdminSessionRow,
  SessionStats,
  SessionDetails,
  RevokeUserSessionsButton,
};

export type AdminComponents = {
  [Name in keyof typeof defaultAdminComponents]: ComponentType<
    ComponentProps<(typeof defaultAdminComponents)[Name]>
  >;
};
