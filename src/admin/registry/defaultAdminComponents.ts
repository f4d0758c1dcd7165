import type { ComponentProps, ComponentType } from 'react';
import type { SessionsComponentOverrides } from '../../registry/defaultComponents.js';
import { AdminSessionRow } from '../components/AdminSessionRow.js';
import { AdminSessionStats } from '../components/AdminSessionStats.js';
import { AdminSessionsTable } from '../components/AdminSessionsTable.js';
import { AdminSessionsToolbar } from '../components/AdminSessionsToolbar.js';
import { RevokeUserSessionsButton } from '../components/RevokeUserSessionsButton.js';
import { SessionDetails } from '../components/SessionDetails.js';

/**
 * The admin console's components, by name, in the admin entry so the user-facing bundle carries no admin
 * code. Internally the console renders its parts from here, and the kit's shared ones (the dialog) from
 * the kit's registry.
 */
export const defaultAdminComponents = {
  AdminSessionsTable,
  AdminSessionsToolbar,
  AdminSessionRow,
  AdminSessionStats,
  SessionDetails,
  RevokeUserSessionsButton,
};

/** The console's registry: each entry takes exactly the props of the default it replaces. */
export type AdminComponents = {
  [Name in keyof typeof defaultAdminComponents]: ComponentType<
    ComponentProps<(typeof defaultAdminComponents)[Name]>
  >;
};

/** What `AdminSessionsProvider`'s `components` may replace: the console's parts and the kit's. */
export type AdminComponentOverrides = Partial<AdminComponents> & SessionsComponentOverrides;
