import { type ReactNode, useState } from 'react';
import { createDemoBackend, type DemoBackendOptions } from '../../src/memory/demoBackend.js';
import type { SessionsDataProvider } from '../../src/provider/types.js';
import { SessionsProvider, type SessionsProviderProps } from '../../src/registry/SessionsProvider.js';
import { createTestQueryClient } from '../../src/testing/createTestQueryClient.js';

export type DemoBackend = ReturnType<typeof createDemoBackend>;

export interface SessionsStoryProps {
  /** Options of the in-memory server behind the story. */
  backend?: DemoBackendOptions;
  /** Prepares the server (faults, extra sessions) and may return another provider to use. */
  setup?: (backend: DemoBackend) => SessionsDataProvider | undefined;
  /** Props for SessionsProvider (components, messages, locale, dir, unstyled, callbacks…). */
  provider?: Omit<SessionsProviderProps, 'dataProvider' | 'children'>;
  /** Paints a page of that theme behind the kit so contrast is checked on real colours. */
  theme?: 'light' | 'dark';
  children: ReactNode;
}

/** Every story's frame: its own fresh memory server (one per render), and a themed page around the kit. */
export function SessionsStory({ backend, setup, provider, theme = 'light', children }: SessionsStoryProps) {
  const [dataProvider] = useState(() => {
    const server = createDemoBackend(backend);
    return setup?.(server) ?? server.provider;
  });
  // Retries off, so a story's failure shows at once instead of after TanStack Query's back-off.
  const [queryClient] = useState(createTestQueryClient);
  return (
    <div
      data-theme={theme}
      style={{
        background: theme === 'dark' ? '#09090b' : '#ffffff',
        color: theme === 'dark' ? '#fafafa' : '#09090b',
        padding: 24,
        maxWidth: 720,
      }}
    >
      <SessionsProvider dataProvider={dataProvider} queryClient={queryClient} {...provider}>
        {children}
      </SessionsProvider>
    </div>
  );
}

/** The password of the demo user, for play functions. */
export { DEMO_USER } from '../../src/memory/demoBackend.js';
