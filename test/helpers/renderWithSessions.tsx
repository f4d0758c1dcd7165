import type { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type { AdminSessionsDataProvider } from '../../src/admin/provider/types.js';
import {
  AdminSessionsProvider,
  type AdminSessionsProviderProps,
} from '../../src/admin/registry/AdminSessionsProvider.js';
import type { SessionsDataProvider } from '../../src/provider/types.js';
import { SessionsProvider, type SessionsProviderProps } from '../../src/registry/SessionsProvider.js';
import { createTestQueryClient } from '../../src/testing/createTestQueryClient.js';

export interface RenderWithSessionsOptions extends Omit<SessionsProviderProps, 'children' | 'dataProvider'> {
  dataProvider: SessionsDataProvider;
  queryClient?: QueryClient;
}

/** Renders `ui` inside a SessionsProvider with a test QueryClient (no retries); `rerender` keeps both. */
export function renderWithSessions(ui: ReactElement, options: RenderWithSessionsOptions) {
  const queryClient = options.queryClient ?? createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <SessionsProvider {...options} queryClient={queryClient}>
      {children}
    </SessionsProvider>
  );
  return { ...render(ui, { wrapper }), queryClient };
}

export interface RenderWithAdminOptions
  extends Omit<AdminSessionsProviderProps, 'children' | 'dataProvider'> {
  dataProvider: AdminSessionsDataProvider;
  queryClient?: QueryClient;
}

/** The same for the admin console: inside an AdminSessionsProvider with a test QueryClient. */
export function renderWithAdmin(ui: ReactElement, options: RenderWithAdminOptions) {
  const queryClient = options.queryClient ?? createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AdminSessionsProvider {...options} queryClient={queryClient}>
      {children}
    </AdminSessionsProvider>
  );
  return { ...render(ui, { wrapper }), queryClient };
}
