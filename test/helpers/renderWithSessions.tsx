import type { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
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
