'use client';

import { useSessionsUI } from '../registry/SessionsUIContext.js';
import { type AdminComponents, defaultAdminComponents } from './defaultAdminComponents.js';

/** The admin components in force: the defaults, with any the host registered in SessionsProvider. */
export function useAdminComponents(): AdminComponents {
  const { components } = useSessionsUI('useAdminComponents');
  return { ...defaultAdminComponents, ...components } as AdminComponents;
}
